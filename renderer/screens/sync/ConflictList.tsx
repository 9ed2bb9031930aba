// Open conflicts with both values side by side, who typed them and when; one click writes the
// chosen value as a new change (sync.resolveConflict), which resolves it on every laptop.
import { useState } from 'react';
import type { SyncConflict } from '../../../db/api/methods/sync.js';
import { useCall, useCommand } from '../../data/hooks.js';
import { T, entityLabel, fieldLabel, showTime, showValue } from '../../i18n/sync.js';

export function ConflictList(props: { onResolved: () => void }) {
  const { onResolved } = props;
  const call = useCommand();
  const [all, setAll] = useState(false);
  const q = useCall('sync.conflicts', { all });
  const items: SyncConflict[] | null = q.data?.items ?? null;
  const [resolveError, setError] = useState<string | null>(null);
  const error = resolveError ?? q.error;
  const [busy, setBusy] = useState<string | null>(null);

  const resolve = async (c: SyncConflict, choice: 'current' | 'other') => {
    setBusy(c.id);
    const r = await call('sync.resolveConflict', { id: c.id, choice });
    setBusy(null);
    if (!r.ok) setError(r.error.message);
    q.reload();
    onResolved();
  };

  return (
    <section aria-labelledby="sync-conflicts">
      <h2 id="sync-conflicts">{T.conflictsTitle}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {T.showOther}
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p>{T.noConflicts}</p>}
      {items && items.length > 0 && (
        <>
          <p className="muted">{T.conflictsIntro}</p>
          <table className="table sync-conflicts">
            <thead>
              <tr>
                <th>Gegeven</th>
                <th>{T.current}</th>
                <th>{T.other}</th>
                <th>
                  <span className="visually-hidden">Kiezen</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <strong>
                      {entityLabel(c.entity)} {c.ref ?? ''}
                    </strong>
                    <br />
                    {fieldLabel(c.entity, c.field)}
                    {c.kind === 'merge' && <div className="muted">{T.merged(c.mergedRef ?? '')}</div>}
                  </td>
                  <td>
                    <span className="sync-value">{showValue(c.current?.value)}</span>
                    {c.current && (
                      <div className="muted">{T.by(c.current.userName ?? c.current.user, showTime(c.current.at))}</div>
                    )}
                  </td>
                  <td>
                    <span className="sync-value">{showValue(c.other.value)}</span>
                    <div className="muted">{T.by(c.other.userName ?? c.other.user, showTime(c.other.at))}</div>
                  </td>
                  <td className="sync-choose">
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      onClick={() => void resolve(c, 'current')}
                      aria-label={`${T.keepCurrent}: ${fieldLabel(c.entity, c.field)} ${c.ref ?? ''}`}
                    >
                      {T.keepCurrent}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      onClick={() => void resolve(c, 'other')}
                      aria-label={`${T.takeOther}: ${fieldLabel(c.entity, c.field)} ${c.ref ?? ''}`}
                    >
                      {T.takeOther}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
