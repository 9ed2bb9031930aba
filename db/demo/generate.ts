// Realistic synthetic data (CONTRACTS.md `demo`): Dutch names, valid BSNs, 2-3 years of
// caseload history with re-entries, employers (some exceptional), vacancies, placements,
// activities and contacts. Deterministic for a seed. Everything goes through the journal.
import type { Store } from '../store/open.js';
import { RecordWriter, type RecordValues } from '../records/upsert.js';
import type { RecordKind } from '../model/records.js';
import { codesOf } from '../model/codes.js';
import * as N from './names.js';

export interface DemoOptions {
  clients: number;
  seed: number;
  user?: string;
  /** Reference "today" for the generated history (ISO). */
  today?: string;
  onProgress?: (done: number, total: number) => void;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A BSN that passes the eleven-check, unique per n (synthetic: starts with 9, not issued as such). */
export function syntheticBsn(n: number): string {
  for (let k = 0; ; k++) {
    const base = String(900000000 + ((n * 17 + k * 1_000_003) % 99_999_999)).slice(0, 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(base[i]);
    const check = sum % 11;
    if (check <= 9) {
      const bsn = base + String(check);
      if (bsn !== '000000000') return bsn;
    }
  }
}

const DAY = 86_400_000;
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export function loadDemo(store: Store, opts: DemoOptions): { clients: number; employers: number; vacancies: number } {
  const r = rng(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const start = addDays(today, -int(730, 1095));
  const span = (Date.parse(today) - Date.parse(start)) / DAY;
  const user = opts.user ?? 'demo';
  const nEmployers = Math.max(5, Math.round(opts.clients / 8));
  const nVacancies = Math.max(5, Math.round(opts.clients / 5));
  const exitReasons = codesOf('exit_reason');
  const referrers = ['social_team', 'social_team', 'social_team', 'uwv', 'school', 'urk', 'self', 'other'];
  const activityKinds = codesOf('activity_kind');
  const placementKinds = codesOf('placement_kind');
  const contactKinds = codesOf('contact_kind');
  const batch = 2000;

  const put = (rw: RecordWriter, kind: RecordKind, v: RecordValues) => rw.upsert(kind, v);

  const employerRefs: string[] = [];
  store.write(user, (w) => {
    const rw = new RecordWriter(store, w);
    for (let e = 1; e <= nEmployers; e++) {
      const [city, pc] = pick(N.PLACES);
      const ref = `W${String(e).padStart(6, '0')}`;
      employerRefs.push(ref);
      put(rw, 'employers', {
        ref, name: `${pick(N.EMPLOYER_STEMS)} ${pick(N.EMPLOYER_NAMES)}${e > 150 ? ' ' + e : ''}`,
        kvk: String(10_000_000 + e * 7919).slice(0, 8), street: pick(N.STREETS), house_number: String(int(1, 200)),
        postcode: `${pc}${int(0, 9)} ${pick(['AB', 'BC', 'CD', 'EH', 'GK', 'LM', 'NP', 'RT'])}`, city, sector: pick(N.SECTORS),
        account_holder: r() < 0.8 ? 'werkcorporatie' : 'uwv',
        exceptional_since: r() < 0.15 ? addDays(start, int(0, span)) : undefined,
        contact_name: `${pick([...N.FIRST_NAMES_M, ...N.FIRST_NAMES_V])} ${pick(N.LAST_NAMES)}`,
        contact_phone: `0527-${int(200000, 699999)}`,
      });
    }
    for (let v = 1; v <= nVacancies; v++) {
      const opened = addDays(start, int(0, span));
      const closed = r() < 0.6 ? addDays(opened, int(14, 120)) : undefined;
      const [title, code] = pick(N.JOB_TITLES);
      put(rw, 'vacancies', {
        ref: `V${String(v).padStart(6, '0')}`, employer_ref: pick(employerRefs), title, occupation_code: code,
        hours_per_week: pick([16, 24, 32, 36, 38, 40]), positions: int(1, 3), opened_date: opened,
        closed_date: closed && closed <= today ? closed : undefined,
        close_reason: closed && closed <= today ? pick(['filled', 'filled', 'withdrawn']) : undefined,
        banenafspraak: r() < 0.2, description: `${title} gezocht voor ${int(16, 40)} uur per week.`,
      });
    }
  });

  for (let from = 1; from <= opts.clients; from += batch) {
    store.write(user, (w) => {
      const rw = new RecordWriter(store, w);
      for (let c = from; c < Math.min(from + batch, opts.clients + 1); c++) {
        const male = r() < 0.55;
        const first = pick(male ? N.FIRST_NAMES_M : N.FIRST_NAMES_V);
        const [city, pc] = pick(N.PLACES);
        const ref = `K${String(c).padStart(6, '0')}`;
        const birth = addDays(today, -int(18 * 365, 64 * 365));
        let intake = addDays(start, int(0, span - 10));
        const base: RecordValues = {
          ref, bsn: syntheticBsn(c), initials: `${first[0]}.`, first_name: first, name_prefix: pick(N.PREFIXES) || undefined,
          last_name: pick(N.LAST_NAMES), birth_date: birth, gender: male ? 'm' : 'v',
          phone: `06-${int(10000000, 99999999)}`, email: `${first.toLowerCase().replace(/[^a-z]/g, '')}.${c}@voorbeeld.nl`,
          street: pick(N.STREETS), house_number: String(int(1, 250)), postcode: `${pc}${int(0, 9)} ${pick(['AA', 'BB', 'CE', 'DG', 'HJ', 'KL', 'MN', 'PR'])}`,
          city, education_level: pick(codesOf('education_level')), driving_licence: r() < 0.5 ? ['B'] : [],
          hours_available: pick([16, 24, 32, 36, 40]),
          target_groups: r() < 0.2 ? ['banenafspraak'] : r() < 0.15 ? ['statushouder'] : [],
          intake_date: intake, referrer: pick(referrers), account_manager: pick(N.MANAGERS),
        };
        put(rw, 'clients', base);
        // History: about half leave, some of them come back.
        let periods = r() < 0.5 ? int(1, 2) : 0;
        while (periods-- > 0) {
          const exit = addDays(intake, int(30, 400));
          if (exit >= today) break;
          put(rw, 'clients', { ref, intake_date: intake, exit_date: exit, exit_reason: pick([...exitReasons, 'work_regular', 'work_regular']) });
          if (periods > 0) {
            intake = addDays(exit, int(30, 200));
            if (intake >= today) break;
            put(rw, 'clients', { ref, intake_date: intake, referrer: pick(referrers), account_manager: pick(N.MANAGERS) });
          }
        }
        const aStart = addDays(intake, int(0, 30));
        if (aStart <= today) {
          const aEnd = addDays(aStart, int(20, 120));
          put(rw, 'activities', {
            ref: `A${String(c).padStart(6, '0')}`, client_ref: ref, kind: pick(activityKinds), provider: pick(N.PROVIDERS),
            start_date: aStart, end_date: aEnd <= today ? aEnd : undefined, outcome: aEnd <= today ? 'Afgerond' : undefined,
          });
        }
        if (r() < 0.25) {
          const pStart = addDays(intake, int(30, 300));
          if (pStart <= today) {
            put(rw, 'placements', {
              ref: `PL${String(c).padStart(6, '0')}`, client_ref: ref, employer_ref: pick(employerRefs), start_date: pStart,
              kind: pick(placementKinds), hours_per_week: pick([16, 24, 32, 36]), wage_subsidy: r() < 0.3,
            });
          }
        }
        const nContacts = int(1, 4);
        for (let k = 0; k < nContacts; k++) {
          const date = addDays(intake, int(0, 200));
          if (date > today) continue;
          put(rw, 'contacts', {
            ref: `C${String(c).padStart(6, '0')}-${k}`, client_ref: ref, date, kind: pick(contactKinds),
            summary: pick(['Voortgangsgesprek gevoerd.', 'Vacatures doorgenomen.', 'Afspraak sollicitatie gemaakt.', 'Telefonisch contact over activiteit.']),
            follow_up_date: r() < 0.3 ? addDays(date, int(7, 21)) : undefined, by: pick(N.MANAGERS),
          });
        }
      }
    });
    opts.onProgress?.(Math.min(from + batch - 1, opts.clients), opts.clients);
  }
  // Follow-up contacts with exceptional employers, some long ago.
  store.write(user, (w) => {
    const rw = new RecordWriter(store, w);
    employerRefs.forEach((ref, i) => {
      if (i % 3 !== 0) return;
      put(rw, 'contacts', {
        ref: `C-W${String(i).padStart(6, '0')}`, employer_ref: ref, date: addDays(today, -int(5, 200)), kind: pick(contactKinds),
        summary: 'Contact met werkgever over vacatures en plaatsingen.', by: pick(N.MANAGERS),
      });
    });
  });
  return { clients: opts.clients, employers: nEmployers, vacancies: nVacancies };
}
