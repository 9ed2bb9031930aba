// One synthetic client and everything that hangs off it (caseload periods with exits and
// re-entries, an activity, maybe a placement, contacts), as plain rows ready for the journal
// writer. Pure: no store access, so the generator never has to look anything up by ref.
import { codesOf } from '../model/codes.js';
import { addDays, daysBetween } from '../model/calendar.js';
import type { EntityName } from '../model/entities.js';
import type { Value } from '../journal/write.js';
import { hashRef } from '../records/refs.js';
import * as N from './names.js';
import { syntheticBsn, type Rand } from './random.js';

export interface DemoRow {
  entity: EntityName;
  id: string;
  fields: Record<string, Value | undefined>;
}

export interface World {
  today: string;
  /** First day of the generated history. */
  start: string;
  /** Days from start to today. */
  span: number;
  /** Average contacts per client. */
  contactsPerClient: number;
  employerIds: string[];
  newId(): string;
  /** The highest number already given out per series: demo numbers continue after it. */
  base: { client: number; employer: number; vacancy: number };
}

const EXIT_REASONS = [...codesOf('exit_reason'), 'work_regular', 'work_regular'];
const REFERRERS = ['social_team', 'social_team', 'social_team', 'uwv', 'school', 'urk', 'self', 'other'];
const ACTIVITY_KINDS = codesOf('activity_kind');
const PLACEMENT_KINDS = codesOf('placement_kind');
const CONTACT_KINDS = codesOf('contact_kind');
const EDUCATION = codesOf('education_level');
const SUMMARIES = [
  'Voortgangsgesprek gevoerd.',
  'Vacatures doorgenomen.',
  'Afspraak sollicitatie gemaakt.',
  'Telefonisch contact over activiteit.',
];
const PC_LETTERS = ['AA', 'BB', 'CE', 'DG', 'HJ', 'KL', 'MN', 'PR'];

interface Period {
  intake: string;
  referrer: string;
  manager: string;
  exit?: string;
  reason?: string;
}

/** The rows of client number `n` (1-based), in write order: client, periods, activity, placement, contacts. */
export function clientRows(n: number, x: Rand, world: World): DemoRow[] {
  const { today, start, span } = world;
  const male = x.r() < 0.55;
  const first = x.pick(male ? N.FIRST_NAMES_M : N.FIRST_NAMES_V);
  const [city, pc] = x.pick(N.PLACES);
  const num = String(world.base.client + n).padStart(6, '0');
  const ref = `K${num}`;
  const clientId = world.newId();
  // Caseload history: about half leave, some of them come back.
  const periods: Period[] = [
    { intake: addDays(start, x.int(0, span - 10)), referrer: x.pick(REFERRERS), manager: x.pick(N.MANAGERS) },
  ];
  let leaves = x.r() < 0.5 ? x.int(1, 2) : 0;
  while (leaves-- > 0) {
    const p = periods[periods.length - 1]!;
    const exit = addDays(p.intake, x.int(30, 400));
    if (exit >= today) break;
    p.exit = exit;
    p.reason = x.pick(EXIT_REASONS);
    if (leaves > 0) {
      const intake = addDays(exit, x.int(30, 200));
      if (intake >= today) break;
      periods.push({ intake, referrer: x.pick(REFERRERS), manager: x.pick(N.MANAGERS) });
    }
  }
  const firstIntake = periods[0]!.intake;
  const intake = periods[periods.length - 1]!.intake;
  const rows: DemoRow[] = [
    {
      entity: 'client',
      id: clientId,
      fields: {
        ref,
        bsn: syntheticBsn(n),
        initials: `${first[0]}.`,
        first_name: first,
        name_prefix: x.pick(N.PREFIXES) || undefined,
        last_name: x.pick(N.LAST_NAMES),
        birth_date: addDays(today, -x.int(18 * 365, 64 * 365)),
        gender: male ? 'm' : 'v',
        phone: `06-${x.int(10000000, 99999999)}`,
        email: `${first.toLowerCase().replace(/[^a-z]/g, '')}.${n}@voorbeeld.nl`,
        street: x.pick(N.STREETS),
        house_number: String(x.int(1, 250)),
        postcode: `${pc}${x.int(0, 9)} ${x.pick(PC_LETTERS)}`,
        city,
        education_level: x.pick(EDUCATION),
        driving_licence: x.r() < 0.5 ? ['B'] : undefined,
        hours_available: x.pick([16, 24, 32, 36, 40]),
        target_groups: x.r() < 0.2 ? ['banenafspraak'] : x.r() < 0.15 ? ['statushouder'] : undefined,
        created: firstIntake,
      },
    },
  ];
  for (const p of periods) {
    rows.push({
      entity: 'period',
      id: world.newId(),
      fields: {
        // The same ref the record writer gives a period (refs.ts), so imports find it.
        ref: hashRef('period', [clientId, p.intake]),
        client_id: clientId,
        intake_date: p.intake,
        referrer: p.referrer,
        account_manager: p.manager,
        exit_date: p.exit,
        exit_reason: p.reason,
      },
    });
  }
  const aStart = addDays(intake, x.int(0, 30));
  if (aStart <= today) {
    const aEnd = addDays(aStart, x.int(20, 120));
    rows.push({
      entity: 'activity',
      id: world.newId(),
      fields: {
        ref: `A${num}`,
        client_id: clientId,
        kind: x.pick(ACTIVITY_KINDS),
        provider: x.pick(N.PROVIDERS),
        start_date: aStart,
        end_date: aEnd <= today ? aEnd : undefined,
        outcome: aEnd <= today ? 'Afgerond' : undefined,
      },
    });
  }
  if (x.r() < 0.25) {
    const pStart = addDays(intake, x.int(30, 300));
    if (pStart <= today) {
      rows.push({
        entity: 'placement',
        id: world.newId(),
        fields: {
          ref: `PL${num}`,
          client_id: clientId,
          employer_id: x.pick(world.employerIds),
          start_date: pStart,
          kind: x.pick(PLACEMENT_KINDS),
          hours_per_week: x.pick([16, 24, 32, 36]),
          wage_subsidy: x.r() < 0.3,
        },
      });
    }
  }
  // Contacts spread over the client's whole history (0 to 2x the average, so the mean is the average).
  const nContacts = Math.floor(x.r() * (2 * world.contactsPerClient + 1));
  const history = Math.max(0, daysBetween(firstIntake, today));
  for (let k = 0; k < nContacts; k++) {
    const date = addDays(firstIntake, x.int(0, history));
    const followUp = x.r() < 0.3 ? addDays(date, x.int(7, 21)) : undefined;
    // Account managers handle most follow-ups within a week; the last weeks' are still open.
    const done =
      followUp && daysBetween(followUp, today) > 14 && x.r() < 0.95 ? addDays(followUp, x.int(0, 7)) : undefined;
    rows.push({
      entity: 'contact',
      id: world.newId(),
      fields: {
        ref: `C${num}-${k}`,
        client_id: clientId,
        date,
        kind: x.pick(CONTACT_KINDS),
        summary: x.pick(SUMMARIES),
        follow_up_date: followUp,
        follow_up_done: done,
        by: x.pick(N.MANAGERS),
      },
    });
  }
  return rows;
}
