// Plaatsingen: all placements, newest start first, keyset paged; optionally only those running today.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { MoreButton } from '../../components/Card.js';
import { codeLabel } from '../../format.js';
import { useCommand, usePagedCall } from '../../data/hooks.js';
import { Status } from '../../components/Card.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import { ExportList, ListFilters, SortTh, useListView } from '../../components/ListTools.js';

const PLACEMENT_FIELDS: FormField[] = [
  { name: 'kind' },
  { name: 'start_date' },
  { name: 'end_date' },
  { name: 'end_reason' },
  { name: 'hours_per_week' },
  { name: 'wage_value' },
  { name: 'job_coach' },
];

export function PlacementsScreen() {
  const { t } = useTranslation();
  const call = useCommand();
  // Running and future placements by default: one that starts next month is not hidden.
  const { view, set, sortOn } = useListView({ status: 'current' });
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedCall(
    'placements.list',
    { clientId: null, employerId: null, activeOn: null, view, limit: 50, after: null },
    (o) => o,
  );
  const th = (column: string, label: string, className?: string) => (
    <SortTh column={column} view={view} onSort={sortOn} className={className}>
      {label}
    </SortTh>
  );
  return (
    <section aria-labelledby="placements-title" className="screen">
      <h1 id="placements-title">{t('placements.title')}</h1>
      <ListFilters list="placements" view={view} set={set} manager="client" targetGroup />
      <ExportList list="placements" view={view} />
      <Status text={notice} />
      {editing && list.items.some((p) => p.id === editing) && (
        <RecordForm
          key={editing}
          kind="placements"
          idPrefix="placement-edit"
          title={t('placements.edit', { client: list.items.find((p) => p.id === editing)!.client })}
          fields={PLACEMENT_FIELDS}
          record={list.items.find((p) => p.id === editing)!}
          submitLabel={t('placements.saveChanges')}
          onSubmit={async (fields) => {
            const r = await call('placements.update', { id: editing, fields });
            if (r.ok) {
              setEditing(null);
              setNotice(t('placements.updated'));
            }
            return r;
          }}
          onDone={() => undefined}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <table className="table" aria-label={t('placements.listLabel')}>
        <thead>
          <tr>
            {th('client', t('placements.col.client'))}
            {th('employer', t('placements.col.employer'))}
            {th('vacancy', t('placements.col.vacancy'))}
            {th('kind', t('placements.col.kind'))}
            {th('start_date', t('placements.col.start'))}
            {th('end_date', t('placements.col.end'))}
            {th('hours_per_week', t('placements.col.hours'), 'num')}
            {th('job_coach', t('placements.col.coach'))}
            <th scope="col">
              <span className="visually-hidden">{t('work.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((p) => (
            <tr key={p.id}>
              <td>{p.clientId ? <a href={hrefOf('klanten', p.clientId)}>{p.client}</a> : p.client}</td>
              <td>{p.employerId ? <a href={hrefOf('werkgevers', p.employerId)}>{p.employer}</a> : p.employer}</td>
              <td>{p.vacancyId ? <a href={hrefOf('vacatures', p.vacancyId)}>{p.vacancy}</a> : ''}</td>
              <td>
                {codeLabel('placement_kind', p.kind)}
                {p.wage_subsidy ? ` (${t('placements.subsidyShort')})` : ''}
              </td>
              <td>{formatDateNl(p.start_date)}</td>
              <td>{formatDateNl(p.end_date)}</td>
              <td className="num">{formatNumber(p.hours_per_week)}</td>
              <td>{p.job_coach ?? ''}</td>
              <td>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('placements.edit', { client: p.client })}
                  onClick={() => {
                    setEditing(p.id);
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
      {list.items.length === 0 && <p className="muted">{t('placements.none')}</p>}
      <MoreButton next={list.next} onMore={list.more} />
    </section>
  );
}
