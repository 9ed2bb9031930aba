// A client's activities (trajecten) with "Activiteit toevoegen", and the contact log with quick
// contact entry. Both refresh through data.changed after a write.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { formatDateNl } from '../../format.js';
import { Card, MoreButton, Status } from '../../components/Card.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { codeLabel, todayNl } from '../../format.js';
import { errorText } from '../../components/fields.js';
import { usePagedCall } from '../../data/hooks.js';
import { QuickContact } from './QuickContact.js';

function ActivityForm(props: { clientId: string; onDone(m: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const [f, setF] = useState({ kind: '', provider: '', start_date: todayNl(), end_date: '', outcome: '' });
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const labels = {
    kind: t('dossier.activity.kind'),
    provider: t('dossier.activity.provider'),
    start_date: t('dossier.activity.start'),
    end_date: t('dossier.activity.end'),
    outcome: t('dossier.activity.outcome'),
  };
  const fe = (k: string) => (error?.field === k ? error.message : null);
  const save = async () => {
    const r = await call('activities.create', { clientId: props.clientId, fields: f });
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    props.onDone(t('dossier.activity.saved', { ref: r.value.ref }));
  };
  return (
    <form
      className="inline-form"
      aria-label={t('dossier.activity.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field-grid">
        <CodeSelect
          id="act-kind"
          label={labels.kind}
          list="activity_kind"
          value={f.kind}
          onChange={set('kind')}
          required
          error={fe('kind')}
        />
        <Field
          id="act-provider"
          label={labels.provider}
          value={f.provider}
          onChange={set('provider')}
          error={fe('provider')}
        />
        <Field
          id="act-start"
          label={labels.start_date}
          value={f.start_date}
          onChange={set('start_date')}
          date
          required
          error={fe('start_date')}
        />
        <Field
          id="act-end"
          label={labels.end_date}
          value={f.end_date}
          onChange={set('end_date')}
          date
          error={fe('end_date')}
        />
      </div>
      <Field
        id="act-outcome"
        label={labels.outcome}
        value={f.outcome}
        onChange={set('outcome')}
        multiline
        error={fe('outcome')}
      />
      {error && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary">
          {t('dossier.activity.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('work.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ClientActivities(props: { clientId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedCall(
    'activities.list',
    { clientId: props.clientId, kind: null, activeOn: null, limit: 20, after: null },
    (o) => o,
  );
  return (
    <Card
      id="activities-title"
      title={t('dossier.activity.title')}
      actions={
        !adding && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            {t('dossier.activity.add')}
          </button>
        )
      }
    >
      <Status text={notice} />
      {adding && (
        <ActivityForm
          clientId={props.clientId}
          onCancel={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            setNotice(m);
          }}
        />
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('dossier.activity.kind')}</th>
              <th scope="col">{t('dossier.activity.provider')}</th>
              <th scope="col">{t('dossier.activity.start')}</th>
              <th scope="col">{t('dossier.activity.end')}</th>
              <th scope="col">{t('dossier.activity.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.id}>
                <td>
                  {codeLabel('activity_kind', a.kind)}{' '}
                  {a.active && <span className="badge badge-in">{t('dossier.activity.running')}</span>}
                </td>
                <td>{a.provider ?? ''}</td>
                <td>{formatDateNl(a.start_date)}</td>
                <td>{formatDateNl(a.end_date)}</td>
                <td>{a.outcome ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton next={list.next} onMore={list.more} />
    </Card>
  );
}

export function ContactLog(props: { party: { clientId: string } | { employerId: string }; idPrefix: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedCall('contacts.list', { ...props.party, limit: 20, after: null }, (o) => o);
  return (
    <Card
      id={`${props.idPrefix}-contacts-title`}
      title={t('dossier.contacts')}
      actions={
        !adding && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
              setNotice(null);
            }}
          >
            {t('contact.form')}
          </button>
        )
      }
    >
      <Status text={notice} />
      {adding && (
        <QuickContact
          party={props.party}
          idPrefix={`${props.idPrefix}-qc`}
          onCancel={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            setNotice(m);
          }}
        />
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('contact.date')}</th>
              <th scope="col">{t('contact.kind')}</th>
              <th scope="col">{t('contact.summary')}</th>
              <th scope="col">{t('contact.followUp')}</th>
              <th scope="col">{t('dossier.by')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id}>
                <td>{formatDateNl(c.date)}</td>
                <td>
                  {c.purpose === 'nazorg' ? codeLabel('contact_purpose', 'nazorg') : codeLabel('contact_kind', c.kind)}
                </td>
                <td>{c.summary ?? ''}</td>
                <td>
                  {formatDateNl(c.follow_up_date)}
                  {c.follow_up_done && ` (${t('dossier.done', { date: formatDateNl(c.follow_up_done) })})`}
                </td>
                <td>{c.by ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton next={list.next} onMore={list.more} />
    </Card>
  );
}
