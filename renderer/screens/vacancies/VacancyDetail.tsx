// A vacancy's page: facts, the pipeline of matches (voorgesteld -> gesprek -> aangenomen via a
// placement, or afgewezen), and the ranked candidates with their explained scores.
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { hrefOf } from '../../stores/route.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { Card, MoreButton, Status } from '../../components/Card.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import { codeLabel } from '../../format.js';
import { useCall, usePagedCall } from '../../data/hooks.js';
import { ChangeHistory } from '../clients/DossierTimeline.js';
import { PlaceForm } from './PlaceForm.js';

function Row(props: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || '—'}</dd>
    </>
  );
}

function Pipeline(props: { vacancyId: string; open: boolean; onNotice(m: string | null): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const { data } = useCall('matches.list', { vacancyId: props.vacancyId });
  const [placing, setPlacing] = useState<string | null>(null);
  const move = async (id: string, status: 'interview' | 'rejected' | 'proposed') => {
    const r = await call('matches.move', { id, status });
    props.onNotice(r.ok ? t('vacancies.moved', { status: codeLabel('match_status', status) }) : r.error.message);
  };
  const items = data?.items ?? [];
  return (
    <Card id="pipeline-title" title={t('vacancies.pipeline')}>
      {items.length === 0 ? (
        <p className="muted">{t('vacancies.noMatches')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('vacancies.col.client')}</th>
              <th scope="col">{t('vacancies.col.status')}</th>
              <th scope="col">{t('vacancies.col.since')}</th>
              <th scope="col" className="num">
                {t('vacancies.col.score')}
              </th>
              <th scope="col">{t('vacancies.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <Fragment key={m.id}>
                <tr>
                  <td>
                    <a href={hrefOf('klanten', m.clientId)}>{m.client}</a>
                  </td>
                  <td>{codeLabel('match_status', m.status)}</td>
                  <td>{formatDateNl(m.status_date)}</td>
                  <td className="num">{formatNumber(m.score)}</td>
                  <td className="actions">
                    {m.status === 'proposed' && (
                      <button type="button" className="button small" onClick={() => void move(m.id, 'interview')}>
                        {t('vacancies.toInterview')}
                        <span className="visually-hidden"> {m.client}</span>
                      </button>
                    )}
                    {(m.status === 'proposed' || m.status === 'interview') && props.open && (
                      <button
                        type="button"
                        className="button small"
                        aria-expanded={placing === m.id}
                        onClick={() => setPlacing(placing === m.id ? null : m.id)}
                      >
                        {t('vacancies.place')}
                        <span className="visually-hidden"> {m.client}</span>
                      </button>
                    )}
                    {(m.status === 'proposed' || m.status === 'interview') && (
                      <button type="button" className="button small" onClick={() => void move(m.id, 'rejected')}>
                        {t('vacancies.reject')}
                        <span className="visually-hidden"> {m.client}</span>
                      </button>
                    )}
                    {m.status === 'rejected' && (
                      <button type="button" className="button small" onClick={() => void move(m.id, 'proposed')}>
                        {t('vacancies.reopen')}
                        <span className="visually-hidden"> {m.client}</span>
                      </button>
                    )}
                  </td>
                </tr>
                {placing === m.id && (
                  <tr>
                    <td colSpan={5}>
                      <PlaceForm
                        matchId={m.id}
                        client={m.client}
                        onCancel={() => setPlacing(null)}
                        onDone={(msg) => {
                          setPlacing(null);
                          props.onNotice(msg);
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function Candidates(props: { vacancyId: string; onNotice(m: string | null): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const list = usePagedCall(
    'matching.candidates',
    { vacancyId: props.vacancyId, includePlaced: false, limit: 20, after: null },
    (o) => o,
  );
  const propose = async (clientId: string, name: string) => {
    const r = await call('matches.propose', { vacancyId: props.vacancyId, clientId });
    props.onNotice(r.ok ? t('vacancies.proposed', { name }) : r.error.message);
  };
  return (
    <Card id="candidates-title" title={t('vacancies.candidates')}>
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('vacancies.noCandidates')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('vacancies.col.score')}
              </th>
              <th scope="col">{t('vacancies.col.client')}</th>
              <th scope="col">{t('vacancies.col.why')}</th>
              <th scope="col">{t('vacancies.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.clientId}>
                <td className="num score">{formatNumber(c.score)}</td>
                <td>
                  <a href={hrefOf('klanten', c.clientId)}>{c.name}</a>
                  <br />
                  <span className="muted">{[c.city, c.account_manager].filter(Boolean).join(' · ')}</span>
                </td>
                <td>
                  <ul className="explain">
                    {c.components.map((k) => (
                      <li key={k.key}>
                        {k.label}: {formatNumber(k.points)}/{formatNumber(k.weight)} — {k.explanation}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {c.matchStatus ? (
                    codeLabel('match_status', c.matchStatus)
                  ) : (
                    <button type="button" className="button small" onClick={() => void propose(c.clientId, c.name)}>
                      {t('vacancies.propose')}
                      <span className="visually-hidden"> {c.name}</span>
                    </button>
                  )}
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

function WithdrawButton(props: { id: string; onNotice(m: string): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const withdraw = async () => {
    const r = await call('vacancies.close', { id: props.id, reason: 'withdrawn' });
    props.onNotice(r.ok ? t('vacancies.withdrawn') : r.error.message);
  };
  return (
    <button type="button" className="button" onClick={() => void withdraw()}>
      {t('vacancies.withdraw')}
    </button>
  );
}

const VACANCY_FIELDS: FormField[] = [
  { name: 'title' },
  { name: 'occupation_code' },
  { name: 'hours_per_week' },
  { name: 'hours_min' },
  { name: 'positions' },
  { name: 'contract_kind' },
  { name: 'opened_date' },
  { name: 'closing_date' },
  { name: 'source' },
  { name: 'education_level' },
  { name: 'work_thinking_level' },
  { name: 'driving_licence' },
  { name: 'postcode' },
  { name: 'city' },
  { name: 'sector' },
  { name: 'competences' },
  { name: 'description', multiline: true },
];

export function VacancyDetail(props: { id: string; notice?: string }) {
  const { t } = useTranslation();
  const { data: v, error } = useCall('vacancies.get', { id: props.id });
  const [notice, setNotice] = useState<string | null>(props.notice === 'nieuw' ? t('vacancies.created') : null);
  const [editing, setEditing] = useState(false);
  const call = useCommand();
  if (error)
    return (
      <section className="screen">
        <h1>{t('vacancies.title')}</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </section>
    );
  if (!v) return <p>{t('app.loading')}</p>;
  const r = v.record as Record<string, string | null>;
  return (
    <section aria-labelledby="vacancy-title" className="screen">
      <p>
        <a href={hrefOf('vacatures')}>{t('vacancies.back')}</a>
      </p>
      <Status text={notice} />
      <h1 id="vacancy-title">
        {v.title} <span className="muted">{v.ref}</span>
      </h1>
      <Card
        id="vacancy-facts"
        title={t('vacancies.facts')}
        actions={
          <div className="button-row">
            {!editing && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('vacancies.edit')}
              </button>
            )}
            {v.status === 'open' && <WithdrawButton id={v.id} onNotice={setNotice} />}
          </div>
        }
      >
        {editing && (
          <RecordForm
            kind="vacancies"
            idPrefix="vacancy-edit"
            title={t('vacancies.edit')}
            fields={VACANCY_FIELDS}
            record={v.record}
            submitLabel={t('vacancies.saveChanges')}
            onSubmit={async (fields) => {
              const r = await call('vacancies.update', { id: v.id, fields });
              if (r.ok) {
                setEditing(false);
                setNotice(t('vacancies.updated'));
              }
              return r;
            }}
            onDone={() => undefined}
            onCancel={() => setEditing(false)}
          />
        )}
        <dl className="facts">
          <Row label={t('vacancies.fields.employer')} value={v.employer} />
          <Row label={t('vacancies.col.status')} value={t(`vacancies.status.${v.status}`)} />
          <Row label={t('vacancies.fields.hours_per_week')} value={formatNumber(v.hours_per_week)} />
          <Row label={t('vacancies.fields.positions')} value={formatNumber(v.positions)} />
          <Row label={t('vacancies.fields.city')} value={v.city} />
          <Row label={t('vacancies.fields.opened_date')} value={formatDateNl(v.opened_date)} />
          <Row label={t('vacancies.fields.closing_date')} value={formatDateNl(v.closing_date)} />
          <Row label={t('vacancies.fields.source')} value={codeLabel('vacancy_source', v.source)} />
          <Row
            label={t('vacancies.fields.banenafspraak')}
            value={v.banenafspraak ? t('vacancies.yes') : t('vacancies.no')}
          />
          <Row label={t('vacancies.fields.description')} value={r.description} />
        </dl>
      </Card>
      <Pipeline vacancyId={v.id} open={v.status === 'open'} onNotice={setNotice} />
      {v.status === 'open' && <Candidates vacancyId={v.id} onNotice={setNotice} />}
      <ChangeHistory entity="vacancy" id={v.id} />
    </section>
  );
}
