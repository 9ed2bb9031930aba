// The Reports screen (issue 5): pick a report, set its period, as-of date and filters, read the
// tables and charts, click a figure to see the records it counts, print or download it.
// The frame passes its bridge as `api`; #/rapportages/<name> opens a report directly.
import { useEffect, useState } from 'react';
import type { ReportName, ReportParamName, ReportParams, ReportTable } from '../../../db/model/reports.js';
import { formatDateNl } from '../../../db/model/calendar.js';
import { CODE_LISTS } from '../../../db/model/codes.js';
import { hrefOf } from '../../stores/route.js';
import { must, type ReportsApi } from './api.js';
import { ReportChart } from './ReportCharts.js';
import { ReportTables } from './ReportTables.js';
import { RecordList } from './RecordList.js';
import { T } from './text.js';
import './reports.css';

interface Catalog {
  name: ReportName;
  title: string;
  description: string;
  params: string[];
}
interface Result {
  name: ReportName;
  title: string;
  data: Record<string, unknown>;
  tables: ReportTable[];
}

const FIELDS: {
  key: ReportParamName;
  label: string;
  kind: 'date' | 'number' | 'text' | 'target_group' | 'referrer';
}[] = [
  { key: 'from', label: T.from, kind: 'date' },
  { key: 'to', label: T.to, kind: 'date' },
  { key: 'as_of', label: T.asOf, kind: 'date' },
  { key: 'target_percent', label: T.targetPercent, kind: 'number' },
  { key: 'norm', label: T.norm, kind: 'number' },
  { key: 'interval_days', label: T.intervalDays, kind: 'number' },
  { key: 'account_manager', label: T.accountManager, kind: 'text' },
  { key: 'target_group', label: T.targetGroup, kind: 'target_group' },
  { key: 'referrer', label: T.referrer, kind: 'referrer' },
];

function toParams(form: Record<string, string>, allowed: string[]): ReportParams {
  const out: Record<string, string | number> = {};
  for (const f of FIELDS) {
    const v = form[f.key]?.trim();
    if (!v || !allowed.includes(f.key)) continue;
    out[f.key] = f.kind === 'number' ? Number(v.replace(',', '.')) : v;
  }
  return out as ReportParams;
}

function periodLine(d: Record<string, unknown>): string {
  const from = (d.from ?? d.baseline_date) as string | undefined;
  const asOf = d.as_of as string | undefined;
  if (from && d.to)
    return T.periodLine(formatDateNl(from), formatDateNl(d.to as string), formatDateNl(asOf ?? (d.to as string)));
  return asOf ? T.asOfLine(formatDateNl(asOf)) : '';
}

function download(filename: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ReportsScreen(props: { api: ReportsApi; rest?: string[] }) {
  const [catalog, setCatalog] = useState<Catalog[]>([]);
  const [name, setName] = useState<ReportName>((props.rest?.[0] as ReportName) ?? 'caseload-development');
  const [form, setForm] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<ReportParams>({});
  const [result, setResult] = useState<Result | null>(null);
  const [figure, setFigure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const current = catalog.find((c) => c.name === name);

  useEffect(() => {
    must(props.api, 'reports.list', {}).then(setCatalog, (e: Error) => setError(e.message));
  }, [props.api]);

  useEffect(() => {
    const fromRoute = props.rest?.[0] as ReportName | undefined;
    if (fromRoute && fromRoute !== name) setName(fromRoute);
  }, [props.rest?.[0]]);

  const run = async (params: ReportParams) => {
    setBusy(true);
    setFigure(null);
    try {
      const r = await must(props.api, 'reports.run', { name, params });
      setResult(r as Result);
      setApplied(params);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  // A new report starts from its defaults (this year up to today; the last half year).
  useEffect(() => {
    setForm({});
    setResult(null);
    void run({});
  }, [name]);

  const save = async (format: 'csv' | 'xlsx' | 'html') => {
    try {
      const f = await must(props.api, 'reports.file', { name, params: applied, format });
      download(f.filename, f.mime, f.base64);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="screen reports-screen">
      <div className="screen-head no-print">
        <h1>{T.title}</h1>
      </div>
      <div className="reports-layout">
        <nav className="reports-list no-print" aria-label={T.listLabel}>
          <ul>
            {catalog.map((c) => (
              <li key={c.name}>
                <a
                  href={hrefOf('rapportages', c.name)}
                  aria-current={c.name === name ? 'page' : undefined}
                  onClick={() => setName(c.name)}
                >
                  {c.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="reports-body">
          {current && (
            <form
              className="report-params no-print"
              onSubmit={(e) => {
                e.preventDefault();
                void run(toParams(form, current.params));
              }}
            >
              <fieldset>
                <legend>{T.params}</legend>
                <p className="muted">{current.description}</p>
                <div className="field-grid">
                  {FIELDS.filter((f) => current.params.includes(f.key)).map((f) => (
                    <div className="field" key={f.key}>
                      <label htmlFor={`report-${f.key}`}>{f.label}</label>
                      {f.kind === 'target_group' || f.kind === 'referrer' ? (
                        <select
                          id={`report-${f.key}`}
                          value={form[f.key] ?? ''}
                          onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                        >
                          <option value="">{T.any}</option>
                          {Object.entries(CODE_LISTS[f.kind]).map(([code, label]) => (
                            <option key={code} value={code}>
                              {label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          id={`report-${f.key}`}
                          type={f.kind === 'date' ? 'date' : 'text'}
                          inputMode={f.kind === 'number' ? 'decimal' : undefined}
                          value={form[f.key] ?? ''}
                          onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                        />
                      )}
                    </div>
                  ))}
                </div>
                <div className="button-row">
                  <button type="submit" className="button primary" disabled={busy}>
                    {busy ? T.running : T.run}
                  </button>
                </div>
              </fieldset>
            </form>
          )}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {result && (
            <article className="report-result" aria-busy={busy}>
              <div className="screen-head">
                <div>
                  <h2 className="report-title">{result.title}</h2>
                  <p className="muted">{periodLine(result.data)}</p>
                </div>
                <div className="button-row no-print">
                  <button type="button" className="button" onClick={() => window.print()}>
                    {T.print}
                  </button>
                  {props.api.printToPdf && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void props.api.printToPdf!({ name: result.title })}
                    >
                      {T.savePdf}
                    </button>
                  )}
                  <button type="button" className="button" onClick={() => void save('xlsx')}>
                    {T.download('Excel')}
                  </button>
                  <button type="button" className="button" onClick={() => void save('csv')}>
                    {T.download('CSV')}
                  </button>
                  <button type="button" className="button" onClick={() => void save('html')}>
                    {T.download('HTML')}
                  </button>
                </div>
              </div>
              <p className="muted no-print">{T.clickHint}</p>
              <div className={figure ? 'report-split' : undefined}>
                <div>
                  <ReportTables
                    tables={result.tables}
                    selected={figure}
                    onFigure={setFigure}
                    charts={(t) => (t.chart ? <ReportChart table={t} /> : null)}
                  />
                </div>
                {figure && (
                  <RecordList
                    api={props.api}
                    name={name}
                    params={applied}
                    figure={figure}
                    onClose={() => setFigure(null)}
                  />
                )}
              </div>
            </article>
          )}
        </div>
      </div>
    </div>
  );
}
