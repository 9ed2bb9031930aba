// Two fieldsets of the Reports screen's settings (issue 14): the corporation's explanation of the
// qualitative agreements a, d and g (half-year; printed and kept with a delivery), and "Stand van
// registratie op" - a Dutch date and an optional time; empty means the live report.
import { EXPLAINED_AGREEMENTS } from '../../../db/model/settings.js';
import { DateInput } from '../../components/DateInput.js';
import { KNOWN_DATE, KNOWN_TIME, explanationKey } from './params-form.js';
import { T } from '../../i18n/reports.js';

interface FormProps {
  form: Record<string, string>;
  setForm(f: Record<string, string>): void;
}

export function ExplanationFields({ form, setForm }: FormProps) {
  return (
    <fieldset className="report-explanations">
      <legend>{T.explanations}</legend>
      {EXPLAINED_AGREEMENTS.map((c) => (
        <div className="field" key={c}>
          <label htmlFor={`report-explanation-${c}`}>{T.explanation(c)}</label>
          <textarea
            id={`report-explanation-${c}`}
            rows={2}
            value={form[explanationKey(c)] ?? ''}
            onChange={(e) => setForm({ ...form, [explanationKey(c)]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}

export function KnownOnFields({ form, setForm, errors }: FormProps & { errors: Record<string, string> }) {
  return (
    <fieldset className="report-known-on">
      <legend>{T.knownOn}</legend>
      <p className="muted">{T.knownOnHelp}</p>
      <div className="field-grid">
        <DateInput
          id="report-known-on-date"
          label={T.knownOnDate}
          value={form[KNOWN_DATE] ?? ''}
          onChange={(v) => setForm({ ...form, [KNOWN_DATE]: v })}
          error={errors[KNOWN_DATE]}
        />
        <div className="field">
          <label htmlFor="report-known-on-time">{T.knownOnTime}</label>
          <input
            id="report-known-on-time"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={form[KNOWN_TIME] ?? ''}
            aria-invalid={errors[KNOWN_TIME] ? true : undefined}
            aria-describedby="report-known-on-time-error"
            onChange={(e) => setForm({ ...form, [KNOWN_TIME]: e.target.value })}
          />
          <p id="report-known-on-time-error" className="field-error" aria-live="polite">
            {errors[KNOWN_TIME]}
          </p>
        </div>
      </div>
    </fieldset>
  );
}
