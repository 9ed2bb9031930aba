// Controlled inputs for the few forms that are not (yet) react-hook-form forms: a labelled
// text field (date fields use the one DateInput) and a code-list select, Dutch errors beside them.
import { useTranslation } from 'react-i18next';
import { CODE_LISTS, type CodeListName } from '../../db/model/codes.js';
import { DateInput } from './DateInput.js';

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
  const err = props.error ?? null;
  if (props.date)
    return (
      <DateInput
        id={props.id}
        label={props.label}
        value={props.value}
        onChange={props.onChange}
        error={err}
        required={props.required}
        autoFocus={props.autoFocus}
      />
    );
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
