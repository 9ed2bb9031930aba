// The sign-in screen (issue 12): shown instead of the app while no one is signed in in a database
// that has users. The person picks their name and types their passphrase; the server checks it
// (session.switch) and keeps the lockout after wrong ones. Also the "choose a new passphrase"
// step that must come first when a passphrase is too short or has none yet.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../db/api/contract.js';
import { useCommand } from '../data/hooks.js';

export function SignIn() {
  const { t } = useTranslation();
  const call = useCommand();
  const [users, setUsers] = useState<Output<'session.users'>['items'] | null>(null);
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('session.users', {}).then((r) => {
      if (r.ok) setUsers(r.value.items);
      else setError(r.error.message);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the screen opens
  }, []);
  const go = async () => {
    if (!user || !pass) return setError(t('signIn.missing'));
    setBusy(true);
    const r = await call('session.switch', { user, pin: pass });
    setBusy(false);
    setPass('');
    if (!r.ok) return setError(r.error.message);
    setError(null);
  };
  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {users && users.length === 0 ? (
        <p>{t('signIn.none')}</p>
      ) : (
        <form
          className="field-grid"
          aria-label={t('signIn.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void go();
          }}
        >
          <p>{t('signIn.text')}</p>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <div className="field">
            <label htmlFor="sign-in-user">{t('signIn.user')}</label>
            <select id="sign-in-user" value={user} onChange={(e) => setUser(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {users?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.display_name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="sign-in-pass">{t('signIn.passphrase')}</label>
            <input
              id="sign-in-pass"
              type="password"
              autoComplete="current-password"
              value={pass}
              onChange={(e) => setPass(e.target.value)}
            />
          </div>
          <div className="field">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? t('signIn.busy') : t('signIn.go')}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}

export function NewPassphrase() {
  const { t } = useTranslation();
  const call = useCommand();
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const go = async () => {
    if (pass !== again) return setError(t('newPassphrase.differ'));
    const r = await call('session.setPassphrase', { passphrase: pass });
    if (!r.ok) return setError(r.error.message);
    setError(null);
  };
  return (
    <main className="sign-in" aria-labelledby="new-pass-title">
      <h1 id="new-pass-title">{t('newPassphrase.title')}</h1>
      <p>{t('newPassphrase.text')}</p>
      <form
        className="field-grid"
        aria-label={t('newPassphrase.title')}
        onSubmit={(e) => {
          e.preventDefault();
          void go();
        }}
      >
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="new-pass">{t('newPassphrase.passphrase')}</label>
          <input
            id="new-pass"
            ref={first}
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={(e) => setPass(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="new-pass-again">{t('newPassphrase.repeat')}</label>
          <input
            id="new-pass-again"
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
        </div>
        <div className="field">
          <button type="submit" className="button primary">
            {t('newPassphrase.go')}
          </button>
        </div>
      </form>
    </main>
  );
}
