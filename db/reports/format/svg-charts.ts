// Inline SVG charts for printed reports (no scripts, no external resources): the caseload
// development (seed figure 4.1: inflow and outflow bars per month, caseload as a line on its own
// axis) and the exit reasons (figure 4.2: horizontal bars). Drawn from the report's table rows.
import type { ReportTable } from '../../model/reports.js';
import { formatNumberNl } from './cells.js';
import { escapeHtml } from './escape.js';
import { MONTHS_SHORT_NL } from '../../model/calendar.js';

const IN = '#2f6f9f';
const OUT = '#d08a2e';
const LINE = '#333333';

/** An axis maximum of four equal, round steps (1, 2 or 5 times a power of ten) that holds v. */
function niceMax(v: number): number {
  if (v <= 0) return 4;
  const raw = v / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(4, m * p * 4);
  return 40 * p;
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeHtml(s)}</text>`;
}

export function caseloadChart(t: ReportTable): string {
  const rows = t.rows.filter((r) => !r.total);
  if (!rows.length) return '';
  const W = 680,
    H = 300,
    L = 48,
    R = 56,
    T = 20,
    B = 54;
  const pw = W - L - R,
    ph = H - T - B;
  const num = (r: (typeof rows)[number], k: string) => Number(r.cells[k] ?? 0);
  const flowMax = niceMax(Math.max(...rows.flatMap((r) => [num(r, 'inflow'), num(r, 'outflow')])));
  const levelMax = niceMax(Math.max(...rows.flatMap((r) => [num(r, 'start'), num(r, 'end')])));
  const slot = pw / rows.length;
  const bw = Math.min(18, slot / 3);
  const yFlow = (v: number) => T + ph - (v / flowMax) * ph;
  const yLevel = (v: number) => T + ph - (v / levelMax) * ph;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const y = T + ph - (i / 4) * ph;
    parts.push(`<line x1="${L}" x2="${L + pw}" y1="${y}" y2="${y}" stroke="#ddd"/>`);
    parts.push(text(L - 6, y + 4, formatNumberNl((flowMax * i) / 4), 'text-anchor="end"'));
    parts.push(text(L + pw + 6, y + 4, formatNumberNl((levelMax * i) / 4), 'text-anchor="start"'));
  }
  const points: string[] = [];
  rows.forEach((r, i) => {
    const cx = L + slot * i + slot / 2;
    const month = String(r.cells.month ?? '');
    const label = /^\d{4}-\d{2}$/.test(month)
      ? `${MONTHS_SHORT_NL[Number(month.slice(5)) - 1]} ${month.slice(2, 4)}`
      : month;
    parts.push(
      `<rect x="${(cx - bw - 1).toFixed(1)}" y="${yFlow(num(r, 'inflow')).toFixed(1)}" width="${bw.toFixed(1)}" height="${(T + ph - yFlow(num(r, 'inflow'))).toFixed(1)}" fill="${IN}"/>`,
    );
    parts.push(
      `<rect x="${(cx + 1).toFixed(1)}" y="${yFlow(num(r, 'outflow')).toFixed(1)}" width="${bw.toFixed(1)}" height="${(T + ph - yFlow(num(r, 'outflow'))).toFixed(1)}" fill="${OUT}"/>`,
    );
    parts.push(text(cx, T + ph + 16, label, 'text-anchor="middle"'));
    points.push(`${cx.toFixed(1)},${yLevel(num(r, 'end')).toFixed(1)}`);
  });
  parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${LINE}" stroke-width="2"/>`);
  for (const p of points) {
    const [x, y] = p.split(',');
    parts.push(`<circle cx="${x}" cy="${y}" r="3" fill="${LINE}"/>`);
  }
  const ly = H - 14;
  parts.push(`<rect x="${L}" y="${ly - 9}" width="10" height="10" fill="${IN}"/>`, text(L + 14, ly, 'Instroom'));
  parts.push(
    `<rect x="${L + 90}" y="${ly - 9}" width="10" height="10" fill="${OUT}"/>`,
    text(L + 104, ly, 'Uitstroom'),
  );
  parts.push(
    `<line x1="${L + 190}" x2="${L + 206}" y1="${ly - 4}" y2="${ly - 4}" stroke="${LINE}" stroke-width="2"/>`,
    text(L + 212, ly, 'Caseload eind van de maand (rechteras)'),
  );
  return svg(W, H, 'Ontwikkeling caseload: instroom, uitstroom en caseload per maand', parts);
}

export function reasonsChart(t: ReportTable): string {
  const rows = t.rows.filter((r) => !r.total);
  if (!rows.length) return '';
  const barH = 20,
    gap = 8,
    L = 200,
    R = 50,
    T = 10;
  const W = 680,
    H = T + rows.length * (barH + gap) + 10;
  const max = niceMax(Math.max(...rows.map((r) => Number(r.cells.count ?? 0))));
  const pw = W - L - R;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = T + i * (barH + gap);
    const n = Number(r.cells.count ?? 0);
    const w = (n / max) * pw;
    parts.push(text(L - 8, y + barH / 2 + 4, String(r.cells.label ?? ''), 'text-anchor="end"'));
    parts.push(`<rect x="${L}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${IN}"/>`);
    parts.push(text(L + w + 6, y + barH / 2 + 4, formatNumberNl(n)));
  });
  return svg(W, H, 'Uitstroom naar reden', parts);
}

function svg(w: number, h: number, title: string, parts: string[]): string {
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(title)}" font-family="Arial, Helvetica, sans-serif" font-size="11" fill="#222"><title>${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
