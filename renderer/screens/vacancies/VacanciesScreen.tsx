// Vacatures: list (status filter, search, keyset paged), "Nieuwe vacature", a vacancy's page
// with matching, and the printable overview of open vacancies for a client.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import { useMay } from '../../access.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { MoreButton } from '../../components/Card.js';
import { usePagedCall } from '../../data/hooks.js';
import { VacancyForm } from './VacancyForm.js';
import { ExportList, ListFilters, SortTh, useListView } from '../../components/ListTools.js';
import { VacancyDetail } from './VacancyDetail.js';
import { VacancyOverview } from './VacancyOverview.js';

type Status = 'open' | 'filled' | 'withdrawn';

function VacancyList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status | ''>('open');
  const { view, set, sortOn } = useListView();
  const list = usePagedCall(
    'vacancies.list',
    { status: status || null, employerId: null, query, banenafspraak: null, view, limit: 50, after: null },
    (o) => o,
  );
  const th = (column: string, label: string, className?: string) => (
    <SortTh column={column} view={view} onSort={sortOn} className={className}>
      {label}
    </SortTh>
  );
  return (
    <>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="vacancy-search">{t('vacancies.search')}</label>
          <input id="vacancy-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="vacancy-status">{t('vacancies.col.status')}</label>
          <select id="vacancy-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">{t('vacancies.allStatuses')}</option>
            {(['open', 'filled', 'withdrawn'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`vacancies.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ListFilters
        list="vacancies"
        view={view}
        set={set}
        manager="employer"
        targetGroup={['banenafspraak']}
        statuses={false}
      />
      <ExportList list="vacancies" view={{ ...view, status: status || null }} query={query} />
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <table className="table" aria-label={t('vacancies.listLabel')}>
        <thead>
          <tr>
            {th('title', t('vacancies.col.title'))}
            {th('employer', t('vacancies.col.employer'))}
            {th('city', t('vacancies.col.city'))}
            {th('hours_per_week', t('vacancies.col.hours'), 'num')}
            {th('opened_date', t('vacancies.col.opened'))}
            {th('status', t('vacancies.col.status'))}
            {th('proposed', t('vacancies.col.proposed'), 'num')}
            {th('placed', t('vacancies.col.placed'), 'num')}
          </tr>
        </thead>
        <tbody>
          {list.items.map((v) => (
            <tr key={v.id}>
              <td>
                <a href={hrefOf('vacatures', v.id)}>{v.title}</a>{' '}
                {v.banenafspraak && <span className="badge badge-in">{t('vacancies.banenafspraak')}</span>}
              </td>
              <td>{v.employer ?? ''}</td>
              <td>{v.city ?? ''}</td>
              <td className="num">{formatNumber(v.hours_per_week)}</td>
              <td>{formatDateNl(v.opened_date)}</td>
              <td>{t(`vacancies.status.${v.status}`)}</td>
              <td className="num">{formatNumber(v.proposed)}</td>
              <td className="num">{formatNumber(v.placed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.items.length === 0 && <p className="muted">{t('vacancies.none')}</p>}
      <MoreButton next={list.next} onMore={list.more} />
    </>
  );
}

export function VacanciesScreen(props: { rest: string[] }) {
  const { t } = useTranslation();
  const [first, second, third] = props.rest;
  const mayCreate = useMay('vacancies.create');
  if (first === 'nieuw') return <VacancyForm employerId={second ?? null} />;
  if (first === 'overzicht' && second) return <VacancyOverview clientId={second} />;
  if (first) return <VacancyDetail id={first} notice={second ?? third} />;
  return (
    <section aria-labelledby="vacancies-title" className="screen">
      <div className="screen-head">
        <h1 id="vacancies-title">{t('vacancies.title')}</h1>
        {mayCreate && (
          <a className="button primary" href={hrefOf('vacatures', 'nieuw')}>
            {t('vacancies.new')}
          </a>
        )}
      </div>
      <VacancyList />
    </section>
  );
}
