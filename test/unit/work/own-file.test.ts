// The client's own file (AVG art. 15): complete, for a beheerder or the client's own account
// manager only, and every request - allowed or refused - in the audit log.
import { describe, expect, it } from 'vitest';
import { auditPseudonym } from '../../../db/api/dispatch.js';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { buildFixture } from './fixture.js';
import type { Store } from '../../../db/journal/store.js';
import type { OwnFile } from '../../../db/work/own-file.js';

function auditOf(store: Store, clientId: string) {
  return store.all(
    store.kysely
      .selectFrom('audit_log')
      .select(['actor', 'action', 'result'])
      .where('action', '=', 'clients.ownFile')
      .where('object', '=', auditPseudonym(clientId))
      .orderBy('seq'),
  );
}

describe("the client's own file", () => {
  it('holds every field, the periods, activities, placements, measures and matches, without internal ids', async () => {
    const store = tempStore();
    const km = apiAs(store, 'klantmanager', 'km1', 'A. de Boer');
    const f = await buildFixture(km);
    const eva = f.clients.eva;
    await km.ok('clients.update', { id: eva, fields: { phone: '0612345678', work_limitations: 'Geen tilwerk' } });
    await km.ok('measures.save', { clientId: eva, date: '2026-02-10', kind: 'warning', reason: 'Afspraak gemist' });
    await km.ok('activities.create', {
      clientId: eva,
      fields: { kind: 'intake_programme', start_date: '2026-01-06', end_date: '2026-02-02' },
    } as never);
    await km.ok('matches.propose', { vacancyId: f.forklift, clientId: eva });
    const r = await km.ok('clients.ownFile', { clientId: eva, format: 'json' });
    expect(r.filename).toMatch(/^inzage-.+\.json$/);
    const text = Buffer.from(r.base64, 'base64').toString('utf8');
    const file = JSON.parse(text) as OwnFile;
    const sec = (t: string) => file.sections.find((s) => s.entity === t)!;
    expect(file.client.name).toBe('Eva Mulder');
    expect(sec('client').rows[0]).toMatchObject({ phone: '0612345678', work_limitations: 'Geen tilwerk' });
    expect(Object.keys(sec('client').labels)).toContain('bsn');
    expect(sec('period').rows).toEqual([
      expect.objectContaining({ intake_date: '2026-01-05', account_manager: 'A. de Boer' }),
    ]);
    expect(sec('placement').rows).toEqual([
      expect.objectContaining({ kind: 'regular', employer_id: expect.stringContaining('Schoonmaakdiensten Urk') }),
    ]);
    expect(sec('measure').rows).toEqual([expect.objectContaining({ kind: 'warning', reason: 'Afspraak gemist' })]);
    expect(sec('activity').rows).toHaveLength(1);
    expect(sec('match').rows).toEqual([
      expect.objectContaining({ vacancy_id: expect.stringContaining('Heftruckchauffeur') }),
    ]);
    // Internal ids (UUIDs) never appear: references are numbers and names.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(text).not.toContain(eva);

    const html = Buffer.from((await km.ok('clients.ownFile', { clientId: eva, format: 'html' })).base64, 'base64');
    expect(html.toString('utf8')).toContain('Eva Mulder');
    expect(html.toString('utf8')).toContain('05-01-2026');
    expect(html.toString('utf8')).toContain('Waarschuwing');
  });

  it('is refused to another account manager and a manager, allowed to a beheerder, and every call audited', async () => {
    const store = tempStore();
    const km = apiAs(store, 'klantmanager', 'km1', 'A. de Boer');
    const f = await buildFixture(km);
    const anna = f.clients.anna;
    const other = apiAs(store, 'klantmanager', 'km2', 'B. Claassen');
    expect(await other.fail('clients.ownFile', { clientId: anna, format: 'json' })).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await apiAs(store, 'manager', 'm1', 'M. Manager').fail('clients.ownFile', { clientId: anna, format: 'json' }),
    ).toMatchObject({ code: 'forbidden' });
    await apiAs(store, 'beheerder', 'b1', 'B. Beheer').ok('clients.ownFile', { clientId: anna, format: 'json' });
    await km.ok('clients.ownFile', { clientId: anna, format: 'json' });
    expect(auditOf(store, anna)).toEqual([
      { actor: 'km2', action: 'clients.ownFile', result: 'refused' },
      { actor: 'm1', action: 'clients.ownFile', result: 'refused' },
      { actor: 'b1', action: 'clients.ownFile', result: 'ok' },
      { actor: 'km1', action: 'clients.ownFile', result: 'ok' },
    ]);
  });

  it('follows a handover: the new account manager may, the old one may not, and the handover is in the file', async () => {
    const store = tempStore();
    const km = apiAs(store, 'klantmanager', 'km1', 'A. de Boer');
    const f = await buildFixture(km);
    const bram = f.clients.bram;
    await km.ok('clients.handover', { clientId: bram, account_manager: 'B. Claassen', from_date: '2026-03-01' });
    expect(await km.fail('clients.ownFile', { clientId: bram, format: 'json' })).toMatchObject({ code: 'forbidden' });
    const other = apiAs(store, 'klantmanager', 'km2', 'B. Claassen');
    const file = JSON.parse(
      Buffer.from((await other.ok('clients.ownFile', { clientId: bram, format: 'json' })).base64, 'base64').toString(),
    ) as OwnFile;
    const periods = file.sections.find((s) => s.entity === 'period')!.rows;
    expect(JSON.stringify(periods)).toContain('B. Claassen');
  });
});
