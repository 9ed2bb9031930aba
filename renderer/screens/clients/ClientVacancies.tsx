// For a client: open vacancies ranked by the explained match score, with "Voordragen", and the
// client's matches (voordrachten) with their pipeline status.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { hrefOf } from '../../stores/route.js';
import { formatNumber } from '../../format.js';
import { Card, MoreButton, Status } from '../../components/Card.js';
import { codeLabel } from '../../format.js';
import { usePagedCall } from '../../data/hooks.js';

export function ClientVacancies(props: { clientId: string }) {
  const { t } = useTranslation();
  const call = useCommand();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const list = usePagedCall('matching.vacancies', { clientId: props.clientId, limit: 10, after: null }, (o) => o);
  const propose = async (vacancyId: string, title: string) => {
    const r = await call('matches.propose', { vacancyId, clientId: props.clientId });
    setNotice(
      r.ok
        ? { text: t('dossier.vacancies.proposed', { title }), error: false }
        : { text: r.error.message, error: true },
    );
  };
  return (
    <Card id="client-vacancies-title" title={t('dossier.vacancies.title')}>
      {notice && <Status text={notice.text} error={notice.error} />}
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('vacancies.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('vacancies.col.score')}
              </th>
              <th scope="col">{t('vacancies.col.title')}</th>
              <th scope="col">{t('vacancies.col.why')}</th>
              <th scope="col">{t('vacancies.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((v) => (
              <tr key={v.vacancyId}>
                <td className="num score">{formatNumber(v.score)}</td>
                <td>
                  <a href={hrefOf('vacatures', v.vacancyId)}>{v.title}</a>
                  <br />
                  <span className="muted">{[v.employer, v.city].filter(Boolean).join(' · ')}</span>
                </td>
                <td>
                  <ul className="explain">
                    {v.components.map((k) => (
                      <li key={k.key}>
                        {k.label}: {formatNumber(k.points)}/{formatNumber(k.weight)} — {k.explanation}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {v.matchStatus ? (
                    codeLabel('match_status', v.matchStatus)
                  ) : (
                    <button type="button" className="button small" onClick={() => void propose(v.vacancyId, v.title)}>
                      {t('vacancies.propose')}
                      <span className="visually-hidden"> {v.title}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton next={list.next} onMore={list.more} />
    </Card>
  );
}
