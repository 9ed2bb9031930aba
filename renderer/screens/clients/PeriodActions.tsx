// Exit (uitstroom, reason required) for a client in the caseload, and intake / re-entry for a
// client without an open period. The buttons sit in the page's button row; the form opens below
// the row, not inside it.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { Status } from '../../components/Card.js';
import { RecordForm } from '../../components/RecordForm.js';
import { todayNl } from '../../format.js';

export function PeriodActions(props: {
  clientId: string;
  inCaseload: boolean;
  accountManager: string | null;
  /** The other buttons of the row. */
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const me = useInfo().data?.user?.name ?? '';
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
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
            }}
          >
            {title}
          </button>
        )}
        {props.actions}
      </div>
      {open &&
        (props.inCaseload ? (
          <RecordForm
            kind="clients"
            idPrefix="exit"
            title={title}
            fields={[
              { name: 'exit_date', required: true },
              { name: 'exit_reason', required: true },
            ]}
            initial={{ exit_date: todayNl() }}
            submitLabel={t('dossier.exit.save')}
            onSubmit={async (f) => {
              const r = await call('clients.exit', {
                clientId: props.clientId,
                exit_date: f.exit_date ?? '',
                exit_reason: f.exit_reason as 'other',
              });
              if (r.ok) {
                setOpen(false);
                setNotice(t('dossier.exit.saved'));
              }
              return r;
            }}
            onDone={() => undefined}
            onCancel={() => setOpen(false)}
          />
        ) : (
          <RecordForm
            kind="clients"
            idPrefix="intake"
            title={title}
            fields={[
              { name: 'intake_date', required: true },
              { name: 'referrer', required: true },
              { name: 'account_manager', required: true },
            ]}
            initial={{ intake_date: todayNl(), referrer: 'social_team', account_manager: props.accountManager ?? me }}
            submitLabel={t('dossier.intake.save')}
            onSubmit={async (f) => {
              const r = await call('clients.intake', {
                clientId: props.clientId,
                intake_date: f.intake_date ?? '',
                referrer: f.referrer as 'other',
                account_manager: f.account_manager ?? '',
              });
              if (r.ok) {
                setOpen(false);
                setNotice(t('dossier.intake.saved'));
              }
              return r;
            }}
            onDone={() => undefined}
            onCancel={() => setOpen(false)}
          />
        ))}
    </div>
  );
}
