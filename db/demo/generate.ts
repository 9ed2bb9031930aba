// Realistic synthetic data (CONTRACTS.md `demo`): Dutch names, valid BSNs, 2-3 years of
// caseload history with re-entries, employers (some exceptional), vacancies, placements,
// activities and contacts. Deterministic for a seed (values and refs; ids are fresh UUIDv7s).
//
// Everything goes through the journal writer, but as a bulk path: rows are built in memory with
// their final values (history.ts) and created with known ids in one transaction per batch, so
// nothing is looked up by ref or written twice. 100,000 clients with ~1,000,000 contacts take
// minutes, not hours (docs/performance.md).
import { forgetSeries, highestSeriesNumber } from '../records/refs.js';
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../journal/store.js';
import type { Writer } from '../journal/write.js';
import { codesOf } from '../model/codes.js';
import * as N from './names.js';
import { clientRows, type DemoRow, type World } from './history.js';
import { addDays } from '../model/calendar.js';
import { rand, type Rand } from './random.js';

export { rng, syntheticBsn } from './random.js';

/**
 * Version of the generated data: bump it when a change to the generator changes what it makes
 * (the bench caches its 100,000-client database under this version).
 */
export const DEMO_VERSION = 3;

export interface DemoOptions {
  clients: number;
  seed: number;
  user?: string;
  /** Reference "today" for the generated history (ISO). */
  today?: string;
  /** Average contacts per client; default grows with size (2.5 up to 10 at 100,000 clients). */
  contactsPerClient?: number;
  /** Defaults: one employer per 8 clients, one vacancy per 5 clients (at least 5 each). */
  employers?: number;
  vacancies?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  clients: number;
  employers: number;
  vacancies: number;
  contacts: number;
}

/** Small demos stay light; a large city's database gets about ten contacts per client. */
export function defaultContactsPerClient(clients: number): number {
  return Math.min(10, Math.max(2.5, clients / 10_000));
}

/** Clients per transaction: large enough to amortize the commit, small enough to keep the WAL modest. */
const BATCH = 1000;

function createAll(w: Writer, rows: DemoRow[]): void {
  for (const row of rows) w.createNew(row.entity, row.fields, row.id);
}

function employerRows(n: number, x: Rand, world: World): DemoRow[] {
  const rows: DemoRow[] = [];
  for (let e = 1; e <= n; e++) {
    const [city, pc] = x.pick(N.PLACES);
    const id = world.newId();
    world.employerIds.push(id);
    rows.push({
      entity: 'employer',
      id,
      fields: {
        ref: `W${String(world.base.employer + e).padStart(6, '0')}`,
        name: `${x.pick(N.EMPLOYER_STEMS)} ${x.pick(N.EMPLOYER_NAMES)}${e > 150 ? ' ' + e : ''}`,
        kvk: String(10_000_000 + e * 7919).slice(0, 8),
        street: x.pick(N.STREETS),
        house_number: String(x.int(1, 200)),
        postcode: `${pc}${x.int(0, 9)} ${x.pick(['AB', 'BC', 'CD', 'EH', 'GK', 'LM', 'NP', 'RT'])}`,
        city,
        sector: x.pick(N.SECTORS),
        account_holder: x.r() < 0.8 ? 'werkcorporatie' : 'uwv',
        exceptional_since: x.r() < 0.15 ? addDays(world.start, x.int(0, world.span)) : undefined,
        contact_name: `${x.pick([...N.FIRST_NAMES_M, ...N.FIRST_NAMES_V])} ${x.pick(N.LAST_NAMES)}`,
        contact_phone: `0527-${x.int(200000, 699999)}`,
      },
    });
  }
  return rows;
}

function vacancyRows(n: number, x: Rand, world: World): DemoRow[] {
  const rows: DemoRow[] = [];
  for (let v = 1; v <= n; v++) {
    const opened = addDays(world.start, x.int(0, world.span));
    const closed = x.r() < 0.6 ? addDays(opened, x.int(14, 120)) : undefined;
    const isClosed = Boolean(closed && closed <= world.today);
    const [title, code] = x.pick(N.JOB_TITLES);
    rows.push({
      entity: 'vacancy',
      id: world.newId(),
      fields: {
        ref: `V${String(world.base.vacancy + v).padStart(6, '0')}`,
        employer_id: x.pick(world.employerIds),
        title,
        occupation_code: code,
        hours_per_week: x.pick([16, 24, 32, 36, 38, 40]),
        positions: x.int(1, 3),
        opened_date: opened,
        closed_date: isClosed ? closed : undefined,
        close_reason: isClosed ? x.pick(['filled', 'filled', 'withdrawn']) : undefined,
        banenafspraak: x.r() < 0.2,
        description: `${title} gezocht voor ${x.int(16, 40)} uur per week.`,
      },
    });
  }
  return rows;
}

export function loadDemo(store: Store, opts: DemoOptions): DemoResult {
  const x = rand(opts.seed);
  const today = opts.today ?? store.today();
  const start = addDays(today, -x.int(730, 1095));
  const world: World = {
    today,
    start,
    span: (Date.parse(today) - Date.parse(start)) / 86_400_000,
    contactsPerClient: opts.contactsPerClient ?? defaultContactsPerClient(opts.clients),
    employerIds: [],
    newId: () => uuidv7(),
    // Numbers continue the series (refs.ts), so demo data never reuses a number on this laptop.
    base: {
      client: highestSeriesNumber(store, 'client'),
      employer: highestSeriesNumber(store, 'employer'),
      vacancy: highestSeriesNumber(store, 'vacancy'),
    },
  };
  const user = opts.user ?? 'demo';
  // A larger page cache while loading: the random-order indexes (BSN, names, dates) then stay in
  // memory between batches (about 12% less CPU at 20,000 clients); restored afterwards.
  const cacheSize = store.db.pragma('cache_size', { simple: true }) as number;
  store.db.pragma(`cache_size = ${-64 * 1024}`);
  try {
    return load(store, opts, x, world, user);
  } finally {
    store.db.pragma(`cache_size = ${cacheSize}`);
    forgetSeries(store);
  }
}

function load(store: Store, opts: DemoOptions, x: Rand, world: World, user: string): DemoResult {
  const { today } = world;
  const nEmployers = opts.employers ?? Math.max(5, Math.round(opts.clients / 8));
  const nVacancies = opts.vacancies ?? Math.max(5, Math.round(opts.clients / 5));
  let contacts = 0;
  const count = (rows: DemoRow[]) => {
    for (const row of rows) if (row.entity === 'contact') contacts++;
    return rows;
  };
  store.write(user, (w) => {
    createAll(w, employerRows(nEmployers, x, world));
    createAll(w, vacancyRows(nVacancies, x, world));
  });
  for (let from = 1; from <= opts.clients; from += BATCH) {
    const to = Math.min(from + BATCH - 1, opts.clients);
    store.write(user, (w) => {
      for (let c = from; c <= to; c++) createAll(w, count(clientRows(c, x, world)));
    });
    opts.onProgress?.(to, opts.clients);
  }
  // Follow-up contacts with every third employer, some long ago.
  const contactKinds = codesOf('contact_kind');
  const employerContacts: DemoRow[] = [];
  world.employerIds.forEach((employerId, i) => {
    if (i % 3 !== 0) return;
    employerContacts.push({
      entity: 'contact',
      id: world.newId(),
      fields: {
        ref: `C-W${String(world.base.employer + i).padStart(6, '0')}`,
        employer_id: employerId,
        date: addDays(today, -x.int(5, 200)),
        kind: x.pick(contactKinds),
        summary: 'Contact met werkgever over vacatures en plaatsingen.',
        by: x.pick(N.MANAGERS),
      },
    });
  });
  store.write(user, (w) => createAll(w, count(employerContacts)));
  return { clients: opts.clients, employers: nEmployers, vacancies: nVacancies, contacts };
}
