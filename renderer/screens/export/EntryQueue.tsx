// The queue "nog in te voeren in WBS / GWS4all": records new or changed since their last
// delivery, filtered by kind and by account manager, with counts per account manager.
import { useState } from 'react';
import type { Output } from '../../../db/api/contract.js';
import { useCall } from '../../data/hooks.js';
import { EntryPanel } from './EntryPanel.js';
import { T } from '../../i18n/export.js';

type Queue = Output<'exports.queue'>;
type Item = Queue['items'][number];
type Kind = Item['kind'];

export function EntryQueue(props: { target: Queue['target']; targetLabel: string }) {
  const { target } = props;
  const [kind, setKind] = useState<Kind | ''>('');
  const [owner, setOwner] = useState('');
  const [limit, setLimit] = useState(100);
  const q = useCall('exports.queue', { target, limit, ...(kind ? { kind } : {}), ...(owner ? { owner } : {}) });
  const queue: Queue | null = q.data;
  const error = q.error;
  const [opened, setOpen] = useState<{ target: string; item: Item } | null>(null);
  // The open panel belongs to the target it was opened for.
  const open = opened?.target === target ? opened.item : null;
  const load = q.reload;

  return (
    <div className="entry-queue">
      <h2>{T.queueTitle(props.targetLabel)}</h2>
      {error && (
        <div role="alert" className="error-text">
          {error}
        </div>
      )}
      {queue && (
        <>
          <div className="filters">
            <select aria-label="Soort" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
              <option value="">
                {T.allKinds} ({queue.byKind.reduce((n, k) => n + k.count, 0)})
              </option>
              {queue.byKind.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {T.kind[k.kind]} ({k.count})
                </option>
              ))}
            </select>
            <select aria-label={T.owner} value={owner} onChange={(e) => setOwner(e.target.value)}>
              <option value="">{T.allOwners}</option>
              {queue.byOwner.map((o) => (
                <option key={o.owner} value={o.owner}>
                  {o.owner} ({o.count})
                </option>
              ))}
            </select>
          </div>
          <div className="export-queue-layout">
            <div>
              {queue.total === 0 ? (
                <p>{T.queueEmpty}</p>
              ) : (
                <ul className="queue-items" aria-label={T.queueTitle(props.targetLabel)}>
                  {queue.items.map((i) => (
                    <li key={`${i.kind}:${i.id}`}>
                      <button
                        type="button"
                        className="button"
                        onClick={() => setOpen({ target, item: i })}
                        aria-current={open?.id === i.id}
                      >
                        <strong>{i.ref}</strong> {i.label} <span className="kind">{T.kind[i.kind]}</span>{' '}
                        <span className={`badge ${i.status}`}>
                          {i.status === 'new' ? T.statusNew : T.statusChanged}
                        </span>
                        {i.changed.length > 0 && (
                          <span className="changed">
                            {' '}
                            {T.changedFields}: {i.changed.join(', ')}
                          </span>
                        )}
                        {i.problems > 0 && <span className="problem"> {T.problems(i.problems)}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              {queue.items.length < queue.total && (
                <button type="button" className="button" onClick={() => setLimit(limit + 100)}>
                  {T.more}
                </button>
              )}
            </div>
            {open && (
              <EntryPanel
                key={`${open.kind}:${open.id}`}
                target={target}
                kind={open.kind}
                id={open.id}
                onEntered={load}
                onClose={() => setOpen(null)}
              />
            )}
          </div>
        </>
      )}
    </div>
  );
}
