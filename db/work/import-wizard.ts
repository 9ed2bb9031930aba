// The import wizard behind the screen: an uploaded CSV/XLSX/JSONL file, a suggested column
// mapping (field name, Dutch label, common Excel headings, then near spellings), a preview of the
// first rows and every refused row (line, field, message) from a dry run of the real import
// (db/exchange/import.ts), and the commit - same input, same checks, all or nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../model/errors.js';
import { importFile, type ImportResult } from '../exchange/import.js';
import { formatOf, readImportFile, type RawRow } from '../exchange/read-file.js';
import { RECORDS, type RecordKind } from '../model/records.js';
import type { Store } from '../journal/store.js';

export type MatchHow = 'name' | 'label' | 'synonym' | 'fuzzy' | 'given' | 'none';

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Headings seen in the Excel lists the app replaces (normalised: lowercase, no spaces or accents). */
const SYNONYMS: Partial<Record<RecordKind, Record<string, string[]>>> = {
  clients: {
    bsn: ['burgerservicenummer', 'sofinummer', 'bsnnummer'],
    last_name: ['naam', 'achternaam', 'geslachtsnaam'],
    first_name: ['roepnaam', 'voornamen'],
    name_prefix: ['tussenvoegsels', 'tv'],
    birth_date: ['gebdatum', 'geboortedat', 'gebdat'],
    phone: ['telefoonnummer', 'tel', 'telnr', 'mobiel', 'gsm'],
    email: ['emailadres', 'mail', 'mailadres'],
    street: ['adres', 'straatnaam'],
    house_number: ['huisnr', 'nr'],
    city: ['plaats', 'woonplaats'],
    intake_date: ['instroom', 'datuminstroom', 'startdatum', 'aanmelddatum'],
    exit_date: ['uitstroom', 'datumuitstroom', 'einddatum'],
    exit_reason: ['reden', 'redenuitstroom', 'uitstroomreden'],
    account_manager: ['consulent', 'klantmanager', 'accountmanager', 'km'],
    referrer: ['verwijzer', 'verwezendoor', 'doorverwezendoor'],
    hours_available: ['uren', 'urenbeschikbaar'],
  },
  employers: {
    name: ['bedrijf', 'bedrijfsnaam', 'werkgever', 'naam', 'organisatie'],
    kvk: ['kvknummer', 'kvknr', 'kamervankoophandel'],
    contact_name: ['contactpersoon', 'contact'],
    contact_phone: ['telefoon', 'telefoonnummer', 'tel'],
    contact_email: ['email', 'emailadres', 'mail'],
    city: ['plaats', 'vestigingsplaats'],
    sector: ['branche', 'sbi'],
  },
  vacancies: {
    title: ['functie', 'functienaam', 'vacature', 'vacaturetitel'],
    employer_ref: ['werkgever', 'werkgeverref', 'bedrijf'],
    hours_per_week: ['uren', 'urenperweek'],
    positions: ['aantal', 'plaatsen'],
    opened_date: ['datum', 'opensinds', 'geplaatst'],
  },
};

function similarity(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return 1 - dp[b.length]! / Math.max(a.length, b.length);
}

export interface MappingEntry {
  header: string;
  field: string | null;
  how: MatchHow;
}

/** Suggests a field per header; each field is used once (best match wins). */
export function suggestMapping(
  kind: RecordKind,
  headers: string[],
  given: Record<string, string | null> = {},
): MappingEntry[] {
  const defs = RECORDS[kind];
  const taken = new Set<string>(Object.values(given).filter((f): f is string => Boolean(f)));
  const rank: Record<MatchHow, number> = { given: 5, name: 4, label: 3, synonym: 2, fuzzy: 1, none: 0 };
  const guess = (h: string): { field: string | null; how: MatchHow; sim: number } => {
    const n = norm(h);
    let best: { field: string | null; how: MatchHow; sim: number } = { field: null, how: 'none', sim: 0 };
    for (const [field, def] of Object.entries(defs)) {
      const cand: [MatchHow, number][] = [];
      if (n === norm(field)) cand.push(['name', 1]);
      if (n === norm(def.label)) cand.push(['label', 1]);
      if (SYNONYMS[kind]?.[field]?.includes(n)) cand.push(['synonym', 1]);
      const sim = Math.max(similarity(n, norm(field)), similarity(n, norm(def.label)));
      if (sim >= 0.8) cand.push(['fuzzy', sim]);
      for (const [how, s] of cand) {
        if (rank[how] > rank[best.how] || (how === best.how && s > best.sim)) best = { field, how, sim: s };
      }
    }
    return best;
  };
  const guesses = headers.map((h) =>
    Object.hasOwn(given, h) ? { field: given[h] ?? null, how: 'given' as MatchHow, sim: 1 } : guess(h),
  );
  // Strongest claims first, so "Naam" does not take last_name from "Achternaam".
  const order = guesses
    .map((g, i) => i)
    .sort((a, b) => rank[guesses[b]!.how] - rank[guesses[a]!.how] || guesses[b]!.sim - guesses[a]!.sim);
  const out: MappingEntry[] = headers.map((header) => ({ header, field: null, how: 'none' }));
  for (const i of order) {
    const g = guesses[i]!;
    if (g.how === 'given') out[i] = { header: headers[i]!, field: g.field, how: 'given' };
    else if (g.field && !taken.has(g.field)) {
      taken.add(g.field);
      out[i] = { header: headers[i]!, field: g.field, how: g.how };
    }
  }
  return out;
}

export interface WizardInput {
  fileName: string;
  contentBase64: string;
  kind: RecordKind;
  mapping?: Record<string, string | null>;
}

async function withTempFile<T>(input: WizardInput, fn: (file: string) => Promise<T>): Promise<T> {
  if (!formatOf(input.fileName))
    throw new AppError('invalid_input', 'Onbekend bestandstype (gebruik .csv, .xlsx of .jsonl).', 'fileName');
  for (const [header, field] of Object.entries(input.mapping ?? {})) {
    if (field && !Object.hasOwn(RECORDS[input.kind], field))
      throw new AppError('invalid_input', `onbekend veld '${field}' voor kolom '${header}'`, 'mapping');
  }
  // A private temp folder, removed right after: the upload holds personal data.
  const dir = mkdtempSync(join(tmpdir(), 'caseload-import-'));
  try {
    const file = join(dir, basename(input.fileName).replace(/[^\w.-]/g, '_'));
    writeFileSync(file, Buffer.from(input.contentBase64, 'base64'), { mode: 0o600 });
    return await fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MAX_REFUSED = 500;

function effectiveMapping(entries: MappingEntry[]): Record<string, string | null> {
  return Object.fromEntries(entries.filter((e) => e.header).map((e) => [e.header, e.field]));
}

export async function previewImport(store: Store, user: string, input: WizardInput, previewRows = 20) {
  return withTempFile(input, async (file) => {
    const read = await readImportFile(file);
    const mapping = read.format === 'jsonl' ? [] : suggestMapping(input.kind, read.headers, input.mapping);
    const fields = Object.fromEntries(mapping.map((m) => [m.header, m.field]));
    const rows = read.rows.slice(0, previewRows).map((r: RawRow) => ({
      line: r.line,
      values:
        read.format === 'jsonl'
          ? r.values
          : Object.fromEntries(
              Object.entries(r.values)
                .filter(([h]) => fields[h])
                .map(([h, v]) => [fields[h]!, v]),
            ),
    }));
    const result = await importFile(store, user, {
      file,
      kind: input.kind,
      dryRun: true,
      displayName: input.fileName,
      mapping: effectiveMapping(mapping),
    });
    return {
      format: read.format,
      headers: read.headers,
      fields: Object.entries(RECORDS[input.kind]).map(([name, def]) => ({
        name,
        label: def.label,
        required: Boolean(def.required),
      })),
      mapping,
      rows,
      totalRows: read.rows.length,
      ...summary(result),
    };
  });
}

function summary(result: ImportResult) {
  return {
    ok: result.ok,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    refused: result.problems.slice(0, MAX_REFUSED).map(({ line, field, message }) => ({ line, field, message })),
    refusedTotal: result.problems.length,
    unknownManagers: result.unknownManagers,
  };
}

export async function commitImport(store: Store, user: string, input: WizardInput) {
  return withTempFile(input, async (file) => {
    const read = await readImportFile(file);
    const mapping =
      read.format === 'jsonl' ? {} : effectiveMapping(suggestMapping(input.kind, read.headers, input.mapping));
    return summary(await importFile(store, user, { file, kind: input.kind, displayName: input.fileName, mapping }));
  });
}
