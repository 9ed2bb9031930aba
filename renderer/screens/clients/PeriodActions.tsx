// Exit (uitstroom, reason required) for a client in the caseload, and intake / re-entry for a
// client without an open period. One inline form at a time on the client page.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { CodeSelect, Field } from '../../components/controls.js';
import { Status } from '../../components/Card.js';
import { errorText } from '../../components/fields.js';
import { todayNl } from '../../format.js';

export function PeriodActions(props: {
  clientId: string;
  inCaseload: boolean;
  accountManager: string | null;
  /** The other buttons of the row; the form opens below the row, not inside it. */
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const me = useInfo().data?.user.name ?? '';
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayNl());
  const [reason, setReason] = useState('');
  const [referrer, setReferrer] = useState('social_team');
  const [manager, setManager] = useState(props.accountManager ?? me);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fe = (k: string) => (error?.field === k ? error.message : null);
  const labels = {
    exit_date: t('dossier.exit.date'),
    exit_reason: t('dossier.exit.reason'),
    intake_date: t('dossier.intake.date'),
    referrer: t('form.fields.referrer'),
    account_manager: t('form.fields.account_manager'),
  };

  const save = async () => {
    if (props.inCaseload && !reason) {
      setError({ field: 'exit_reason', message: t('dossier.exit.reasonRequired') });
      return;
    }
    const r = props.inCaseload
      ? await call('clients.exit', { clientId: props.clientId, exit_date: date, exit_reason: reason as 'other' })
      : await call('clients.intake', {
          clientId: props.clientId,
          intake_date: date,
          referrer: referrer as 'other',
          account_manager: manager,
        });
    if (!r.ok) {
      setError({ field: r.error.field, message: errorText(r.error, labels) });
      return;
    }
    setError(null);
    setOpen(false);
    setNotice(props.inCaseload ? t('dossier.exit.saved') : t('dossier.intake.saved'));
  };

  const title = props.inCaseload ? t('dossier.exit.title') : t('dossier.intake.title');
  return (
    <div className="no-print">
      <Status text={notice} />
      <div className="button-row">
        {!open && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpen(true);
              setNotice(null);
              setDate(todayNl());
            }}
          >
            {title}
          </button>
        )}
        {props.actions}
      </div>
      {open && (
        <form
          noValidate
          className="inline-form"
          aria-label={title}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field-grid">
            {props.inCaseload ? (
              <>
                <Field
                  id="exit-date"
                  label={labels.exit_date}
                  value={date}
                  onChange={setDate}
                  date
                  required
                  error={fe('exit_date')}
                  autoFocus
                />
                <CodeSelect
                  id="exit-reason"
                  label={labels.exit_reason}
                  list="exit_reason"
                  value={reason}
                  onChange={setReason}
                  required
                  error={fe('exit_reason')}
                />
              </>
            ) : (
              <>
                <Field
                  id="intake-date"
                  label={labels.intake_date}
                  value={date}
                  onChange={setDate}
                  date
                  required
                  error={fe('intake_date')}
                  autoFocus
                />
                <CodeSelect
                  id="intake-referrer"
                  label={labels.referrer}
                  list="referrer"
                  value={referrer}
                  onChange={setReferrer}
                  required
                  error={fe('referrer')}
                />
                <Field
                  id="intake-manager"
                  label={labels.account_manager}
                  value={manager}
                  onChange={setManager}
                  required
                  error={fe('account_manager')}
                />
              </>
            )}
          </div>
          {error && !error.field && (
            <p role="alert" className="error-text">
              {error.message}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="button primary">
              {props.inCaseload ? t('dossier.exit.save') : t('dossier.intake.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setOpen(false);
                setError(null);
              }}
            >
              {t('work.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
