// "Leveren" (issue 14): a manager or beheerder archives the report as shown - its parameters, the
// explanations of the qualitative agreements, the team settings and, when made as known on a
// moment, that moment - with a note. The archive syncs to the team (Geleverde rapportages).
import { useState } from 'react';
import type { ReportName, ReportParams } from '../../../db/model/reports.js';
import { hrefOf } from '../../stores/route.js';
import { useMust } from '../../data/hooks.js';
import { T } from '../../i18n/reports.js';

export function DeliverPanel(props: { name: ReportName; params: ReportParams; asKnownOn?: string }) {
  const must = useMust();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);

  const deliver = async () => {
    setBusy(true);
    setMsg(null);
    try {
      await must('reports.deliver', {
        name: props.name,
        params: props.params,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(props.asKnownOn ? { asKnownOn: props.asKnownOn } : {}),
      });
      setMsg({ text: T.delivered, error: false });
      setOpen(false);
      setNote('');
    } catch (e) {
      setMsg({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="deliver-panel no-print">
      {!open && (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {T.deliver}
        </button>
      )}
      {open && (
        <form
          className="card"
          aria-labelledby="deliver-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void deliver();
          }}
        >
          <h3 id="deliver-title">{T.deliverTitle}</h3>
          <p className="muted">{T.deliverText}</p>
          <div className="field">
            <label htmlFor="deliver-note">{T.deliverNote}</label>
            <textarea
              id="deliver-note"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? T.delivering : T.deliverGo}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {T.deliverCancel}
            </button>
          </div>
        </form>
      )}
      {msg && (
        <p role={msg.error ? 'alert' : 'status'} className={msg.error ? 'notice warning' : 'notice success'}>
          {msg.text} {!msg.error && <a href={hrefOf('rapportages', 'geleverd')}>{T.archive}</a>}
        </p>
      )}
    </div>
  );
}
