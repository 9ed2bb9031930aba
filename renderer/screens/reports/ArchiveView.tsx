// Geleverde rapportages (issue 14): every delivered report with its parameters in words, who
// delivered it when, and its fingerprint; "Controleren" makes it again as known at delivery
// (archive.verify), "Wat is er sindsdien veranderd" lists per figure the records that came in or
// went out since, with who changed what and when (archive.changes). Names and refs, never ids.
import { useState } from 'react';
import type { Output } from '../../../db/api/contract.js';
import type { ReportParams } from '../../../db/model/reports.js';
import { formatDateNl } from '../../../db/model/calendar.js';
import { CODE_LISTS, type CodeListName } from '../../../db/model/codes.js';
import { useCall, useMust } from '../../data/hooks.js';
import { entityLabel, fieldLabel, showTime, showValue } from '../../i18n/sync.js';
import { T } from '../../i18n/reports.js';

type Delivery = Output<'archive.list'>[number];
type Verified = Output<'archive.verify'>;
type Changes = Output<'archive.changes'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_FIELDS: Record<string, CodeListName> = {
  exit_reason: 'exit_reason',
  referrer: 'referrer',
  'activity.kind': 'activity_kind',
  'placement.kind': 'placement_kind',
};

function codeText(list: CodeListName, code: string): string {
  return (CODE_LISTS[list] as Record<string, string>)[code] ?? code;
}

/** The parameters in words: "01-01-2026 t/m 30-06-2026 · peildatum ... · verwijzer Gemeente Urk". */
export function paramsInWords(p: ReportParams, today: string): string {
  const parts: string[] = [];
  if (p.from || p.to) parts.push(T.paramFrom(formatDateNl(p.from ?? ''), formatDateNl(p.to ?? '')));
  if (p.as_of) parts.push(T.paramAsOf(formatDateNl(p.as_of)));
  if (p.target_percent !== undefined) parts.push(T.paramPercent(String(p.target_percent).replace('.', ',')));
  if (p.norm !== undefined) parts.push(T.paramNorm(p.norm));
  if (p.interval_days !== undefined) parts.push(T.paramInterval(p.interval_days));
  if (p.account_manager) parts.push(T.paramManager(p.account_manager));
  if (p.target_group) parts.push(T.paramGroup(codeText('target_group', p.target_group)));
  if (p.referrer)
    parts.push(
      T.paramReferrer(
        [p.referrer]
          .flat()
          .map((c) => codeText('referrer', c))
          .join(', '),
      ),
    );
  const explained = Object.keys(p.explanations ?? {});
  if (explained.length) parts.push(T.paramExplained(explained.join(', ')));
  if (!parts.length) parts.push(T.paramDefaults(formatDateNl(today)));
  return parts.join(' · ');
}

function valueText(entity: string, field: string, value: unknown): string {
  if (typeof value === 'string' && UUID.test(value)) return T.reference;
  const list = CODE_FIELDS[field] ?? CODE_FIELDS[`${entity}.${field}`];
  if (list && typeof value === 'string') return codeText(list, value);
  return showValue(value);
}

function ChangesList(props: { changes: Changes; userName(id: string): string }) {
  if (!props.changes.length) return <p>{T.changesNone}</p>;
  const refList = (title: string, items: Changes[number]['added']) =>
    items.length > 0 && (
      <>
        <h4>{title}</h4>
        <ul>
          {items.map((r) => (
            <li key={r.ref}>
              <strong>{r.ref}</strong>
              {r.changes.length === 0 ? (
                <span className="muted"> – {T.changesNoHistory}</span>
              ) : (
                <ul>
                  {r.changes.map((c, i) => (
                    <li key={i}>
                      {T.changeLine(
                        `${entityLabel(c.entity)}: ${fieldLabel(c.entity, c.field)}`,
                        valueText(c.entity, c.field, c.value),
                        props.userName(c.user),
                        showTime(c.at),
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <ul className="archive-changes">
      {props.changes.map((f) => (
        <li key={f.figure}>
          <h3>{T.changesFigure(f.label ?? f.figure, f.delivered, f.now)}</h3>
          {refList(T.changesAdded, f.added)}
          {refList(T.changesRemoved, f.removed)}
        </li>
      ))}
    </ul>
  );
}

export function ArchiveView() {
  const must = useMust();
  const list = useCall('archive.list', {});
  const catalog = useCall('reports.list', {}).data ?? [];
  const users = useCall('session.users', {}).data?.items ?? [];
  const [verified, setVerified] = useState<Record<string, Verified | 'busy'>>({});
  const [changes, setChanges] = useState<Record<string, Changes | 'busy'>>({});
  const [error, setError] = useState<string | null>(null);

  const titleOf = (d: Delivery) => catalog.find((c) => c.name === d.name)?.title ?? d.name;
  const userName = (id: string) => users.find((u) => u.id === id)?.display_name ?? (UUID.test(id) ? T.unknownUser : id);
  const whatOf = (d: Delivery) => `${titleOf(d)} (${showTime(d.delivered_at)})`;

  const verify = async (d: Delivery) => {
    setError(null);
    setVerified((v) => ({ ...v, [d.id]: 'busy' }));
    try {
      const r = await must('archive.verify', { id: d.id });
      setVerified((v) => ({ ...v, [d.id]: r }));
    } catch (e) {
      setVerified(({ [d.id]: _gone, ...rest }) => rest);
      setError((e as Error).message);
    }
  };
  const explain = async (d: Delivery) => {
    setError(null);
    setChanges((c) => ({ ...c, [d.id]: 'busy' }));
    try {
      const r = await must('archive.changes', { id: d.id });
      setChanges((c) => ({ ...c, [d.id]: r }));
    } catch (e) {
      setChanges(({ [d.id]: _gone, ...rest }) => rest);
      setError((e as Error).message);
    }
  };

  const items = list.data ?? [];
  return (
    <section className="archive-view" aria-labelledby="archive-title">
      <h2 id="archive-title" className="report-title">
        {T.archive}
      </h2>
      <p className="muted">{T.archiveText}</p>
      {(error ?? list.error) && (
        <p role="alert" className="error-text">
          {error ?? list.error}
        </p>
      )}
      {list.data && items.length === 0 && <p>{T.archiveEmpty}</p>}
      {items.length > 0 && (
        <table className="table archive-table">
          <caption className="visually-hidden">{T.archive}</caption>
          <thead>
            <tr>
              <th scope="col">{T.colReport}</th>
              <th scope="col">{T.colParams}</th>
              <th scope="col">{T.colKnownOn}</th>
              <th scope="col">{T.colMoment}</th>
              <th scope="col">{T.colHash}</th>
              <th scope="col">{T.colActions}</th>
            </tr>
          </thead>
          <tbody>
            {[...items].reverse().map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {titleOf(d)}
                  {d.note && <span className="archive-note">{T.noteLine(d.note)}</span>}
                </th>
                <td>{paramsInWords(d.params, d.today)}</td>
                <td className="nowrap">{d.known_on ? showTime(d.known_on) : T.atDelivery}</td>
                <td>
                  <span className="nowrap">{showTime(d.delivered_at)}</span> {T.byLine(userName(d.by))}
                </td>
                <td>
                  <code>{d.sha256.slice(0, 12)}</code>
                </td>
                <td>
                  <div className="archive-actions">
                    <button
                      type="button"
                      className="button"
                      aria-label={T.verifyOf(whatOf(d))}
                      disabled={verified[d.id] === 'busy'}
                      onClick={() => void verify(d)}
                    >
                      {verified[d.id] === 'busy' ? T.verifying : T.verify}
                    </button>
                    <button
                      type="button"
                      className="button"
                      aria-label={T.changesOf(whatOf(d))}
                      disabled={changes[d.id] === 'busy'}
                      onClick={() => void explain(d)}
                    >
                      {T.changes}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {items.map((d) => {
        const v = verified[d.id];
        const c = changes[d.id];
        if ((!v || v === 'busy') && (!c || c === 'busy')) return null;
        return (
          <section key={d.id} className="card archive-result" aria-label={whatOf(d)}>
            <h3>{whatOf(d)}</h3>
            {v && v !== 'busy' && (
              <div role="status" className={v.identical ? 'notice success' : 'notice warning'}>
                <p>{v.identical ? T.reproduced(titleOf(d)) : T.notReproduced(titleOf(d))}</p>
                {v.differences.length > 0 && (
                  <ul>
                    {v.differences.map((x) => (
                      <li key={x.figure}>{T.difference(x.label ?? x.figure, x.delivered, x.now)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {c && c !== 'busy' && (
              <>
                <h3>{T.changes}</h3>
                <ChangesList changes={c} userName={userName} />
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
