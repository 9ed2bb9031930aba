// The team's laptops on the Synchronisatie screen: name, last activity, in the team or removed;
// a beheerder can remove a laptop (a departed colleague's) after confirming and choosing the new
// team passphrase. The server decides who may (sync.removeDevice is for beheerders only).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDeviceItem } from '../../../db/api/methods/sync.js';
import { useCall, useCommand } from '../../data/hooks.js';
import { showTime } from '../../i18n/sync.js';

export function DevicesPanel(props: { onChanged: () => void }) {
  const { onChanged } = props;
  const { t } = useTranslation();
  const call = useCommand();
  const q = useCall('sync.devices', {});
  const data = q.data;
  const [removing, setRemoving] = useState<TeamDeviceItem | null>(null);
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const nameOf = (d: TeamDeviceItem) => d.name || d.device;
  const close = () => {
    setRemoving(null);
    setPass('');
    setRepeat('');
    setConfirmed(false);
    setError(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!removing) return;
    if (pass !== repeat) return setError(t('syncDevices.mismatch'));
    if (!confirmed) return setError(t('syncDevices.confirmFirst'));
    setBusy(true);
    setError(null);
    const r = await call('sync.removeDevice', { device: removing.device, newPassphrase: pass });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const message = [t('syncDevices.done', { name: nameOf(removing) })];
    if (r.value.needPassphrase.length)
      message.push(t('syncDevices.needPassphrase', { names: r.value.needPassphrase.join(', ') }));
    close();
    setDone(message.join(' '));
    onChanged();
    q.reload();
  };

  return (
    <section aria-labelledby="sync-devices">
      <h2 id="sync-devices">{t('syncDevices.title')}</h2>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('syncDevices.device')}</th>
            <th scope="col">{t('syncDevices.lastSeen')}</th>
            <th scope="col">{t('syncDevices.status')}</th>
            {data?.canRemove && <th scope="col" aria-hidden="true" />}
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((d) => (
            <tr key={d.device}>
              <td>
                {nameOf(d)}
                {d.self && <span className="muted"> {t('syncDevices.thisLaptop')}</span>}
              </td>
              <td>{d.lastSeen ? showTime(d.lastSeen) : t('syncDevices.never')}</td>
              <td>{d.removed ? t('syncDevices.removed') : t('syncDevices.active')}</td>
              {data?.canRemove && (
                <td>
                  {!d.self && !d.removed && (
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        close();
                        setDone(null);
                        setRemoving(d);
                      }}
                    >
                      {t('syncDevices.removeOf', { name: nameOf(d) })}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="sync-remove" className="card">
          <h3 id="sync-remove">{t('syncDevices.confirmTitle', { name: nameOf(removing) })}</h3>
          <p>{t('syncDevices.confirmText')}</p>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="sync-new-pass">{t('syncDevices.newPassphrase')}</label>
            <input
              id="sync-new-pass"
              type="password"
              autoComplete="new-password"
              value={pass}
              onChange={(e) => setPass(e.target.value)}
              required
              aria-describedby="sync-new-pass-hint"
            />
            <small id="sync-new-pass-hint" className="muted">
              {t('syncDevices.newPassphraseHint')}
            </small>
          </div>
          <div className="field">
            <label htmlFor="sync-new-pass2">{t('syncDevices.repeat')}</label>
            <input
              id="sync-new-pass2"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              required
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
            {t('syncDevices.confirm', { name: nameOf(removing) })}
          </label>
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              {t('syncDevices.submit')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('syncDevices.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
