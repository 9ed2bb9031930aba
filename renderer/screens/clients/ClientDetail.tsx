// A client's page: personal and contact data and the caseload periods (the dossier timeline of
// the daily-work issue extends this page).
import { displayName } from '../../../db/model/person.js';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../data/hooks.js';
import { hrefOf } from '../../stores/route.js';
import { codeLabel, formatDateNl, formatNumber } from '../../format.js';
import { dutchDay } from '../../../db/model/calendar.js';
import { RECORDS } from '../../../db/model/records.js';
import { labelOf } from '../../../db/model/codes.js';
import { maskBsn } from '../../../db/model/bsn.js';
import type { Output } from '../../../db/api/contract.js';
import { ClientWork } from './ClientWork.js';
import { ClientMeasures } from './ClientMeasures.js';
import { OwnFile } from './OwnFile.js';

type Client = Output<'clients.get'>;

function Row(props: { label: string; value: unknown }) {
  const v = props.value === null || props.value === undefined || props.value === '' ? '—' : String(props.value);
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{v}</dd>
    </>
  );
}

export function ClientDetail(props: { id: string; notice?: string }) {
  const { t } = useTranslation();
  const q = useCall('clients.get', { id: props.id });
  const client: Client | null = q.data;
  const error = q.code === 'not_found' ? t('detail.notFound') : q.error;

  if (error)
    return (
      <section className="screen">
        <h1>{t('clients.title')}</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </section>
    );
  if (!client) return <p>{t('app.loading')}</p>;
  const r = client.record as Record<string, string | null>;
  const rec = client.record;
  const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
  const name = displayName(r);
  const notice =
    props.notice === 'nieuw'
      ? t('detail.created', { ref: r.ref })
      : props.notice === 'bijgewerkt'
        ? t('detail.updated')
        : null;
  return (
    <section aria-labelledby="client-title" className="screen">
      <p>
        <a href={hrefOf('klanten')}>{t('detail.back')}</a>
      </p>
      {notice && (
        <p role="status" className="notice success">
          {notice}
        </p>
      )}
      <h1 id="client-title">
        {name} <span className="muted">{r.ref}</span>
      </h1>
      <OwnFile
        clientId={client.id}
        accountManager={
          client.periods.reduce<(typeof client.periods)[number] | null>(
            (a, p) => (!a || (p.intake_date ?? '') > (a.intake_date ?? '') ? p : a),
            null,
          )?.account_manager ?? null
        }
      />
      {client.mergedInto && (
        <p role="status" className="notice warning">
          {t('detail.mergedInto')} <a href={hrefOf('klanten', client.mergedInto.id)}>{client.mergedInto.ref}</a>
        </p>
      )}
      {(client.formerRefs.length > 0 || client.mergedRefs.length > 0) && (
        <p className="muted">
          {client.formerRefs.length > 0 && t('detail.formerRefs', { refs: client.formerRefs.join(', ') })}
          {client.formerRefs.length > 0 && client.mergedRefs.length > 0 && ' · '}
          {client.mergedRefs.length > 0 && t('detail.mergedRefs', { refs: client.mergedRefs.join(', ') })}
        </p>
      )}
      <div className="cards">
        <section className="card" aria-labelledby="personal-title">
          <h2 id="personal-title">{t('detail.personal')}</h2>
          <dl className="facts">
            <Row label={t('form.fields.bsn')} value={r.bsn ? maskBsn(r.bsn) : null} />
            <Row label={t('form.fields.initials')} value={r.initials} />
            <Row label={t('form.fields.birth_date')} value={formatDateNl(r.birth_date)} />
            <Row label={t('form.fields.gender')} value={r.gender ? labelOf('gender', r.gender) : null} />
          </dl>
        </section>
        <section className="card" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('detail.contact')}</h2>
          <dl className="facts">
            <Row label={t('form.fields.street')} value={[r.street, r.house_number].filter(Boolean).join(' ')} />
            <Row label={t('form.fields.postcode')} value={r.postcode} />
            <Row label={t('form.fields.city')} value={r.city} />
            <Row label={t('form.fields.phone')} value={r.phone} />
            <Row label={t('form.fields.email')} value={r.email} />
          </dl>
        </section>
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('form.sections.profile')}</h2>
          <dl className="facts">
            <Row label={RECORDS.clients.occupations_wanted!.label} value={list(rec.occupations_wanted)} />
            <Row
              label={RECORDS.clients.education_level!.label}
              value={codeLabel('education_level', r.education_level)}
            />
            <Row
              label={RECORDS.clients.hours_available!.label}
              value={formatNumber(rec.hours_available as number | null)}
            />
            <Row label={RECORDS.clients.driving_licence!.label} value={list(rec.driving_licence)} />
            <Row
              label={RECORDS.clients.target_groups!.label}
              value={((rec.target_groups as string[] | null) ?? []).map((g) => codeLabel('target_group', g)).join(', ')}
            />
            <Row
              label={RECORDS.clients.banenafspraak_status!.label}
              value={codeLabel('banenafspraak_status', r.banenafspraak_status)}
            />
            <Row label={RECORDS.clients.banenafspraak_checked!.label} value={formatDateNl(r.banenafspraak_checked)} />
            <Row label={RECORDS.clients.benefit_status!.label} value={codeLabel('benefit_status', r.benefit_status)} />
          </dl>
        </section>
      </div>
      <section className="card" aria-labelledby="periods-title">
        <h2 id="periods-title">{t('detail.periods')}</h2>
        {client.periods.length === 0 ? (
          <p className="muted">{t('detail.noPeriods')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('detail.field.intake')}</th>
                <th scope="col">{t('form.fields.referrer')}</th>
                <th scope="col">{t('form.fields.account_manager')}</th>
                <th scope="col">{t('detail.field.exit')}</th>
                <th scope="col">{t('detail.field.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {client.periods.map((p) => (
                <Fragment key={p.id}>
                  <tr>
                    <td>{formatDateNl(p.intake_date)}</td>
                    <td>{p.referrer ? labelOf('referrer', p.referrer) : ''}</td>
                    <td>{p.account_manager ?? ''}</td>
                    <td>{p.exit_date ? formatDateNl(p.exit_date) : t('detail.current')}</td>
                    <td>
                      {p.exit_reason ? labelOf('exit_reason', p.exit_reason) : ''}
                      {p.exit_note && <span className="muted"> ({t('detail.exitNote', { note: p.exit_note })})</span>}
                    </td>
                  </tr>
                  {(p.handovers ?? []).map((h, i) => (
                    <tr key={i} className="subrow">
                      <td colSpan={5}>
                        {t('detail.handover', {
                          date: formatDateNl(h.from_date),
                          from: h.previous ?? t('detail.nobody'),
                          to: h.account_manager ?? '',
                          by: h.by ?? '',
                          at: h.at ? formatDateNl(dutchDay(Date.parse(h.at))) : '',
                        })}
                        {h.note ? ` ${t('detail.handoverNote', { note: h.note })}` : ''}
                      </td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ClientMeasures clientId={client.id} />
      <ClientWork client={client} />
    </section>
  );
}
