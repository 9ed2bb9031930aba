// The dossier timeline of a client: contacts, activities, matches, placements, caseload periods
// (intake and exit), measures, exports and changes (from the journal) as one list, newest first.
// Each source reads only its own rows after the cursor, through the per-client indexes; the
// merge takes the newest `limit`. Keyset: (date, rank, id) - rank orders kinds within a day.
//
// Other modules add sources with registerTimelineSource (the exports module: one item per
// delivered batch that contained the client), without this file knowing their tables.
import { sql, type Compilable, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Role } from '../model/roles.js';
import type { DB } from '../store/schema.js';
import { idList } from '../records/id-list.js';
import { compiled, type CompiledQuery } from '../records/compiled.js';
import { labelOf } from '../model/codes.js';
import { dutchDay, formatDateNl } from '../model/calendar.js';
import type { Store } from '../journal/store.js';
import { MASK, mayShow } from '../model/access.js';
import { changesOf } from './history.js';
import { namer } from '../records/names.js';
import { decodeCursor, page, type CursorKey } from '../records/paging.js';

import { ENTITY_LABELS } from './labels.js';

export type TimelineKind =
  'intake' | 'measure' | 'contact' | 'activity' | 'match' | 'placement' | 'export' | 'exit' | 'change';

export interface TimelineItem {
  date: string;
  kind: TimelineKind;
  rank: number;
  id: string;
  entity: string;
  title: string;
  detail: string | null;
  by: string | null;
  /** Changed fields (kind 'change'), values masked per role. */
  fields?: { field: string; label: string; old: unknown; new: unknown }[];
}

/** Rank within one day, newest first: a change of that day shows above the exit, ..., the intake last. */
const RANK: Record<TimelineKind, number> = {
  intake: 0,
  measure: 1,
  contact: 2,
  activity: 3,
  match: 4,
  placement: 5,
  export: 6,
  exit: 7,
  change: 8,
};

export interface Cursor {
  date: string;
  rank: number;
  id: string;
}

export interface TimelineSource {
  kind: TimelineKind;
  /** Items of the client strictly before the cursor (newest first), at most `limit`. */
  read(store: Store, clientId: string, after: Cursor | null, limit: number, role: Role): TimelineItem[];
}

/** "(date, rank, id) < cursor" for a source whose rank is fixed; null: no condition. */
function before(
  date: Expression<string | null>,
  id: Expression<string>,
  kind: TimelineKind,
  after: Cursor | null,
): RawBuilder<SqlBool> | null {
  if (!after) return null;
  const r = RANK[kind];
  if (r < after.rank) return sql<SqlBool>`${date} <= ${after.date}`;
  if (r > after.rank) return sql<SqlBool>`${date} < ${after.date}`;
  return sql<SqlBool>`(${date} < ${after.date} OR (${date} = ${after.date} AND ${id} < ${after.id}))`;
}

/** Applies the cursor condition on (date, x.id), when there is a cursor. */
function after(
  cursor: (date: Expression<string | null>, id: Expression<string>) => RawBuilder<SqlBool> | null,
  date: Expression<string | null>,
) {
  const cond = cursor(date, sql.ref('x.id'));
  return <Q extends { where(e: Expression<SqlBool>): Q }>(q: Q): Q => (cond ? q.where(cond) : q);
}

/** `deleted = 0` as a literal, as the indexes say it. */
const LIVE = sql.lit(0);

function sqlSource<R extends { id: string; d: string }>(
  kind: TimelineKind,
  entity: string,
  rows: (
    db: Kysely<DB>,
    clientId: string,
    cursor: (date: Expression<string | null>, id: Expression<string>) => RawBuilder<SqlBool> | null,
    limit: number,
  ) => Compilable<R>,
  toItem: (r: R, role: Role) => Pick<TimelineItem, 'title' | 'detail' | 'by'>,
): TimelineSource {
  const queries: CompiledQuery<[string, number, ...string[]], R>[] = [];
  return {
    kind,
    read(store, clientId, after, limit, role) {
      // Compiled once per cursor shape (none, before the day, on or before it, within the day).
      const r = RANK[kind];
      const shape = !after ? 0 : r < after.rank ? 1 : r > after.rank ? 2 : 3;
      let q = queries[shape];
      if (!q) {
        const rank = [0, r + 1, r - 1, r][shape]!;
        q = queries[shape] = compiled((db, client: string, max: number, ...cur: string[]) => {
          const at = shape ? { date: cur[0]!, rank, id: cur[1] ?? '' } : null;
          return rows(db, client, (date, id) => before(date, id, kind, at), max);
        });
      }
      const cur = !after ? [] : shape === 3 ? [after.date, after.id] : [after.date];
      return q.all(store, clientId, limit, ...cur).map((r) => ({
        date: r.d,
        kind,
        rank: RANK[kind],
        id: r.id,
        entity,
        ...toItem(r, role),
      }));
    },
  };
}

const TARGETS: Record<string, string> = { wbs: 'WBS', gws: 'GWS4all', vum: 'VUM' };
const nl = (iso: unknown) => formatDateNl(iso as string | null);
const join = (...parts: unknown[]) =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ') || null;

const SOURCES: TimelineSource[] = [
  sqlSource(
    'contact',
    'contact',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('contacts as x')
        .selectAll('x')
        .select('x.date as d')
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.date', 'is not', null)
        .$call(after(cursor, sql.ref('x.date')))
        .orderBy('x.date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r, role) => ({
      title:
        r.purpose === 'nazorg'
          ? `Nazorg gepland op ${nl(r.follow_up_date)}`
          : `Contact: ${labelOf('contact_kind', r.kind as string)}`,
      detail: join(
        r.summary ? (mayShow('contact', 'summary', role) ? (r.summary as string) : MASK) : null,
        r.follow_up_date && r.purpose !== 'nazorg' && `vervolg ${nl(r.follow_up_date)}`,
        r.follow_up_done && `afgehandeld ${nl(r.follow_up_done)}`,
      ),
      by: (r.by as string) ?? null,
    }),
  ),
  sqlSource(
    'activity',
    'activity',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('activities as x')
        .selectAll('x')
        .select('x.start_date as d')
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.start_date', 'is not', null)
        .$call(after(cursor, sql.ref('x.start_date')))
        .orderBy('x.start_date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r) => ({
      title: `${labelOf('activity_kind', r.kind as string)} gestart`,
      detail: join(r.provider as string, r.end_date ? `tot ${nl(r.end_date)}` : 'lopend', r.outcome as string),
      by: null,
    }),
  ),
  sqlSource(
    'match',
    'match',
    (db, clientId, cursor, limit) => {
      const d = sql<string>`coalesce(${sql.ref('x.status_date')}, '')`;
      return db
        .selectFrom('matches as x')
        .leftJoin('vacancies as v', 'v.id', 'x.vacancy_id')
        .leftJoin('employers as e', 'e.id', 'v.employer_id')
        .selectAll('x')
        .select([d.as('d'), 'v.title', 'e.name as employer'])
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .$call(after(cursor, d))
        .orderBy(d, 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit);
    },
    (r) => ({
      title: `Voordracht ${labelOf('match_status', r.status as string).toLowerCase()}: ${(r.title as string) ?? 'vacature'}`,
      detail: join(
        r.employer as string,
        r.score !== null && r.score !== undefined && `score ${r.score as number}`,
        r.note as string,
      ),
      by: null,
    }),
  ),
  sqlSource(
    'placement',
    'placement',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('placements as x')
        .leftJoin('employers as e', 'e.id', 'x.employer_id')
        .selectAll('x')
        .select(['x.start_date as d', 'e.name as employer'])
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.start_date', 'is not', null)
        .$call(after(cursor, sql.ref('x.start_date')))
        .orderBy('x.start_date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r) => ({
      title: `Geplaatst bij ${(r.employer as string) ?? 'werkgever'}`,
      detail: join(
        labelOf('placement_kind', r.kind as string),
        r.hours_per_week && `${r.hours_per_week as number} uur/week`,
        r.end_date ? `tot ${nl(r.end_date)}` : null,
        r.job_coach && `jobcoach ${r.job_coach as string}`,
      ),
      by: null,
    }),
  ),
  sqlSource(
    'intake',
    'period',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('caseload_periods as x')
        .selectAll('x')
        .select('x.intake_date as d')
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.intake_date', 'is not', null)
        .$call(after(cursor, sql.ref('x.intake_date')))
        .orderBy('x.intake_date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r) => ({
      title: 'Instroom in de caseload',
      detail: join(
        r.referrer && `verwijzer ${labelOf('referrer', r.referrer as string)}`,
        r.account_manager && `klantmanager ${r.account_manager as string}`,
      ),
      by: null,
    }),
  ),
  sqlSource(
    'exit',
    'period',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('caseload_periods as x')
        .selectAll('x')
        .select('x.exit_date as d')
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.exit_date', 'is not', null)
        .$call(after(cursor, sql.ref('x.exit_date')))
        .orderBy('x.exit_date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r) => ({ title: `Uitstroom: ${labelOf('exit_reason', r.exit_reason as string)}`, detail: null, by: null }),
  ),
  sqlSource(
    'measure',
    'measure',
    (db, clientId, cursor, limit) =>
      db
        .selectFrom('measures as x')
        .selectAll('x')
        .select('x.date as d')
        .where('x.client_id', '=', clientId)
        .where('x.deleted', '=', LIVE)
        .where('x.date', 'is not', null)
        .$call(after(cursor, sql.ref('x.date')))
        .orderBy('x.date', 'desc')
        .orderBy('x.id', 'desc')
        .limit(limit)
        .$narrowType<{ d: string }>(),
    (r, role) => ({
      title: `Maatregel: ${labelOf('measure_kind', r.kind as string)}`,
      detail: join(
        r.reason ? (mayShow('measure', 'reason', role) ? (r.reason as string) : MASK) : null,
        r.end_date && `tot ${nl(r.end_date)}`,
      ),
      by: null,
    }),
  ),
  {
    kind: 'export',
    // Deliveries of the client's records to WBS / GWS4all / VUM (export_deliveries, EXPORTS.md).
    read(store, clientId, after, limit) {
      const db = store.kysely;
      const ids = [
        clientId,
        ...[
          ...store.all(db.selectFrom('caseload_periods').select('id').where('client_id', '=', clientId)),
          ...store.all(db.selectFrom('activities').select('id').where('client_id', '=', clientId)),
          ...store.all(db.selectFrom('placements').select('id').where('client_id', '=', clientId)),
        ].map((r) => r.id),
      ];
      const d = sql<string>`substr(${sql.ref('x.delivered_at')}, 1, 10)`;
      const cond = before(d, sql.ref('x.id'), 'export', after);
      const rows = store.all(
        db
          .selectFrom('export_deliveries as x')
          .selectAll('x')
          .select(d.as('d'))
          .where('x.record_id', 'in', idList(ids))
          .where('x.deleted', '=', LIVE)
          .where('x.delivered_at', 'is not', null)
          .$if(cond !== null, (q) => q.where(cond!))
          .orderBy('d', 'desc')
          .orderBy('x.id', 'desc')
          .limit(limit),
      );
      return rows.map((r) => ({
        date: r.d as string,
        kind: 'export' as const,
        rank: RANK.export,
        id: r.id as string,
        entity: 'export_delivery',
        title: `Geleverd aan ${TARGETS[r.target as string] ?? (r.target as string)}: ${ENTITY_LABELS[r.entity as 'client'] ?? (r.entity as string)}`,
        detail: r.method === 'entry' ? 'handmatig ingevoerd' : r.batch ? `batch ${r.batch as string}` : null,
        by: null,
      }));
    },
  },
  {
    kind: 'change',
    // Changes to the client and its periods, grouped per save (same user, laptop and second).
    read(store, clientId, after, limit, role) {
      const db = store.kysely;
      const periods = store
        .all(db.selectFrom('caseload_periods').select('id').where('client_id', '=', clientId))
        .map((r) => r.id);
      // The history of registrations merged into this client (db/sync/merge.ts) is this client's too.
      const merged = store
        .all(db.selectFrom('clients').select('id').where('merged_into', '=', clientId))
        .map((r) => r.id);
      const groups = new Map<string, TimelineItem>();
      const names = namer(store);
      // One journal read per record: the client, its merged registrations and its few caseload periods.
      for (const [entity, id] of [
        ['client', clientId] as const,
        ...merged.map((m) => ['client', m] as const),
        ...periods.map((p) => ['period', p] as const),
      ]) {
        for (const ch of changesOf(store, entity, id, role, names)) {
          const key = `${entity}|${id}|${ch.user}|${ch.device}|${ch.at.slice(0, 19)}`;
          let g = groups.get(key);
          if (!g) {
            const date = dutchDay(Date.parse(ch.at));
            g = {
              date,
              kind: 'change',
              rank: RANK.change,
              id: ch.hlc,
              entity,
              title: '',
              detail: null,
              by: ch.userName ?? ch.user,
              fields: [],
            };
            groups.set(key, g);
          }
          if (ch.field !== 'ref') g.fields!.push({ field: ch.field, label: ch.label, old: ch.old, new: ch.new });
        }
      }
      const items = [...groups.values()].filter((g) => g.fields!.length);
      for (const g of items) {
        const created = g.fields!.every((f) => f.old === null || f.old === undefined) && g.fields!.length > 3;
        g.title = created
          ? `${ENTITY_LABELS[g.entity as 'client'] ?? g.entity} geregistreerd`
          : `${ENTITY_LABELS[g.entity as 'client'] ?? g.entity} gewijzigd: ${g.fields!.map((f) => f.label).join(', ')}`;
      }
      return items
        .filter((g) => !after || cmp(g, after) < 0)
        .sort((a, b) => -cmp(a, b))
        .slice(0, limit);
    },
  },
];

function cmp(a: Cursor, b: Cursor): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function registerTimelineSource(source: TimelineSource): void {
  SOURCES.push(source);
}

export function timeline(
  store: Store,
  clientId: string,
  input: { limit: number; after: string | null; kinds: TimelineKind[] | null; role: Role },
) {
  const key = decodeCursor(input.after, 3) as [string, number, string] | null;
  const after = key ? { date: key[0], rank: key[1], id: key[2] } : null;
  const items: TimelineItem[] = [];
  for (const s of SOURCES) {
    if (input.kinds && !input.kinds.includes(s.kind)) continue;
    items.push(...s.read(store, clientId, after, input.limit + 1, input.role));
  }
  items.sort((a, b) => -cmp(a, b));
  return page(items.slice(0, input.limit + 1), input.limit, (i): CursorKey => [i.date, i.rank, i.id]);
}
