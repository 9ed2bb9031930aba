// A form over fields of one record kind, for registering or correcting a record inline on a page
// (activity, contact, placement, employer, contact person, vacancy). Fields, labels and checks
// come from the model (RECORDS via db/model/forms.ts); the widget follows the field's kind (a
// date gets the DateInput, a code its list). react-hook-form keeps the values; the server's field
// errors land next to their fields. When correcting, '' clears a field.
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../db/model/records.js';
import { FORM_DEFS, formSchema, formValues, type FormKind } from '../../db/model/forms.js';
import type { CodeListName } from '../../db/model/codes.js';
import type { Result } from '../../db/model/errors.js';
import { today } from '../clock.js';
import { formatDateNl, formatNumber } from '../format.js';
import { DateField, FormAlert, SelectField, TextField, showServerErrors } from './fields.js';

export interface FormField {
  name: string;
  /** Defaults to the model's label. */
  label?: string;
  /** Required here even when the model allows it empty. */
  required?: boolean;
  /** A code list that narrows or replaces the model's. */
  list?: CodeListName;
  only?: readonly string[];
  /** Choices given by the screen (value, label), e.g. colleagues to pick as account manager. */
  options?: { value: string; label: string }[];
  multiline?: boolean;
}

const defsOf = (kind: FormKind): Record<string, FieldDef> => FORM_DEFS[kind];

/** A stored value as a form shows it: dates dd-mm-jjjj, numbers with a decimal comma, lists with ';'. */
export function shownValue(kind: FormKind, field: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return formatNumber(v).replace(/\./g, '');
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (defsOf(kind)[field]?.kind === 'date') return formatDateNl(String(v));
  return String(v);
}

export function RecordForm(props: {
  kind: FormKind;
  idPrefix: string;
  title: string;
  fields: FormField[];
  /** The stored record when correcting; absent when registering. */
  record?: Record<string, unknown> | null;
  /** Values to start a new record with (as typed). */
  initial?: Record<string, string>;
  submitLabel: string;
  onSubmit(values: Partial<Record<string, string>>): Promise<Result<unknown>>;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const names = props.fields.map((f) => f.name);
  const editing = Boolean(props.record);
  // One form keeps the fields it was opened with.
  const [schema] = useState(() =>
    formSchema(props.kind, names, today(), {
      required: props.fields.filter((f) => f.required).map((f) => f.name),
    }),
  );
  const defaults = Object.fromEntries(
    names.map((n) => [n, props.record ? shownValue(props.kind, n, props.record[n]) : (props.initial?.[n] ?? '')]),
  ) as Record<string, string>;
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: defaults,
    shouldFocusError: true,
  });
  const {
    handleSubmit,
    formState: { isSubmitting, submitCount },
  } = form;

  const submit = async (values: Record<string, string>) => {
    const r = await props.onSubmit(formValues(props.kind, values, today(), editing ? 'clear' : 'omit'));
    if (r.ok) props.onDone();
    else showServerErrors(form.setError, names, r.error);
  };

  return (
    <FormProvider {...form}>
      <form className="inline-form" aria-label={props.title} noValidate onSubmit={handleSubmit(submit)}>
        <FormAlert submitted={submitCount > 0} />
        <div className="field-grid">
          {props.fields.map((f, i) => {
            const def = defsOf(props.kind)[f.name]!;
            const common = {
              key: f.name,
              name: f.name,
              label: f.label ?? def.label,
              idPrefix: props.idPrefix,
              required: f.required || def.required,
              autoFocus: i === 0,
            };
            if (def.kind === 'date') return <DateField {...common} />;
            if (f.options) return <SelectField {...common} options={f.options} />;
            if (def.kind === 'code' || f.list)
              return <SelectField {...common} list={(f.list ?? def.code)!} only={f.only} />;
            return (
              <TextField
                {...common}
                className={f.multiline ? 'wide' : undefined}
                multiline={f.multiline}
                inputMode={def.kind === 'number' ? 'decimal' : def.kind === 'int' ? 'numeric' : undefined}
              />
            );
          })}
        </div>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('form.saving') : props.submitLabel}
          </button>
          <button type="button" className="button" onClick={props.onCancel}>
            {t('work.cancel')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
