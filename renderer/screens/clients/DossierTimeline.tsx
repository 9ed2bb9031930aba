// The dossier: one timeline of intake, contacts, activities, matches, placements, exports, exit
// and changes (dossier.timeline, newest first, keyset paged), with a filter on kind; and the
// change history of the client record from the journal (audit.history: who, what, when, laptop).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateNl } from '../../format.js';
import { formatMomentNl } from '../../../db/model/calendar.js';
import { CODE_LISTS } from '../../../db/model/codes.js';
import { ENTITIES } from '../../../db/model/entities.js';
import { Card, MoreButton } from '../../components/Card.js';
import { usePagedCall } from '../../data/hooks.js';

const KINDS = ['intake', 'contact', 'activity', 'match', 'placement', 'measure', 'export', 'exit', 'change'] as const;
type Kind = (typeof KINDS)[number];

function show(v: unknown, field?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  // Fields named after their code list (exit_reason, referrer, gender, ...) show the Dutch label.
  const list = field ? (CODE_LISTS as Record<string, Record<string, string>>)[field] : undefined;
  if (list && typeof v === 'string' && list[v]) return list[v];
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateNl(v);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

/** Links between records (client_id, ...) hold internal ids: people read the record itself. */
function isLink(entity: string, field: string): boolean {
  const fields = (ENTITIES as Record<string, { fields: Record<string, { type: string }> }>)[entity]?.fields;
  return fields?.[field]?.type === 'ref';
}

export function DossierTimeline(props: { clientId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | ''>('');
  const list = usePagedCall(
    'dossier.timeline',
    { clientId: props.clientId, kinds: kind ? [kind] : null, limit: 30, after: null },
    (o) => o,
  );
  return (
    <Card
      id="timeline-title"
      title={t('dossier.title')}
      actions={
        <div className="field">
          <label htmlFor="timeline-kind">{t('dossier.filter')}</label>
          <select id="timeline-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind | '')}>
            <option value="">{t('dossier.allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`dossier.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      {list.items.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <ul className="timeline">
          {list.items.map((i) => (
            <li key={`${i.entity}:${i.id}:${i.rank}:${i.date}`}>
              <span>{formatDateNl(i.date)}</span>
              <span className="badge badge-out">{t(`dossier.kind.${i.kind}`)}</span>
              <span>
                <strong>{i.title}</strong>
                {i.detail ? ` — ${i.detail}` : ''}
                {i.by ? <span className="muted"> ({i.by})</span> : null}
                {i.fields && i.fields.length > 0 && (
                  <span className="muted">
                    {' '}
                    {i.fields
                      .filter((f) => !isLink(i.entity, f.field))
                      .map((f) => `${f.label}: ${show(f.new, f.field)}`)
                      .join('; ')}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <MoreButton next={list.next} onMore={list.more} />
    </Card>
  );
}

export function ChangeHistory(props: { entity: 'client' | 'employer' | 'vacancy'; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      id={`history-${props.entity}-title`}
      title={t('dossier.history.title')}
      actions={
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('dossier.history.hide') : t('dossier.history.show')}
        </button>
      }
    >
      {open && <HistoryTable entity={props.entity} id={props.id} />}
    </Card>
  );
}

function HistoryTable(props: { entity: 'client' | 'employer' | 'vacancy'; id: string }) {
  const { t } = useTranslation();
  const list = usePagedCall('audit.history', { entity: props.entity, id: props.id, limit: 50, after: null }, (o) => o);
  return (
    <>
      {list.error && (
        <p role="alert" className="error-text">
          {list.error}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('dossier.history.when')}</th>
            <th scope="col">{t('dossier.history.who')}</th>
            <th scope="col">{t('dossier.history.laptop')}</th>
            <th scope="col">{t('dossier.history.field')}</th>
            <th scope="col">{t('dossier.history.old')}</th>
            <th scope="col">{t('dossier.history.new')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items
            .filter((h) => !isLink(props.entity, h.field))
            .map((h) => (
              <tr key={`${h.seq}:${h.field}`}>
                <td>{formatMomentNl(h.at)}</td>
                <td>{h.userName ?? h.user}</td>
                <td>{h.deviceName ?? '—'}</td>
                <td>{h.label}</td>
                <td>{show(h.old, h.field)}</td>
                <td>{show(h.new, h.field)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <MoreButton next={list.next} onMore={list.more} />
    </>
  );
}
