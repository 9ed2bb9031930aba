// "Nieuwe werkgever": KvK number checked while typing (8 digits; an employer already registered
// with it is offered instead of a second one), Dutch errors next to the field from the server.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall, useCommand } from '../../data/hooks.js';
import { hrefOf, useRoute } from '../../stores/route.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { errorText } from '../../components/fields.js';

const FIELDS = [
  'name',
  'kvk',
  'street',
  'house_number',
  'postcode',
  'city',
  'sector',
  'account_manager',
  'exceptional_since',
  'contact_name',
  'contact_phone',
  'contact_email',
] as const;
type F = (typeof FIELDS)[number] | 'account_holder';

export function EmployerForm() {
  const { t } = useTranslation();
  const call = useCommand();
  const go = useRoute((s) => s.go);
  const [f, setF] = useState<Record<F, string>>(
    () =>
      Object.fromEntries(
        [...FIELDS, 'account_holder'].map((k) => [k, k === 'account_holder' ? 'werkcorporatie' : '']),
      ) as Record<F, string>,
  );
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const labels = Object.fromEntries(
    [...FIELDS, 'account_holder'].map((k) => [k, t(`employers.fields.${k as F}`)]),
  ) as Record<string, string>;
  const set = (k: F) => (v: string) => setF((old) => ({ ...old, [k]: v }));

  // KvK check: exactly 8 digits, and not registered already.
  const kvk = f.kvk.replace(/\s/g, '');
  const found = useCall('employers.byKvk', /^\d{8}$/.test(kvk) ? { kvk } : null).data;
  const existing = found?.id ? { id: found.id, name: found.name ?? '' } : null;
  const kvkError = kvk && !/^\d{8}$/.test(kvk) ? t('employers.kvkInvalid') : null;

  const save = async () => {
    if (kvkError) {
      setError({ field: 'kvk', message: kvkError });
      return;
    }
    const r = await call('employers.create', f);
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    go('werkgevers', r.value.id, 'nieuw');
  };
  const fe = (k: string) => (error?.field === k ? error.message : null);

  return (
    <section aria-labelledby="employer-form-title" className="screen narrow">
      <p>
        <a href={hrefOf('werkgevers')}>{t('employers.back')}</a>
      </p>
      <h1 id="employer-form-title">{t('employers.formTitle')}</h1>
      <p className="muted">{t('employers.formIntro')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        {error && (
          <div className="error-summary" role="alert">
            <p>{error.message}</p>
          </div>
        )}
        <div className="field-grid">
          <Field
            id="employer-name"
            label={labels.name!}
            value={f.name}
            onChange={set('name')}
            required
            error={fe('name')}
            autoFocus
          />
          <Field
            id="employer-kvk"
            label={labels.kvk!}
            value={f.kvk}
            onChange={set('kvk')}
            inputMode="numeric"
            error={kvkError ?? fe('kvk')}
          />
          <CodeSelect
            id="employer-holder"
            label={labels.account_holder!}
            list="account_holder"
            value={f.account_holder}
            onChange={set('account_holder')}
            error={fe('account_holder')}
          />
          <Field
            id="employer-sector"
            label={labels.sector!}
            value={f.sector}
            onChange={set('sector')}
            error={fe('sector')}
          />
          <Field
            id="employer-street"
            label={labels.street!}
            value={f.street}
            onChange={set('street')}
            error={fe('street')}
          />
          <Field
            id="employer-house"
            label={labels.house_number!}
            value={f.house_number}
            onChange={set('house_number')}
            error={fe('house_number')}
          />
          <Field
            id="employer-postcode"
            label={labels.postcode!}
            value={f.postcode}
            onChange={set('postcode')}
            error={fe('postcode')}
          />
          <Field id="employer-city" label={labels.city!} value={f.city} onChange={set('city')} error={fe('city')} />
          <Field
            id="employer-manager"
            label={labels.account_manager!}
            value={f.account_manager}
            onChange={set('account_manager')}
            error={fe('account_manager')}
          />
          <Field
            id="employer-exceptional"
            label={labels.exceptional_since!}
            value={f.exceptional_since}
            onChange={set('exceptional_since')}
            date
            error={fe('exceptional_since')}
          />
          <Field
            id="employer-cname"
            label={labels.contact_name!}
            value={f.contact_name}
            onChange={set('contact_name')}
            error={fe('contact_name')}
          />
          <Field
            id="employer-cphone"
            label={labels.contact_phone!}
            value={f.contact_phone}
            onChange={set('contact_phone')}
            inputMode="tel"
            error={fe('contact_phone')}
          />
          <Field
            id="employer-cemail"
            label={labels.contact_email!}
            value={f.contact_email}
            onChange={set('contact_email')}
            inputMode="email"
            error={fe('contact_email')}
          />
        </div>
        {existing && (
          <p role="status" className="notice warning">
            {t('employers.kvkExists', { name: existing.name })}{' '}
            <a href={hrefOf('werkgevers', existing.id)}>{t('employers.open')}</a>
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('employers.save')}
          </button>
          <a className="button" href={hrefOf('werkgevers')}>
            {t('work.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
