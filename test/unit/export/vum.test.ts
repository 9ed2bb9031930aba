// VUM JSON export: every produced document validates against the public specs in
// ../shared/reference/vum, and a jobseeker profile never carries a BSN, a name or contact data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../db/exchange/export/batch.js';
import { loadDemo } from '../../../db/demo/generate.js';
import { tempDir, tempStore } from '../helpers.js';
import { seedCaseload, update } from './fixture.js';
import { loadSpec, vumValidators } from './vum-spec.js';

const NOW = new Date('2026-11-02T10:00:00Z');

function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => strings(n, out));
  else if (node && typeof node === 'object') Object.values(node).forEach((n) => strings(n, out));
  return out;
}

function keys(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keys(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      out.add(k);
      keys(v, out);
    }
  }
  return out;
}

async function exportVum() {
  const store = tempStore();
  seedCaseload(store);
  loadDemo(store, { clients: 120, seed: 7, today: '2026-11-01' });
  // A client and a vacancy that use every part of the mapping (coded and uncoded variants).
  store.write('test', (w) => {
    const id = store.db.prepare("SELECT id FROM clients WHERE ref = 'K000001'").pluck().get() as string;
    w.update('client', id, {
      transport: ['bike', 'public_transport'],
      occupations_wanted: ['Broodbakker', '7212'],
      sectors: ['1071 - Brood en banket', 'Q - Zorg'],
      competences: ['24105', 'Deeg kneden'],
      languages: ['nld', 'ara'],
      work_thinking_level: '3',
      phone: '06-12345678',
      email: 'anna@example.nl',
    });
  });
  update(store, 'vacancies', { ref: 'V000002', description: 'Seizoenswerk in de kas.' });
  const result = await runExport(store, { target: 'vum', user: 'u', outDir: tempDir(), now: NOW });
  expect(result.status).toBe('written');
  const read = (name: string) =>
    JSON.parse(readFileSync(join(result.batch!.dir, name), 'utf8')) as Record<string, unknown>[];
  return { store, jobseekers: read('vum-werkzoekenden.json'), vacancies: read('vum-vacatures.json') };
}

describe('VUM export', () => {
  it('produces werkzoekendeprofielen and vacatures that validate against the VUM specs', async () => {
    const { jobseekers, vacancies } = await exportVum();
    const wz = vumValidators('werkzoekenden');
    const vac = vumValidators('vacatures');
    expect(jobseekers.length).toBeGreaterThan(50);
    expect(vacancies.length).toBeGreaterThan(20);
    for (const doc of jobseekers) expect(wz.item(doc) ? null : { doc, errors: wz.item.errors }).toBeNull();
    for (const doc of vacancies) expect(vac.item(doc) ? null : { doc, errors: vac.item.errors }).toBeNull();
    expect(wz.body(jobseekers)).toBe(true);
    expect(vac.body(vacancies)).toBe(true);
    // Both variants of the polymorphic Beroepsnaam occur and validate.
    const beroepen = jobseekers.flatMap((d) => (d.bemiddelingsberoep as Record<string, unknown>[] | undefined) ?? []);
    expect(beroepen).toEqual(
      expect.arrayContaining([{ codeBeroepsnaam: '7212' }, { naamBeroepOngecodeerd: 'Broodbakker' }]),
    );
    expect(vacancies.find((v) => v.idVacature === 'V000001')).toMatchObject({
      naamVacature: 'Productiemedewerker bakkerij',
      indicatieLdrRegistratie: 1,
      beroep: { codeBeroepsnaam: '7212', omschrijvingBeroepsnaam: 'Productiemedewerker bakkerij' },
      werktijden: { aantalWerkurenPerWeekMinimaal: 32, aantalWerkurenPerWeekMaximaal: 32 },
      werkgever: {
        handelsnaamOrganisatie: 'Bakkerij De Polder',
        adresHouding: [
          {
            adres: {
              adresNederland: {
                woonplaatsnaam: 'Emmeloord',
                adresDetails: {
                  straatadres: {
                    naamOpenbareRuimte: 'Lange Nering',
                    straatnaam: 'Lange Nering',
                    huisnummer: 12,
                    huisletter: 'a',
                  },
                },
              },
            },
          },
        ],
        contactpersoon: [
          {
            naamContactpersoonAfdeling: 'P. Bakker',
            telefoonnummer: ['0527612345'],
            emailadres: ['p.bakker@example.nl'],
          },
        ],
        sector: [{ codeSbi: 1071 }],
      },
    });
  });

  it('keeps jobseeker profiles pseudonymous: no BSN, no name, no contact data', async () => {
    const { store, jobseekers } = await exportVum();
    const people = store.db
      .prepare('SELECT bsn, first_name, last_name, birth_date, phone, email, street FROM clients')
      .all() as Record<string, string | null>[];
    const secrets = new Set(people.flatMap((p) => Object.values(p)).filter((v): v is string => Boolean(v)));
    const bsns = people.map((p) => p.bsn).filter((b): b is string => Boolean(b));
    for (const doc of jobseekers) {
      for (const s of strings(doc)) {
        expect(secrets.has(s), `value in ${String(doc.idWerkzoekende)}`).toBe(false);
        for (const bsn of bsns) expect(s).not.toContain(bsn);
      }
      const k = keys(doc);
      for (const forbidden of [
        'bsn',
        'emailadres',
        'telefoonnummer',
        'contactpersoon',
        'webadres',
        'persoonlijkePresentatie',
      ])
        expect(k.has(forbidden)).toBe(false);
      expect(doc.indicatieBeschikbaarheidContactgegevens).toBe(2);
      expect(String(doc.idWerkzoekende)).toMatch(/^WZ-[0-9a-f]{32}$/);
    }
    // Only people in the caseload today are offered: the client who left is not.
    expect(jobseekers).toHaveLength(
      store.db
        .prepare(
          `SELECT count(DISTINCT c.id) FROM clients c JOIN caseload_periods p ON p.client_id = c.id AND p.deleted = 0
       WHERE c.deleted = 0 AND c.merged_into IS NULL AND p.intake_date <= '2026-11-02' AND (p.exit_date IS NULL OR p.exit_date > '2026-11-02')
       AND p.intake_date = (SELECT max(intake_date) FROM caseload_periods q WHERE q.client_id = c.id AND q.deleted = 0)`,
        )
        .pluck()
        .get() as number,
    );
  });

  it('uses validators that really refuse: unknown fields, too long names, two variants at once', () => {
    const wz = vumValidators('werkzoekenden');
    const vac = vumValidators('vacatures');
    expect(wz.item({ idWerkzoekende: 'WZ-1' })).toBe(true);
    expect(wz.item({ idWerkzoekende: 'WZ-1', bsn: '123456782' })).toBe(false);
    expect(wz.item({ indicatieLdrRegistratie: 1 })).toBe(false);
    expect(
      wz.item({ idWerkzoekende: 'WZ-1', bemiddelingsberoep: [{ codeBeroepsnaam: '1', naamBeroepOngecodeerd: 'x' }] }),
    ).toBe(false);
    expect(vac.item({ naamVacature: 'x'.repeat(121) })).toBe(false);
    expect(vac.item({ werkgever: { adresHouding: [{ adres: { adresNederland: {}, adresBuitenland: {} } }] } })).toBe(
      false,
    );
    expect(vac.item({ sluitingsDatumVacature: '01-12-2026' })).toBe(false);
  });

  it("leaves postcodes out because the specs' postcode pattern matches no postcode at all", () => {
    const spec = loadSpec('vacatures') as {
      components: { schemas: Record<string, { properties: Record<string, { pattern: string }> }> };
    };
    const pattern = new RegExp(spec.components.schemas.AdresNederlandImpl!.properties.postcode!.pattern, 'u');
    for (const pc of ['8302AB', '8302ab', '8302 AB']) expect(pattern.test(pc)).toBe(false);
  });
});
