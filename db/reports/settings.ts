// The team's report settings (db/model/settings.ts) read from and written to the synced
// `settings` table. Reading inside asKnown gives the settings as known then, so a report made as
// known on a moment prints the names and wording of that moment; a delivery also stores the
// values it used in its parameters (db/reports/archive.ts), so verify never depends on today's.
import type { Store } from '../journal/store.js';
import { AppError } from '../model/errors.js';
import {
  AGREEMENT_CODES,
  reportSettingsInput,
  withDefaults,
  type ReportSettings,
  type SettingKey,
} from '../model/settings.js';

const idOf = (key: SettingKey) => `setting.${key}`;

function flatten(s: ReportSettings): Record<SettingKey, string> {
  const out: Record<string, string> = { municipality_name: s.municipality_name, corporation_name: s.corporation_name };
  for (const c of AGREEMENT_CODES) out[`agreement_${c}`] = s.agreements[c];
  return out as Record<SettingKey, string>;
}

/** The settings now (defaults where none was saved). */
export function readSettings(store: Store): ReportSettings {
  const rows = store.all(store.kysely.selectFrom('settings').select(['key', 'value']).where('deleted', '=', 0));
  const stored: Record<string, string> = {};
  for (const r of rows) {
    if (!r.key || r.value === null) continue;
    try {
      const v: unknown = JSON.parse(r.value);
      if (typeof v === 'string') stored[r.key] = v;
    } catch {
      // A value this version cannot read counts as not set: the default applies.
    }
  }
  const agreements: Partial<Record<string, string>> = {};
  for (const c of AGREEMENT_CODES) agreements[c] = stored[`agreement_${c}`];
  return withDefaults({
    municipality_name: stored.municipality_name,
    corporation_name: stored.corporation_name,
    agreements,
  });
}

/** Saves every setting that differs from what is stored, in one transaction. */
export function saveSettings(store: Store, user: string, input: unknown): ReportSettings {
  const parsed = reportSettingsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid_input', `Instellingen: ${issue.message}`, issue.path.join('.'));
  }
  const next = flatten(parsed.data);
  store.write(user, (w) => {
    for (const [key, value] of Object.entries(next) as [SettingKey, string][]) {
      const id = idOf(key);
      const json = JSON.stringify(value);
      const row = w.row('setting', id);
      if (!row) w.create('setting', { ref: `instelling:${key}`, key, value: json }, id);
      else if (row.value !== json || row.deleted) w.update('setting', id, { value: json, deleted: false });
    }
  });
  return readSettings(store);
}
