import { describe, expect, it } from 'vitest';
import { distanceKm, locate } from '../../../db/matching/postcodes.js';
import { scoreMatch, WEIGHTS } from '../../../db/matching/score.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { AS_OF, buildFixture } from './fixture.js';

const explain = (
  items: { components: { key: string; points: number; explanation: string }[] }[],
  i: number,
  key: string,
) => items[i]!.components.find((c) => c.key === key)!;

describe('matching a vacancy with clients', () => {
  it('ranks the forklift candidates in the order worked out by hand, each score explained', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const r = await api.ok('matching.candidates', { vacancyId: f.forklift, asOf: AS_OF });
    // Anna fits on every point; Daan wants the occupation by its code but Kampen is beyond his
    // 15 km; Bram half-fits; Chloë wants other work and has unknown level, hours and postcode.
    expect(r.items.map((c) => [c.name, c.score])).toEqual([
      ['Anna Bakker', 100],
      ['Daan Kok', 80],
      ['Bram Visser', 60],
      ['Chloë Smit', 45],
    ]);
    expect(r.total).toBe(4);
    expect(explain(r.items, 0, 'occupation').explanation).toBe(
      "Gewenst beroep 'Heftruckchauffeur' past bij de functie 'Heftruckchauffeur'",
    );
    expect(explain(r.items, 1, 'occupation').explanation).toBe(
      "Gewenst beroep '8344' past bij de functie 'Heftruckchauffeur'",
    );
    expect(explain(r.items, 1, 'distance')).toMatchObject({ points: 0 });
    expect(explain(r.items, 1, 'distance').explanation).toMatch(
      /^ca\. 19,\d km hemelsbreed, wil maximaal 15 km reizen$/,
    );
    expect(explain(r.items, 2, 'occupation')).toMatchObject({
      points: 18,
      explanation: "Gewenst beroep 'heftruck' lijkt op de functie 'Heftruckchauffeur'",
    });
    expect(explain(r.items, 2, 'level')).toMatchObject({
      points: 7.5,
      explanation: 'Niveau één stap onder het gevraagde (vmbo-niveau, gevraagd mbo/havo/vwo-niveau)',
    });
    expect(explain(r.items, 2, 'hours')).toMatchObject({
      points: 10,
      explanation: 'Beschikbaar 16 uur, gevraagd 24-32 uur',
    });
    expect(explain(r.items, 2, 'licence')).toMatchObject({ points: 0, explanation: 'Rijbewijs B ontbreekt' });
    expect(explain(r.items, 3, 'distance')).toMatchObject({
      points: 10,
      explanation: 'Afstand onbekend (postcode ontbreekt of ligt buiten de tabel)',
    });
    expect(explain(r.items, 3, 'occupation')).toMatchObject({
      points: 0,
      explanation: "Gewenste beroepen (Schoonmaker) passen niet bij 'Heftruckchauffeur'",
    });
    for (const c of r.items) expect(c.components.map((x) => x.weight).reduce((a, b) => a + b)).toBe(100);
  });

  it('leaves out clients who already work, unless asked, and never lists clients outside the caseload', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const r = await api.ok('matching.candidates', { vacancyId: f.forklift, asOf: AS_OF, includePlaced: true });
    const eva = r.items.find((c) => c.name === 'Eva Mulder')!;
    expect(eva.placed).toBe(true);
    expect(explain([eva], 0, 'availability')).toMatchObject({ points: 0, explanation: 'Heeft een lopende plaatsing' });
    expect(eva.score).toBe(90);
    expect(r.items.map((c) => c.name)).not.toContain('Frank Prins');
  });

  it('pages through the ranking with a cursor without skipping or repeating anyone', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const first = await api.ok('matching.candidates', { vacancyId: f.forklift, asOf: AS_OF, limit: 3 });
    const second = await api.ok('matching.candidates', {
      vacancyId: f.forklift,
      asOf: AS_OF,
      limit: 3,
      after: first.next,
    });
    expect([...first.items, ...second.items].map((c) => c.name)).toEqual([
      'Anna Bakker',
      'Daan Kok',
      'Bram Visser',
      'Chloë Smit',
    ]);
    expect(second.next).toBeNull();
  });

  it('ranks open vacancies for a client and skips closed ones', async () => {
    const api = apiAs(tempStore());
    const f = await buildFixture(api);
    const r = await api.ok('matching.vacancies', { clientId: f.clients.anna, asOf: AS_OF });
    expect(r.items.map((v) => [v.title, v.employer, v.score])).toEqual([
      ['Heftruckchauffeur', 'Logistiek Centrum De Polder', 100],
      ['Schoonmaker', 'Schoonmaakdiensten Urk', 65],
    ]);
    expect(r.items.map((v) => v.vacancyId)).not.toContain(f.closed);
  });
});

describe('scoring rules', () => {
  const client = {
    id: 'c',
    ref: 'K1',
    postcode: '8302 AA',
    education_level: null,
    work_thinking_level: null,
    hours_available: null,
    occupations_wanted: [],
    driving_licence: [],
    transport: [],
    max_travel_km: null,
    inCaseload: true,
    placed: false,
  };
  const vacancy = {
    id: 'v',
    ref: 'V1',
    title: 'Medewerker groenvoorziening',
    occupation_code: null,
    education_level: null,
    work_thinking_level: '3',
    hours_per_week: null,
    hours_min: null,
    driving_licence: [],
    postcode: '8321 AB',
  };

  it('weighs the six parts to 100', () => {
    expect(Object.values(WEIGHTS).reduce((s, w) => s + w.weight, 0)).toBe(100);
  });

  it('compares werk- en denkniveau when both sides have one, else education translated to it', () => {
    expect(scoreMatch({ ...client, work_thinking_level: '3' }, vacancy).components[1]!.points).toBe(15);
    expect(scoreMatch({ ...client, work_thinking_level: '2' }, vacancy).components[1]!.points).toBe(7.5);
    expect(scoreMatch({ ...client, education_level: 'none' }, vacancy).components[1]!.points).toBe(7.5);
    expect(scoreMatch({ ...client, education_level: 'mbo3' }, vacancy).components[1]!.points).toBe(15);
  });

  it('halves the distance points beyond 15 km for someone without car or licence', () => {
    const far = { ...client, postcode: '8261 AA' };
    const withCar = scoreMatch({ ...far, transport: ['car'] }, { ...vacancy, postcode: '8321 AB' }).components[3]!;
    const without = scoreMatch(far, { ...vacancy, postcode: '8321 AB' }).components[3]!;
    expect(without.points).toBeCloseTo(withCar.points / 2, 1);
    expect(without.explanation).toMatch(/geen auto of rijbewijs$/);
  });
});

describe('postcode distances', () => {
  it('knows the polder villages and falls back to the region for other postcodes', () => {
    expect(locate('8307 AB')?.precision).toBe('4');
    expect(locate('8912 AA')?.precision).toBe('2');
    expect(locate('1234 AB')).toBeNull();
    expect(locate(null)).toBeNull();
    // Emmeloord - Urk is about 12 km as the crow flies; Emmeloord - Marknesse about 7.
    expect(distanceKm('8302 AB', '8321 CD')!.km).toBeGreaterThan(10);
    expect(distanceKm('8302 AB', '8321 CD')!.km).toBeLessThan(14);
    expect(distanceKm('8302 AB', '8311 AA')!.km).toBeGreaterThan(5);
    expect(distanceKm('8302 AB', '8311 AA')!.km).toBeLessThan(9);
    expect(distanceKm('8302 AB', '8912 AA')!.precision).toBe('2');
  });
});
