// The Reports screen (issue 5): pick a report, set its period, as-of date and filters, read the
// tables and charts, click a figure to see the records it counts, print or download it.
// #/rapportages/<name> opens a report directly. Dates are typed the Dutch way (DateInput) and
// numbers with a decimal comma; the charts load on demand (recharts is the biggest library).
// Issue 14: "Stand van registratie op" makes the report as known on a moment (said on screen and
// on paper), "Leveren" archives it, #/rapportages/geleverd lists the delivered reports.
import { lazy, Suspense, useState } from 'react';
import type { ReportName, ReportParams } from '../../../db/model/reports.js';
import { formatDateNl } from '../../../db/model/calendar.js';
import { CODE_LISTS } from '../../../db/model/codes.js';
import { hrefOf } from '../../stores/route.js';
import { useCall, useMust } from '../../data/hooks.js';
import { useSavePdf } from '../../data/provider.js';
import { useMay } from '../../access.js';
import { DateInput } from '../../components/DateInput.js';
import { ReportTables, handoverLink } from './ReportTables.js';
import { RecordList } from './RecordList.js';
import { ArchiveView } from './ArchiveView.js';
import { DeliverPanel } from './DeliverPanel.js';
import { FIELDS, toKnownOn, toParams } from './params-form.js';
import { ExplanationFields, KnownOnFields } from './ExtraFields.js';
import { T } from '../../i18n/reports.js';
import './reports.css';

const ReportChart = lazy(() => import('./ReportCharts.js').then((m) => ({ default: m.ReportChart })));

/** The route segment of the archive view (#/rapportages/geleverd). */
const ARCHIVE = 'geleverd';

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

export function ReportsScreen(props: { rest?: string[] }) {
  const must = useMust();
  const savePdf = useSavePdf();
  const catalog = useCall('reports.list', {}).data ?? [];
  const mayDeliver = useMay('reports.deliver');
  const mayArchive = useMay('archive.list');
  const archive = props.rest?.[0] === ARCHIVE;
  const name: ReportName = archive
    ? 'caseload-development'
    : ((props.rest?.[0] as ReportName) ?? 'caseload-development');
  // The settings typed and applied belong to one report: a new report starts from its defaults
  // (this year up to today; the last half year).
  const [typed, setTyped] = useState<{ name: ReportName; form: Record<string, string> }>({ name, form: {} });
  const [ran, setApplied] = useState<{ name: ReportName; params: ReportParams; knownOn?: string; shown?: string }>({
    name,
    params: {},
  });
  const form = typed.name === name ? typed.form : {};
  const applied = ran.name === name ? ran.params : {};
  const knownOn = ran.name === name ? ran.knownOn : undefined;
  const knownShown = ran.name === name ? ran.shown : undefined;
  const setForm = (f: Record<string, string>) => setTyped({ name, form: f });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [figureOf, setFigure] = useState<{ key: string; figure: string } | null>(null);
  const runKey = JSON.stringify([name, applied, knownOn]);
  const figure = figureOf?.key === runKey ? figureOf.figure : null;
  const q = useCall(
    'reports.run',
    archive ? null : { name, params: applied, ...(knownOn ? { asKnownOn: knownOn } : {}) },
  );
  const result = q.data;
  const busy = q.loading;
  const [saveError, setError] = useState<string | null>(null);
  const error = saveError ?? q.error;
  const current = catalog.find((c) => c.name === name);

  const run = (f: Record<string, string>, allowed: string[]) => {
    const { params, errors } = toParams(f, allowed);
    const known = toKnownOn(f);
    const all = { ...errors, ...known.errors };
    setFieldErrors(all);
    if (Object.keys(all).length) return;
    setError(null);
    setApplied({ name, params, knownOn: known.asKnownOn, shown: known.shown });
  };

  const save = async (format: 'csv' | 'xlsx' | 'html') => {
    try {
      const f = await must('reports.file', {
        name,
        params: applied,
        format,
        ...(knownOn ? { asKnownOn: knownOn } : {}),
      });
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
                <a href={hrefOf('rapportages', c.name)} aria-current={!archive && c.name === name ? 'page' : undefined}>
                  {c.title}
                </a>
              </li>
            ))}
            {mayArchive && (
              <li className="reports-list-archive">
                <a href={hrefOf('rapportages', ARCHIVE)} aria-current={archive ? 'page' : undefined}>
                  {T.archive}
                </a>
              </li>
            )}
          </ul>
        </nav>
        <div className="reports-body">
          {archive && <ArchiveView />}
          {!archive && current && (
            <form
              className="report-params no-print"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                run(form, current.params);
              }}
            >
              <fieldset>
                <legend>{T.params}</legend>
                <p className="muted">{current.description}</p>
                <div className="field-grid">
                  {FIELDS.filter((f) => current.params.includes(f.key)).map((f) =>
                    f.kind === 'date' ? (
                      <DateInput
                        key={f.key}
                        id={`report-${f.key}`}
                        label={f.label}
                        value={form[f.key] ?? ''}
                        onChange={(v) => setForm({ ...form, [f.key]: v })}
                        error={fieldErrors[f.key]}
                      />
                    ) : f.kind === 'referrer' ? (
                      <fieldset className="field checkbox-group" key={f.key}>
                        <legend>{f.label}</legend>
                        {Object.entries(CODE_LISTS.referrer).map(([code, label]) => {
                          const chosen = (form.referrer ?? '').split(',').filter(Boolean);
                          return (
                            <label key={code} className="checkbox">
                              <input
                                type="checkbox"
                                checked={chosen.includes(code)}
                                onChange={(e) =>
                                  setForm({
                                    ...form,
                                    referrer: (e.target.checked
                                      ? [...chosen, code]
                                      : chosen.filter((c) => c !== code)
                                    ).join(','),
                                  })
                                }
                              />{' '}
                              {label}
                            </label>
                          );
                        })}
                        <p className="muted">{T.referrerAny}</p>
                      </fieldset>
                    ) : (
                      <div className="field" key={f.key}>
                        <label htmlFor={`report-${f.key}`}>{f.label}</label>
                        {f.kind === 'target_group' ? (
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
                            type="text"
                            inputMode={f.kind === 'number' ? 'decimal' : undefined}
                            value={form[f.key] ?? ''}
                            aria-invalid={fieldErrors[f.key] ? true : undefined}
                            aria-describedby={`report-${f.key}-error`}
                            onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
                          />
                        )}
                        <p id={`report-${f.key}-error`} className="field-error" aria-live="polite">
                          {fieldErrors[f.key]}
                        </p>
                      </div>
                    ),
                  )}
                </div>
                {current.params.includes('explanations') && <ExplanationFields form={form} setForm={setForm} />}
                <KnownOnFields form={form} setForm={setForm} errors={fieldErrors} />
                <div className="button-row">
                  <button type="submit" className="button primary" disabled={busy}>
                    {busy ? T.running : T.run}
                  </button>
                </div>
              </fieldset>
            </form>
          )}
          {!archive && error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          {!archive && result && (
            <article className="report-result" aria-busy={busy}>
              <div className="screen-head">
                <div>
                  <h2 className="report-title">{result.title}</h2>
                  <p className="muted">{periodLine(result.data)}</p>
                  {knownShown && <p className="notice warning known-on-banner">{T.knownOnBanner(knownShown)}</p>}
                </div>
                <div className="button-row no-print">
                  <button type="button" className="button" onClick={() => window.print()}>
                    {T.print}
                  </button>
                  {savePdf && (
                    <button type="button" className="button" onClick={() => savePdf(result.title)}>
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
              {mayDeliver && <DeliverPanel name={name} params={applied} asKnownOn={knownOn} />}
              <p className="muted no-print">{T.clickHint}</p>
              <div className={figure ? 'report-split' : undefined}>
                <div>
                  <ReportTables
                    tables={result.tables}
                    selected={figure}
                    onFigure={(f) => setFigure(f ? { key: runKey, figure: f } : null)}
                    rowLink={name === 'caseload-per-manager' ? handoverLink : undefined}
                    charts={(t) =>
                      t.chart ? (
                        <Suspense fallback={<p className="muted">{T.chartLoading}</p>}>
                          <ReportChart table={t} />
                        </Suspense>
                      ) : null
                    }
                  />
                </div>
                {figure && (
                  <RecordList
                    name={name}
                    params={applied}
                    figure={figure}
                    asKnownOn={knownOn}
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
