// Beheer > Back-ups (beheerder): the daily backups on this laptop, a backup on request, and
// "Back-up terugzetten": first what the chosen backup holds (date, clients, employers,
// vacancies, laptop), then an explicit confirmation, then the restore - which the app finishes
// by restarting. Everything through the backup.* contract methods.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import type { Output } from '../../../db/api/contract.js';
import { formatNumber } from '../../format.js';
import { formatMomentNl } from '../../../db/model/calendar.js';
import { Card, Status } from '../../components/Card.js';
import { useCall } from '../../data/hooks.js';

type Preview = Output<'backup.preview'>;

function megabytes(bytes: number): string {
  return formatNumber(Math.max(0.1, Math.round(bytes / 100_000) / 10));
}

export function BackupPanel() {
  const { t } = useTranslation();
  const call = useCommand();
  const list = useCall('backup.list', {});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);

  const create = async () => {
    setBusy(true);
    const r = await call('backup.create', {});
    setBusy(false);
    if (!r.ok) return setMsg({ text: r.error.message, error: true });
    setMsg({ text: t('admin.backup.created', { when: formatMomentNl(r.value.createdAt) }), error: false });
    list.reload();
  };
  const show = async (name: string) => {
    setConfirm(false);
    setPreview(null);
    const r = await call('backup.preview', { name });
    if (!r.ok) return setMsg({ text: r.error.message, error: true });
    setMsg(null);
    setPreview(r.value);
  };
  const restore = async () => {
    if (!preview) return;
    if (!confirm) return setMsg({ text: t('admin.backup.confirmFirst'), error: true });
    setBusy(true);
    const r = await call('backup.restore', { name: preview.name, confirm: true });
    setBusy(false);
    if (!r.ok) return setMsg({ text: r.error.message, error: true });
    setPreview(null);
    setConfirm(false);
    setMsg({ text: t('admin.backup.restoring'), error: false });
  };

  return (
    <Card id="admin-backup" title={t('admin.backup.title')}>
      <p className="muted">{t('admin.backup.intro')}</p>
      {list.error && (
        <p role="alert" className="notice warning">
          {list.error}
        </p>
      )}
      {msg && <Status text={msg.text} error={msg.error} />}
      {list.data && (
        <>
          <p className="muted">{t('admin.backup.folder', { folder: list.data.folder })}</p>
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void create()}>
              {t('admin.backup.create')}
            </button>
          </div>
          {list.data.items.length === 0 ? (
            <p className="muted">{t('admin.backup.none')}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.backup.when')}</th>
                  <th scope="col">{t('admin.backup.kind')}</th>
                  <th scope="col">{t('admin.backup.size')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.backup.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((b) => (
                  <tr key={b.name}>
                    <td>{formatMomentNl(b.createdAt)}</td>
                    <td>{t(`admin.backup.kinds.${b.kind}`)}</td>
                    <td>{t('admin.backup.megabytes', { size: megabytes(b.size) })}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('admin.backup.chooseOne', { when: formatMomentNl(b.createdAt) })}
                        onClick={() => void show(b.name)}
                      >
                        {t('admin.backup.choose')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {preview && (
        <section aria-labelledby="backup-restore-title">
          <h3 id="backup-restore-title">{t('admin.backup.restoreTitle')}</h3>
          <p>{t('admin.backup.of', { when: formatMomentNl(preview.createdAt) })}</p>
          <dl className="facts">
            <dt>{t('admin.backup.clients')}</dt>
            <dd>{formatNumber(preview.counts.clients)}</dd>
            <dt>{t('admin.backup.employers')}</dt>
            <dd>{formatNumber(preview.counts.employers)}</dd>
            <dt>{t('admin.backup.vacancies')}</dt>
            <dd>{formatNumber(preview.counts.vacancies)}</dd>
            <dt>{t('admin.backup.laptop')}</dt>
            <dd>{preview.deviceName ?? '-'}</dd>
          </dl>
          {preview.otherDevice && (
            <p className="notice warning">{t('admin.backup.otherDevice', { name: preview.deviceName ?? '-' })}</p>
          )}
          <p>{t('admin.backup.warning', { when: formatMomentNl(preview.createdAt) })}</p>
          <p>
            <label className="checkbox">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
              {t('admin.backup.confirm')}
            </label>
          </p>
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void restore()}>
              {t('admin.backup.restore')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setPreview(null);
                setConfirm(false);
              }}
            >
              {t('admin.backup.cancel')}
            </button>
          </div>
        </section>
      )}
    </Card>
  );
}
