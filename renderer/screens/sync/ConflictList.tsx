// Open conflicts with both values side by side, who typed them and when; one click writes the
// chosen value as a new change (sync.resolveConflict), which resolves it on every laptop.
import { useCallback, useEffect, useState } from 'react';
import type { SyncConflict } from '../../../db/api/methods/sync.js';
import type { SyncApi } from './api.js';
import { T, entityLabel, fieldLabel, showTime, showValue } from './text.js';

export function ConflictList(props: { api: SyncApi; version: number; onResolved: () => void }) {
  const { api, version, onResolved } = props;
  const [all, setAll] = useState(false);
  const [items, setItems] = useState<SyncConflict[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.call('sync.conflicts', { all });
    if (r.ok) setItems(r.value.items);
    else setError(r.error.message);
  }, [api, all]);

  useEffect(() => {
    void load();
  }, [load, version]);

  const resolve = async (c: SyncConflict, choice: 'current' | 'other') => {
    setBusy(c.id);
    const r = await api.call('sync.resolveConflict', { id: c.id, choice });
    setBusy(null);
    if (!r.ok) setError(r.error.message);
    await load();
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
