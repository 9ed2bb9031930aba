// The daily-work part of a client's page: exit or (re-)intake, activities, contacts, ranked
// vacancies and the printable overview for the client, the dossier timeline and the change history.
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import type { Output } from '../../../db/api/contract.js';
import { PeriodActions } from './PeriodActions.js';
import { ClientActivities, ContactLog } from './ClientActivities.js';
import { ChangeHistory, DossierTimeline } from './DossierTimeline.js';
import { ClientVacancies } from './ClientVacancies.js';

export function ClientWork(props: { client: Output<'clients.get'> }) {
  const { t } = useTranslation();
  const c = props.client;
  const open = c.periods.find((p) => !p.exit_date) ?? null;
  const last = c.periods.at(-1) ?? null;
  return (
    <>
      <PeriodActions
        clientId={c.id}
        latest={c.periods[0] ?? null}
        accountManager={(open ?? last)?.account_manager ?? null}
        actions={
          <>
            <a className="button" href={hrefOf('klanten', c.id, 'wijzigen')}>
              {t('dossier.editClient')}
            </a>
            <a className="button" href={hrefOf('vacatures', 'overzicht', c.id)}>
              {t('dossier.overview')}
            </a>
          </>
        }
      />
      <ClientActivities clientId={c.id} />
      <ContactLog party={{ clientId: c.id }} idPrefix="client" />
      {c.inCaseload && <ClientVacancies clientId={c.id} />}
      <DossierTimeline clientId={c.id} />
      <ChangeHistory entity="client" id={c.id} />
    </>
  );
}
