// The one date input: typed the Dutch way (dd-mm-jjjj; 15-12, 1512, 15122026, 15-12-26 and 3006
// are understood, a left-out year is this year from the one clock) and written out as dd-mm-jjjj
// when the field is left; or picked from a calendar that works with the keyboard (arrow keys,
// Page Up/Down for months, Home/End, Enter, Escape). No native date picker: it would follow the
// system's language and format.
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../db/model/forms.js';
import { MONTHS_NL, addDays, addMonths, formatDateNl, monthStart } from '../../db/model/calendar.js';
import { today } from '../clock.js';

export interface DateInputProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  inputRef?: Ref<HTMLInputElement>;
  error?: string | null;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
}

/** What a typed value becomes when the field is left: dd-mm-jjjj when it is a day, else as typed. */
export function normalizeTyped(value: string): string {
  const iso = parseTypedDate(value, today());
  return iso ? formatDateNl(iso) : value;
}

export function DateInput({ inputRef, ...props }: DateInputProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const err = props.error ?? null;
  const hintId = `${props.id}-hint`;
  return (
    <div className={`field date-field ${props.className ?? ''}`}>
      <label htmlFor={props.id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      <div className="date-input">
        <input
          id={props.id}
          ref={inputRef}
          type="text"
          autoComplete="off"
          placeholder={t('form.datePlaceholder')}
          value={props.value}
          autoFocus={props.autoFocus}
          aria-invalid={err ? true : undefined}
          aria-required={props.required ? true : undefined}
          aria-describedby={`${hintId} ${props.id}-error`}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={() => {
            const n = normalizeTyped(props.value);
            if (n !== props.value) props.onChange(n);
            props.onBlur?.();
          }}
        />
        <button
          ref={button}
          type="button"
          className="button calendar-button"
          aria-label={t('date.open')}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">📅</span>
        </button>
      </div>
      <span id={hintId} className="visually-hidden">
        {t('date.hint')}
      </span>
      {open && (
        <Calendar
          label={props.label}
          value={parseTypedDate(props.value, today())}
          onPick={(iso) => {
            props.onChange(formatDateNl(iso));
            setOpen(false);
            button.current?.focus();
            props.onBlur?.();
          }}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
      <p id={`${props.id}-error`} className="field-error" aria-live="polite">
        {err}
      </p>
    </div>
  );
}

const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;

/** Monday-first weekday index (0 = Monday) of an ISO date. */
function weekday(iso: string): number {
  return (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
}

function Calendar(props: { label: string; value: string | null; onPick(iso: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState(props.value ?? today());
  const grid = useRef<HTMLTableElement>(null);
  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`[data-day="${focus}"]`)?.focus();
  }, [focus]);

  const first = monthStart(focus);
  const start = addDays(first, -weekday(first));
  const weeks = Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
  const month = focus.slice(0, 7);
  const title = `${MONTHS_NL[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(focus, -1),
      ArrowRight: () => addDays(focus, 1),
      ArrowUp: () => addDays(focus, -7),
      ArrowDown: () => addDays(focus, 7),
      PageUp: () => addMonths(focus, -1),
      PageDown: () => addMonths(focus, 1),
      Home: () => addDays(focus, -weekday(focus)),
      End: () => addDays(focus, 6 - weekday(focus)),
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    } else if (moves[e.key]) {
      e.preventDefault();
      setFocus(moves[e.key]!());
    }
  };

  return (
    <div className="calendar" role="dialog" aria-label={t('date.calendar', { label: props.label })}>
      <div className="calendar-head">
        <button
          type="button"
          className="button"
          aria-label={t('date.prevMonth')}
          onClick={() => setFocus(addMonths(focus, -1))}
        >
          ‹
        </button>
        <span aria-live="polite">{title}</span>
        <button
          type="button"
          className="button"
          aria-label={t('date.nextMonth')}
          onClick={() => setFocus(addMonths(focus, 1))}
        >
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-label={title} onKeyDown={onKey}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <td key={day} aria-selected={day === props.value}>
                  <button
                    type="button"
                    data-day={day}
                    tabIndex={day === focus ? 0 : -1}
                    className={`calendar-day${day.slice(0, 7) === month ? '' : ' other-month'}${day === today() ? ' today' : ''}`}
                    aria-label={formatDateNl(day)}
                    onClick={() => props.onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={props.onClose}>
        {t('date.close')}
      </button>
    </div>
  );
}
