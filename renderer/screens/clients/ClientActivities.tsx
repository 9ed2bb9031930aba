// A client's activities (trajecten) with "Activiteit toevoegen", and the contact log with quick
// contact entry. Both refresh through data.changed after a write.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { formatDateNl } from '../../format.js';
import { Card, MoreButton, Status } from '../../components/Card.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import type { Output } from '../../../db/api/contract.js';
import { codeLabel, todayNl } from '../../format.js';
import { usePagedCall } from '../../data/hooks.js';
import { QuickContact, useContactFields } from './QuickContact.js';

const ACTIVITY_FIELDS: FormField[] = [
  { name: 'kind' },
  { name: 'provider' },
  { name: 'start_date' },
  { name: 'end_date' },
  { name: 'outcome', multiline: true },
];

type Activity = Output<'activities.list'>['items'][number];

/** Registers an activity, or corrects one (ending it: an end date and the result). */
function ActivityForm(props: {
  clientId: string;
  activity: Activity | null;
  onDone(m: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const a = props.activity;
  return (
    <RecordForm
      kind="activities"
      idPrefix={a ? `act-edit-${a.ref}` : 'act'}
      title={a ? t('dossier.activity.edit', { kind: codeLabel('activity_kind', a.kind) }) : t('dossier.activity.add')}
      fields={ACTIVITY_FIELDS}
      record={a}
      initial={{ start_date: todayNl() }}
      submitLabel={t('dossier.activity.save')}
      onSubmit={async (fields) => {
        const r = a
          ? await call('activities.update', { id: a.id, fields })
          : await call('activities.create', { clientId: props.clientId, fields });
        if (r.ok) props.onDone(a ? t('dossier.activity.updated') : t('dossier.activity.saved'));
        return r;
      }}
      onDone={() => undefined}
      onCancel={props.onCancel}
    />
  );
}

export function ClientActivities(props: { clientId: string }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
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
          activity={null}
          onCancel={() => setAdding(false)}
          onDone={(m) => {
            setAdding(false);
            setNotice(m);
          }}
        />
      )}
      {editing && list.items.some((a) => a.id === editing) && (
        <ActivityForm
          key={editing}
          clientId={props.clientId}
          activity={list.items.find((a) => a.id === editing)!}
          onCancel={() => setEditing(null)}
          onDone={(m) => {
            setEditing(null);
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
              <th scope="col">
                <span className="visually-hidden">{t('work.actions')}</span>
              </th>
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
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('dossier.activity.editOne', {
                      kind: codeLabel('activity_kind', a.kind),
                      date: formatDateNl(a.start_date),
                    })}
                    onClick={() => {
                      setEditing(a.id);
                      setNotice(null);
                    }}
                  >
                    {t('work.edit')}
                  </button>
                </td>
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
  const call = useCommand();
  const contactFields = useContactFields();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
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
      {editing && list.items.some((c) => c.id === editing) && (
        <RecordForm
          key={editing}
          kind="contacts"
          idPrefix={`${props.idPrefix}-contact-edit`}
          title={t('contact.edit')}
          fields={[...contactFields, { name: 'by', label: t('dossier.by') }]}
          record={list.items.find((c) => c.id === editing)!}
          submitLabel={t('contact.save')}
          onSubmit={async (fields) => {
            const r = await call('contacts.update', { id: editing, fields });
            if (r.ok) {
              setEditing(null);
              setNotice(t('contact.updated'));
            }
            return r;
          }}
          onDone={() => undefined}
          onCancel={() => setEditing(null)}
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
              <th scope="col">
                <span className="visually-hidden">{t('work.actions')}</span>
              </th>
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
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('contact.editOne', {
                      kind:
                        c.purpose === 'nazorg'
                          ? codeLabel('contact_purpose', 'nazorg')
                          : codeLabel('contact_kind', c.kind),
                      date: formatDateNl(c.date),
                    })}
                    onClick={() => {
                      setEditing(c.id);
                      setNotice(null);
                    }}
                  >
                    {t('work.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton next={list.next} onMore={list.more} />
    </Card>
  );
}
