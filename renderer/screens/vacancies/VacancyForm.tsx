// "Nieuwe vacature": the vacatureprofiel fields the work needs, for an employer chosen from the
// list (or given by the employer's page). The server checks and parses every field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { hrefOf, useRoute } from '../../stores/route.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { errorText } from '../../components/fields.js';
import { todayNl } from '../../format.js';
import { useCall } from '../../data/hooks.js';

const TEXT = [
  'title',
  'occupation_code',
  'hours_per_week',
  'hours_min',
  'positions',
  'opened_date',
  'closing_date',
  'postcode',
  'city',
  'sector',
  'driving_licence',
  'competences',
] as const;
type F = (typeof TEXT)[number] | 'source' | 'education_level' | 'work_thinking_level' | 'contract_kind' | 'description';
const DATES = new Set(['opened_date', 'closing_date']);
const NUMS = new Set(['hours_per_week', 'hours_min', 'positions']);

export function VacancyForm(props: { employerId: string | null }) {
  const { t } = useTranslation();
  const call = useCommand();
  const go = useRoute((s) => s.go);
  const [employerId, setEmployerId] = useState(props.employerId ?? '');
  const employers = useCall('employers.search', {
    query: '',
    exceptionalOnly: false,
    accountManager: null,
    limit: 500,
    after: null,
  });
  const [f, setF] = useState<Record<F, string>>({
    title: '',
    occupation_code: '',
    hours_per_week: '',
    hours_min: '',
    positions: '1',
    opened_date: todayNl(),
    closing_date: '',
    postcode: '',
    city: '',
    sector: '',
    driving_licence: '',
    competences: '',
    source: 'own',
    education_level: '',
    work_thinking_level: '',
    contract_kind: 'regular',
    description: '',
  });
  const [banen, setBanen] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const set = (k: F) => (v: string) => setF((old) => ({ ...old, [k]: v }));
  const label = (k: F) => t(`vacancies.fields.${k}`);
  const labels = Object.fromEntries(Object.keys(f).map((k) => [k, label(k as F)]));
  const fe = (k: string) => (error?.field === k ? error.message : null);

  const save = async () => {
    if (!employerId) {
      setError({ field: 'employerId', message: t('vacancies.chooseEmployer') });
      return;
    }
    const r = await call('vacancies.create', { employerId, fields: { ...f, banenafspraak: banen } });
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    go('vacatures', r.value.id, 'nieuw');
  };

  return (
    <section aria-labelledby="vacancy-form-title" className="screen narrow">
      <p>
        <a href={props.employerId ? hrefOf('werkgevers', props.employerId) : hrefOf('vacatures')}>
          {t('vacancies.back')}
        </a>
      </p>
      <h1 id="vacancy-form-title">{t('vacancies.formTitle')}</h1>
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
          <div className="field">
            <label htmlFor="vacancy-employer">{t('vacancies.fields.employer')} *</label>
            <select
              id="vacancy-employer"
              value={employerId}
              onChange={(e) => setEmployerId(e.target.value)}
              aria-required
              aria-invalid={fe('employerId') ? true : undefined}
            >
              <option value="">{t('form.choose')}</option>
              {employers.data?.items.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                  {e.city ? ` (${e.city})` : ''}
                </option>
              ))}
            </select>
          </div>
          {TEXT.map((k) => (
            <Field
              key={k}
              id={`vacancy-${k}`}
              label={label(k)}
              value={f[k]}
              onChange={set(k)}
              date={DATES.has(k)}
              required={k === 'title' || k === 'opened_date'}
              inputMode={NUMS.has(k) ? 'decimal' : undefined}
              error={fe(k)}
              autoFocus={k === 'title' && Boolean(props.employerId)}
            />
          ))}
          <CodeSelect
            id="vacancy-source"
            label={label('source')}
            list="vacancy_source"
            value={f.source}
            onChange={set('source')}
            error={fe('source')}
          />
          <CodeSelect
            id="vacancy-contract"
            label={label('contract_kind')}
            list="contract_kind"
            value={f.contract_kind}
            onChange={set('contract_kind')}
            error={fe('contract_kind')}
          />
          <CodeSelect
            id="vacancy-education"
            label={label('education_level')}
            list="education_level"
            value={f.education_level}
            onChange={set('education_level')}
            error={fe('education_level')}
          />
          <CodeSelect
            id="vacancy-level"
            label={label('work_thinking_level')}
            list="work_thinking_level"
            value={f.work_thinking_level}
            onChange={set('work_thinking_level')}
            error={fe('work_thinking_level')}
          />
        </div>
        <p>
          <label className="checkbox">
            <input type="checkbox" checked={banen} onChange={(e) => setBanen(e.target.checked)} />{' '}
            {t('vacancies.fields.banenafspraak')}
          </label>
        </p>
        <Field
          id="vacancy-description"
          label={label('description')}
          value={f.description}
          onChange={set('description')}
          multiline
          error={fe('description')}
        />
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('vacancies.save')}
          </button>
          <a className="button" href={hrefOf('vacatures')}>
            {t('work.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
