// The work lists sorted and filtered in the query, paged by keyset, and exported as the list on
// screen: XLSX read back with exceljs, CSV with papaparse.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { tempStore } from '../helpers.js';
import { apiAs } from './api.js';
import { buildFixture, bsnNo } from './fixture.js';

async function polder() {
  const store = tempStore();
  const api = apiAs(store);
  const f = await buildFixture(api);
  // A second account manager's clients, one of them a statushouder with a dangerous city name.
  await api.ok('clients.create', {
    bsn: bsnNo(7),
    last_name: 'Jansen',
    first_name: 'Gert',
    birth_date: '1990-05-01',
    city: '=HYPERLINK("http://x")',
    target_groups: ['statushouder'],
    intake_date: '2026-02-01',
    account_manager: 'B. Claassen',
  });
  await api.ok('clients.create', {
    bsn: bsnNo(8),
    last_name: 'Albers',
    first_name: 'Hanna',
    birth_date: '1985-01-01',
    target_groups: ['banenafspraak', 'statushouder'],
    intake_date: '2026-02-01',
    account_manager: 'B. Claassen',
  });
  return { store, api, f };
}

describe('the client list sorted and filtered in the query', () => {
  it('pages a sort on birth date without losing or repeating a client', async () => {
    const { api } = await polder();
    const view = { sort: 'birth_date', dir: 'desc' as const };
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const p: { items: { name: string }[]; next: string | null } = await api.ok('clients.search', {
        view,
        limit: 3,
        after,
      });
      names.push(...p.items.map((c) => c.name));
      after = p.next;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(names).toHaveLength(8);
    expect(new Set(names).size).toBe(8);
    // Born 1990 before 1985; clients without a birth date last in a descending sort.
    expect(names.slice(0, 2)).toEqual(['Gert Jansen', 'Hanna Albers']);
  });

  it('filters on account manager, target group and status', async () => {
    const { api } = await polder();
    const byManager = await api.ok('clients.search', { view: { accountManager: 'B. Claassen', sort: 'name' } });
    expect(byManager.items.map((c) => c.name)).toEqual(['Hanna Albers', 'Gert Jansen']);
    expect(byManager.total).toBe(2);
    const banen = await api.ok('clients.search', { view: { targetGroup: 'banenafspraak' } });
    expect(banen.items.map((c) => c.name)).toEqual(['Hanna Albers']);
    const out = await api.ok('clients.search', { view: { status: 'out' } });
    expect(out.items.map((c) => c.name)).toEqual(['Frank Prins']);
    const inCaseload = await api.ok('clients.search', { onlyCaseload: true, view: { sort: 'name', dir: 'desc' } });
    expect(inCaseload.items.map((c) => c.name)).not.toContain('Frank Prins');
    expect(inCaseload.items[0]!.name).toBe('Bram Visser');
    const found = await api.ok('clients.search', { query: 'jansen', view: { accountManager: 'B. Claassen' } });
    expect(found.items.map((c) => c.name)).toEqual(['Gert Jansen']);
  });

  it('refuses a column the list does not have', async () => {
    const { api } = await polder();
    expect(await api.fail('clients.search', { view: { sort: 'bsn' } })).toMatchObject({ field: 'sort' });
  });
});

describe('exporting a list as shown', () => {
  it('writes the filtered, sorted client list to XLSX with real dates', async () => {
    const { api } = await polder();
    const f = await api.ok('lists.file', {
      list: 'clients',
      view: { accountManager: 'B. Claassen', sort: 'birth_date', dir: 'asc' },
      format: 'xlsx',
    });
    expect(f.filename).toMatch(/^klanten-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(f.rows).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('Naam');
    expect(ws.getRow(2).getCell(1).value).toBe('Hanna Albers');
    expect(ws.getRow(3).getCell(1).value).toBe('Gert Jansen');
    const birth = ws.getRow(2).getCell(3);
    expect(birth.value).toBeInstanceOf(Date);
    expect((birth.value as Date).toISOString().slice(0, 10)).toBe('1985-01-01');
    expect(birth.numFmt).toBe('dd-mm-yyyy');
    expect(ws.getRow(2).getCell(9).value).toBe('Banenafspraak, Statushouder');
    // A city that looks like a formula stays text, never a formula.
    expect(ws.getRow(3).getCell(4).value).toBe('=HYPERLINK("http://x")');
    expect(ws.getRow(4).getCell(1).value).toBeNull();
  });

  it('writes CSV with Dutch dates, one formula-safe cell writer and the screen order', async () => {
    const { api } = await polder();
    const f = await api.ok('lists.file', {
      list: 'clients',
      view: { sort: 'name', dir: 'desc', targetGroup: 'statushouder' },
      format: 'csv',
    });
    const text = Buffer.from(f.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
    expect(rows.map((r) => r.Naam)).toEqual(['Gert Jansen', 'Hanna Albers']);
    expect(rows[0]!.Geboortedatum).toBe('01-05-1990');
    expect(rows[0]!.Woonplaats).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[0]!.Status).toBe('In de caseload');
  });

  it('exports vacancies, employers and placements with their own columns', async () => {
    const { api } = await polder();
    const v = await api.ok('lists.file', { list: 'vacancies', view: { sort: 'title' }, format: 'csv' });
    const vrows = Papa.parse<Record<string, string>>(
      Buffer.from(v.base64, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
      { header: true, delimiter: ';', skipEmptyLines: true },
    ).data;
    expect(vrows.map((r) => r.Functie)).toEqual(['Heftruckchauffeur', 'Heftruckchauffeur', 'Schoonmaker']);
    expect(vrows.map((r) => r.Status).sort()).toEqual(['Ingetrokken', 'Open', 'Open']);
    const e = await api.ok('lists.file', { list: 'employers', view: { status: 'exceptional' }, format: 'csv' });
    expect(e.rows).toBe(1);
    const p = await api.ok('lists.file', { list: 'placements', format: 'xlsx' });
    expect(p.rows).toBe(1);
  });
});

describe('the placement list', () => {
  it('shows a placement that starts next month under "lopend of toekomstig", not under "lopend"', async () => {
    const { api, f, store } = await polder();
    await api.ok('placements.create', {
      clientId: f.clients.anna,
      employerId: f.employerId,
      fields: { kind: 'trial', start_date: '2099-01-01' },
    });
    const current = await api.ok('placements.list', { view: { status: 'current' } });
    expect(current.items.map((p) => p.client).sort()).toEqual(['Anna Bakker', 'Eva Mulder']);
    const running = await api.ok('placements.list', { view: { status: 'running' } });
    expect(running.items.map((p) => p.client)).toEqual(['Eva Mulder']);
    const future = await api.ok('placements.list', { view: { status: 'future', sort: 'client' } });
    expect(future.items).toEqual([expect.objectContaining({ client: 'Anna Bakker', active: false })]);
    expect(store.today() < '2099-01-01').toBe(true);
  });
});
