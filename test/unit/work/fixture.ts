// A small polder: one employer in Emmeloord with a forklift-driver vacancy and a cleaning job in
// Urk, and six clients whose fit to the forklift job is known by hand (see matching.test.ts).
import { bsnFrom } from '../helpers.js';
import type { TestApi } from './api.js';

export const AS_OF = '2026-03-02';

/** The n-th synthetic BSN (eleven-check valid; 8-digit prefixes without a check digit are skipped). */
export function bsnNo(n: number, series = 1): string {
  for (let k = 0; ; k++) {
    try {
      return bsnFrom(`${series}${String(n * 10 + k).padStart(7, '0')}`);
    } catch {
      // this prefix has no valid check digit; try the next one
    }
  }
}

export interface Fixture {
  employerId: string;
  urkEmployerId: string;
  forklift: string;
  cleaner: string;
  closed: string;
  clients: Record<'anna' | 'bram' | 'chloe' | 'daan' | 'eva' | 'frank', string>;
}

export async function buildFixture(api: TestApi): Promise<Fixture> {
  const employer = await api.ok('employers.create', {
    name: 'Logistiek Centrum De Polder',
    kvk: '12345678',
    postcode: '8302 AB',
    city: 'Emmeloord',
    exceptional_since: '2025-01-01',
  });
  const urk = await api.ok('employers.create', {
    name: 'Schoonmaakdiensten Urk',
    kvk: '23456789',
    postcode: '8321 CD',
    city: 'Urk',
  });
  const forklift = await api.ok('vacancies.create', {
    employerId: employer.id,
    fields: {
      title: 'Heftruckchauffeur',
      occupation_code: '8344',
      hours_per_week: '32',
      hours_min: '24',
      education_level: 'mbo2',
      driving_licence: ['B'],
      opened_date: '2026-02-01',
      positions: '1',
    },
  });
  const cleaner = await api.ok('vacancies.create', {
    employerId: urk.id,
    fields: { title: 'Schoonmaker', hours_per_week: '20', opened_date: '2026-02-10', postcode: '8321 CD' },
  });
  const closed = await api.ok('vacancies.create', {
    employerId: urk.id,
    fields: {
      title: 'Heftruckchauffeur',
      opened_date: '2025-06-01',
      closed_date: '2025-09-01',
      close_reason: 'withdrawn',
    },
  });
  const client = async (n: string, last: string, first: string, extra: Record<string, unknown>) =>
    (
      await api.ok('clients.create', {
        bsn: bsnNo(Number(n)),
        last_name: last,
        first_name: first,
        intake_date: '2026-01-05',
        referrer: 'social_team',
        account_manager: 'A. de Boer',
        ...extra,
      } as never)
    ).id;
  const clients = {
    anna: await client('1', 'Bakker', 'Anna', {
      occupations_wanted: ['Heftruckchauffeur'],
      education_level: 'mbo2',
      hours_available: '32',
      postcode: '8302 XX',
      driving_licence: ['B'],
    }),
    bram: await client('2', 'Visser', 'Bram', {
      occupations_wanted: ['heftruck'],
      education_level: 'vmbo',
      hours_available: '16',
      postcode: '8321 AA',
    }),
    chloe: await client('3', 'Smit', 'Chloë', { occupations_wanted: ['Schoonmaker'], driving_licence: ['B'] }),
    daan: await client('4', 'Kok', 'Daan', {
      occupations_wanted: ['8344'],
      education_level: 'hbo',
      hours_available: '40',
      postcode: '8261 AB',
      driving_licence: ['B', 'C'],
      max_travel_km: '15',
    }),
    eva: await client('5', 'Mulder', 'Eva', {
      occupations_wanted: ['Heftruckchauffeur'],
      education_level: 'mbo2',
      hours_available: '32',
      postcode: '8302 XX',
      driving_licence: ['B'],
    }),
    frank: await client('6', 'Prins', 'Frank', {
      occupations_wanted: ['Heftruckchauffeur'],
      postcode: '8302 XX',
      driving_licence: ['B'],
    }),
  };
  // Eva already works (a running placement at the Urk employer); Frank left the caseload.
  await api.ok('placements.create', {
    clientId: clients.eva,
    employerId: urk.id,
    fields: { kind: 'regular', start_date: '2026-02-01', hours_per_week: '32' },
  });
  await api.ok('clients.exit', { clientId: clients.frank, exit_date: '2026-02-15', exit_reason: 'moved' });
  return {
    employerId: employer.id,
    urkEmployerId: urk.id,
    forklift: forklift.id,
    cleaner: cleaner.id,
    closed: closed.id,
    clients,
  };
}
