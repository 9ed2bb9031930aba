// "Exporteer deze lijst": one of the four work lists, as filtered and sorted on the screen, as an
// XLSX workbook (real dates and numbers) or a CSV file (';', UTF-8 with BOM for Excel, every cell
// through the one formula-safe writer of db/model/csv.ts). Reads the same query as the screen
// (db/search/lists.ts), page by page.
import type { Store } from '../journal/store.js';
import { csvLine } from '../model/csv.js';
import { formatDateNl } from '../model/calendar.js';
import { labelOf } from '../model/codes.js';
import {
  DATE_COLUMNS,
  LIST_COLUMNS,
  LIST_STATUSES,
  listFileName,
  type ListName,
  type ListView,
} from '../model/lists.js';
import { listClients, listEmployers, listPlacementsView, listVacanciesView, placementStatus } from './list-views.js';

type Cell = string | number | null;
export type ListFormat = 'csv' | 'xlsx';

const statusLabel = (list: ListName, s: string) => (LIST_STATUSES[list] as Record<string, string>)[s] ?? s;
const yesNo = (b: boolean) => (b ? 'ja' : 'nee');

/** Every row of the list as cells keyed by column, in list order. */
export function listRows(
  store: Store,
  list: ListName,
  view: ListView,
  query: string,
  asOf: string,
): Record<string, Cell>[] {
  const out: Record<string, Cell>[] = [];
  let after: string | null = null;
  do {
    const r = { view, query, asOf, limit: 1000, after };
    if (list === 'clients') {
      const p = listClients(store, r);
      for (const { item, targetGroups } of p.rows)
        out.push({
          name: item.name,
          ref: item.ref,
          birth_date: item.birth_date,
          city: item.city,
          account_manager: item.account_manager,
          intake_date: item.intake_date,
          exit_date: item.exit_date,
          status: statusLabel('clients', item.inCaseload ? 'in' : item.exit_date ? 'out' : 'none'),
          target_groups: targetGroups.map((g) => labelOf('target_group', g)).join(', '),
        });
      after = p.next;
    } else if (list === 'employers') {
      const p = listEmployers(store, r);
      for (const e of p.rows)
        out.push({
          name: e.name,
          ref: e.ref,
          kvk: e.kvk,
          city: e.city,
          sector: e.sector,
          account_manager: e.account_manager,
          exceptional_since: e.exceptional_since,
          last_contact: e.last_contact,
          open_vacancies: e.open_vacancies,
        });
      after = p.next;
    } else if (list === 'vacancies') {
      const p = listVacanciesView(store, r);
      for (const v of p.rows)
        out.push({
          title: v.title,
          ref: v.ref,
          employer: v.employer,
          city: v.city,
          hours_per_week: v.hours_per_week,
          positions: v.positions,
          opened_date: v.opened_date,
          closing_date: v.closing_date,
          status: statusLabel('vacancies', v.status),
          banenafspraak: yesNo(v.banenafspraak),
          proposed: v.proposed,
          placed: v.placed,
        });
      after = p.next;
    } else {
      const p = listPlacementsView(store, r);
      for (const x of p.rows)
        out.push({
          client: x.client,
          ref: x.ref,
          employer: x.employer,
          vacancy: x.vacancy,
          kind: x.kind ? labelOf('placement_kind', x.kind) : null,
          start_date: x.start_date,
          end_date: x.end_date,
          hours_per_week: x.hours_per_week,
          job_coach: x.job_coach,
          status: statusLabel('placements', placementStatus(x, asOf)),
        });
      after = p.next;
    }
  } while (after);
  return out;
}

export async function listFile(
  store: Store,
  list: ListName,
  view: ListView,
  query: string,
  format: ListFormat,
): Promise<{ filename: string; data: Buffer; rows: number }> {
  const asOf = store.today();
  const rows = listRows(store, list, view, query, asOf);
  const columns = Object.entries(LIST_COLUMNS[list]) as [string, string][];
  const filename = listFileName(list, asOf, format);
  if (format === 'csv') {
    const lines = [csvLine(columns.map(([, label]) => label))];
    for (const r of rows)
      lines.push(
        csvLine(
          columns.map(([key]) => {
            const v = r[key];
            if (v === null || v === undefined) return '';
            if (typeof v === 'number') return String(v).replace('.', ',');
            return DATE_COLUMNS.has(key) ? formatDateNl(v) : v;
          }),
        ),
      );
    return { filename, data: Buffer.from('\uFEFF' + lines.join(''), 'utf8'), rows: rows.length };
  }
  // exceljs is large: loaded only when an XLSX file is made.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Caseload';
  const ws = wb.addWorksheet(filename.replace(/\.xlsx$/, ''));
  ws.addRow(columns.map(([, label]) => label)).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(
      columns.map(([key]) => {
        const v = r[key] ?? null;
        if (typeof v === 'string' && DATE_COLUMNS.has(key)) return new Date(`${v}T00:00:00Z`);
        return v;
      }),
    );
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd-mm-yyyy';
    });
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((col, i) => {
    const key = columns[i]?.[0] ?? '';
    col.width = Math.min(50, Math.max(12, ...rows.slice(0, 500).map((r) => String(r[key] ?? '').length + 2)));
  });
  return { filename, data: Buffer.from(await wb.xlsx.writeBuffer()), rows: rows.length };
}
