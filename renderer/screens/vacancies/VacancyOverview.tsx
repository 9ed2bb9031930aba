// The printable overview of all open vacancies for a client, best fitting first (the seed's job
// seekers asked for a periodic overview). Printing hides the app frame (work.css @media print);
// in Electron it is saved as PDF, in the browser it goes through the print dialog.
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../stores/route.js';
import { codeLabel, formatDateNl, formatNumber } from '../../format.js';
import { useCall } from '../../data/hooks.js';
import { usePrint } from '../../data/provider.js';

export function VacancyOverview(props: { clientId: string }) {
  const { t } = useTranslation();
  const printPage = usePrint();
  const { data, error } = useCall('vacancies.overviewForClient', { clientId: props.clientId });
  if (error)
    return (
      <section className="screen">
        <h1>{t('vacancies.overview.title')}</h1>
        <p role="alert" className="error-text">
          {error}
        </p>
      </section>
    );
  if (!data) return <p>{t('app.loading')}</p>;
  const print = () => {
    printPage(`vacatures-${data.client.ref}`);
  };
  return (
    <section aria-labelledby="overview-title" className="screen narrow">
      <p className="no-print">
        <a href={hrefOf('klanten', props.clientId)}>{t('vacancies.overview.back')}</a>
      </p>
      <div className="screen-head">
        <h1 id="overview-title">{t('vacancies.overview.title')}</h1>
        <button type="button" className="button primary no-print" onClick={print}>
          {t('vacancies.overview.print')}
        </button>
      </div>
      <p>
        {t('vacancies.overview.intro', { name: data.client.name, date: formatDateNl(data.asOf), count: data.total })}
      </p>
      {data.accountManager && <p className="muted">{t('vacancies.overview.contact', { name: data.accountManager })}</p>}
      {data.items.length === 0 ? (
        <p className="muted">{t('vacancies.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('vacancies.col.title')}</th>
              <th scope="col">{t('vacancies.col.employer')}</th>
              <th scope="col">{t('vacancies.col.city')}</th>
              <th scope="col" className="num">
                {t('vacancies.col.hours')}
              </th>
              <th scope="col">{t('vacancies.fields.contract_kind')}</th>
              <th scope="col">{t('vacancies.fields.closing_date')}</th>
              <th scope="col">{t('vacancies.overview.fit')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((v) => (
              <tr key={v.vacancyId}>
                <td>
                  <strong>{v.title}</strong>
                  {v.description && (
                    <>
                      <br />
                      <span className="muted">{v.description}</span>
                    </>
                  )}
                </td>
                <td>{v.employer ?? ''}</td>
                <td>{v.city ?? ''}</td>
                <td className="num">
                  {v.hours_min !== null && v.hours_min !== v.hours_per_week ? `${formatNumber(v.hours_min)}–` : ''}
                  {formatNumber(v.hours_per_week)}
                </td>
                <td>{codeLabel('contract_kind', v.contract_kind)}</td>
                <td>{formatDateNl(v.closing_date)}</td>
                <td>{v.fits ? t('vacancies.overview.fits') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
