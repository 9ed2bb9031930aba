// One record to type into WBS or GWS4all: the target's fields in its screen order, formatted as
// the target wants them, each with a copy button; changed fields marked; "Ingevoerd" stores the
// target's own id and what was delivered.
import { useState } from 'react';
import type { Output } from '../../../db/api/contract.js';
import { useCall, useMust } from '../../data/hooks.js';
import { T, formatTimestamp } from '../../i18n/export.js';

type Panel = Output<'exports.entry'>;
type Target = Panel['target'];

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without clipboard permission: a hidden textarea and the older copy command.
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

export function EntryPanel(props: {
  target: Target;
  kind: Panel['kind'];
  id: string;
  onEntered(): void;
  onClose(): void;
}) {
  const { target, kind, id } = props;
  const must = useMust();
  const q = useCall('exports.entry', { target, kind, id });
  const panel: Panel | null = q.data;
  const [typed, setTargetId] = useState<string | null>(null);
  const targetId = typed ?? panel?.targetId ?? '';
  const [copied, setCopied] = useState<string | null>(null);
  const [enterError, setError] = useState<string | null>(null);
  const error = enterError ?? q.error;

  async function enter() {
    try {
      await must('exports.markEntered', { target, kind, id, targetId });
      q.reload();
      props.onEntered();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (error)
    return (
      <div role="alert" className="error-text">
        {error}
      </div>
    );
  if (!panel) return null;
  return (
    <section className="card entry-panel" aria-label={`${panel.ref} invoeren`}>
      <header>
        <h3>
          {panel.ref}: {panel.label}
        </h3>
        <span className={`badge ${panel.status}`}>
          {panel.status === 'new' ? T.statusNew : panel.status === 'changed' ? T.statusChanged : T.statusUnchanged}
        </span>
        <button type="button" className="button" onClick={props.onClose}>
          {T.close}
        </button>
      </header>
      <p className="muted">
        {T.panelHint} ({panel.profile.name}, versie {panel.profile.version})
      </p>
      <table className="table entry-fields">
        <tbody>
          {panel.fields.map((f) => (
            <tr key={f.id} data-field={f.id} className={f.changed ? 'changed' : undefined}>
              <th scope="row">
                {f.label}
                {f.changed && <em> ({T.changedSinceEntry})</em>}
              </th>
              <td>
                <output aria-label={f.label}>{f.value}</output>
                {f.problem && <div className="problem">{f.problem}</div>}
                {f.note && <div className="note">{f.note}</div>}
              </td>
              <td>
                {f.value !== '' && (
                  <button
                    type="button"
                    className="button"
                    aria-label={`${T.copy} ${f.label}`}
                    onClick={() => void copyText(f.value).then(() => setCopied(f.id))}
                  >
                    {copied === f.id ? T.copied : T.copy}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer>
        {panel.targetIdLabel && (
          <label>
            {panel.targetIdLabel}
            <input value={targetId} onChange={(e) => setTargetId(e.target.value)} aria-label={panel.targetIdLabel} />
          </label>
        )}
        <button type="button" className="button primary" onClick={() => void enter()}>
          {T.markEntered}
        </button>
        {panel.deliveredAt && <span className="delivered">{T.entered(formatTimestamp(panel.deliveredAt))}</span>}
      </footer>
    </section>
  );
}
