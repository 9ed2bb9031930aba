// "Nieuwe klant" and "Klantgegevens wijzigen": one keyboard-first form over the client fields of
// the model (RECORDS.clients via db/model/forms.ts: the BSN eleven-check, postcode, dates typed
// the Dutch way), Dutch errors next to each field from the client-side checks and from the
// server. Editing sends only what changed ('' clears a field). A BSN that is already registered
// is refused with a link to that client; what was typed stays.
import { useEffect, useMemo, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../db/api/contract.js';
import { RECORDS } from '../../../db/model/records.js';
import { formSchema, formValues } from '../../../db/model/forms.js';
import { CODE_LISTS } from '../../../db/model/codes.js';
import { today } from '../../clock.js';
import { useCommand } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { useRoute, hrefOf } from '../../stores/route.js';
import { formatDateNl, formatNumber } from '../../format.js';
import { DateField, FormAlert, SelectField, TextField, showServerErrors } from '../../components/fields.js';
import { useColleagues } from './PeriodActions.js';

const PERSON = ['bsn', 'initials', 'first_name', 'name_prefix', 'last_name', 'birth_date', 'gender'] as const;
const ADDRESS = ['street', 'house_number', 'postcode', 'city', 'phone', 'email'] as const;
const PROFILE = [
  'occupations_wanted',
  'education_level',
  'work_thinking_level',
  'hours_available',
  'driving_licence',
  'max_travel_km',
  'sectors',
  'competences',
  'languages',
  'work_limitations',
] as const;
const TARGET = ['banenafspraak_status', 'banenafspraak_checked', 'benefit_status'] as const;
const PERIOD = ['intake_date', 'referrer', 'account_manager'] as const;
const CODES = ['target_groups', 'transport'] as const;

const EDIT_FIELDS = [...PERSON, ...ADDRESS, ...PROFILE, ...TARGET] as const;
const CREATE_FIELDS = [...EDIT_FIELDS, ...PERIOD] as const;
type TextName = (typeof CREATE_FIELDS)[number];
type Values = Record<TextName, string> & Record<(typeof CODES)[number], string[]>;

const label = (f: string): string => RECORDS.clients[f]!.label;

/** A stored value as the form shows it: dates dd-mm-jjjj, numbers with a comma, lists with ';'. */
function shown(f: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'number') return formatNumber(v);
  if (RECORDS.clients[f]?.kind === 'date') return formatDateNl(String(v));
  return String(v);
}

function CodeBoxes(props: { name: (typeof CODES)[number]; list: 'target_group' | 'transport'; form: Form }) {
  const { register } = props.form;
  return (
    <fieldset className="checkbox-group">
      <legend>{label(props.name)}</legend>
      {Object.entries(CODE_LISTS[props.list]).map(([code, text]) => (
        <label key={code} className="checkbox">
          <input type="checkbox" value={code} {...register(props.name)} /> {text}
        </label>
      ))}
    </fieldset>
  );
}

type Form = ReturnType<typeof useForm<Values>>;

export function ClientForm(props: { client?: Output<'clients.get'> }) {
  const { t } = useTranslation();
  const call = useCommand();
  const go = useRoute((s) => s.go);
  const user = useInfo().data?.user;
  const editing = props.client ?? null;
  const hidden = new Set(editing?.hiddenFields ?? []);
  const fields = (editing ? EDIT_FIELDS : CREATE_FIELDS).filter((f) => !hidden.has(f));
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const colleagues = useColleagues();

  // The fields follow from the role's hidden fields, fixed for one form.
  const [schema] = useState(() =>
    formSchema('clients', fields, today()).extend({
      target_groups: z.array(z.string()),
      transport: z.array(z.string()),
    }),
  );
  const defaults = useMemo(() => {
    const r = (editing?.record ?? {}) as Record<string, unknown>;
    const v = Object.fromEntries(fields.map((f) => [f, shown(f, r[f])])) as unknown as Values;
    v.target_groups = (r.target_groups as string[] | null) ?? [];
    v.transport = (r.transport as string[] | null) ?? [];
    if (!editing) {
      v.intake_date = formatDateNl(today());
      // A klantmanager registering a client usually takes the client on (the picker's value is the user).
      v.account_manager = user?.role === 'klantmanager' ? user.id : '';
    }
    return v;
  }, [editing, fields, user]);

  const form = useForm<Values>({
    resolver: zodResolver(schema),
    // A field is checked when it loses focus and then on every change.
    mode: 'onTouched',
    defaultValues: defaults,
    shouldFocusError: true,
  });
  const {
    handleSubmit,
    setFocus,
    trigger,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = form;

  // The eleven-check runs as soon as nine digits are typed, before the field is left.
  const bsn = watch('bsn') ?? '';
  useEffect(() => {
    if (bsn.replace(/\D/g, '').length >= 9) void trigger('bsn');
  }, [bsn, trigger]);

  useEffect(() => {
    const first = fields.find((f) => errors[f]);
    if (first && submitCount) setFocus(first);
  }, [errors, submitCount, setFocus, fields]);

  const onSubmit = async (values: Values) => {
    setDuplicate(null);
    const text = Object.fromEntries(fields.map((f) => [f, values[f] ?? ''])) as Record<TextName, string>;
    let r;
    if (editing) {
      // Only what changed: '' clears a field.
      const changed = Object.fromEntries(
        Object.entries(formValues('clients', text, today(), 'clear')).filter(
          ([f, v]) => v !== formValues('clients', { [f]: defaults[f as TextName] }, today(), 'clear')[f],
        ),
      );
      for (const f of CODES)
        if ([...values[f]].sort().join() !== [...defaults[f]].sort().join()) changed[f] = values[f] as never;
      if (Object.keys(changed).length === 0) return go('klanten', editing.id);
      r = await call('clients.update', { id: editing.id, fields: changed });
      if (r.ok) return go('klanten', editing.id, 'bijgewerkt');
    } else {
      const { account_manager, ...typed } = formValues('clients', text, today());
      // With users the picker gives a user; a database without users takes a typed name.
      const manager = colleagues.length ? { account_manager_id: account_manager } : { account_manager };
      const input = { ...typed, target_groups: values.target_groups, ...manager };
      if (values.transport.length) Object.assign(input, { transport: values.transport });
      r = await call('clients.create', input);
      if (r.ok) return go('klanten', r.value.id, 'nieuw');
    }
    if (r.error.code === 'duplicate_bsn' && typeof r.error.details?.id === 'string') {
      setDuplicate(r.error.details.id);
      form.setError('bsn', { type: 'server', message: t('form.duplicateBsn') });
      return;
    }
    showServerErrors(form.setError, fields, r.error);
  };

  const f = { idPrefix: 'client' };
  const title = editing ? t('form.editTitle') : t('form.title');
  return (
    <section aria-labelledby="client-form-title" className="screen narrow">
      <h1 id="client-form-title">{title}</h1>
      <p className="muted">{t('form.intro')}</p>
      <FormProvider {...form}>
        <FormAlert submitted={submitCount > 0} />
        {duplicate && (
          <p className="notice warning">
            <a href={hrefOf('klanten', duplicate)}>{t('form.openExisting')}</a>
          </p>
        )}
        <form noValidate onSubmit={handleSubmit(onSubmit)}>
          <fieldset>
            <legend>{t('form.sections.person')}</legend>
            <div className="field-grid">
              <TextField name="bsn" label={label('bsn')} inputMode="numeric" {...f} />
              <TextField name="initials" label={label('initials')} {...f} />
              <TextField name="first_name" label={label('first_name')} autoComplete="given-name" {...f} />
              <TextField name="name_prefix" label={label('name_prefix')} {...f} />
              <TextField name="last_name" label={label('last_name')} required autoComplete="family-name" {...f} />
              <DateField name="birth_date" label={label('birth_date')} {...f} />
              <SelectField name="gender" label={label('gender')} list="gender" {...f} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.sections.address')}</legend>
            <div className="field-grid">
              <TextField name="street" label={label('street')} autoComplete="address-line1" {...f} />
              <TextField name="house_number" label={label('house_number')} {...f} />
              <TextField name="postcode" label={label('postcode')} autoComplete="postal-code" {...f} />
              <TextField name="city" label={label('city')} autoComplete="address-level2" {...f} />
              <TextField name="phone" label={label('phone')} type="tel" inputMode="tel" autoComplete="tel" {...f} />
              <TextField
                name="email"
                label={label('email')}
                type="email"
                inputMode="email"
                autoComplete="email"
                {...f}
              />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('form.sections.profile')}</legend>
            <p className="muted">{t('form.listHint')}</p>
            <div className="field-grid">
              <TextField name="occupations_wanted" label={label('occupations_wanted')} {...f} />
              <SelectField name="education_level" label={label('education_level')} list="education_level" {...f} />
              <SelectField
                name="work_thinking_level"
                label={label('work_thinking_level')}
                list="work_thinking_level"
                {...f}
              />
              <TextField name="hours_available" label={label('hours_available')} inputMode="decimal" {...f} />
              <TextField name="driving_licence" label={label('driving_licence')} {...f} />
              <TextField name="max_travel_km" label={label('max_travel_km')} inputMode="numeric" {...f} />
              <TextField name="sectors" label={label('sectors')} {...f} />
              <TextField name="competences" label={label('competences')} {...f} />
              <TextField name="languages" label={label('languages')} {...f} />
            </div>
            <CodeBoxes name="transport" list="transport" form={form} />
            {!hidden.has('work_limitations') && (
              <TextField name="work_limitations" label={label('work_limitations')} multiline {...f} />
            )}
          </fieldset>
          <fieldset>
            <legend>{t('form.sections.target')}</legend>
            <CodeBoxes name="target_groups" list="target_group" form={form} />
            <div className="field-grid">
              <SelectField
                name="banenafspraak_status"
                label={label('banenafspraak_status')}
                list="banenafspraak_status"
                {...f}
              />
              <DateField name="banenafspraak_checked" label={label('banenafspraak_checked')} {...f} />
              <SelectField name="benefit_status" label={label('benefit_status')} list="benefit_status" {...f} />
            </div>
          </fieldset>
          {!editing && (
            <fieldset>
              <legend>{t('form.sections.period')}</legend>
              <div className="field-grid">
                <DateField name="intake_date" label={label('intake_date')} {...f} />
                <SelectField name="referrer" label={label('referrer')} list="referrer" {...f} />
                {colleagues.length ? (
                  <SelectField name="account_manager" label={label('account_manager')} options={colleagues} {...f} />
                ) : (
                  <TextField name="account_manager" label={label('account_manager')} {...f} />
                )}
              </div>
            </fieldset>
          )}
          <div className="button-row">
            <button type="submit" className="button primary" disabled={isSubmitting}>
              {isSubmitting ? t('form.saving') : editing ? t('form.saveChanges') : t('form.save')}
            </button>
            <a className="button" href={editing ? hrefOf('klanten', editing.id) : hrefOf('klanten')}>
              {t('form.cancel')}
            </a>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}
