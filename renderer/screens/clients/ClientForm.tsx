// "Nieuwe klant": keyboard-first registration with the BSN eleven-check, Dutch field errors next
// to each field (from the client-side checks and from the server), and a duplicate BSN opening
// the existing client instead of registering the person twice.
import { today } from '../../clock.js';
import { useEffect } from 'react';
import { useForm, type UseFormRegister, type FieldErrors } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { useBridge } from '../../components/bridge-context.js';
import { useRoute, hrefOf } from '../../stores/route.js';
import { useApp } from '../../stores/app.js';
import { CODE_LISTS } from '../../../db/model/codes.js';
import { formatDateNl } from '../../format.js';
import { CLIENT_FORM_FIELDS, clientFormSchema, type ClientFormValues } from './client-schema.js';

type Field = keyof ClientFormValues;

// Always in the DOM, so screen readers announce the live BSN check and server errors as they
// appear; client-side messages are i18n keys, server messages are already Dutch.
function FieldError(props: { id: string; message: string | undefined }) {
  const { t } = useTranslation();
  const m = props.message;
  return (
    <p id={props.id} className="field-error" aria-live="polite">
      {m ? (m.startsWith('form.') ? t(m as 'form.errors.bsn') : m) : null}
    </p>
  );
}

function TextField(props: {
  name: Field;
  register: UseFormRegister<ClientFormValues>;
  errors: FieldErrors<ClientFormValues>;
  type?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email';
  autoFocus?: boolean;
  className?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const err = props.errors[props.name]?.message;
  const id = `client-${props.name}`;
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{t(`form.fields.${props.name}`)}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
        aria-required={props.name === 'last_name' ? true : undefined}
        {...props.register(props.name)}
      />
      <FieldError id={`${id}-error`} message={err} />
    </div>
  );
}

function SelectField(props: {
  name: Field;
  list: 'gender' | 'referrer';
  register: UseFormRegister<ClientFormValues>;
  errors: FieldErrors<ClientFormValues>;
}) {
  const { t } = useTranslation();
  const id = `client-${props.name}`;
  const err = props.errors[props.name]?.message;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`form.fields.${props.name}`)}</label>
      <select
        id={id}
        aria-invalid={err ? true : undefined}
        aria-describedby={err ? `${id}-error` : undefined}
        {...props.register(props.name)}
      >
        <option value="">{t('form.choose')}</option>
        {Object.entries(CODE_LISTS[props.list]).map(([code, label]) => (
          <option key={code} value={code}>
            {label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={err} />
    </div>
  );
}

export function ClientForm() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const go = useRoute((s) => s.go);
  const user = useApp((s) => s.info?.user);
  const empty = Object.fromEntries(CLIENT_FORM_FIELDS.map((f) => [f, ''])) as ClientFormValues;
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    trigger,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<ClientFormValues>({
    resolver: zodResolver(clientFormSchema),
    // A field is checked when it loses focus and then on every change.
    mode: 'onTouched',
    // A klantmanager registering a client usually takes the client on.
    defaultValues: {
      ...empty,
      intake_date: formatDateNl(today()),
      account_manager: user?.role === 'klantmanager' ? user.name : '',
    },
    shouldFocusError: true,
  });
  const hasErrors = Object.keys(errors).length > 0;

  // The eleven-check runs as soon as nine digits are typed, before the field is left.
  const bsn = watch('bsn');
  useEffect(() => {
    if (bsn.replace(/\D/g, '').length >= 9) void trigger('bsn');
  }, [bsn, trigger]);

  useEffect(() => {
    const first = CLIENT_FORM_FIELDS.find((f) => errors[f]);
    if (first && submitCount) setFocus(first);
  }, [errors, submitCount, setFocus]);

  const onSubmit = async (values: ClientFormValues) => {
    const input = Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [k, v.trim()]),
    );
    const r = await bridge.call('clients.create', input);
    if (r.ok) return go('klanten', r.value.id, 'nieuw');
    if (r.error.code === 'duplicate_bsn' && typeof r.error.details?.id === 'string')
      return go('klanten', r.error.details.id, 'dubbel');
    const list = (r.error.details?.errors as { field: string; message: string }[] | undefined) ?? [
      { field: r.error.field ?? 'root', message: r.error.message },
    ];
    for (const e of list) {
      if ((CLIENT_FORM_FIELDS as string[]).includes(e.field))
        setError(e.field as Field, { type: 'server', message: e.message });
      else setError('root', { type: 'server', message: e.message });
    }
  };

  const f = { register, errors };
  return (
    <section aria-labelledby="client-form-title" className="screen narrow">
      <h1 id="client-form-title">{t('form.title')}</h1>
      <p className="muted">{t('form.intro')}</p>
      {((submitCount > 0 && hasErrors) || errors.root) && (
        <div role="alert" className="error-summary">
          <p>{t('form.errorSummary')}</p>
          {errors.root?.message && <p>{errors.root.message}</p>}
        </div>
      )}
      <form noValidate onSubmit={handleSubmit(onSubmit)}>
        <fieldset>
          <legend>{t('form.sections.person')}</legend>
          <div className="field-grid">
            <TextField name="bsn" inputMode="numeric" autoFocus {...f} />
            <TextField name="initials" {...f} />
            <TextField name="first_name" autoComplete="given-name" {...f} />
            <TextField name="name_prefix" {...f} />
            <TextField name="last_name" autoComplete="family-name" {...f} />
            <TextField name="birth_date" placeholder={t('form.datePlaceholder')} {...f} />
            <SelectField name="gender" list="gender" {...f} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('form.sections.address')}</legend>
          <div className="field-grid">
            <TextField name="street" autoComplete="address-line1" {...f} />
            <TextField name="house_number" {...f} />
            <TextField name="postcode" autoComplete="postal-code" {...f} />
            <TextField name="city" autoComplete="address-level2" {...f} />
            <TextField name="phone" type="tel" inputMode="tel" autoComplete="tel" {...f} />
            <TextField name="email" type="email" inputMode="email" autoComplete="email" {...f} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('form.sections.period')}</legend>
          <div className="field-grid">
            <TextField name="intake_date" placeholder={t('form.datePlaceholder')} {...f} />
            <SelectField name="referrer" list="referrer" {...f} />
            <TextField name="account_manager" {...f} />
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('form.saving') : t('form.save')}
          </button>
          <a className="button" href={hrefOf('klanten')}>
            {t('form.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
