// "Gebruiker wisselen" on a shared laptop: pick a colleague and type their PIN or password; later
// calls run as that user (the server verifies the PIN). The app frame then shows the new user.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { Card, Status } from '../../components/Card.js';
import { useCall } from '../../data/hooks.js';

export function SwitchUser() {
  const { t } = useTranslation();
  const call = useCommand();
  const { data } = useCall('session.users', {});
  const [user, setUser] = useState('');
  const [pin, setPin] = useState('');
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const go = async () => {
    if (!user || !pin) {
      setMsg({ text: t('admin.switch.missing'), error: true });
      return;
    }
    const r = await call('session.switch', { user, pin });
    setPin('');
    if (!r.ok) {
      setMsg({ text: r.error.message, error: true });
      return;
    }
    setMsg({ text: t('admin.switch.done', { name: r.value.name }), error: false });
  };
  return (
    <Card id="admin-switch" title={t('admin.switch.title')}>
      {msg && <Status text={msg.text} error={msg.error} />}
      {data && data.items.length === 0 ? (
        <p className="muted">{t('admin.switch.none')}</p>
      ) : (
        <form
          noValidate
          className="field-grid"
          aria-label={t('admin.switch.title')}
          onSubmit={(e) => {
            e.preventDefault();
            void go();
          }}
        >
          <div className="field">
            <label htmlFor="switch-user">{t('admin.switch.user')}</label>
            <select id="switch-user" value={user} onChange={(e) => setUser(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {data?.items.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.display_name} ({t(`roles.${u.role}`)})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="switch-pin">{t('admin.switch.pin')}</label>
            <input
              id="switch-pin"
              type="password"
              autoComplete="current-password"
              value={pin}
              onChange={(e) => setPin(e.target.value)}
            />
          </div>
          <div className="field">
            <span aria-hidden="true">&nbsp;</span>
            <button type="submit" className="button primary">
              {t('admin.switch.go')}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}
