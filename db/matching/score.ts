// The explained match score between a client and a vacancy: six components, each with a weight,
// the points it earned and a Dutch sentence saying why. The total is 0-100. Pure: no database.
//
// Rules (weights sum to 100):
// - beroep (30): a wanted occupation equal to the vacancy's occupation code or title = full;
//   a wanted occupation that is part of the title (or a title word of 4+ letters part of the
//   wish) = 60%; wishes that do not fit = 0.
// - niveau (15): werk- en denkniveau (VUM 1-6) when both sides have one, else the education level
//   translated to that scale; at or above the vacancy's level = full, one step below = half, lower = 0.
// - uren (15): available hours at least the vacancy's minimum (or its hours) = full, else in proportion.
// - afstand (20): straight-line km between postcodes (db/matching/postcodes.ts): up to 5 km = full,
//   falling linearly to 0 at the client's maximum travel distance (VUM maximaleReisafstand), 30 km
//   when none is recorded; halved beyond 15 km when the client has neither a car nor a driving licence.
// - rijbewijs (10): every licence the vacancy asks for = full, else 0.
// - beschikbaarheid (10): in the caseload and no running placement = full, else 0.
// Anything unknown (no wish, no level, no hours, unknown postcode) earns half: it neither helps
// nor sinks a candidate, and the explanation says what is missing.
import { labelOf } from '../model/codes.js';
import { distanceBetween, locate, type Located } from './postcodes.js';

export interface ClientProfile {
  id: string;
  ref: string;
  postcode: string | null;
  education_level: string | null;
  work_thinking_level: string | null;
  hours_available: number | null;
  occupations_wanted: string[];
  driving_licence: string[];
  transport: string[];
  max_travel_km: number | null;
  inCaseload: boolean;
  placed: boolean;
}

export interface VacancyProfile {
  id: string;
  ref: string;
  title: string;
  occupation_code: string | null;
  education_level: string | null;
  work_thinking_level: string | null;
  hours_per_week: number | null;
  hours_min: number | null;
  driving_licence: string[];
  /** The work location: the vacancy's postcode, else the employer's. */
  postcode: string | null;
}

export type ComponentKey = 'occupation' | 'level' | 'hours' | 'distance' | 'licence' | 'availability';

export interface ScoreComponent {
  key: ComponentKey;
  label: string;
  weight: number;
  points: number;
  explanation: string;
}

export interface MatchScore {
  score: number;
  components: ScoreComponent[];
}

export const WEIGHTS: Record<ComponentKey, { weight: number; label: string }> = {
  occupation: { weight: 30, label: 'Beroep' },
  level: { weight: 15, label: 'Niveau' },
  hours: { weight: 15, label: 'Uren' },
  distance: { weight: 20, label: 'Afstand' },
  licence: { weight: 10, label: 'Rijbewijs' },
  availability: { weight: 10, label: 'Beschikbaarheid' },
};

/** Education level -> VUM werk- en denkniveau (1 geen basisopleiding ... 6 wo). */
const LEVEL_OF_EDUCATION: Record<string, number> = {
  none: 2,
  vmbo: 3,
  mbo1: 3,
  mbo2: 4,
  mbo3: 4,
  mbo4: 4,
  havo_vwo: 4,
  hbo: 5,
  wo: 6,
};

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
const words = (s: string) =>
  norm(s)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4);

/** What scoring needs of a vacancy, worked out once per vacancy (a ranking scores thousands of clients). */
interface Prepared {
  title: string;
  code: string | null;
  titleWords: string[];
  at: Located | null;
}
const prepared = new WeakMap<VacancyProfile, Prepared>();

function prepare(v: VacancyProfile): Prepared {
  let p = prepared.get(v);
  if (!p) {
    p = {
      title: norm(v.title),
      code: v.occupation_code ? norm(v.occupation_code) : null,
      titleWords: words(v.title),
      at: locate(v.postcode),
    };
    prepared.set(v, p);
  }
  return p;
}

/** A component's fraction (0-1) and, only when asked, its explanation. */
type Part = [number, () => string];

function occupation(c: ClientProfile, v: VacancyProfile, pv: Prepared): Part {
  const wanted = c.occupations_wanted.filter((x) => x.trim());
  if (!wanted.length) return [0.5, () => 'Geen gewenste beroepen vastgelegd'];
  const { title, code, titleWords } = pv;
  const exact = wanted.find((x) => norm(x) === title || (code !== null && norm(x) === code));
  if (exact) return [1, () => `Gewenst beroep '${exact}' past bij de functie '${v.title}'`];
  const near = wanted.find((x) => {
    const n = norm(x);
    return (n.length >= 4 && title.includes(n)) || titleWords.some((w) => n.includes(w));
  });
  if (near) return [0.6, () => `Gewenst beroep '${near}' lijkt op de functie '${v.title}'`];
  return [0, () => `Gewenste beroepen (${wanted.join(', ')}) passen niet bij '${v.title}'`];
}

function levelOf(work: string | null, education: string | null): number | null {
  const w = work ? Number(work) : NaN;
  if (w >= 1 && w <= 6) return w;
  return education ? (LEVEL_OF_EDUCATION[education] ?? null) : null;
}

function level(c: ClientProfile, v: VacancyProfile): Part {
  // Compare like with like: both werk- en denkniveau when both have one, else via education.
  const bothWork = Boolean(
    c.work_thinking_level &&
    v.work_thinking_level &&
    Number(c.work_thinking_level) <= 6 &&
    Number(v.work_thinking_level) <= 6,
  );
  const need = bothWork ? Number(v.work_thinking_level) : levelOf(v.work_thinking_level, v.education_level);
  if (need === null) return [1, () => 'Geen niveau gevraagd'];
  const have = bothWork ? Number(c.work_thinking_level) : levelOf(c.work_thinking_level, c.education_level);
  const needLabel = labelOf('work_thinking_level', String(need)).toLowerCase();
  if (have === null) return [0.5, () => `Niveau van de klant onbekend (gevraagd ${needLabel})`];
  const haveLabel = labelOf('work_thinking_level', String(have)).toLowerCase();
  if (have >= need) return [1, () => `Niveau voldoet (${haveLabel}, gevraagd ${needLabel})`];
  if (have === need - 1)
    return [0.5, () => `Niveau één stap onder het gevraagde (${haveLabel}, gevraagd ${needLabel})`];
  return [0, () => `Niveau te laag (${haveLabel}, gevraagd ${needLabel})`];
}

function hours(c: ClientProfile, v: VacancyProfile): Part {
  const need = v.hours_min ?? v.hours_per_week;
  if (need === null || need <= 0) return [1, () => 'Geen urenomvang opgegeven'];
  const asked =
    v.hours_min !== null && v.hours_per_week !== null && v.hours_min !== v.hours_per_week
      ? `${v.hours_min}-${v.hours_per_week}`
      : String(need);
  if (c.hours_available === null) return [0.5, () => `Beschikbare uren onbekend (gevraagd ${asked} uur)`];
  const fraction = Math.min(1, c.hours_available / need);
  return [fraction, () => `Beschikbaar ${c.hours_available} uur, gevraagd ${asked} uur`];
}

function distance(c: ClientProfile, pv: Prepared): Part {
  const d = distanceBetween(locate(c.postcode), pv.at);
  if (!d) return [0.5, () => 'Afstand onbekend (postcode ontbreekt of ligt buiten de tabel)'];
  const limit = c.max_travel_km ?? 30;
  const fraction = d.km <= 5 ? 1 : limit <= 5 ? 0 : Math.max(0, 1 - (d.km - 5) / (limit - 5));
  const why = () => {
    const where = `ca. ${String(d.km).replace('.', ',')} km hemelsbreed${d.precision === '2' ? ', grove schatting' : ''}`;
    return c.max_travel_km !== null ? `${where}, wil maximaal ${c.max_travel_km} km reizen` : where;
  };
  const ownTransport = c.transport.includes('car') || c.driving_licence.length > 0;
  if (d.km > 15 && !ownTransport && fraction > 0) return [fraction / 2, () => `${why()}; geen auto of rijbewijs`];
  return [fraction, why];
}

function licence(c: ClientProfile, v: VacancyProfile): Part {
  if (!v.driving_licence.length) return [1, () => 'Geen rijbewijs gevraagd'];
  const missing = v.driving_licence.filter((x) => !c.driving_licence.includes(x));
  if (!missing.length) return [1, () => `Heeft rijbewijs ${v.driving_licence.join(', ')}`];
  return [0, () => `Rijbewijs ${missing.join(', ')} ontbreekt`];
}

function availability(c: ClientProfile): Part {
  if (!c.inCaseload) return [0, () => 'Niet in de caseload'];
  if (c.placed) return [0, () => 'Heeft een lopende plaatsing'];
  return [1, () => 'Beschikbaar: in de caseload en niet geplaatst'];
}

export function scoreMatch(c: ClientProfile, v: VacancyProfile): MatchScore {
  const pv = prepare(v);
  const parts: [ComponentKey, Part][] = [
    ['occupation', occupation(c, v, pv)],
    ['level', level(c, v)],
    ['hours', hours(c, v)],
    ['distance', distance(c, pv)],
    ['licence', licence(c, v)],
    ['availability', availability(c)],
  ];
  const components = parts.map(([key, [fraction, why]]) => ({
    key,
    label: WEIGHTS[key].label,
    weight: WEIGHTS[key].weight,
    points: pointsOf(key, fraction),
    explanation: why(),
  }));
  return { score: Math.round(components.reduce((s, x) => s + x.points, 0)), components };
}

const pointsOf = (key: ComponentKey, fraction: number) => Math.round(WEIGHTS[key].weight * fraction * 10) / 10;

/** The total only, without explanations: for ranking thousands before explaining one page. */
export function scoreOnly(c: ClientProfile, v: VacancyProfile): number {
  const pv = prepare(v);
  const total =
    pointsOf('occupation', occupation(c, v, pv)[0]) +
    pointsOf('level', level(c, v)[0]) +
    pointsOf('hours', hours(c, v)[0]) +
    pointsOf('distance', distance(c, pv)[0]) +
    pointsOf('licence', licence(c, v)[0]) +
    pointsOf('availability', availability(c)[0]);
  return Math.round(total);
}
