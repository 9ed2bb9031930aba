// Beheer: switching user on a shared laptop (everyone), users and their roles (beheerder), the retention list with purge (manager), the
// import wizard, and the report settings (beheerder). Each part shows the server's Dutch refusal when the role may not use it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { formatDateNl } from '../../format.js';
import { Card, MoreButton, Status } from '../../components/Card.js';
import { Field } from '../../components/controls.js';
import { codeLabel } from '../../format.js';
import { errorText } from '../../components/fields.js';
import { useCall, usePagedCall } from '../../data/hooks.js';
import { ImportWizard } from './ImportWizard.js';
import { SwitchUser } from './SwitchUser.js';
import { BackupPanel } from './BackupPanel.js';
import { ReportSettingsPanel } from './ReportSettingsPanel.js';
import { useMay } from '../../access.js';

const ROLES = ['klantmanager', 'werkgeversadviseur', 'trajectmanager', 'manager', 'beheerder'] as const;
type Role = (typeof ROLES)[number];

function Users() {
  const { t } = useTranslation();
  const call = useCommand();
  const { data, error } = useCall('users.list', { includeInactive: true });
  const [f, setF] = useState({ display_name: '', role: 'klantmanager' as Role, email: '', pin: '' });
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const create = async () => {
    const r = await call('users.create', {
      display_name: f.display_name,
      role: f.role,
      email: f.email || null,
      pin: f.pin,
    });
    if (!r.ok) {
      setMsg({
        text: errorText(r.error, { display_name: t('admin.users.name'), pin: t('admin.users.pin') }),
        error: true,
      });
      return;
    }
    setF({ display_name: '', role: 'klantmanager', email: '', pin: '' });
    setMsg({ text: t('admin.users.created'), error: false });
  };
  const setRole = async (id: string, role: Role) => {
    const r = await call('users.update', { id, role });
    setMsg(r.ok ? { text: t('admin.users.changed'), error: false } : { text: r.error.message, error: true });
  };
  return (
    <Card id="admin-users" title={t('admin.users.title')}>
      {error && (
        <p role="alert" className="notice warning">
          {error}
        </p>
      )}
      {msg && <Status text={msg.text} error={msg.error} />}
      {data && data.items.length === 0 && <p className="muted">{t('admin.users.none')}</p>}
      {data && data.items.length > 0 && (
        <table className="table" aria-label={t('admin.users.title')}>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((u) => (
              <tr key={u.id}>
                <td>{u.display_name}</td>
                <td>
                  <select
                    aria-label={t('admin.users.roleOf', { name: u.display_name })}
                    value={u.role}
                    onChange={(e) => void setRole(u.id, e.target.value as Role)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{u.email ?? ''}</td>
                <td>
                  {u.active ? t('admin.users.active') : t('admin.users.inactive')}
                  {u.hasPin ? '' : ` · ${t('admin.users.noPin')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <form
          noValidate
          className="inline-form"
          aria-label={t('admin.users.add')}
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <div className="field-grid">
            <Field
              id="user-name"
              label={t('admin.users.name')}
              value={f.display_name}
              onChange={(v) => setF({ ...f, display_name: v })}
              required
            />
            <div className="field">
              <label htmlFor="user-role">{t('admin.users.role')}</label>
              <select id="user-role" value={f.role} onChange={(e) => setF({ ...f, role: e.target.value as Role })}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field
              id="user-email"
              label={t('admin.users.email')}
              value={f.email}
              onChange={(v) => setF({ ...f, email: v })}
              inputMode="email"
            />
            <div className="field">
              <label htmlFor="user-pin">{t('admin.users.pin')} *</label>
              <input
                id="user-pin"
                type="password"
                autoComplete="new-password"
                value={f.pin}
                onChange={(e) => setF({ ...f, pin: e.target.value })}
                aria-required
              />
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button primary">
              {t('admin.users.add')}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}

function Retention() {
  const { t } = useTranslation();
  const call = useCommand();
  const list = usePagedCall('retention.list', { limit: 100, after: null }, (o) => o);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const toggle = (id: string) =>
    setChosen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const purge = async () => {
    if (!confirm) {
      setMsg({ text: t('admin.retention.confirmFirst'), error: true });
      return;
    }
    const r = await call('retention.purge', { clientIds: [...chosen], confirm: true });
    if (!r.ok) {
      setMsg({ text: r.error.message, error: true });
      return;
    }
    setChosen(new Set());
    setConfirm(false);
    setMsg({ text: t('admin.retention.purged', { count: r.value.purged }), error: false });
  };
  return (
    <Card id="admin-retention" title={t('admin.retention.title')}>
      <p className="muted">{t('admin.retention.intro')}</p>
      {list.error && (
        <p role="alert" className="notice warning">
          {list.error}
        </p>
      )}
      {msg && <Status text={msg.text} error={msg.error} />}
      {!list.error && list.items.length === 0 && <p className="muted">{t('admin.retention.none')}</p>}
      {list.items.length > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('admin.retention.choose')}</th>
                <th scope="col">{t('admin.retention.client')}</th>
                <th scope="col">{t('admin.retention.lastExit')}</th>
                <th scope="col">{t('admin.retention.reason')}</th>
                <th scope="col">{t('admin.retention.from')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('admin.retention.chooseOne', { name: c.name })}
                      checked={chosen.has(c.id)}
                      onChange={() => toggle(c.id)}
                    />
                  </td>
                  <td>
                    {c.name} <span className="muted">{c.ref}</span>
                  </td>
                  <td>{formatDateNl(c.lastExit)}</td>
                  <td>{codeLabel('exit_reason', c.exitReason)}</td>
                  <td>{formatDateNl(c.destroyFrom)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreButton next={list.next} onMore={list.more} />
          <p>
            <label className="checkbox">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
              {t('admin.retention.confirm', { count: chosen.size })}
            </label>
          </p>
          <button type="button" className="button primary" disabled={chosen.size === 0} onClick={() => void purge()}>
            {t('admin.retention.purge')}
          </button>
        </>
      )}
    </Card>
  );
}

export function AdminScreen() {
  const { t } = useTranslation();
  // Only the parts this role may use (the contract's role table, renderer/access.ts).
  const users = useMay('users.list');
  const retention = useMay('retention.list');
  const importing = useMay('import.preview');
  const backups = useMay('backup.list');
  const reportSettings = useMay('settings.save');
  return (
    <section aria-labelledby="admin-title" className="screen">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <SwitchUser />
      {users && <Users />}
      {retention && <Retention />}
      {importing && <ImportWizard />}
      {backups && <BackupPanel />}
      {reportSettings && <ReportSettingsPanel />}
    </section>
  );
}
