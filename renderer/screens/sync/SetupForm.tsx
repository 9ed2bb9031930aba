// First use on this laptop: choose the shared folder and make a team or join it. Also shown
// (with the folder filled in) when the team key is missing here and must be unlocked again.
import { useState, type FormEvent } from 'react';
import { useCommand } from '../../data/hooks.js';
import { T } from '../../i18n/sync.js';

export function SetupForm(props: { folder?: string | null; unlock?: boolean; onDone: () => void }) {
  const call = useCommand();
  const [folder, setFolder] = useState(props.folder ?? '');
  // The first laptop makes the team; the others choose "Aansluiten" (the hint says so).
  const [mode, setMode] = useState<'create' | 'join'>('create');
  const [passphrase, setPassphrase] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await call('sync.setup', {
      folder,
      mode: props.unlock ? 'join' : mode,
      passphrase,
      ...(deviceName ? { deviceName } : {}),
    });
    setBusy(false);
    setPassphrase('');
    if (!r.ok) setError({ message: r.error.message, field: r.error.field });
    else props.onDone();
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="sync-setup">
      <h2 id="sync-setup">{props.unlock ? T.unlockTitle : T.setupTitle}</h2>
      {props.unlock && <p>{T.unlockText}</p>}
      {error && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      {!props.unlock && (
        <>
          <div className="field">
            <label htmlFor="sync-folder">{T.folder}</label>
            <input
              id="sync-folder"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              required
              aria-invalid={error?.field === 'folder' || undefined}
            />
          </div>
          <fieldset>
            <legend className="visually-hidden">Team</legend>
            <label className="checkbox">
              <input type="radio" name="sync-mode" checked={mode === 'join'} onChange={() => setMode('join')} />{' '}
              {T.modeJoin}
            </label>
            <br />
            <label className="checkbox">
              <input type="radio" name="sync-mode" checked={mode === 'create'} onChange={() => setMode('create')} />{' '}
              {T.modeCreate}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="sync-device">{T.deviceName}</label>
            <input
              id="sync-device"
              value={deviceName}
              onChange={(e) => setDeviceName(e.target.value)}
              maxLength={100}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="sync-pass">{T.passphrase}</label>
        <input
          id="sync-pass"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
          aria-describedby="sync-pass-hint"
          aria-invalid={error?.field === 'passphrase' || undefined}
        />
        <small id="sync-pass-hint" className="muted">
          {T.passphraseHint}
        </small>
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {props.unlock ? T.unlock : T.setup}
      </button>
    </form>
  );
}
