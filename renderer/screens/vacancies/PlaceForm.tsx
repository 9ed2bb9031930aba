// Placing a candidate from the pipeline: kind, start, hours, job coach, wage value. The server
// closes the match as aangenomen, closes the vacancy when all positions are taken and plans
// the nazorg contacts; the message says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { errorText } from '../../components/fields.js';
import { todayNl } from '../../format.js';

export function PlaceForm(props: { matchId: string; client: string; onDone(m: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const call = useCommand();
  const [f, setF] = useState({
    kind: '',
    start_date: todayNl(),
    end_date: '',
    hours_per_week: '',
    job_coach: '',
    wage_value: '',
  });
  const [subsidy, setSubsidy] = useState(false);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const labels = {
    kind: t('placements.col.kind'),
    start_date: t('placements.col.start'),
    end_date: t('placements.col.end'),
    hours_per_week: t('placements.col.hours'),
    job_coach: t('placements.col.coach'),
    wage_value: t('placements.col.wageValue'),
  };
  const fe = (k: string) => (error?.field === k ? error.message : null);
  const save = async () => {
    const r = await call('placements.create', {
      matchId: props.matchId,
      fields: { ...f, wage_subsidy: subsidy },
    });
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    props.onDone(
      t('placements.saved', { name: props.client, count: r.value.nazorg.length }) +
        (r.value.vacancyClosed ? ` ${t('placements.vacancyClosed')}` : ''),
    );
  };
  return (
    <form
      noValidate
      className="inline-form"
      aria-label={t('placements.formLabel', { name: props.client })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field-grid">
        <CodeSelect
          id="place-kind"
          label={labels.kind}
          list="placement_kind"
          value={f.kind}
          onChange={set('kind')}
          required
          error={fe('kind')}
        />
        <Field
          id="place-start"
          label={labels.start_date}
          value={f.start_date}
          onChange={set('start_date')}
          date
          required
          error={fe('start_date')}
        />
        <Field
          id="place-end"
          label={labels.end_date}
          value={f.end_date}
          onChange={set('end_date')}
          date
          error={fe('end_date')}
        />
        <Field
          id="place-hours"
          label={labels.hours_per_week}
          value={f.hours_per_week}
          onChange={set('hours_per_week')}
          inputMode="decimal"
          error={fe('hours_per_week')}
        />
        <Field
          id="place-coach"
          label={labels.job_coach}
          value={f.job_coach}
          onChange={set('job_coach')}
          error={fe('job_coach')}
        />
        <Field
          id="place-wage"
          label={labels.wage_value}
          value={f.wage_value}
          onChange={set('wage_value')}
          inputMode="decimal"
          error={fe('wage_value')}
        />
      </div>
      <p>
        <label className="checkbox">
          <input type="checkbox" checked={subsidy} onChange={(e) => setSubsidy(e.target.checked)} />{' '}
          {t('placements.col.subsidy')}
        </label>
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary">
          {t('placements.save')}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t('work.cancel')}
        </button>
      </div>
    </form>
  );
}
