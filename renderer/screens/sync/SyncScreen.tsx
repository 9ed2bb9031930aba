// The Synchronisatie screen: setup on first use; then the status panel (last sync, changes
// waiting to go out, the team's laptops and their last activity, problem files), a round on
// demand with its progress, and the conflicts to resolve. The shell runs rounds by itself too
// (on start, on a timer, when the folder changes); their results arrive as 'sync.status' events.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { SyncStatusOutput } from '../../../db/api/methods/sync.js';
import { keyOf, useCall, useCommand } from '../../data/hooks.js';
import { useEvent } from '../../data/provider.js';
import { ConflictList } from './ConflictList.js';
import { DevicesPanel } from './DevicesPanel.js';
import { SetupForm } from './SetupForm.js';
import { T, showTime } from '../../i18n/sync.js';
import './sync.css';

interface Progress {
  label: string;
  done: number;
  total: number;
}

export function SyncScreen() {
  const call = useCommand();
  const client = useQueryClient();
  const q = useCall('sync.status', {});
  const status = q.data;
  const [runError, setError] = useState<string | null>(null);
  const error = runError ?? q.error;
  const [locked, setLocked] = useState(false);
  const [running, setRunning] = useState(false);
  const [snapshot, setSnapshot] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const load = q.reload;

  useEvent('progress', (p) => {
    const m = p as Progress & { task?: string };
    if (m.task === 'sync') setProgress({ label: m.label, done: m.done, total: m.total });
  });
  // A round the shell started by itself: its status arrives with the event.
  useEvent('sync.status', (s) => {
    client.setQueryData(keyOf('sync.status', {}), s as SyncStatusOutput);
    void client.invalidateQueries({
      predicate: (x) => String(x.queryKey[0]).startsWith('sync.') && x.queryKey[0] !== 'sync.status',
    });
  });

  const run = async () => {
    setRunning(true);
    setError(null);
    const r = await call('sync.run', { snapshot });
    setRunning(false);
    setProgress(null);
    if (!r.ok) {
      if (r.error.code === 'sync_locked' || r.error.code === 'wrong_passphrase') setLocked(true);
      setError(r.error.message);
    }
    void client.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('sync.') });
  };

  if (!status)
    return (
      <div className="screen">
        {error ? (
          <p role="alert" className="error-text">
            {error}
          </p>
        ) : (
          <p>{T.loading}</p>
        )}
      </div>
    );
  const done = () => {
    setLocked(false);
    setError(null);
    load();
  };
  const last = status.lastResult;
  return (
    <div className="screen narrow sync-screen">
      <div className="screen-head">
        <h1>{T.title}</h1>
      </div>
      <p className="muted">{T.intro}</p>
      {!status.configured ? (
        <SetupForm onDone={done} />
      ) : (
        <>
          {locked && <SetupForm folder={status.folder} unlock onDone={done} />}
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
          <DevicesPanel onChanged={load} />
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
          <ConflictList onResolved={load} />
        </>
      )}
    </div>
  );
}
