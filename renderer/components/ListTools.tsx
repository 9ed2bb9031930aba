// The tools of a work list (Klanten, Werkgevers, Vacatures, Plaatsingen): sortable column
// headers (a button in the header, aria-sort on it), filters on account manager, target group and
// status, and "Exporteer deze lijst" as XLSX or CSV - the list as filtered and sorted, made by the
// backend from the same query (lists.file).
import { useId, useState, type ReactNode } from 'react';
import { useCall, useMust } from '../data/hooks.js';
import { download } from '../data/download.js';
import { L } from '../i18n/lists.js';
import { CODE_LISTS } from '../../db/model/codes.js';
import { LIST_STATUSES, type ListName, type ListView } from '../../db/model/lists.js';

export type View = Pick<ListView, 'sort' | 'dir' | 'accountManager' | 'targetGroup' | 'status'>;

export function useListView(initial: Partial<View> = {}) {
  const [view, setView] = useState<View>({
    sort: null,
    dir: 'asc',
    accountManager: null,
    targetGroup: null,
    status: null,
    ...initial,
  });
  const set = (patch: Partial<View>) => setView((v) => ({ ...v, ...patch }));
  /** A click on a header: sort on it ascending, again descending. */
  const sortOn = (column: string) =>
    setView((v) => ({ ...v, sort: column, dir: v.sort === column && v.dir === 'asc' ? 'desc' : 'asc' }));
  return { view, set, sortOn };
}

function ariaSort(view: View, column: string): 'ascending' | 'descending' | 'none' {
  if (view.sort !== column) return 'none';
  return view.dir === 'asc' ? 'ascending' : 'descending';
}

/** A sortable column header: a native button (Tab, Enter, Space), its state in aria-sort. */
export function SortTh(props: {
  column: string;
  view: View;
  onSort(column: string): void;
  className?: string;
  children: ReactNode;
}) {
  const sort = ariaSort(props.view, props.column);
  return (
    <th scope="col" aria-sort={sort} className={props.className}>
      <SortButton {...props} sort={sort} />
    </th>
  );
}

export function SortButton(props: {
  column: string;
  onSort(column: string): void;
  sort: 'ascending' | 'descending' | 'none';
  children: ReactNode;
}) {
  return (
    <button type="button" className="sort-button" onClick={() => props.onSort(props.column)}>
      {props.children}
      <span aria-hidden="true" className="sort-mark">
        {props.sort === 'ascending' ? ' ▲' : props.sort === 'descending' ? ' ▼' : ' ↕'}
      </span>
      {props.sort !== 'none' && (
        <span className="visually-hidden"> ({props.sort === 'ascending' ? L.sortAsc : L.sortDesc})</span>
      )}
    </button>
  );
}

export { ariaSort };

/** Filters of a list; `statuses: false` leaves the status out (the screen has its own). */
export function ListFilters(props: {
  list: ListName;
  view: View;
  set(patch: Partial<View>): void;
  manager?: 'client' | 'employer';
  /** Offer the target group filter; a list of codes limits it (vacancies: banenafspraak). */
  targetGroup?: boolean | string[];
  statuses?: boolean;
}) {
  const id = useId();
  const users = useCall('session.users', {}).data?.items ?? [];
  const [manager, setManager] = useState(props.view.accountManager ?? '');
  const statuses = LIST_STATUSES[props.list] as Record<string, string>;
  return (
    <div className="filters list-filters" role="group" aria-label={L.filters}>
      {props.manager && (
        <div className="field">
          <label htmlFor={`${id}-am`}>{props.manager === 'client' ? L.accountManager : L.employerManager}</label>
          <input
            id={`${id}-am`}
            type="text"
            list={`${id}-am-list`}
            value={manager}
            autoComplete="off"
            aria-describedby={`${id}-am-hint`}
            onChange={(e) => {
              setManager(e.target.value);
              props.set({ accountManager: e.target.value.trim() || null });
            }}
          />
          <span id={`${id}-am-hint`} className="hint">
            {L.accountManagerHint}
          </span>
          <datalist id={`${id}-am-list`}>
            {users.map((u) => (
              <option key={u.id} value={u.display_name} />
            ))}
          </datalist>
        </div>
      )}
      {props.targetGroup && (
        <div className="field">
          <label htmlFor={`${id}-tg`}>{L.targetGroup}</label>
          <select
            id={`${id}-tg`}
            value={props.view.targetGroup ?? ''}
            onChange={(e) => props.set({ targetGroup: e.target.value || null })}
          >
            <option value="">{L.all}</option>
            {Object.entries(CODE_LISTS.target_group)
              .filter(([code]) => !Array.isArray(props.targetGroup) || props.targetGroup.includes(code))
              .map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
          </select>
        </div>
      )}
      {props.statuses !== false && (
        <div className="field">
          <label htmlFor={`${id}-st`}>{L.status}</label>
          <select
            id={`${id}-st`}
            value={props.view.status ?? ''}
            onChange={(e) => props.set({ status: e.target.value || null })}
          >
            <option value="">{L.all}</option>
            {Object.entries(statuses).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}

/** "Exporteer deze lijst": the list as shown (filters, sort, search text) as XLSX or CSV. */
export function ExportList(props: { list: ListName; view: View; query?: string }) {
  const must = useMust();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const save = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setMessage(null);
    try {
      const f = await must('lists.file', { list: props.list, view: props.view, query: props.query ?? '', format });
      download(f.filename, f.mime, f.base64);
      setMessage({ text: L.exported(f.rows, f.filename), error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  const id = useId();
  return (
    <div className="export-list" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="export-label">
        {L.export}
      </span>
      <button type="button" className="button small" disabled={busy} onClick={() => void save('xlsx')}>
        {L.exportXlsx}
      </button>
      <button type="button" className="button small" disabled={busy} onClick={() => void save('csv')}>
        {L.exportCsv}
      </button>
      <span role="status" className={message?.error ? 'error-text' : 'muted'}>
        {busy ? L.exporting : (message?.text ?? '')}
      </span>
    </div>
  );
}
