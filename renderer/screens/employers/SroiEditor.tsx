// An employer's SROI obligations (social return in municipal contracts): the list with what
// placements realized, add one, correct one. Who may write follows the contract (employers.saveSroi).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { useMay } from '../../access.js';
import { Card, Status } from '../../components/Card.js';
import { RecordForm, type FormField } from '../../components/RecordForm.js';
import { codeLabel, formatDateNl, formatNumber } from '../../format.js';
import { parseTypedNumber } from '../../../db/model/forms.js';
import { S } from '../../i18n/lists.js';
import { M } from '../../i18n/lists.js';
import type { Output } from '../../../db/api/contract.js';

type Sroi = Output<'employers.get'>['sroi'][number];

const FIELDS: FormField[] = [
  { name: 'contract' },
  { name: 'amount' },
  { name: 'unit' },
  { name: 'start_date' },
  { name: 'end_date' },
];

export function SroiEditor(props: { employerId: string; sroi: Sroi[] }) {
  const { t } = useTranslation();
  const call = useCommand();
  const mayWrite = useMay('employers.saveSroi');
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const current = editing && editing !== 'new' ? props.sroi.find((s) => s.id === editing) : undefined;
  const save = (v: Partial<Record<string, string>>, base?: Sroi) =>
    call('employers.saveSroi', {
      employerId: props.employerId,
      ...(base ? { id: base.id } : {}),
      contract: v.contract ?? base?.contract ?? '',
      amount: v.amount !== undefined ? (parseTypedNumber(v.amount) ?? 0) : (base?.amount ?? 0),
      unit: (v.unit || base?.unit || 'hours') as 'hours' | 'placements',
      start_date: v.start_date ?? base?.start_date ?? '',
      end_date: v.end_date !== undefined ? v.end_date || null : (base?.end_date ?? null),
    });
  return (
    <Card
      id="employer-sroi"
      title={t('employers.sroi')}
      actions={
        mayWrite && !editing ? (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setEditing('new');
              setNotice(null);
            }}
          >
            {S.add}
          </button>
        ) : undefined
      }
    >
      <Status text={notice} />
      {editing === 'new' && (
        <RecordForm
          kind="sroi"
          idPrefix="sroi-new"
          title={S.add}
          fields={FIELDS}
          initial={{ unit: 'hours' }}
          submitLabel={S.save}
          onSubmit={(v) => save(v)}
          onDone={() => {
            setEditing(null);
            setNotice(S.saved);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {current && (
        <RecordForm
          key={current.id}
          kind="sroi"
          idPrefix="sroi-edit"
          title={S.edit(current.contract ?? '')}
          fields={FIELDS}
          record={current as unknown as Record<string, unknown>}
          submitLabel={S.save}
          onSubmit={(v) => save(v, current)}
          onDone={() => {
            setEditing(null);
            setNotice(S.updated);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {props.sroi.length === 0 ? (
        <p className="muted">{S.none}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('employers.sroiContract')}</th>
              <th scope="col" className="num">
                {t('employers.sroiAmount')}
              </th>
              <th scope="col">{S.col.period}</th>
              <th scope="col" className="num">
                {t('employers.sroiRealized')}
              </th>
              {mayWrite && (
                <th scope="col">
                  <span className="visually-hidden">{M.actions}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {props.sroi.map((s) => (
              <tr key={s.id}>
                <td>{s.contract}</td>
                <td className="num">
                  {formatNumber(s.amount)} {codeLabel('sroi_unit', s.unit).toLowerCase()}
                </td>
                <td>
                  {formatDateNl(s.start_date)}
                  {s.end_date ? ` – ${formatDateNl(s.end_date)}` : ''}
                </td>
                <td className="num">
                  {formatNumber(s.realized)}
                  {s.percent !== null ? ` (${formatNumber(s.percent)}%)` : ''}
                </td>
                {mayWrite && (
                  <td>
                    <button
                      type="button"
                      className="button small"
                      aria-label={S.edit(s.contract ?? '')}
                      onClick={() => {
                        setEditing(s.id);
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
