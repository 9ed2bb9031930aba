// The records one figure counts: the clients (with the caseload period the figure is about) or
// the employers, a page at a time. A client's ref opens the client.
import { useState } from 'react';
import type { ReportName, ReportParams, ReportRecord } from '../../../db/model/reports.js';
import { formatDateNl } from '../../../db/model/calendar.js';
import { labelOf } from '../../../db/model/codes.js';
import { hrefOf } from '../../stores/route.js';
import { useCall } from '../../data/hooks.js';
import { T } from '../../i18n/reports.js';

const PAGE = 200;

export function RecordList(props: {
  name: ReportName;
  params: ReportParams;
  figure: string;
  /** The report is made as known on this moment: so are its records. */
  asKnownOn?: string;
  onClose(): void;
}) {
  // Reload when the figure, the report or its parameters change; "Meer tonen" asks for more.
  const key = `${props.name}|${props.figure}|${JSON.stringify(props.params)}|${props.asKnownOn ?? ''}`;
  const [shown, setShown] = useState({ key, limit: PAGE });
  const limit = shown.key === key ? shown.limit : PAGE;
  const q = useCall('reports.records', {
    name: props.name,
    params: props.params,
    figure: props.figure,
    offset: 0,
    limit,
    ...(props.asKnownOn ? { asKnownOn: props.asKnownOn } : {}),
  });
  const label = q.data?.label ?? '';
  const total = q.data?.total ?? 0;
  const records: ReportRecord[] = q.data?.records ?? [];
  const error = q.error;

  const employers = records.length > 0 && records[0]!.kind === 'employer';
  return (
    <section className="record-list card" aria-live="polite" aria-labelledby="record-list-title">
      <div className="screen-head">
        <h2 id="record-list-title">{label ? T.records(label, total) : '…'}</h2>
        <button type="button" className="button" onClick={props.onClose}>
          {T.recordsClose}
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!error && label && total === 0 && <p className="muted">{T.recordsEmpty}</p>}
      {records.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{T.colRef}</th>
              <th scope="col">{T.colName}</th>
              {employers ? (
                <>
                  <th scope="col">{T.colSince}</th>
                  <th scope="col">{T.colLastContact}</th>
                </>
              ) : (
                <>
                  <th scope="col">{T.colManager}</th>
                  <th scope="col">{T.colIntake}</th>
                  <th scope="col">{T.colReferrer}</th>
                  <th scope="col">{T.colExit}</th>
                  <th scope="col">{T.colReason}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {records.map((r, i) => (
              <tr key={`${r.id}-${i}`}>
                <td>{r.kind === 'client' ? <a href={hrefOf('klanten', r.id)}>{r.ref}</a> : r.ref}</td>
                <td>{r.name}</td>
                {employers ? (
                  <>
                    <td>{formatDateNl(r.exceptional_since)}</td>
                    <td>{r.last_contact ? formatDateNl(r.last_contact) : T.never}</td>
                  </>
                ) : (
                  <>
                    <td>{r.account_manager ?? ''}</td>
                    <td>{formatDateNl(r.intake_date)}</td>
                    <td>{r.referrer ? labelOf('referrer', r.referrer) : ''}</td>
                    <td>{formatDateNl(r.exit_date)}</td>
                    <td>{r.exit_reason ? labelOf('exit_reason', r.exit_reason) : ''}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {records.length < total && (
        <button type="button" className="button" onClick={() => setShown({ key, limit: limit + PAGE })}>
          {T.recordsMore}
        </button>
      )}
    </section>
  );
}
