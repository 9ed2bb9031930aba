// Form fields for react-hook-form forms (inside a FormProvider): a label, the control, and the
// Dutch error next to it. Client-side messages are codes of db/model/forms.ts (shown from
// form.errors.*); server messages arrive in Dutch and are shown as they are.
import { useFormContext, useController, type FieldValues, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FORM_ERRORS } from '../../db/model/forms.js';
import { CODE_LISTS, type CodeListName } from '../../db/model/codes.js';
import type { ApiError } from '../../db/model/errors.js';
import { DateInput } from './DateInput.js';

/** The Dutch text of a form error: a code of db/model/forms.ts or a message from the server. */
export function useErrorText() {
  const { t } = useTranslation();
  return (message: string | undefined, label: string): string | undefined => {
    if (!message) return undefined;
    return (FORM_ERRORS as readonly string[]).includes(message)
      ? t(`form.errors.${message as (typeof FORM_ERRORS)[number]}`, { label })
      : message;
  };
}

/** A server error: the message, and the field it belongs to when the form has it. */
export function errorText(e: ApiError, labels: Record<string, string> = {}): string {
  const f = e.field ? labels[e.field] : undefined;
  return f ? `${f}: ${e.message}` : e.message;
}

/** Puts a server's field errors next to their fields; the rest becomes the form's root error. */
export function showServerErrors<V extends FieldValues>(
  setError: UseFormSetError<V>,
  fields: readonly string[],
  e: ApiError,
): void {
  const list = (e.details?.errors as { field: string; message: string }[] | undefined) ?? [
    { field: e.field ?? 'root', message: e.message },
  ];
  for (const x of list) {
    const name = fields.includes(x.field) ? x.field : 'root';
    setError(name as never, { type: 'server', message: x.message });
  }
}

// Always in the DOM, so screen readers announce a check or a server error as it appears.
export function FieldError(props: { id: string; message: string | undefined }) {
  return (
    <p id={props.id} className="field-error" aria-live="polite">
      {props.message ?? null}
    </p>
  );
}

interface Common {
  name: string;
  label: string;
  /** Prefix of the element id (one page may show several forms). */
  idPrefix: string;
  required?: boolean;
  autoFocus?: boolean;
  className?: string;
}

function useFieldState(name: string) {
  const { formState, getFieldState } = useFormContext();
  return getFieldState(name, formState).error?.message;
}

export function TextField(
  props: Common & {
    type?: 'text' | 'tel' | 'email';
    inputMode?: 'numeric' | 'decimal' | 'tel' | 'email';
    autoComplete?: string;
    multiline?: boolean;
  },
) {
  const { register } = useFormContext();
  const errText = useErrorText();
  const err = errText(useFieldState(props.name), props.label);
  const id = `${props.idPrefix}-${props.name}`;
  const common = {
    id,
    'aria-invalid': err ? true : undefined,
    'aria-describedby': `${id}-error`,
    'aria-required': props.required ? true : undefined,
    autoFocus: props.autoFocus,
    ...register(props.name),
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {props.multiline ? (
        <textarea rows={3} {...common} />
      ) : (
        <input
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          {...common}
        />
      )}
      <FieldError id={`${id}-error`} message={err} />
    </div>
  );
}

/** A choice from a code list, or from `options` given by the screen (e.g. colleagues as users). */
export function SelectField(
  props: Common & { list?: CodeListName; only?: readonly string[]; options?: { value: string; label: string }[] },
) {
  const { register } = useFormContext();
  const { t } = useTranslation();
  const errText = useErrorText();
  const err = errText(useFieldState(props.name), props.label);
  const id = `${props.idPrefix}-${props.name}`;
  const entries = props.options
    ? props.options.map((o) => [o.value, o.label] as const)
    : Object.entries(props.list ? CODE_LISTS[props.list] : {}).filter(([c]) => !props.only || props.only.includes(c));
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      <select
        id={id}
        autoFocus={props.autoFocus}
        aria-invalid={err ? true : undefined}
        aria-describedby={`${id}-error`}
        aria-required={props.required ? true : undefined}
        {...register(props.name)}
      >
        <option value="">{t('form.choose')}</option>
        {entries.map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={err} />
    </div>
  );
}

export function DateField(props: Common) {
  const { control } = useFormContext();
  const { field } = useController({ name: props.name, control });
  const errText = useErrorText();
  const err = errText(useFieldState(props.name), props.label);
  const id = `${props.idPrefix}-${props.name}`;
  return (
    <DateInput
      id={id}
      label={props.label}
      required={props.required}
      autoFocus={props.autoFocus}
      className={props.className}
      value={String(field.value ?? '')}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={err}
    />
  );
}

/** The form's summary line and a server error that belongs to no field. */
export function FormAlert(props: { submitted: boolean }) {
  const { t } = useTranslation();
  const { formState } = useFormContext();
  const hasErrors = Object.keys(formState.errors).length > 0;
  const root = formState.errors.root?.message;
  if (!(props.submitted && hasErrors) && !root) return null;
  return (
    <div role="alert" className="error-summary">
      <p>{t('form.errorSummary')}</p>
      {root && <p>{root}</p>}
    </div>
  );
}
