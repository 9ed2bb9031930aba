// Code lists from CONTRACTS.md: English codes in data, Dutch labels in the app.
// Order here is the display order; the store seeds its code_lists table from these.

export const CODE_LISTS = {
  exit_reason: {
    work_regular: 'Niet-gesubsidieerd werk',
    self_employed: 'Zelfstandig ondernemerschap',
    work_subsidized: 'Gesubsidieerd werk',
    education: 'Opleiding/school',
    referred_social_team: 'Terug naar Sociaal Team',
    moved: 'Verhuisd',
    other_income: 'Ander inkomen',
    other: 'Overig',
  },
  referrer: {
    social_team: 'Sociaal Team',
    uwv: 'UWV',
    school: 'School (vso/pro)',
    urk: 'Gemeente Urk',
    self: 'Eigen melding',
    other: 'Overig',
  },
  target_group: {
    banenafspraak: 'Banenafspraak',
    statushouder: 'Statushouder',
    vso_pro: 'Vso/pro-leerling',
  },
  account_holder: {
    werkcorporatie: 'Werkcorporatie',
    uwv: 'UWV',
    other: 'Overig',
  },
  placement_kind: {
    regular: 'Regulier',
    subsidized: 'Gesubsidieerd (loonkostensubsidie)',
    work_experience: 'Werkervaringsplaats',
    trial: 'Proefplaatsing',
    training_job: 'Leerwerkbaan met baangarantie',
    secondment: 'Detachering',
  },
  activity_kind: {
    intake_programme: 'Vierwekenprogramma',
    job_application_training: 'Sollicitatietraining',
    work_experience: 'Werkervaring',
    training_course: 'Cursus/opleiding',
    cvw_traject: 'Traject Concern voor Werk',
    job_coaching: 'Jobcoaching',
    wage_value_assessment: 'Loonwaardemeting',
    other: 'Overig',
  },
  contact_kind: {
    meeting: 'Gesprek',
    phone: 'Telefonisch',
    email: 'E-mail',
    visit: 'Bezoek',
    other: 'Overig',
  },
  gender: {
    m: 'Man',
    v: 'Vrouw',
    x: 'Anders/onbekend',
  },
  education_level: {
    none: 'Geen/basisonderwijs',
    vmbo: 'Vmbo',
    mbo1: 'Mbo 1 (entree)',
    mbo2: 'Mbo 2',
    mbo3: 'Mbo 3',
    mbo4: 'Mbo 4',
    havo_vwo: 'Havo/vwo',
    hbo: 'Hbo',
    wo: 'Wo',
  },
  vacancy_close_reason: {
    filled: 'Vervuld',
    withdrawn: 'Ingetrokken',
    expired: 'Verlopen',
  },
} as const satisfies Record<string, Record<string, string>>;

export type CodeListName = keyof typeof CODE_LISTS;
export type Code<L extends CodeListName> = keyof (typeof CODE_LISTS)[L] & string;

export function codesOf<L extends CodeListName>(list: L): [Code<L>, ...Code<L>[]] {
  return Object.keys(CODE_LISTS[list]) as [Code<L>, ...Code<L>[]];
}

export function labelOf(list: CodeListName, code: string): string {
  return (CODE_LISTS[list] as Record<string, string>)[code] ?? code;
}

/** Exit reasons that count as regular work for the 25% outflow target (DOMAIN.md). */
export const REGULAR_WORK_REASONS = ['work_regular', 'self_employed'] as const;
