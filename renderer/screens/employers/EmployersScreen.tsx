// Werkgevers: search list (keyset paged), "Nieuwe werkgever", and an employer's page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import { useMay } from '../../access.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { MoreButton } from '../../components/Card.js';
import { codeLabel } from '../../format.js';
import { usePagedCall } from '../../data/hooks.js';
import { EmployerForm } from './EmployerForm.js';
import { ExportList, ListFilters, SortTh, useListView } from '../../components/ListTools.js';
import { EmployerDetail } from './EmployerDetail.js';

function EmployerList() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [exceptionalOnly, setExceptionalOnly] = useState(false);
  const { view, set, sortOn } = useListView();
  const list = usePagedCall(
    'employers.search',
    { query, exceptionalOnly, accountManager: null, view, limit: 50, after: null },
    (o) => o,
  );
  const th = (column: string, label: string, className?: string) => (
    <SortTh column={column} view={view} onSort={sortOn} className={className}>
      {label}
    </SortTh>
  );
  return (
    <>
      <div className="search-bar" role="search">
        <label htmlFor="employer-search">{t('employers.searchLabel')}</label>
        <input
          id="employer-search"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('employers.searchPlaceholder')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={exceptionalOnly} onChange={(e) => setExceptionalOnly(e.target.checked)} />{' '}
          {t('employers.exceptionalOnly')}
        </label>
      </div>
      <ListFilters list="employers" view={view} set={set} manager="employer" statuses={false} />
      <ExportList
        list="employers"
        view={{ ...view, status: view.status ?? (exceptionalOnly ? 'exceptional' : null) }}
        query={query}
      />
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <table className="table" aria-label={t('employers.listLabel')}>
        <thead>
          <tr>
            {th('name', t('employers.col.name'))}
            {th('kvk', t('employers.col.kvk'))}
            {th('city', t('employers.col.city'))}
            <th scope="col">{t('employers.col.holder')}</th>
            {th('account_manager', t('employers.col.manager'))}
            {th('last_contact', t('employers.col.lastContact'))}
            {th('open_vacancies', t('employers.col.vacancies'), 'num')}
          </tr>
        </thead>
        <tbody>
          {list.items.map((e) => (
            <tr key={e.id}>
              <td>
                <a href={hrefOf('werkgevers', e.id)}>{e.name}</a>{' '}
                {e.exceptional_since && <span className="badge badge-in">{t('employers.exceptional')}</span>}{' '}
                {e.followUpOverdue && <span className="badge badge-out">{t('employers.overdue')}</span>}
              </td>
              <td>{e.kvk ?? ''}</td>
              <td>{e.city ?? ''}</td>
              <td>{codeLabel('account_holder', e.account_holder)}</td>
              <td>{e.account_manager ?? ''}</td>
              <td>{formatDateNl(e.last_contact)}</td>
              <td className="num">{formatNumber(e.open_vacancies)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.items.length === 0 && <p className="muted">{t('employers.none')}</p>}
      <MoreButton next={list.next} onMore={list.more} />
    </>
  );
}

export function EmployersScreen(props: { rest: string[] }) {
  const { t } = useTranslation();
  const [first] = props.rest;
  const mayCreate = useMay('employers.create');
  if (first === 'nieuw') return <EmployerForm />;
  if (first) return <EmployerDetail id={first} notice={props.rest[1]} />;
  return (
    <section aria-labelledby="employers-title" className="screen">
      <div className="screen-head">
        <h1 id="employers-title">{t('employers.title')}</h1>
        {mayCreate && (
          <a className="button primary" href={hrefOf('werkgevers', 'nieuw')}>
            {t('employers.new')}
          </a>
        )}
      </div>
      <EmployerList />
    </section>
  );
}
