// Handing a whole caseload to a colleague (#/mijn-werk/overdracht[/<name>]): from one account
// manager to another from a date, with a note; every client's period history keeps it. Managers
// and beheerders choose whose caseload; an account manager hands over their own. "Caseload per
// klantmanager" (Rapportages) links here with the manager's name filled in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { Card, Status } from '../../components/Card.js';
import { RecordForm } from '../../components/RecordForm.js';
import { hrefOf } from '../../stores/route.js';
import { todayNl } from '../../format.js';
import { useColleagues } from '../clients/PeriodActions.js';

export function CaseloadHandover(props: { from?: string }) {
  const { t } = useTranslation();
  const call = useCommand();
  const me = useInfo().data?.user;
  const colleagues = useColleagues();
  const [notice, setNotice] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const own = me?.role === 'klantmanager';
  const fromChoices = own ? colleagues.filter((c) => c.value === me?.id) : colleagues;
  const preset = own ? me?.id : colleagues.find((c) => c.label === props.from)?.value;
  return (
    <section aria-labelledby="handover-title" className="screen narrow">
      <h1 id="handover-title">{t('handover.title')}</h1>
      <p className="muted">{t('handover.intro')}</p>
      <Status text={notice} />
      <Card id="caseload-handover-card" title={t('handover.form')}>
        {colleagues.length > 0 && (
          <RecordForm
            key={`${round}-${preset ?? ''}`}
            kind="handover"
            idPrefix="caseload-handover"
            title={t('handover.form')}
            fields={[
              { name: 'from_user_id', options: fromChoices },
              { name: 'account_manager_id', options: colleagues },
              { name: 'from_date' },
              { name: 'note', multiline: true },
            ]}
            initial={{ from_user_id: preset ?? '', from_date: todayNl() }}
            submitLabel={t('handover.save')}
            onSubmit={async (f) => {
              const r = await call('caseload.handover', {
                from_user_id: f.from_user_id ?? '',
                to_user_id: f.account_manager_id ?? '',
                from_date: f.from_date ?? '',
                note: f.note,
              });
              if (r.ok) setNotice(t('handover.saved', { count: r.value.count }));
              else if (r.error.field === 'to_user_id')
                return { ...r, error: { ...r.error, field: 'account_manager_id' } };
              return r;
            }}
            onDone={() => setRound(round + 1)}
            onCancel={() => window.history.back()}
          />
        )}
      </Card>
      <p>
        <a href={hrefOf('mijn-werk')}>{t('handover.back')}</a>
      </p>
    </section>
  );
}
