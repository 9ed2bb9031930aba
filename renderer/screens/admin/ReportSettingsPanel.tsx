// Beheer: the team's report settings (issue 14, db/model/settings.ts) - the names on the
// half-year report's cover page and the result agreements' wording. Checked here with the same
// zod schema the contract uses, so each field gets its Dutch message before anything is sent.
import { useState } from 'react';
import { AGREEMENT_CODES, reportSettingsInput, type ReportSettings } from '../../../db/model/settings.js';
import { useCall, useCommand } from '../../data/hooks.js';
import { Card, Status } from '../../components/Card.js';
import { Field } from '../../components/controls.js';
import { T } from '../../i18n/reports.js';

const fieldId = (path: string) => `settings-${path.replace('.', '-')}`;

function SettingsForm(props: { initial: ReportSettings }) {
  const call = useCommand();
  const [f, setF] = useState<ReportSettings>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setMsg(null);
    const parsed = reportSettingsInput.safeParse(f);
    if (!parsed.success) {
      const errs: Record<string, string> = {};
      for (const i of parsed.error.issues) errs[i.path.join('.')] ??= i.message;
      setErrors(errs);
      setMsg({ text: T.settingsInvalid, error: true });
      return;
    }
    setErrors({});
    setBusy(true);
    const r = await call('settings.save', parsed.data);
    setBusy(false);
    if (!r.ok) {
      if (r.error.field) setErrors({ [r.error.field]: r.error.message });
      setMsg({ text: r.error.message, error: true });
      return;
    }
    setF(r.value);
    setMsg({ text: T.settingsSaved, error: false });
  };

  return (
    <form
      noValidate
      aria-label={T.settingsTitle}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted">{T.settingsText}</p>
      <div className="field-grid">
        <Field
          id={fieldId('municipality_name')}
          label={T.settingsMunicipality}
          value={f.municipality_name}
          onChange={(v) => setF({ ...f, municipality_name: v })}
          error={errors.municipality_name}
          required
        />
        <Field
          id={fieldId('corporation_name')}
          label={T.settingsCorporation}
          value={f.corporation_name}
          onChange={(v) => setF({ ...f, corporation_name: v })}
          error={errors.corporation_name}
          required
        />
      </div>
      <fieldset className="settings-agreements">
        <legend>{T.settingsAgreements}</legend>
        <p className="muted">{T.settingsAgreementsHelp}</p>
        {AGREEMENT_CODES.map((c) => (
          <Field
            key={c}
            id={fieldId(`agreements.${c}`)}
            label={T.settingsAgreement(c)}
            value={f.agreements[c]}
            onChange={(v) => setF({ ...f, agreements: { ...f.agreements, [c]: v } })}
            error={errors[`agreements.${c}`]}
            required
            multiline
          />
        ))}
      </fieldset>
      <Status text={msg?.text ?? null} error={msg?.error} />
      <button type="submit" className="button primary" disabled={busy}>
        {busy ? T.settingsSaving : T.settingsSave}
      </button>
    </form>
  );
}

export function ReportSettingsPanel() {
  const q = useCall('settings.get', {});
  return (
    <Card id="admin-report-settings" title={T.settingsTitle}>
      {q.error && (
        <p role="alert" className="notice warning">
          {q.error}
        </p>
      )}
      {q.data && <SettingsForm initial={q.data} />}
    </Card>
  );
}
