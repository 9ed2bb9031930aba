// "Inzageverzoek (AVG)": the client's own file (AVG art. 15) as PDF, a printable page or JSON,
// made by the backend (clients.ownFile) and audited there. Shown to a beheerder and to the
// client's own account manager; the server decides again on every request.
import { useState } from 'react';
import { useInfo } from '../../data/info.js';
import { useMust } from '../../data/hooks.js';
import { download } from '../../data/download.js';
import { L } from '../../i18n/lists.js';
import { Status } from '../../components/Card.js';

export function OwnFile(props: { clientId: string; accountManager: string | null }) {
  const user = useInfo().data?.user ?? null;
  const must = useMust();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const allowed =
    !!user &&
    (user.role === 'beheerder' || (!!props.accountManager && props.accountManager.trim() === user.name.trim()));
  if (!allowed) return null;
  const make = async (format: 'pdf' | 'html' | 'json') => {
    setBusy(true);
    setMessage(null);
    try {
      const f = await must('clients.ownFile', { clientId: props.clientId, format });
      download(f.filename, f.mime, f.base64);
      setMessage({ text: L.ownFile.done(f.filename), error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="own-file">
      <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {L.ownFile.button}
      </button>
      {open && (
        <section className="card" aria-labelledby="own-file-title">
          <h2 id="own-file-title">{L.ownFile.title}</h2>
          <p>{L.ownFile.text}</p>
          <div className="button-row">
            <button type="button" className="button primary" disabled={busy} onClick={() => void make('pdf')}>
              {L.ownFile.pdf}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void make('html')}>
              {L.ownFile.html}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void make('json')}>
              {L.ownFile.json}
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {L.ownFile.close}
            </button>
          </div>
          <Status text={message?.text ?? null} error={message?.error} />
        </section>
      )}
    </div>
  );
}
