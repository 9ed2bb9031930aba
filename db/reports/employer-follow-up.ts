// employer-follow-up: exceptional employers ("buitengewone werkgevers", seed 2.4 fn 7) and
// whether they were contacted recently (seed 4.4: four of six had not been contacted for a long
// time). Listed: employers with exceptional_since on or before as_of. last_contact = latest
// employer contact dated on or before as_of; overdue when never contacted or when the last
// contact lies more than interval_days before as_of.
import { daysBetween } from '../model/calendar.js';
import { lastContact, type Hit } from './query.js';
import type { ReportDef } from './types.js';

export interface EmployerRow {
  ref: string;
  name: string;
  exceptional_since: string;
  last_contact: string | null;
  days_since: number | null;
  overdue: boolean;
}
export interface EmployerFollowUp {
  as_of: string;
  interval_days: number;
  /** Extra key: how many employers are overdue. */
  overdue_count: number;
  employers: EmployerRow[];
}

export const employerFollowUp: ReportDef<EmployerFollowUp> = {
  name: 'employer-follow-up',
  title: 'Opvolging buitengewone werkgevers',
  description:
    'Buitengewone werkgevers met hun laatste contact; te laat als er langer dan de termijn geen contact was.',
  params: ['as_of', 'interval_days'],

  compute(store, p, trace) {
    const rows = store.all(
      store.kysely
        .selectFrom('employers as e')
        .select((eb) => [
          'e.id as id',
          'e.ref as ref',
          'e.name as name',
          'e.exceptional_since as since',
          lastContact(eb, p.as_of).as('last'),
        ])
        .where('e.deleted', '=', 0)
        .where('e.exceptional_since', 'is not', null)
        .where('e.exceptional_since', '<=', p.as_of)
        // Saved employers have their number; since is set by the WHERE.
        .$narrowType<{ ref: string; since: string }>(),
    );
    const employers = rows.map((r) => {
      const days = r.last ? daysBetween(r.last, p.as_of) : null;
      return {
        id: r.id,
        row: {
          ref: r.ref,
          name: r.name ?? '',
          exceptional_since: r.since,
          last_contact: r.last,
          days_since: days,
          overdue: days === null || days > p.interval_days,
        },
      };
    });
    // Longest without contact first (never contacted on top), then by ref.
    employers.sort(
      (a, b) => (b.row.days_since ?? Infinity) - (a.row.days_since ?? Infinity) || (a.row.ref < b.row.ref ? -1 : 1),
    );
    const hit = (e: (typeof employers)[number]): Hit => ({ id: e.id, ref: e.row.ref });
    trace.add('employers', 'Buitengewone werkgevers', 'employer', employers.map(hit), p.as_of);
    trace.add(
      'overdue_count',
      'Buitengewone werkgevers te laat voor contact',
      'employer',
      employers.filter((e) => e.row.overdue).map(hit),
      p.as_of,
    );
    return {
      as_of: p.as_of,
      interval_days: p.interval_days,
      overdue_count: employers.filter((e) => e.row.overdue).length,
      employers: employers.map((e) => e.row),
    };
  },

  tables(d) {
    return [
      {
        id: 'employers',
        title: `Opvolging buitengewone werkgevers (termijn ${d.interval_days} dagen)`,
        columns: [
          { key: 'ref', label: 'Werkgever', type: 'text' },
          { key: 'name', label: 'Naam', type: 'text' },
          { key: 'exceptional_since', label: 'Buitengewoon sinds', type: 'date' },
          { key: 'last_contact', label: 'Laatste contact', type: 'date' },
          { key: 'days_since', label: 'Dagen geleden', type: 'int' },
          { key: 'overdue', label: 'Te laat', type: 'bool' },
        ],
        rows: [
          ...d.employers.map((e) => ({ cells: { ...e, last_contact: e.last_contact ?? 'nooit' } })),
          {
            cells: {
              ref: 'Totaal',
              name: `${d.employers.length} werkgever${d.employers.length === 1 ? '' : 's'}, ${d.overdue_count} te laat`,
              exceptional_since: null,
              last_contact: null,
              days_since: null,
              overdue: null,
            },
            figures: { ref: 'employers', name: 'overdue_count' },
            total: true,
          },
        ],
      },
    ];
  },
};
