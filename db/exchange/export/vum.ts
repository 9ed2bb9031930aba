// VUM JSON (EXPORTS.md 4): werkzoekendeprofielen and vacatures as the public VUM OpenAPI specs
// describe them (WerkzoekendenProfielen 0.8.7, Vacatures 0.8.2; ../shared/reference/vum).
// The jobseeker profile is pseudonymous by design: no BSN, no name, no contact data, no address,
// no birth date, no health data - its id is a one-way hash of our internal record id.
// Polymorphic parts (Beroepsnaam, Adres, AdresDetails) are written as exactly one variant.
// Postcodes are left out: the specs' postcode pattern ends in a stray "/i" that no value matches.
import { createHash } from 'node:crypto';
import type { ExportKind, ExportProblem } from '../../model/export-profiles.js';
import type { SourceRecord } from './sources.js';

export const VUM_FILES: { kind: ExportKind; name: string }[] = [
  { kind: 'jobseekers', name: 'vum-werkzoekenden.json' },
  { kind: 'vacancies', name: 'vum-vacatures.json' },
];

type Doc = Record<string, unknown>;

const RIJBEWIJS = new Set([
  'A',
  'A1',
  'A2',
  'AM',
  'B',
  'B+',
  'C1',
  'C',
  'D1',
  'D',
  'BE',
  'C1E',
  'CE',
  'D1E',
  'DE',
  'T',
]);
const VERVOER: Record<string, number> = { car: 1, moped: 2, bike: 3, motorcycle: 4, public_transport: 5, other: 9 };
const GEDRAG = new Set([
  24100, 24101, 24102, 24104, 24105, 24106, 24107, 24108, 24109, 24110, 24111, 24112, 24113, 24114, 24115, 24116, 24118,
  24119, 24120, 24121, 24122, 24123, 24124, 24125, 24126,
]);
/** Our education levels -> VUM codeNiveauOpleiding and codeWerkEnDenkniveau. */
const OPLEIDING: Record<string, number> = {
  none: 1,
  vmbo: 2,
  mbo1: 4,
  mbo2: 4,
  mbo3: 4,
  mbo4: 4,
  havo_vwo: 3,
  hbo: 5,
  wo: 6,
};
const DENKNIVEAU: Record<string, number> = {
  none: 2,
  vmbo: 3,
  mbo1: 4,
  mbo2: 4,
  mbo3: 4,
  mbo4: 4,
  havo_vwo: 4,
  hbo: 5,
  wo: 6,
};
const PHONE =
  /^(0|(\+|00)31)(([1-9]([0-9]){8})|(6-?[1-9]([0-9]){7})|([1-57-9]\d-?[1-9]([0-9]){6})|([1-57-9]\d{2}-?[1-9]([0-9]){5}))$/;
const EMAIL = /^\S+@\S+\.\S+$/;

class DocBuilder {
  readonly problems: ExportProblem[] = [];
  constructor(private readonly src: SourceRecord) {}

  problem(column: string, label: string, message: string): void {
    this.problems.push({ kind: this.src.kind, id: this.src.id, ref: this.src.ref, column, label, message });
  }

  /** A text within the spec's maxLength, or a problem naming the field. */
  text(value: unknown, max: number, column: string, label: string): string | undefined {
    if (value === null || value === undefined || value === '') return undefined;
    const s = String(value);
    if (s.length > max) {
      this.problem(column, label, `is te lang voor VUM (${s.length} tekens, maximaal ${max})`);
      return undefined;
    }
    return s;
  }
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const int = (v: unknown, max: number): number | undefined =>
  v === null || v === undefined || !Number.isFinite(Number(v))
    ? undefined
    : Math.min(max, Math.max(0, Math.round(Number(v))));
const sbi = (v: unknown): number | undefined => {
  const m = /^\s*(\d{1,5})\b/.exec(String(v ?? ''));
  return m ? Number(m[1]) : undefined;
};
/** Drops undefined values and empty arrays/objects, so only what we know is sent. */
function compact(o: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

function competences(b: DocBuilder, values: unknown): { gedragscompetentie: Doc[]; vakvaardigheid: Doc[] } {
  const gedragscompetentie: Doc[] = [];
  const vakvaardigheid: Doc[] = [];
  for (const c of list(values)) {
    if (GEDRAG.has(Number(c))) gedragscompetentie.push({ codeGedragscompetentie: Number(c) });
    else {
      const omschrijving = b.text(c, 120, 'competences', 'Competenties');
      if (omschrijving) vakvaardigheid.push({ omschrijving });
    }
  }
  return { gedragscompetentie, vakvaardigheid };
}

export function pseudonym(recordId: string): string {
  return `WZ-${createHash('sha256').update(`caseload-vum-werkzoekende\u001f${recordId}`).digest('hex').slice(0, 32)}`;
}

function jobseeker(src: SourceRecord): { doc: Doc; problems: ExportProblem[] } {
  const v = src.values;
  const b = new DocBuilder(src);
  const level = v.work_thinking_level ? Number(v.work_thinking_level) : DENKNIVEAU[String(v.education_level)];
  const comp = competences(b, v.competences);
  const beroepen = list(v.occupations_wanted).flatMap((o): Doc[] => {
    if (/^\d{1,10}$/.test(o)) return [{ codeBeroepsnaam: o }];
    const naam = b.text(o, 120, 'occupations_wanted', 'Gewenste beroepen');
    return naam ? [{ naamBeroepOngecodeerd: naam }] : [];
  });
  const banenafspraak = list(v.target_groups).includes('banenafspraak') || v.banenafspraak_status === 'registered';
  const doc = compact({
    idWerkzoekende: pseudonym(src.id),
    indicatieLdrRegistratie: banenafspraak ? 1 : 2,
    // Pseudonymous profile: contact data are never part of it.
    indicatieBeschikbaarheidContactgegevens: 2,
    vervoermiddel: list(v.transport)
      .filter((t) => VERVOER[t])
      .map((t) => ({ codeVervoermiddel: VERVOER[t], indicatieBeschikbaarVoorWoonWerkverkeer: 1 })),
    mobiliteit: compact({ maximaleReisafstand: int(v.max_travel_km, 999) }),
    werktijden: compact({ aantalWerkurenPerWeekMaximaal: int(v.hours_available, 99) }),
    arbeidsmarktkwalificatie: compact({
      codeWerkEnDenkniveauWerkzoekende: level !== undefined && level >= 0 && level <= 7 ? level : undefined,
      rijbewijs: list(v.driving_licence)
        .filter((r) => RIJBEWIJS.has(r))
        .map((r) => ({ codeSoortRijbewijs: r })),
      opleiding: OPLEIDING[String(v.education_level)]
        ? [{ codeNiveauOpleiding: OPLEIDING[String(v.education_level)] }]
        : [],
      taalbeheersing: list(v.languages)
        .filter((l) => /^[a-z]{3}$/.test(l))
        .map((codeTaal) => ({ codeTaal })),
      ...comp,
    }),
    sector: list(v.sectors)
      .map(sbi)
      .filter((n) => n !== undefined)
      .map((codeSbi) => ({ codeSbi })),
    bemiddelingsberoep: beroepen,
  });
  return { doc, problems: b.problems };
}

function address(b: DocBuilder, v: Record<string, unknown>): Doc | undefined {
  const street = b.text(v['employer.street'], 80, 'employer.street', 'Straat werkgever');
  const city = b.text(v['employer.city'], 80, 'employer.city', 'Plaats werkgever');
  const m = /^(\d{1,5})\s*([A-Za-z])?(?:\s*[-/ ]\s*([A-Za-z0-9]{1,6}))?$/.exec(
    String(v['employer.house_number'] ?? '').trim(),
  );
  const straatadres = compact({
    naamOpenbareRuimte: street,
    straatnaam: street && street.length <= 24 ? street : undefined,
    huisnummer: m ? Number(m[1]) : undefined,
    huisletter: m?.[2],
    huisnummertoevoeging: m?.[3],
  });
  const nl = compact({
    woonplaatsnaam: city,
    adresDetails: Object.keys(straatadres).length ? { straatadres } : undefined,
  });
  return Object.keys(nl).length ? { adres: { adresNederland: nl } } : undefined;
}

function vacancy(src: SourceRecord): { doc: Doc; problems: ExportProblem[] } {
  const v = src.values;
  const b = new DocBuilder(src);
  const title = b.text(v.title, 120, 'title', 'Functie');
  if (!title) b.problem('title', 'Functie', 'is verplicht maar leeg');
  const phone = v['employer.contact_phone'] ? String(v['employer.contact_phone']).replace(/[\s().-]/g, '') : undefined;
  if (phone && !PHONE.test(phone))
    b.problem('employer.contact_phone', 'Telefoon contactpersoon', 'past niet in het VUM-telefoonformaat');
  const email = v['employer.contact_email'] ? String(v['employer.contact_email']) : undefined;
  if (email && !EMAIL.test(email)) b.problem('employer.contact_email', 'E-mail contactpersoon', 'ongeldig e-mailadres');
  const contact = compact({
    naamContactpersoonAfdeling: b.text(v['employer.contact_name'], 35, 'employer.contact_name', 'Contactpersoon'),
    telefoonnummer: phone && PHONE.test(phone) ? [phone] : [],
    emailadres: email && EMAIL.test(email) ? [email] : [],
  });
  const adres = address(b, v);
  const code = v.occupation_code ? b.text(v.occupation_code, 10, 'occupation_code', 'Beroepscode') : undefined;
  const level = v.work_thinking_level
    ? String(v.work_thinking_level)
    : DENKNIVEAU[String(v.education_level)]?.toString();
  const hoursMax = int(v.hours_per_week, 99);
  const contractKind: Record<string, string> = {
    regular: '01',
    learning_job: '02',
    volunteer: '03',
    work_experience: '04',
  };
  const doc = compact({
    idVacature: b.text(src.ref, 200, 'ref', 'Vacaturenummer'),
    naamVacature: title,
    nummerVacature: src.ref.length <= 11 ? src.ref : undefined,
    omschrijvingVacature: b.text(v.description, 2000, 'description', 'Omschrijving'),
    codeWerkEnDenkniveauMinimaal: level && /^[0-7]$/.test(level) ? level : undefined,
    indicatieLdrRegistratie: v.banenafspraak === true ? 1 : 2,
    sluitingsDatumVacature: (v.closing_date as string | null) ?? undefined,
    werkgever: compact({
      handelsnaamOrganisatie: b.text(v['employer.name'], 500, 'employer.name', 'Werkgever'),
      adresHouding: adres ? [adres] : [],
      contactpersoon: Object.keys(contact).length ? [contact] : [],
      sector: sbi(v['employer.sector']) !== undefined ? [{ codeSbi: sbi(v['employer.sector']) }] : [],
    }),
    sector: sbi(v.sector) !== undefined ? { codeSbi: sbi(v.sector) } : undefined,
    contractvorm: contractKind[String(v.contract_kind)]
      ? [{ codeTypeOvereenkomst: contractKind[String(v.contract_kind)] }]
      : [],
    beroep: code
      ? compact({ codeBeroepsnaam: code, omschrijvingBeroepsnaam: title })
      : title
        ? { naamBeroepOngecodeerd: title }
        : undefined,
    werktijden: compact({
      aantalWerkurenPerWeekMinimaal: int(v.hours_min, 99) ?? hoursMax,
      aantalWerkurenPerWeekMaximaal: hoursMax,
    }),
    rijbewijs: list(v.driving_licence)
      .filter((r) => RIJBEWIJS.has(r))
      .map((r) => ({ codeSoortRijbewijs: r })),
    ...competences(b, v.competences),
  });
  return { doc, problems: b.problems };
}

export function buildVumDocument(kind: ExportKind, src: SourceRecord): { doc: Doc; problems: ExportProblem[] } {
  if (kind === 'jobseekers') return jobseeker(src);
  if (kind === 'vacancies') return vacancy(src);
  throw new Error(`VUM kent geen ${kind}`);
}
