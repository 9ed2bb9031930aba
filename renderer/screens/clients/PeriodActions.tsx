// The caseload period of a client's page. In the caseload (an open period): exit (uitstroom,
// reason required) and handing the client to a colleague (Overdragen). After an exit: correct the
// exit or undo it (a reason required, kept in the change history), or a new intake (re-entry).
// Without a period: intake. The account manager is picked from the active users. The buttons sit
// in the page's button row; a form opens below the row, not inside it.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall, useCommand } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { Status } from '../../components/Card.js';
import { RecordForm } from '../../components/RecordForm.js';
import { formatDateNl, todayNl } from '../../format.js';

type Period = {
  exit_date: string | null;
  exit_reason: string | null;
  account_manager: string | null;
} | null;
type Open = 'exit' | 'intake' | 'handover' | 'correct' | 'undo' | null;

/** Active colleagues as choices (value: the user, label: the name). */
export function useColleagues(except?: string | null) {
  const { data } = useCall('users.colleagues', {});
  return (data?.items ?? []).filter((u) => u.id !== except).map((u) => ({ value: u.id, label: u.name }));
}

export function PeriodActions(props: {
  clientId: string;
  /** The client's latest caseload period (null: none yet). */
  latest: Period;
  accountManager: string | null;
  /** The other buttons of the row. */
  actions: ReactNode;
}) {
  const { t } = useTranslation();
  const call = useCommand();
  const me = useInfo().data?.user;
  const colleagues = useColleagues();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inPeriod = Boolean(props.latest && !props.latest.exit_date);
  const exited = Boolean(props.latest?.exit_date);
  // The picker starts at the current account manager, else the signed-in user.
  const current =
    colleagues.find((c) => c.label === props.accountManager)?.value ??
    colleagues.find((c) => c.value === me?.id)?.value ??
    '';
  const done = (message: string) => () => {
    setOpen(null);
    setNotice(message);
  };
  const button = (key: Exclude<Open, null>, label: string) =>
    open !== key && (
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(key);
          setNotice(null);
        }}
      >
        {label}
      </button>
    );

  return (
    <div className="no-print">
      <Status text={notice} />
      <div className="button-row">
        {inPeriod && button('exit', t('dossier.exit.title'))}
        {inPeriod && button('handover', t('dossier.handover.title'))}
        {exited && button('correct', t('dossier.exitCorrect.title'))}
        {exited && button('undo', t('dossier.exitUndo.title'))}
        {!inPeriod && button('intake', t('dossier.intake.title'))}
        {props.actions}
      </div>
      {open === 'exit' && (
        <RecordForm
          kind="clients"
          idPrefix="exit"
          title={t('dossier.exit.title')}
          fields={[
            { name: 'exit_date', required: true },
            { name: 'exit_reason', required: true },
          ]}
          initial={{ exit_date: todayNl() }}
          submitLabel={t('dossier.exit.save')}
          onSubmit={(f) =>
            call('clients.exit', {
              clientId: props.clientId,
              exit_date: f.exit_date ?? '',
              exit_reason: f.exit_reason as 'other',
            })
          }
          onDone={done(t('dossier.exit.saved'))}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'handover' && (
        <RecordForm
          kind="handover"
          idPrefix="handover"
          title={t('dossier.handover.title')}
          fields={[
            { name: 'account_manager_id', options: colleagues.filter((c) => c.label !== props.accountManager) },
            { name: 'from_date' },
            { name: 'note', multiline: true },
          ]}
          initial={{ from_date: todayNl() }}
          submitLabel={t('dossier.handover.save')}
          onSubmit={(f) =>
            call('clients.handover', {
              clientId: props.clientId,
              account_manager_id: f.account_manager_id ?? '',
              from_date: f.from_date ?? '',
              note: f.note,
            })
          }
          onDone={done(t('dossier.handover.saved'))}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'correct' && props.latest && (
        <RecordForm
          kind="exit_change"
          idPrefix="exit-correct"
          title={t('dossier.exitCorrect.title')}
          fields={[
            { name: 'exit_date', required: true },
            { name: 'exit_reason', required: true },
            { name: 'note', multiline: true },
          ]}
          initial={{
            exit_date: formatDateNl(props.latest.exit_date),
            exit_reason: props.latest.exit_reason ?? '',
          }}
          submitLabel={t('dossier.exitCorrect.save')}
          onSubmit={(f) =>
            call('clients.exitCorrect', {
              clientId: props.clientId,
              exit_date: f.exit_date ?? '',
              exit_reason: f.exit_reason as 'other',
              note: f.note ?? '',
            })
          }
          onDone={done(t('dossier.exitCorrect.saved'))}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'undo' && (
        <RecordForm
          kind="exit_change"
          idPrefix="exit-undo"
          title={t('dossier.exitUndo.title')}
          fields={[{ name: 'note', label: t('dossier.exitUndo.note'), multiline: true }]}
          submitLabel={t('dossier.exitUndo.save')}
          onSubmit={(f) => call('clients.exitUndo', { clientId: props.clientId, note: f.note ?? '' })}
          onDone={done(t('dossier.exitUndo.saved'))}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'intake' && (
        <RecordForm
          kind="clients"
          idPrefix="intake"
          title={t('dossier.intake.title')}
          fields={[
            { name: 'intake_date', required: true },
            { name: 'referrer', required: true },
            // A database without users takes a typed name.
            { name: 'account_manager', required: true, options: colleagues.length ? colleagues : undefined },
          ]}
          initial={{
            intake_date: todayNl(),
            referrer: 'social_team',
            account_manager: colleagues.length ? current : (props.accountManager ?? me?.name ?? ''),
          }}
          submitLabel={t('dossier.intake.save')}
          onSubmit={(f) =>
            call('clients.intake', {
              clientId: props.clientId,
              intake_date: f.intake_date ?? '',
              referrer: f.referrer as 'other',
              // The picker's value is the user.
              ...(colleagues.length
                ? { account_manager_id: f.account_manager ?? '' }
                : { account_manager: f.account_manager ?? '' }),
            })
          }
          onDone={done(t('dossier.intake.saved'))}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}
