// Export profiles: the defaults and a beheerder's adjusted copies. A beheerder copies one and
// changes columns, labels, order, code mappings, formats and the file format; the server
// validates before it is saved (and versions it), the screen only edits a draft.
import { useState } from 'react';
import type { Input, Output } from '../../../db/api/contract.js';
import { useCall, useCommand, useMust } from '../../data/hooks.js';
import { useInfo } from '../../data/info.js';
import { T } from '../../i18n/export.js';

type Profile = Input<'exports.profiles.save'>['profile'];
type Column = Profile['columns'][number];
type Summary = Output<'exports.profiles.list'>[number];
type Source = Output<'exports.profiles.get'>['sources'][number];

const FORMATS = Object.keys(T.formats) as NonNullable<Column['format']>[];

function mapToText(map: Column['map']): string {
  return Object.entries(map ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
function textToMap(text: string): Column['map'] {
  const entries = text
    .split('\n')
    .map((l) => l.split('='))
    .filter((p) => p.length >= 2 && p[0]!.trim());
  return entries.length ? Object.fromEntries(entries.map(([k, ...v]) => [k!.trim(), v.join('=').trim()])) : undefined;
}

function ColumnRow(props: {
  column: Column;
  sources: Source[];
  onChange(c: Column): void;
  onMove(d: -1 | 1): void;
  onRemove(): void;
}) {
  const c = props.column;
  const set = (patch: Partial<Column>) => props.onChange({ ...c, ...patch });
  return (
    <tr>
      <td>
        <input aria-label={T.column} value={c.label} onChange={(e) => set({ label: e.target.value })} />
      </td>
      <td>
        <select
          aria-label={T.source}
          value={c.source ?? ''}
          onChange={(e) => set({ source: e.target.value || undefined })}
        >
          <option value="">-</option>
          {props.sources.map((s) => (
            <option key={s.source} value={s.source}>
              {s.label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={T.format}
          value={c.format ?? 'text'}
          onChange={(e) => set({ format: e.target.value as Column['format'] })}
        >
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {T.formats[f]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={T.maxLength}
          type="number"
          min={1}
          value={c.maxLength ?? ''}
          onChange={(e) => set({ maxLength: e.target.value ? Number(e.target.value) : undefined })}
        />
      </td>
      <td>
        <input
          aria-label={T.required}
          type="checkbox"
          checked={Boolean(c.required)}
          onChange={(e) => set({ required: e.target.checked })}
        />
      </td>
      <td>
        <textarea
          aria-label={T.mapping}
          rows={2}
          defaultValue={mapToText(c.map)}
          onBlur={(e) => set({ map: textToMap(e.target.value) })}
        />
      </td>
      <td>
        <button type="button" className="button" onClick={() => props.onMove(-1)} aria-label={T.up}>
          ↑
        </button>
        <button type="button" className="button" onClick={() => props.onMove(1)} aria-label={T.down}>
          ↓
        </button>
        <button type="button" className="button" onClick={props.onRemove} aria-label={T.remove}>
          ×
        </button>
      </td>
    </tr>
  );
}

export function ProfileEditor() {
  const must = useMust();
  const call = useCommand();
  const q = useCall('exports.profiles.list', {});
  const list: Summary[] = q.data ?? [];
  const isBeheerder = useInfo().data?.user?.role === 'beheerder';
  const [draft, setDraft] = useState<Profile | null>(null);
  const [sources, setSources] = useState<Source[]>([]);
  const [saveMessage, setMessage] = useState<string | null>(null);
  const message = saveMessage ?? q.error;
  const load = q.reload;

  async function open(p: Summary, copy: boolean) {
    const { profile, sources: s } = await must('exports.profiles.get', { id: p.id });
    setSources(s);
    setMessage(null);
    setDraft(
      copy
        ? {
            ...profile,
            id: `${profile.id}-eigen`,
            name: `${profile.name} (aangepast)`,
            basedOn: { id: profile.id, version: profile.version },
          }
        : profile,
    );
  }

  async function save() {
    if (!draft) return;
    const r = await call('exports.profiles.save', { profile: draft });
    setMessage(
      r.ok
        ? `${draft.name}: versie ${r.value.version} opgeslagen en in gebruik.`
        : `${r.error.field ? r.error.field + ': ' : ''}${r.error.message}`,
    );
    if (r.ok) {
      setDraft(null);
      load();
    }
  }

  const move = (i: number, d: -1 | 1) => {
    if (!draft) return;
    const cols = [...draft.columns];
    const j = i + d;
    if (j < 0 || j >= cols.length) return;
    [cols[i], cols[j]] = [cols[j]!, cols[i]!];
    setDraft({ ...draft, columns: cols });
  };

  return (
    <div className="profile-editor">
      <h2>{T.profilesTitle}</h2>
      {!isBeheerder && <p className="muted">{T.onlyBeheerder}</p>}
      {message && <p role="status">{message}</p>}
      <ul>
        {list.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> v{p.version} {p.builtin && <span className="badge">{T.builtin}</span>}{' '}
            {p.inUse && <span className="badge">{T.inUse}</span>}
            {isBeheerder && (
              <button type="button" className="button" onClick={() => void open(p, p.builtin)}>
                {p.builtin ? T.copyProfile : T.editProfile}
              </button>
            )}
            {isBeheerder && !p.builtin && p.active && (
              <button
                type="button"
                className="button"
                onClick={() => void must('exports.profiles.retire', { id: p.id }).then(load)}
              >
                {T.retire}
              </button>
            )}
          </li>
        ))}
      </ul>
      {draft && (
        <form noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
          <label>
            {T.profileName} <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </label>
          <label>
            {T.profileId} <input value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} />
          </label>
          <label>
            {T.fileFormat}
            <select
              value={draft.file.format}
              onChange={(e) =>
                setDraft({ ...draft, file: { ...draft.file, format: e.target.value as 'csv' | 'xlsx' } })
              }
            >
              <option value="csv">CSV</option>
              <option value="xlsx">XLSX</option>
            </select>
          </label>
          <label>
            {T.encoding}
            <select
              value={draft.file.encoding ?? 'utf-8-bom'}
              onChange={(e) =>
                setDraft({
                  ...draft,
                  file: { ...draft.file, encoding: e.target.value as 'utf-8-bom' | 'windows-1252' },
                })
              }
            >
              <option value="utf-8-bom">UTF-8</option>
              <option value="windows-1252">Windows-1252</option>
            </select>
          </label>
          <table className="table">
            <thead>
              <tr>
                <th>{T.column}</th>
                <th>{T.source}</th>
                <th>{T.format}</th>
                <th>{T.maxLength}</th>
                <th>{T.required}</th>
                <th>{T.mapping}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {draft.columns.map((c, i) => (
                <ColumnRow
                  key={`${c.id}-${i}`}
                  column={c}
                  sources={sources}
                  onChange={(nc) => setDraft({ ...draft, columns: draft.columns.map((x, k) => (k === i ? nc : x)) })}
                  onMove={(d) => move(i, d)}
                  onRemove={() => setDraft({ ...draft, columns: draft.columns.filter((_, k) => k !== i) })}
                />
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="button"
            onClick={() =>
              setDraft({
                ...draft,
                columns: [...draft.columns, { id: `kolom_${draft.columns.length + 1}`, label: 'Nieuwe kolom' }],
              })
            }
          >
            {T.addColumn}
          </button>
          <button type="submit" className="button primary">
            {T.save}
          </button>
          <button type="button" className="button" onClick={() => setDraft(null)}>
            {T.cancel}
          </button>
        </form>
      )}
    </div>
  );
}
