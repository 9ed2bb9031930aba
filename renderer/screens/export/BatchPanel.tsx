// Export batches per target: what the next batch holds, the problems to solve first, and the
// run button (into a chosen folder or the shared export folder of this laptop).
import { useState } from 'react';
import type { Output } from '../../../db/api/contract.js';
import { useCall, useMust } from '../../data/hooks.js';
import { T } from '../../i18n/export.js';

type Overview = Output<'exports.overview'>;
type RunResult = Output<'exports.run'>;

export function BatchPanel() {
  const must = useMust();
  const [all, setAll] = useState(false);
  const [validOnly, setValidOnly] = useState(false);
  const [folder, setFolder] = useState('');
  const q = useCall('exports.overview', { all });
  const overview: Overview | null = q.data;
  const [typed, setShared] = useState<string | null>(null);
  const shared = typed ?? overview?.sharedFolder ?? '';
  const [results, setResults] = useState<Partial<Record<RunResult['target'], RunResult>>>({});
  const [runError, setError] = useState<string | null>(null);
  const error = runError ?? q.error;
  const load = q.reload;

  async function run(target: RunResult['target']) {
    try {
      const useShared = !folder && Boolean(overview?.sharedFolder);
      const r = await must('exports.run', {
        target,
        all,
        validOnly,
        ...(useShared ? { shared: true } : { out: folder }),
      });
      setResults((x) => ({ ...x, [target]: r }));
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function saveShared() {
    try {
      await must('exports.settings.set', { sharedFolder: shared || null });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="batch-panel">
      <h2>{T.batchesTitle}</h2>
      {error && (
        <div role="alert" className="error-text">
          {error}
        </div>
      )}
      <fieldset>
        <label>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {T.all}
        </label>
        <label>
          <input type="checkbox" checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} /> {T.validOnly}
        </label>
        <label>
          {T.folder}{' '}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder={overview?.sharedFolder ?? ''}
          />
        </label>
        <label>
          {T.sharedFolder} <input value={shared} onChange={(e) => setShared(e.target.value)} />
        </label>
        <button type="button" className="button" onClick={() => void saveShared()}>
          {T.saveSetting}
        </button>
      </fieldset>
      {overview?.targets.map((t) => {
        const problems = t.parts.flatMap((p) => p.problems);
        const result = results[t.target];
        return (
          <section key={t.target} aria-label={t.label}>
            <h3>{t.label}</h3>
            <table className="table">
              <tbody>
                {t.parts.map((p) => (
                  <tr key={p.kind}>
                    <th scope="row">{p.kindLabel}</th>
                    <td>
                      {p.due} {T.due}
                    </td>
                    <td>
                      {p.unchanged} {T.unchanged}
                    </td>
                    <td>{p.profile ? `${p.profile.name} v${p.profile.version}` : p.fileName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {problems.length > 0 && (
              <details>
                <summary>
                  {T.problemsTitle}: {T.problems(problems.length)}
                </summary>
                <ul>
                  {problems.slice(0, 200).map((p, i) => (
                    <li key={i}>
                      {p.ref}: {p.label}: {p.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            <button
              type="button"
              className="button primary"
              disabled={!folder && !overview.sharedFolder}
              onClick={() => void run(t.target)}
            >
              {T.run(t.label)}
            </button>
            {result && (
              <p role="status">
                {result.message}
                {result.batch && (
                  <>
                    {' '}
                    <code>{result.batch.dir}</code>
                  </>
                )}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
