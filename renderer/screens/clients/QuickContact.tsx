// Quick contact entry for a client or an employer: date, kind, summary and an optional follow-up
// date. With `resolves` it also marks an earlier follow-up as handled (from Mijn werk).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { errorText } from '../../components/fields.js';
import { todayNl } from '../../format.js';

export function QuickContact(props: {
  party: { clientId: string } | { employerId: string };
  resolves?: string;
  idPrefix: string;
  onDone(message: string): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const [date, setDate] = useState(todayNl());
  const [kind, setKind] = useState('phone');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `${props.idPrefix}-${f}`;
  const labels = {
    date: t('contact.date'),
    kind: t('contact.kind'),
    summary: t('contact.summary'),
    follow_up_date: t('contact.followUp'),
  };

  const save = async () => {
    setBusy(true);
    const r = await call('contacts.create', {
      ...props.party,
      date,
      kind,
      summary: summary || undefined,
      follow_up_date: followUp || null,
      resolves: props.resolves ?? null,
    });
    setBusy(false);
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    setError(null);
    setSummary('');
    setFollowUp('');
    props.onDone(t('contact.saved'));
  };
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  return (
    <form
      noValidate
      className="inline-form"
      aria-label={t('contact.form')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field-grid">
        <Field
          id={id('date')}
          label={labels.date}
          value={date}
          onChange={setDate}
          date
          required
          error={fieldError('date')}
          autoFocus
        />
        <CodeSelect
          id={id('kind')}
          label={labels.kind}
          list="contact_kind"
          value={kind}
          onChange={setKind}
          required
          error={fieldError('kind')}
        />
        <Field
          id={id('follow')}
          label={labels.follow_up_date}
          value={followUp}
          onChange={setFollowUp}
          date
          error={fieldError('follow_up_date')}
        />
      </div>
      <Field
        id={id('summary')}
        label={labels.summary}
        value={summary}
        onChange={setSummary}
        multiline
        error={fieldError('summary')}
      />
      {error && !error.field && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
      {error?.field && (
        <p role="alert" className="error-text">
          {t('work.checkFields')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {t('contact.save')}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('work.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
