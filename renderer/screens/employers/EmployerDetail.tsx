// An employer's page: facts (KvK, sector, account holder, buitengewone werkgever with its next
// follow-up), contact persons (add), SROI obligations with realization, vacancies, placements,
// the contact log with quick entry, and the change history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { hrefOf } from '../../stores/route.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { Card, Status } from '../../components/Card.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import type { Output } from '../../../db/api/contract.js';
import { codeLabel } from '../../format.js';
import { useCall } from '../../data/hooks.js';
import { ContactLog } from '../clients/ClientActivities.js';
import { ChangeHistory } from '../clients/DossierTimeline.js';
import { ExceptionalEditor } from './ExceptionalEditor.js';
import { SroiEditor } from './SroiEditor.js';

function Row(props: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || '—'}</dd>
    </>
  );
}

type Employer = Output<'employers.get'>;
type Person = Employer['contactPersons'][number];

const PERSON_FIELDS: FormField[] = [{ name: 'name' }, { name: 'role' }, { name: 'phone' }, { name: 'email' }];
const EMPLOYER_FIELDS: FormField[] = [
  { name: 'name' },
  { name: 'kvk' },
  { name: 'street' },
  { name: 'house_number' },
  { name: 'postcode' },
  { name: 'city' },
  { name: 'sector' },
  { name: 'account_holder' },
  { name: 'account_manager' },
];

/** Adds a contact person, or corrects one. */
function ContactPersonForm(props: {
  employerId: string;
  person: Person | null;
  onDone(m: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const p = props.person;
  return (
    <RecordForm
      kind="contact_persons"
      idPrefix={p ? `cp-edit-${p.id}` : 'cp'}
      title={p ? t('employers.person.edit', { name: p.name ?? '' }) : t('employers.person.add')}
      fields={PERSON_FIELDS}
      record={p}
      submitLabel={t('employers.person.save')}
      onSubmit={async (f) => {
        const r = await call('employers.saveContactPerson', {
          employerId: props.employerId,
          ...(p ? { id: p.id } : {}),
          ...f,
          name: f.name ?? '',
        });
        if (r.ok) props.onDone(t('employers.person.saved'));
        return r;
      }}
      onDone={() => undefined}
      onCancel={props.onCancel}
    />
  );
}

/** Corrects the employer's own data (name, KvK, address, sector, account holder and manager). */
function EmployerEditForm(props: { employer: Employer; onDone(m: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const e = props.employer;
  return (
    <RecordForm
      kind="employers"
      idPrefix="employer-edit"
      title={t('employers.edit')}
      fields={EMPLOYER_FIELDS}
      record={e.record as Record<string, unknown>}
      submitLabel={t('employers.saveChanges')}
      onSubmit={async (fields) => {
        const r = await call('employers.update', { id: e.id, fields });
        if (r.ok) props.onDone(t('employers.updated'));
        return r;
      }}
      onDone={() => undefined}
      onCancel={props.onCancel}
    />
  );
}

export function EmployerDetail(props: { id: string; notice?: string }) {
  const { t } = useTranslation();
  const { data: e, error } = useCall('employers.get', { id: props.id });
  const [adding, setAdding] = useState(false);
  const [editingPerson, setEditingPerson] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(props.notice === 'nieuw' ? t('employers.created') : null);
  if (error)
    return (
      <section className="screen">
        <h1>{t('employers.title')}</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </section>
    );
  if (!e) return <p>{t('app.loading')}</p>;
  const r = e.record as Record<string, string | null>;
  return (
    <section aria-labelledby="employer-title" className="screen">
      <p>
        <a href={hrefOf('werkgevers')}>{t('employers.back')}</a>
      </p>
      <Status text={notice} />
      <div className="screen-head">
        <h1 id="employer-title">
          {e.name} <span className="muted">{e.ref}</span>
        </h1>
        <div className="button-row">
          {!editing && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('employers.edit')}
            </button>
          )}
          <a className="button primary" href={hrefOf('vacatures', 'nieuw', e.id)}>
            {t('vacancies.new')}
          </a>
        </div>
      </div>
      {editing && (
        <EmployerEditForm
          employer={e}
          onCancel={() => setEditing(false)}
          onDone={(m) => {
            setEditing(false);
            setNotice(m);
          }}
        />
      )}
      <div className="cards">
        <Card id="employer-facts" title={t('employers.facts')}>
          <dl className="facts">
            <Row label={t('employers.fields.kvk')} value={e.kvk} />
            <Row label={t('employers.fields.sector')} value={e.sector} />
            <Row label={t('employers.fields.account_holder')} value={codeLabel('account_holder', e.account_holder)} />
            <Row label={t('employers.fields.account_manager')} value={e.account_manager} />
            <Row label={t('employers.fields.street')} value={[r.street, r.house_number].filter(Boolean).join(' ')} />
            <Row label={t('employers.fields.city')} value={[r.postcode, e.city].filter(Boolean).join(' ')} />
          </dl>
        </Card>
        <Card id="employer-exceptional" title={t('employers.exceptionalTitle')}>
          {e.exceptional_since ? (
            <dl className="facts">
              <Row label={t('employers.fields.exceptional_since')} value={formatDateNl(e.exceptional_since)} />
              <Row label={t('employers.col.lastContact')} value={formatDateNl(e.last_contact)} />
              <Row label={t('employers.nextFollowUp')} value={formatDateNl(e.nextFollowUp)} />
            </dl>
          ) : (
            <p className="muted">{t('employers.notExceptional')}</p>
          )}
          {e.followUpOverdue && <p className="notice warning">{t('employers.overdueText')}</p>}
          <ExceptionalEditor employerId={e.id} since={e.exceptional_since} />
        </Card>
      </div>
      <Card
        id="employer-persons"
        title={t('employers.person.title')}
        actions={
          !adding && (
            <button type="button" className="button" onClick={() => setAdding(true)}>
              {t('employers.person.add')}
            </button>
          )
        }
      >
        {adding && (
          <ContactPersonForm
            employerId={e.id}
            person={null}
            onCancel={() => setAdding(false)}
            onDone={(m) => {
              setAdding(false);
              setNotice(m);
            }}
          />
        )}
        {editingPerson && e.contactPersons.some((p) => p.id === editingPerson) && (
          <ContactPersonForm
            key={editingPerson}
            employerId={e.id}
            person={e.contactPersons.find((p) => p.id === editingPerson)!}
            onCancel={() => setEditingPerson(null)}
            onDone={(m) => {
              setEditingPerson(null);
              setNotice(m);
            }}
          />
        )}
        {e.contactPersons.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('employers.person.name')}</th>
                <th scope="col">{t('employers.person.role')}</th>
                <th scope="col">{t('employers.person.phone')}</th>
                <th scope="col">{t('employers.person.email')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('work.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {e.contactPersons.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.role}</td>
                  <td>{p.phone}</td>
                  <td>{p.email}</td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-label={t('employers.person.edit', { name: p.name ?? '' })}
                      onClick={() => setEditingPerson(p.id)}
                    >
                      {t('work.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <SroiEditor employerId={e.id} sroi={e.sroi} />
      <Card id="employer-vacancies" title={t('employers.vacancies')}>
        {e.vacancies.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('vacancies.col.title')}</th>
                <th scope="col">{t('vacancies.col.status')}</th>
                <th scope="col">{t('vacancies.col.opened')}</th>
                <th scope="col" className="num">
                  {t('vacancies.col.proposed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {e.vacancies.map((v) => (
                <tr key={v.id}>
                  <td>
                    <a href={hrefOf('vacatures', v.id)}>{v.title}</a>
                  </td>
                  <td>{t(`vacancies.status.${v.status}`)}</td>
                  <td>{formatDateNl(v.opened_date)}</td>
                  <td className="num">{formatNumber(v.proposed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card id="employer-placements" title={t('employers.placements')}>
        {e.placements.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('placements.col.client')}</th>
                <th scope="col">{t('placements.col.kind')}</th>
                <th scope="col">{t('placements.col.start')}</th>
                <th scope="col" className="num">
                  {t('placements.col.hours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {e.placements.map((p) => (
                <tr key={p.id}>
                  <td>{p.clientId ? <a href={hrefOf('klanten', p.clientId)}>{p.client}</a> : p.client}</td>
                  <td>{codeLabel('placement_kind', p.kind)}</td>
                  <td>{formatDateNl(p.start_date)}</td>
                  <td className="num">{formatNumber(p.hours_per_week)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <ContactLog party={{ employerId: e.id }} idPrefix="employer" />
      <ChangeHistory entity="employer" id={e.id} />
    </section>
  );
}
