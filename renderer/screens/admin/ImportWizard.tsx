// The import wizard: choose a CSV/XLSX file and what it holds, check the suggested column
// mapping (change any column), see the refused rows of a dry run, then import all rows or none.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../data/hooks.js';
import { formatNumber } from '../../format.js';
import { Card, Status } from '../../components/Card.js';
import type { Output } from '../../../db/api/contract.js';

const KINDS = ['clients', 'employers', 'vacancies', 'placements', 'activities', 'contacts'] as const;
type Kind = (typeof KINDS)[number];
type Preview = Output<'import.preview'>;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function ImportWizard() {
  const { t } = useTranslation();
  const call = useCommand();
  const [kind, setKind] = useState<Kind>('clients');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (f = file, m = mapping, k = kind) => {
    if (!f) return;
    const r = await call('import.preview', {
      fileName: f.name,
      contentBase64: f.base64,
      kind: k,
      mapping: Object.keys(m).length ? m : undefined,
    });
    if (!r.ok) {
      setMsg({ text: r.error.message, error: true });
      setPreview(null);
      return;
    }
    setMsg(null);
    setPreview(r.value);
    setMapping(Object.fromEntries(r.value.mapping.map((x) => [x.header, x.field])));
  };
  const choose = async (list: FileList | null) => {
    const f = list?.[0];
    if (!f) return;
    const next = { name: f.name, base64: toBase64(await f.arrayBuffer()) };
    setFile(next);
    setMapping({});
    await run(next, {});
  };
  const commit = async () => {
    if (!file) return;
    const r = await call('import.commit', { fileName: file.name, contentBase64: file.base64, kind, mapping });
    if (!r.ok) {
      setMsg({ text: r.error.message, error: true });
      return;
    }
    if (!r.value.ok) {
      setMsg({ text: t('admin.import.refusedAll', { count: r.value.refusedTotal }), error: true });
      return;
    }
    setMsg({
      text: t('admin.import.done', {
        created: r.value.created,
        updated: r.value.updated,
        unchanged: r.value.unchanged,
      }),
      error: false,
    });
    setPreview(null);
    setFile(null);
  };

  return (
    <Card id="admin-import" title={t('admin.import.title')}>
      {msg && <Status text={msg.text} error={msg.error} />}
      <div className="field-grid">
        <div className="field">
          <label htmlFor="import-kind">{t('admin.import.kind')}</label>
          <select
            id="import-kind"
            value={kind}
            onChange={(e) => {
              const k = e.target.value as Kind;
              setKind(k);
              setMapping({});
              void run(file, {}, k);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`admin.import.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">{t('admin.import.file')}</label>
          {/* The browser's own file button speaks the system's language ("Choose File"): a Dutch
              button opens the hidden input, which keeps its label for assistive technology. */}
          <div className="file-pick">
            <input
              id="import-file"
              type="file"
              className="visually-hidden"
              accept=".csv,.xlsx,.txt"
              onChange={(e) => void choose(e.target.files)}
            />
            <button
              type="button"
              className="button"
              aria-hidden="true"
              tabIndex={-1}
              onClick={() => document.getElementById('import-file')?.click()}
            >
              {t('admin.import.choose')}
            </button>
            <span className="muted">{file ? file.name : t('admin.import.noFile')}</span>
          </div>
        </div>
      </div>
      {preview && (
        <>
          <p>
            {t('admin.import.summary', {
              rows: formatNumber(preview.totalRows),
              refused: formatNumber(preview.refusedTotal),
            })}
          </p>
          <table className="table" aria-label={t('admin.import.mapping')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.import.column')}</th>
                <th scope="col">{t('admin.import.field')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.mapping.map((m) => (
                <tr key={m.header}>
                  <td>{m.header}</td>
                  <td>
                    <select
                      aria-label={t('admin.import.fieldFor', { column: m.header })}
                      value={mapping[m.header] ?? ''}
                      onChange={(e) => {
                        const next = { ...mapping, [m.header]: e.target.value || null };
                        setMapping(next);
                        void run(file, next);
                      }}
                    >
                      <option value="">{t('admin.import.ignore')}</option>
                      {preview.fields.map((f) => (
                        <option key={f.name} value={f.name}>
                          {f.label}
                          {f.required ? ' *' : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.refused.length > 0 && (
            <table className="table" aria-label={t('admin.import.refused')}>
              <thead>
                <tr>
                  <th scope="col">{t('admin.import.line')}</th>
                  <th scope="col">{t('admin.import.field')}</th>
                  <th scope="col">{t('admin.import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.refused.map((r, i) => (
                  <tr key={i}>
                    <td>{r.line}</td>
                    <td>{r.field}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.unknownManagers.length > 0 && (
            <div className="notice warning" role="note">
              <p>{t('admin.import.unknownManagers')}</p>
              <ul>
                {preview.unknownManagers.map((u) => (
                  <li key={u.name}>{t('admin.import.unknownManager', { name: u.name, lines: u.lines.join(', ') })}</li>
                ))}
              </ul>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={preview.refusedTotal > 0}
              onClick={() => void commit()}
            >
              {t('admin.import.commit')}
            </button>
          </div>
        </>
      )}
    </Card>
  );
}
