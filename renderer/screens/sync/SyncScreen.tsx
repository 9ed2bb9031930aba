// The Synchronisatie screen: setup on first use; then the status panel (last sync, changes
// waiting to go out, the team's laptops and their last activity, problem files), a round on
// demand with its progress, and the conflicts to resolve. The shell runs rounds by itself too
// (on start, on a timer, when the folder changes); their results arrive as 'sync.status' events.
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatusOutput } from '../../../db/api/methods/sync.js';
import type { SyncApi } from './api.js';
import { ConflictList } from './ConflictList.js';
import { DevicesPanel } from './DevicesPanel.js';
import { SetupForm } from './SetupForm.js';
import { T, showTime } from './text.js';
import './sync.css';

interface Progress {
  label: string;
  done: number;
  total: number;
}

export function SyncScreen(props: { api: SyncApi }) {
  const { api } = props;
  const [status, setStatus] = useState<SyncStatusOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);
  const [running, setRunning] = useState(false);
  const [snapshot, setSnapshot] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    const r = await api.call('sync.status', {});
    if (r.ok) setStatus(r.value);
    else setError(r.error.message);
  }, [api]);

  useEffect(() => {
    void load();
    const offs = [
      api.on?.('progress', (p) => {
        const m = p as Progress & { task?: string };
        if (m.task === 'sync') setProgress({ label: m.label, done: m.done, total: m.total });
      }),
      api.on?.('sync.status', (s) => {
        setStatus(s as SyncStatusOutput);
        setVersion((v) => v + 1);
      }),
    ];
    return () => offs.forEach((off) => off?.());
  }, [api, load]);

  const run = async () => {
    setRunning(true);
    setError(null);
    const r = await api.call('sync.run', { snapshot });
    setRunning(false);
    setProgress(null);
    if (!r.ok) {
      if (r.error.code === 'sync_locked' || r.error.code === 'wrong_passphrase') setLocked(true);
      setError(r.error.message);
    }
    await load();
    setVersion((v) => v + 1);
  };

  if (!status)
    return (
      <div className="screen">
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : (
          <p>Laden…</p>
        )}
      </div>
    );
  const done = () => {
    setLocked(false);
    setError(null);
    void load();
  };
  const last = status.lastResult;
  return (
    <div className="screen narrow sync-screen">
      <div className="screen-head">
        <h1>{T.title}</h1>
      </div>
      <p className="muted">{T.intro}</p>
      {!status.configured ? (
        <SetupForm api={api} onDone={done} />
      ) : (
        <>
          {locked && <SetupForm api={api} folder={status.folder} unlock onDone={done} />}
          <section className="card" aria-labelledby="sync-status">
            <h2 id="sync-status">{T.statusTitle}</h2>
            <dl className="facts">
              <dt>{T.lastRun}</dt>
              <dd>{showTime(status.lastRun)}</dd>
              <dt>{T.folderLabel}</dt>
              <dd>{status.folder}</dd>
              <dt>{T.pending}</dt>
              <dd>{status.pending}</dd>
            </dl>
            {last && <p className="muted">{T.lastResult(last.ingested.applied, last.published.changes)}</p>}
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                onClick={() => void run()}
                disabled={running || status.running}
              >
                {running || status.running ? T.running : T.runNow}
              </button>
              <label className="checkbox">
                <input type="checkbox" checked={snapshot} onChange={(e) => setSnapshot(e.target.checked)} />{' '}
                {T.withSnapshot}
              </label>
            </div>
            <p className="sync-progress" aria-live="polite">
              {progress && (
                <>
                  {progress.label}: {progress.done} / {progress.total}
                  <progress max={progress.total || 1} value={progress.done} />
                </>
              )}
            </p>
            {error && !locked && (
              <p role="alert" className="error-text">
                {error}
              </p>
            )}
          </section>
          <DevicesPanel api={api} version={version} onChanged={() => void load()} />
          <section aria-labelledby="sync-problems">
            <h2 id="sync-problems">{T.problemsTitle}</h2>
            {status.problems.length === 0 ? (
              <p>{T.noProblems}</p>
            ) : (
              <ul>
                {status.problems.map((p) => (
                  <li key={p.path} className={p.quarantined ? 'problem-quarantined' : undefined}>
                    <code>{p.path}</code>: {p.message} ({p.quarantined ? T.quarantined : T.retrying}, {T.tries(p.tries)}
                    )
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ConflictList api={api} version={version} onResolved={() => void load()} />
        </>
      )}
    </div>
  );
}
