// Maatregelen in the client's dossier: the list, register one, end one, correct one. Who may
// write follows the contract (measures.save); the reason is personal data and comes masked for
// roles without need to know (db/model/access.ts).
import { useState } from 'react';
import { useCall, useCommand } from '../../data/hooks.js';
import { useMay } from '../../access.js';
import { Card, Status } from '../../components/Card.js';
import { RecordForm } from '../../components/RecordForm.js';
import { codeLabel, formatDateNl } from '../../format.js';
import { M } from '../../i18n/lists.js';
import type { Output } from '../../../db/api/contract.js';
import { MASK } from '../../../db/model/access.js';

type Measure = Output<'measures.list'>['items'][number];
type Kind = 'warning' | 'reduction' | 'other';

export function ClientMeasures(props: { clientId: string }) {
  const q = useCall('measures.list', { clientId: props.clientId });
  const call = useCommand();
  const mayWrite = useMay('measures.save');
  const [mode, setMode] = useState<{ kind: 'add' } | { kind: 'end' | 'edit'; measure: Measure } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = q.data?.items ?? [];
  const save = async (values: Partial<Record<string, string>>, id?: string, base?: Measure) => {
    const r = await call('measures.save', {
      clientId: props.clientId,
      ...(id ? { id } : {}),
      date: values.date ?? base?.date ?? '',
      kind: (values.kind ?? base?.kind) as Kind,
      reason: values.reason !== undefined ? values.reason || null : undefined,
      end_date: values.end_date !== undefined ? values.end_date || null : undefined,
    });
    if (r.ok) q.reload();
    return r;
  };
  const label = (m: Measure) => codeLabel('measure_kind', m.kind);
  return (
    <Card
      id="client-measures"
      title={M.title}
      actions={
        mayWrite && !mode ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setMode({ kind: 'add' });
              setNotice(null);
            }}
          >
            {M.add}
          </button>
        ) : undefined
      }
    >
      <Status text={notice} />
      {mode?.kind === 'add' && (
        <RecordForm
          kind="measures"
          idPrefix="measure-new"
          title={M.add}
          fields={[{ name: 'date' }, { name: 'kind' }, { name: 'reason', multiline: true }, { name: 'end_date' }]}
          submitLabel={M.save}
          onSubmit={(v) => save(v)}
          onDone={() => {
            setMode(null);
            setNotice(M.saved);
          }}
          onCancel={() => setMode(null)}
        />
      )}
      {mode && mode.kind !== 'add' && (
        <RecordForm
          key={`${mode.kind}-${mode.measure.id}`}
          kind="measures"
          idPrefix={`measure-${mode.kind}`}
          title={
            mode.kind === 'end'
              ? M.endOne(label(mode.measure), formatDateNl(mode.measure.date))
              : M.edit(label(mode.measure), formatDateNl(mode.measure.date))
          }
          fields={
            mode.kind === 'end'
              ? [{ name: 'end_date', required: true }]
              : [
                  { name: 'date' },
                  { name: 'kind' },
                  // A reason this role sees masked is not offered for correction.
                  ...(mode.measure.reason === MASK ? [] : [{ name: 'reason', multiline: true }]),
                  { name: 'end_date' },
                ]
          }
          record={mode.measure as unknown as Record<string, unknown>}
          submitLabel={mode.kind === 'end' ? M.endSave : M.save}
          onSubmit={(v) => save(v, mode.measure.id, mode.measure)}
          onDone={() => {
            setNotice(mode.kind === 'end' ? M.ended : M.updated);
            setMode(null);
          }}
          onCancel={() => setMode(null)}
        />
      )}
      {q.error && (
        <p role="alert" className="error-text">
          {q.error}
        </p>
      )}
      {items.length === 0 ? (
        <p className="muted">{M.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{M.col.date}</th>
              <th scope="col">{M.col.kind}</th>
              <th scope="col">{M.col.reason}</th>
              <th scope="col">{M.col.end}</th>
              {mayWrite && (
                <th scope="col">
                  <span className="visually-hidden">{M.actions}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{formatDateNl(m.date)}</td>
                <td>{label(m)}</td>
                <td>{m.reason ?? ''}</td>
                <td>{m.end_date ? formatDateNl(m.end_date) : M.running}</td>
                {mayWrite && (
                  <td className="button-cell">
                    {!m.end_date && (
                      <button
                        type="button"
                        className="button small"
                        aria-label={M.endOne(label(m), formatDateNl(m.date))}
                        onClick={() => {
                          setMode({ kind: 'end', measure: m });
                          setNotice(null);
                        }}
                      >
                        {M.end}
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      className="button small"
                      aria-label={M.edit(label(m), formatDateNl(m.date))}
                      onClick={() => {
                        setMode({ kind: 'edit', measure: m });
                        setNotice(null);
                      }}
                    >
                      {M.editButton}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
