// Small building blocks shared by the daily-work screens (Mijn werk, client dossier, werkgevers,
// vacatures, plaatsingen, beheer): loading a contract method that refreshes after every write or
// sync, plain labelled fields with Dutch errors next to them, and a "meer laden" keyset pager.
import { today } from '../../clock.js';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../components/bridge-context.js';
import { CODE_LISTS, type CodeListName } from '../../../db/model/codes.js';
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import type { ApiError } from '../../../db/model/errors.js';
import { formatDateNl } from '../../format.js';
import './work.css';

export const todayNl = (): string => formatDateNl(today());

/** Calls `method` with `input` (re-run when `key` changes) and again on every data.changed event. */
export function useLoad<M extends MethodName>(method: M, input: Input<M> | null, key: string) {
  const bridge = useBridge();
  const [data, setData] = useState<Output<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!input) return;
    let live = true;
    const load = () =>
      void bridge.call(method, input).then((r) => {
        if (!live) return;
        if (r.ok) {
          setData(r.value);
          setError(null);
        } else setError(r.error.message);
      });
    load();
    const off = bridge.on('data.changed', load);
    return () => {
      live = false;
      off();
    };
    // The key stands for the input: inputs are fresh object literals on every render.
  }, [bridge, method, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

/** Keyset paging for lists: the first page from `useLoad`-like calls, "Meer laden" appends. */
export function usePaged<M extends MethodName, T>(
  method: M,
  input: Input<M>,
  key: string,
  pick: (o: Output<M>) => { items: T[]; next: string | null },
) {
  const bridge = useBridge();
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (after: string | null) => {
      const r = await bridge.call(method, { ...input, after } as Input<M>);
      if (!r.ok) {
        setError(r.error.message);
        return null;
      }
      setError(null);
      return pick(r.value);
    },
    [bridge, method, key],
  );
  useEffect(() => {
    let live = true;
    const load = () =>
      void fetchPage(null).then((p) => {
        if (live && p) {
          setItems(p.items);
          setNext(p.next);
        }
      });
    load();
    const off = bridge.on('data.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [bridge, fetchPage]);
  const more = useCallback(() => {
    if (!next) return;
    void fetchPage(next).then((p) => {
      if (p) {
        setItems((old) => [...old, ...p.items]);
        setNext(p.next);
      }
    });
  }, [fetchPage, next]);
  return { items, next, more, error };
}

export function MoreButton(props: { next: string | null; onMore(): void }) {
  const { t } = useTranslation();
  if (!props.next) return null;
  return (
    <p>
      <button type="button" className="button" onClick={props.onMore}>
        {t('work.more')}
      </button>
    </p>
  );
}

/** A server error: the message, and the field it belongs to when the form has it. */
export function errorText(e: ApiError, labels: Record<string, string> = {}): string {
  const f = e.field ? labels[e.field] : undefined;
  return f ? `${f}: ${e.message}` : e.message;
}

export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string | null;
  date?: boolean;
  required?: boolean;
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
  autoFocus?: boolean;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const err = props.error ?? null;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': err ? `${props.id}-error` : undefined,
    'aria-required': props.required ? true : undefined,
    autoFocus: props.autoFocus,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          inputMode={props.inputMode}
          placeholder={props.date ? t('form.datePlaceholder') : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {err && (
        <p id={`${props.id}-error`} className="field-error">
          {err}
        </p>
      )}
    </div>
  );
}

export function CodeSelect(props: {
  id: string;
  label: string;
  list: CodeListName;
  value: string;
  onChange(v: string): void;
  required?: boolean;
  error?: string | null;
  only?: readonly string[];
}) {
  const { t } = useTranslation();
  const entries = Object.entries(CODE_LISTS[props.list]).filter(([c]) => !props.only || props.only.includes(c));
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-required={props.required ? true : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      >
        <option value="">{t('form.choose')}</option>
        {entries.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={`${props.id}-error`} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** A titled card section; `actions` sits next to the heading. */
export function Card(props: { id: string; title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={props.id}>
      <div className="card-head">
        <h2 id={props.id}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}

export function Status(props: { text: string | null; error?: boolean }) {
  if (!props.text) return null;
  return (
    <p role={props.error ? 'alert' : 'status'} className={props.error ? 'notice warning' : 'notice success'}>
      {props.text}
    </p>
  );
}

/** Dutch label of a code, '' for none. */
export function codeLabel(list: CodeListName, code: string | null | undefined): string {
  if (!code) return '';
  return (CODE_LISTS[list] as Record<string, string>)[code] ?? code;
}
