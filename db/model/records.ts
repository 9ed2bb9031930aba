// The interchange records of CONTRACTS.md (import, dump, forms): per kind its fields in
// canonical order, Dutch labels (accepted as CSV headers too), types, code lists and checks.
// `parseField` turns a raw cell or JSON value into a stored value or a Dutch error message.
import { isValidBsn, normalizeBsn } from './bsn.js';
import { EMAIL_RE, PHONE_RE, isValidKvk, normalizePostcode } from './checks.js';
import { parseDate } from './calendar.js';
import { CODE_LISTS, type CodeListName } from './codes.js';

export type RecordKind = 'clients' | 'employers' | 'vacancies' | 'placements' | 'activities' | 'contacts';
export const RECORD_KINDS: RecordKind[] = ['clients', 'employers', 'vacancies', 'placements', 'activities', 'contacts'];

/** The `kind` value on dump lines. */
export const DUMP_KIND: Record<RecordKind, string> = {
  clients: 'client',
  employers: 'employer',
  vacancies: 'vacancy',
  placements: 'placement',
  activities: 'activity',
  contacts: 'contact',
};

export type FieldKind = 'text' | 'date' | 'int' | 'number' | 'bool' | 'list' | 'code' | 'codes' | 'ref';

export interface FieldDef {
  label: string;
  kind: FieldKind;
  required?: boolean;
  code?: CodeListName;
  /** For ref fields: which record kind the ref points to. */
  refTo?: RecordKind;
  check?: 'bsn' | 'postcode' | 'kvk' | 'phone' | 'email';
  max?: number;
}

const text = (label: string, extra: Partial<FieldDef> = {}): FieldDef => ({ label, kind: 'text', max: 200, ...extra });
const date = (label: string, extra: Partial<FieldDef> = {}): FieldDef => ({ label, kind: 'date', ...extra });
const code = (label: string, list: CodeListName, extra: Partial<FieldDef> = {}): FieldDef => ({
  label,
  kind: 'code',
  code: list,
  ...extra,
});

export const RECORDS: Record<RecordKind, Record<string, FieldDef>> = {
  clients: {
    ref: text('Registratienummer', { max: 40 }),
    bsn: text('BSN', { check: 'bsn' }),
    initials: text('Voorletters', { max: 20 }),
    first_name: text('Voornaam', { max: 100 }),
    name_prefix: text('Tussenvoegsel', { max: 20 }),
    last_name: text('Achternaam', { required: true, max: 100 }),
    birth_date: date('Geboortedatum'),
    gender: code('Geslacht', 'gender'),
    phone: text('Telefoon', { check: 'phone' }),
    email: text('E-mail', { check: 'email', max: 254 }),
    street: text('Straat', { max: 100 }),
    house_number: text('Huisnummer', { max: 20 }),
    postcode: text('Postcode', { check: 'postcode' }),
    city: text('Woonplaats', { max: 100 }),
    education_level: code('Opleidingsniveau', 'education_level'),
    driving_licence: { label: 'Rijbewijs', kind: 'list' },
    hours_available: { label: 'Beschikbare uren', kind: 'number' },
    target_groups: { label: 'Doelgroepen', kind: 'codes', code: 'target_group' },
    banenafspraak_status: code('Status doelgroepregister', 'banenafspraak_status'),
    banenafspraak_checked: date('Doelgroepregister gecontroleerd op'),
    work_thinking_level: code('Werk- en denkniveau', 'work_thinking_level'),
    transport: { label: 'Vervoer', kind: 'codes', code: 'transport' },
    max_travel_km: { label: 'Maximale reisafstand (km)', kind: 'int' },
    occupations_wanted: { label: 'Gewenste beroepen', kind: 'list' },
    sectors: { label: 'Gewenste sectoren', kind: 'list' },
    competences: { label: 'Competenties', kind: 'list' },
    languages: { label: 'Talen', kind: 'list' },
    work_limitations: text('Beperkingen voor werk', { max: 2000 }),
    benefit_status: code('Uitkering', 'benefit_status'),
    account_manager: text('Klantmanager', { max: 100 }),
    intake_date: date('Instroomdatum'),
    referrer: code('Verwijzer', 'referrer'),
    exit_date: date('Uitstroomdatum'),
    exit_reason: code('Reden uitstroom', 'exit_reason'),
  },
  employers: {
    ref: text('Registratienummer', { max: 40 }),
    name: text('Naam', { required: true }),
    kvk: text('KvK-nummer', { check: 'kvk' }),
    street: text('Straat', { max: 100 }),
    house_number: text('Huisnummer', { max: 20 }),
    postcode: text('Postcode', { check: 'postcode' }),
    city: text('Plaats', { max: 100 }),
    sector: text('Sector (SBI)', { max: 100 }),
    account_holder: code('Accounthouder', 'account_holder'),
    exceptional_since: date('Buitengewone werkgever sinds'),
    account_manager: text('Vaste contactpersoon Werkcorporatie', { max: 100 }),
    contact_name: text('Contactpersoon', { max: 100 }),
    contact_phone: text('Telefoon contactpersoon', { check: 'phone' }),
    contact_email: text('E-mail contactpersoon', { check: 'email', max: 254 }),
  },
  vacancies: {
    ref: text('Vacaturenummer', { max: 40 }),
    employer_ref: { label: 'Werkgever', kind: 'ref', refTo: 'employers', required: true },
    title: text('Functie', { required: true }),
    occupation_code: text('Beroepscode', { max: 20 }),
    hours_per_week: { label: 'Uren per week', kind: 'number' },
    positions: { label: 'Aantal plaatsen', kind: 'int' },
    opened_date: date('Datum open', { required: true }),
    closed_date: date('Datum gesloten'),
    close_reason: code('Reden sluiting', 'vacancy_close_reason'),
    banenafspraak: { label: 'Banenafspraak', kind: 'bool' },
    description: text('Omschrijving', { max: 4000 }),
    source: code('Bron', 'vacancy_source'),
    education_level: code('Opleidingsniveau', 'education_level'),
    work_thinking_level: code('Werk- en denkniveau (minimaal)', 'work_thinking_level'),
    driving_licence: { label: 'Rijbewijs vereist', kind: 'list' },
    postcode: text('Postcode werklocatie', { check: 'postcode' }),
    city: text('Plaats werklocatie', { max: 100 }),
    closing_date: date('Sluitingsdatum'),
    hours_min: { label: 'Minimaal uren per week', kind: 'number' },
    contract_kind: code('Soort overeenkomst', 'contract_kind'),
    sector: text('Sector (SBI)', { max: 100 }),
    competences: { label: 'Competenties', kind: 'list' },
  },
  placements: {
    ref: text('Plaatsingsnummer', { max: 40 }),
    client_ref: { label: 'Klant', kind: 'ref', refTo: 'clients', required: true },
    employer_ref: { label: 'Werkgever', kind: 'ref', refTo: 'employers', required: true },
    vacancy_ref: { label: 'Vacature', kind: 'ref', refTo: 'vacancies' },
    start_date: date('Startdatum', { required: true }),
    end_date: date('Einddatum'),
    kind: code('Soort plaatsing', 'placement_kind', { required: true }),
    hours_per_week: { label: 'Uren per week', kind: 'number' },
    wage_subsidy: { label: 'Loonkostensubsidie', kind: 'bool' },
    job_coach: text('Jobcoach', { max: 100 }),
    wage_value: { label: 'Loonwaarde (%)', kind: 'number' },
    end_reason: code('Reden einde', 'placement_end_reason'),
  },
  activities: {
    ref: text('Activiteitnummer', { max: 40 }),
    client_ref: { label: 'Klant', kind: 'ref', refTo: 'clients', required: true },
    kind: code('Soort activiteit', 'activity_kind', { required: true }),
    provider: text('Aanbieder', { max: 100 }),
    start_date: date('Startdatum', { required: true }),
    end_date: date('Einddatum'),
    outcome: text('Resultaat', { max: 1000 }),
  },
  contacts: {
    ref: text('Contactnummer', { max: 40 }),
    client_ref: { label: 'Klant', kind: 'ref', refTo: 'clients' },
    employer_ref: { label: 'Werkgever', kind: 'ref', refTo: 'employers' },
    date: date('Datum', { required: true }),
    kind: code('Soort contact', 'contact_kind', { required: true }),
    summary: text('Samenvatting', { max: 4000 }),
    follow_up_date: date('Vervolgdatum'),
    by: text('Door', { max: 100 }),
    follow_up_done: date('Vervolg afgehandeld op'),
    purpose: code('Doel', 'contact_purpose'),
    placement_ref: { label: 'Plaatsing', kind: 'ref', refTo: 'placements' },
  },
};

export type Parsed = string | number | boolean | string[] | null;
export type FieldResult = { ok: true; value: Parsed } | { ok: false; message: string };

const TRUE = new Set(['1', 'ja', 'j', 'true', 'waar', 'yes', 'y']);
const FALSE = new Set(['0', 'nee', 'n', 'false', 'onwaar', 'no']);

function splitList(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map((x) => String(x).trim()).filter(Boolean);
  return String(raw)
    .split(/[;|]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Parses one field. `null` (JSONL) clears a field; the caller decides what empty CSV cells mean. */
export function parseField(def: FieldDef, raw: unknown): FieldResult {
  if (raw === null) {
    return def.required ? { ok: false, message: 'is verplicht' } : { ok: true, value: null };
  }
  const s = typeof raw === 'string' ? raw.trim() : raw;
  if (s === '') return def.required ? { ok: false, message: 'is verplicht' } : { ok: true, value: null };
  switch (def.kind) {
    case 'date': {
      const iso = typeof s === 'string' ? parseDate(s) : null;
      return iso
        ? { ok: true, value: iso }
        : { ok: false, message: `ongeldige datum '${String(s)}' (gebruik JJJJ-MM-DD of DD-MM-JJJJ)` };
    }
    case 'int':
    case 'number': {
      const n = typeof s === 'number' ? s : Number(String(s).replace(',', '.'));
      if (!Number.isFinite(n) || n < 0 || (def.kind === 'int' && !Number.isInteger(n))) {
        return { ok: false, message: `ongeldig getal '${String(s)}'` };
      }
      return { ok: true, value: n };
    }
    case 'bool': {
      if (typeof s === 'boolean') return { ok: true, value: s };
      const v = String(s).toLowerCase();
      if (TRUE.has(v)) return { ok: true, value: true };
      if (FALSE.has(v)) return { ok: true, value: false };
      return { ok: false, message: `ongeldige ja/nee-waarde '${String(s)}'` };
    }
    case 'code': {
      const v = String(s);
      const list = CODE_LISTS[def.code!] as Record<string, string>;
      if (Object.hasOwn(list, v)) return { ok: true, value: v };
      const byLabel = Object.entries(list).find(([, label]) => label.toLowerCase() === v.toLowerCase());
      if (byLabel) return { ok: true, value: byLabel[0] };
      return { ok: false, message: `onbekende code '${v}' (toegestaan: ${Object.keys(list).join(', ')})` };
    }
    case 'codes': {
      const list = CODE_LISTS[def.code!] as Record<string, string>;
      const items = splitList(s);
      const bad = items.filter((x) => !Object.hasOwn(list, x));
      if (bad.length)
        return {
          ok: false,
          message: `onbekende code '${bad.join("', '")}' (toegestaan: ${Object.keys(list).join(', ')})`,
        };
      return { ok: true, value: [...new Set(items)].sort() };
    }
    case 'list':
      return { ok: true, value: [...new Set(splitList(s))].sort() };
    default: {
      if (typeof s === 'object') return { ok: false, message: 'verwacht tekst' };
      const v = String(s);
      if (def.max && v.length > def.max) return { ok: false, message: `is te lang (maximaal ${def.max} tekens)` };
      switch (def.check) {
        case 'bsn':
          return isValidBsn(v)
            ? { ok: true, value: normalizeBsn(v)! }
            : { ok: false, message: `ongeldig BSN '${v}' (elfproef)` };
        case 'postcode': {
          const pc = normalizePostcode(v);
          return pc ? { ok: true, value: pc } : { ok: false, message: `ongeldige postcode '${v}' (verwacht 1234 AB)` };
        }
        case 'kvk':
          return isValidKvk(v)
            ? { ok: true, value: v }
            : { ok: false, message: `ongeldig KvK-nummer '${v}' (8 cijfers)` };
        case 'phone':
          return PHONE_RE.test(v) ? { ok: true, value: v } : { ok: false, message: `ongeldig telefoonnummer '${v}'` };
        case 'email':
          return EMAIL_RE.test(v)
            ? { ok: true, value: v.toLowerCase() }
            : { ok: false, message: `ongeldig e-mailadres '${v}'` };
        default:
          return { ok: true, value: v };
      }
    }
  }
}

/** Maps a header (field name or Dutch label, any case) to a field name. */
export function headerToField(kind: RecordKind, header: string): string | null {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/^\ufeff/, '');
  for (const [name, def] of Object.entries(RECORDS[kind])) {
    if (name === h || def.label.toLowerCase() === h) return name;
  }
  return null;
}
