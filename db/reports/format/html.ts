// The printable report document: one self-contained HTML page (inline CSS and SVG, no scripts,
// no external resources) that prints on A4 - in Chromium for the PDF, in the app for print. The
// half-year report gets a cover page and starts each section on a new page.
import type { ReportTable } from '../../model/reports.js';
import { formatDateNl } from '../../model/calendar.js';
import { labelOf } from '../../model/codes.js';
import { formatMomentNl, longDateNl } from '../../model/calendar.js';
import { REPORTS } from '../registry.js';
import type { ReportRun } from '../run.js';
import { formatCell, isNumeric } from './cells.js';
import { escapeHtml as h } from './escape.js';
import { caseloadChart, reasonsChart } from './svg-charts.js';

export interface HtmlMeta {
  organisation: string;
  /** The day the document was made (ISO). */
  generated: string;
  /** As known on this moment (ISO date-time): the document says so (issue 14). */
  knownOn?: string;
}

export const PRINT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; color: #222; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; border-bottom: 1.5pt solid #2f6f9f; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 5mm 0 2mm; }
.meta { color: #555; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 1.4mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef3f7; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-top: 1pt solid #444; }
.note { color: #555; font-size: 9pt; margin: 0 0 4mm; }
.chart { display: block; max-width: 100%; height: auto; margin: 2mm 0 4mm; }
.section { break-before: page; page-break-before: always; }
.section.first { break-before: auto; page-break-before: auto; }
.block { break-inside: avoid; page-break-inside: avoid; }
.cover { height: 255mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.cover .org { font-size: 13pt; color: #2f6f9f; text-transform: uppercase; letter-spacing: 1pt; }
.cover h1 { font-size: 30pt; margin: 6mm 0; }
.cover .period { font-size: 15pt; margin-bottom: 20mm; }
.cover dl { display: grid; grid-template-columns: 45mm auto; row-gap: 2mm; font-size: 11pt; }
.cover dt { color: #555; }
.cover dd { margin: 0; }
.source { color: #555; font-size: 8.5pt; margin-top: 8mm; border-top: 0.5pt solid #bbb; padding-top: 2mm; }
`;

function tableHtml(t: ReportTable): string {
  const numeric = t.columns.map(
    (c) => ['int', 'number', 'percent'].includes(c.type) || t.rows.some((r) => isNumeric(r.cells[c.key] ?? null)),
  );
  const head = t.columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''}>${h(c.label)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const cells = t.columns
        .map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${h(formatCell(r.cells[c.key] ?? null, c.type))}</td>`)
        .join('');
      return `<tr${r.total ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('');
  const chart =
    t.chart === 'caseload-development' ? caseloadChart(t) : t.chart === 'exit-reasons' ? reasonsChart(t) : '';
  return `<div class="block"><h3>${h(t.title)}</h3>${chart}<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${t.note ? `<p class="note">${h(t.note)}</p>` : ''}</div>`;
}

function periodText(run: ReportRun): string {
  const p = run.params;
  const usesPeriod = REPORTS[run.name].params.includes('from');
  const parts = usesPeriod ? [`Periode ${formatDateNl(p.from)} t/m ${formatDateNl(p.to)}`] : [];
  parts.push(`peildatum ${formatDateNl(p.as_of)}`);
  const f = p.filters;
  if (f.account_manager) parts.push(`klantmanager ${f.account_manager}`);
  if (f.referrer)
    parts.push(
      `verwijzer ${[f.referrer]
        .flat()
        .map((c) => labelOf('referrer', c))
        .join(', ')}`,
    );
  if (f.target_group) parts.push(`doelgroep ${labelOf('target_group', f.target_group)}`);
  return parts.join(' · ');
}

/** "Stand van registratie op 30-06-2026 23:59" for a report made as known on a moment. */
export function knownOnText(moment: string): string {
  return `Stand van registratie op ${formatMomentNl(moment)}: de registraties zoals die op dat moment bekend waren`;
}

function knownOnHtml(meta: HtmlMeta): string {
  return meta.knownOn ? `<p class="meta known-on"><strong>${h(knownOnText(meta.knownOn))}</strong></p>` : '';
}

function source(meta: HtmlMeta): string {
  return `<p class="source">Bron: Caseload, gemaakt op ${formatDateNl(meta.generated)}. Elk cijfer is te herleiden tot de registraties die het telt (in de app: klik op het cijfer; op de opdrachtregel: caseload report --detail).</p>`;
}

function document(title: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${h(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}

function halfYearHtml(run: ReportRun, meta: HtmlMeta): string {
  const d = run.data as {
    title: string;
    from: string;
    to: string;
    as_of: string;
    parties?: { municipality: string; corporation: string };
  };
  const from = d.parties?.corporation ?? meta.organisation;
  const to = d.parties?.municipality ?? 'Gemeente (opdrachtgever)';
  const knownOn = meta.knownOn ? `<dt>Stand van registratie</dt><dd>${h(formatMomentNl(meta.knownOn))}</dd>` : '';
  const cover = `<section class="cover"><div class="org">${h(from)}</div><h1>${h(d.title)}</h1>
    <div class="period">${h(longDateNl(d.from))} t/m ${h(longDateNl(d.to))}</div>
    <dl><dt>Aan</dt><dd>${h(to)}</dd><dt>Van</dt><dd>${h(from)}</dd>${knownOn}
    <dt>Peildatum</dt><dd>${h(formatDateNl(d.as_of < d.to ? d.as_of : d.to))}</dd><dt>Gemaakt op</dt><dd>${h(formatDateNl(meta.generated))}</dd>
    <dt>Bron</dt><dd>Caseload: alle cijfers zijn herleidbaar tot de registraties</dd></dl></section>`;
  // Group tables by section: "result_agreements" first, then "<section>.<table>".
  const groups = new Map<string, ReportTable[]>();
  for (const t of run.tables) {
    const key = t.id.includes('.') ? t.id.split('.')[0]! : t.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(t);
  }
  const titles: Record<string, string> = {
    result_agreements: 'Resultaatafspraken',
    caseload_development: 'Ontwikkeling caseload',
    exit_reasons: 'Uitstroom naar reden',
    work_target: 'Uitstroom naar regulier werk (jaar tot nu)',
    inflow_by_referrer: 'Instroom per verwijzer',
    caseload_per_manager: 'Caseload per klantmanager',
    activation: 'Activering',
    employer_follow_up: 'Opvolging buitengewone werkgevers',
  };
  let n = 0;
  const sections = [...groups].map(([key, tables]) => {
    const first = n++ === 0;
    return `<section class="section${first ? ' first' : ''}"><h2>${n}. ${h(titles[key] ?? key)}</h2>${tables.map(tableHtml).join('')}</section>`;
  });
  return document(
    d.title,
    `${cover}<main><p class="meta">${h(periodText(run))}</p>${knownOnHtml(meta)}${sections.join('')}${source(meta)}</main>`,
  );
}

export function toHtml(run: ReportRun, meta: HtmlMeta): string {
  if (run.name === 'half-year') return halfYearHtml(run, meta);
  const body = `<main><div class="meta-head"><div class="meta">${h(meta.organisation)}</div><h1>${h(run.title)}</h1><p class="meta">${h(periodText(run))}</p>${knownOnHtml(meta)}</div>
    ${run.tables.map(tableHtml).join('')}${source(meta)}</main>`;
  return document(run.title, body);
}
