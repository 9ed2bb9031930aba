// A small synthetic caseload for the export tests: two employers, two vacancies, two clients
// (one left the caseload), an activity and a placement. All written through the journal.
import { RecordWriter, type RecordValues } from '../../../db/records/upsert.js';
import type { RecordKind } from '../../../db/model/records.js';
import type { Store } from '../../../db/journal/store.js';
import { bsnFrom } from '../helpers.js';

export const BSN_ANNA = bsnFrom('12345678');
export const BSN_KEES = bsnFrom('23456781');

export function seedCaseload(store: Store): void {
  const put = (kind: RecordKind, v: RecordValues) =>
    store.write('test', (w) => new RecordWriter(store, w).upsert(kind, v));
  put('employers', {
    ref: 'W000001',
    name: 'Bakkerij De Polder',
    kvk: '12345678',
    street: 'Lange Nering',
    house_number: '12a',
    postcode: '8302 AB',
    city: 'Emmeloord',
    sector: '1071 - Brood en banket',
    account_holder: 'werkcorporatie',
    contact_name: 'P. Bakker',
    contact_phone: '0527-612345',
    contact_email: 'p.bakker@example.nl',
  });
  put('employers', { ref: 'W000002', name: 'Kwekerij Flevo', kvk: '87654321', city: 'Ens', account_holder: 'uwv' });
  put('vacancies', {
    ref: 'V000001',
    employer_ref: 'W000001',
    title: 'Productiemedewerker bakkerij',
    occupation_code: '7212',
    hours_per_week: 32,
    positions: 2,
    opened_date: '2026-10-01',
    banenafspraak: true,
    description: 'Werken aan de broodlijn.',
  });
  put('vacancies', {
    ref: 'V000002',
    employer_ref: 'W000002',
    title: 'Oogstmedewerker',
    hours_per_week: 24,
    opened_date: '2026-10-15',
  });
  put('clients', {
    ref: 'K000001',
    bsn: BSN_ANNA,
    initials: 'A.',
    first_name: 'Anna',
    last_name: 'Jansen',
    birth_date: '1990-03-14',
    gender: 'v',
    street: 'Deel',
    house_number: '4',
    postcode: '8301 CD',
    city: 'Emmeloord',
    education_level: 'mbo2',
    hours_available: 24,
    driving_licence: ['B'],
    target_groups: ['banenafspraak'],
    intake_date: '2026-01-05',
    referrer: 'social_team',
    account_manager: 'M. Visser',
  });
  put('clients', {
    ref: 'K000002',
    bsn: BSN_KEES,
    initials: 'K.',
    first_name: 'Kees',
    name_prefix: 'de',
    last_name: 'Vries',
    birth_date: '1985-07-01',
    gender: 'm',
    city: 'Urk',
    intake_date: '2025-06-01',
    referrer: 'uwv',
    account_manager: 'S. Kramer',
    exit_date: '2026-09-01',
    exit_reason: 'work_regular',
  });
  put('activities', {
    ref: 'A000001',
    client_ref: 'K000001',
    kind: 'job_coaching',
    provider: 'Jobcoach Flevoland',
    start_date: '2026-02-01',
  });
  put('placements', {
    ref: 'PL000001',
    client_ref: 'K000002',
    employer_ref: 'W000002',
    start_date: '2026-09-01',
    kind: 'regular',
    hours_per_week: 32.5,
    wage_subsidy: false,
  });
}

export function update(store: Store, kind: RecordKind, values: RecordValues): string[] {
  return store.write('test', (w) => new RecordWriter(store, w).upsert(kind, values)).changed;
}
