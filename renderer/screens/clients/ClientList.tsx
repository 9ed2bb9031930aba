// Search-as-you-type over all clients with a virtualized grid: only the visible rows are in the
// DOM, the next page (keyset cursor) loads when the end comes into view. Keyboard: arrow keys,
// Page Up/Down, Home/End move the active row; Enter opens it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { usePagedCall } from '../../data/hooks.js';
import { useClientSearch } from '../../stores/clients.js';
import { useRoute } from '../../stores/route.js';
import { formatDateNl } from '../../format.js';
import type { ClientListItem } from '../../../db/model/clients.js';
import { ExportList, ListFilters, SortButton, ariaSort, useListView } from '../../components/ListTools.js';

const ROW = 36;
/** The list column (db/model/lists.ts) each header sorts on; the masked BSN is not sortable. */
const SORT_COLUMN: Record<string, string | null> = {
  name: 'name',
  ref: 'ref',
  bsn: null,
  birthDate: 'birth_date',
  city: 'city',
  manager: 'account_manager',
  status: 'status',
};
const PAGE = 100;

export function ClientList() {
  const { t } = useTranslation();
  const go = useRoute((s) => s.go);
  const { query, onlyCaseload, set } = useClientSearch();
  const { view, set: setView, sortOn } = useListView();
  const list = usePagedCall('clients.search', { query, onlyCaseload, view, limit: PAGE, after: null }, (o) => o);
  const { items, next, loading, error } = list;
  const total = list.pages[0]?.total ?? 0;
  const [text, setText] = useState(query);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const id = useId();

  // Search as you type: a new search after a short pause in typing.
  useEffect(() => {
    if (text === query) return;
    const h = setTimeout(() => {
      set(text, onlyCaseload);
      setActive(0);
    }, 150);
    return () => clearTimeout(h);
  }, [text, query, onlyCaseload, set]);

  // The grid itself scrolls (so the focusable element is the scroll region, WCAG 2.1.1), with the
  // header row sticky on top: rows start one row down (scrollMargin) and must not hide under it.
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
    scrollMargin: ROW,
    scrollPaddingStart: ROW,
  });
  const rows = virtual.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? 0;
  const loadMore = list.more;
  useEffect(() => {
    if (next && lastIndex >= items.length - 20) loadMore();
  }, [lastIndex, items.length, next, loadMore]);

  const open = (c: ClientListItem | undefined) => c && go('klanten', c.id);
  const move = (to: number) => {
    const i = Math.max(0, Math.min(items.length - 1, to));
    setActive(i);
    virtual.scrollToIndex(i);
  };
  const onKey = (e: KeyboardEvent) => {
    // Keys on a sort button in the header row are the button's own.
    if (e.target !== e.currentTarget) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => open(items[active]),
    };
    const k = keys[e.key];
    if (k) {
      e.preventDefault();
      k();
    }
  };
  const status = (c: ClientListItem) =>
    c.inCaseload ? t('clients.status.in') : c.exit_date ? t('clients.status.out') : t('clients.status.none');

  return (
    <div className="client-list">
      <div className="search-bar">
        <label htmlFor={`${id}-q`}>{t('clients.searchLabel')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={text}
          autoComplete="off"
          placeholder={t('clients.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              scroller.current?.focus();
            } else if (e.key === 'Enter') open(items[0]);
          }}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlyCaseload}
            onChange={(e) => {
              set(text, e.target.checked);
              setActive(0);
            }}
          />
          {t('clients.onlyCaseload')}
        </label>
        <span className="muted" role="status" aria-live="polite">
          {loading && !items.length ? t('app.loading') : t('clients.count', { count: total })}
        </span>
      </div>
      <ListFilters list="clients" view={view} set={(v) => (setView(v), setActive(0))} manager="client" targetGroup />
      <ExportList
        list="clients"
        view={{ ...view, status: view.status ?? (onlyCaseload ? 'in' : null) }}
        query={query}
      />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!items.length && !loading && <p className="grid-empty">{t('clients.none')}</p>}
      <p id={`${id}-hint`} className="visually-hidden">
        {t('clients.listHint')}
      </p>
      <div
        role="grid"
        aria-label={t('clients.listLabel')}
        aria-rowcount={total + 1}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={items[active] ? `${id}-r${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        className="grid"
        ref={scroller}
      >
        <div role="row" aria-rowindex={1} className="grid-row grid-head">
          {(['name', 'ref', 'bsn', 'birthDate', 'city', 'manager', 'status'] as const).map((c) => {
            const column = SORT_COLUMN[c];
            const sort = column ? ariaSort(view, column) : undefined;
            return (
              <span key={c} role="columnheader" aria-sort={sort} className={`cell cell-${c}`}>
                {column ? (
                  <SortButton column={column} sort={sort!} onSort={(col) => (sortOn(col), setActive(0))}>
                    {t(`clients.col.${c}`)}
                  </SortButton>
                ) : (
                  t(`clients.col.${c}`)
                )}
              </span>
            );
          })}
        </div>
        <div className="grid-spacer" style={{ height: virtual.getTotalSize() }}>
          {rows.map((r) => {
            const c = items[r.index]!;
            return (
              // The grid has the focus and the keys (aria-activedescendant); a click on a row is a
              // shortcut for the mouse.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                key={c.id}
                id={`${id}-r${r.index}`}
                role="row"
                aria-rowindex={r.index + 2}
                aria-selected={r.index === active}
                className={`grid-row${r.index === active ? ' active' : ''}`}
                style={{ transform: `translateY(${r.start - ROW}px)` }}
                onClick={() => open(c)}
              >
                <span role="gridcell" className="cell cell-name">
                  <a href={`#/klanten/${c.id}`} tabIndex={-1}>
                    {c.name}
                  </a>
                </span>
                <span role="gridcell" className="cell cell-ref">
                  {c.ref}
                </span>
                <span role="gridcell" className="cell cell-bsn">
                  {c.bsnMasked ?? ''}
                </span>
                <span role="gridcell" className="cell cell-birthDate">
                  {formatDateNl(c.birth_date)}
                </span>
                <span role="gridcell" className="cell cell-city">
                  {c.city ?? ''}
                </span>
                <span role="gridcell" className="cell cell-manager">
                  {c.account_manager ?? ''}
                </span>
                <span role="gridcell" className="cell cell-status">
                  <span className={`badge ${c.inCaseload ? 'badge-in' : 'badge-out'}`}>{status(c)}</span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
