// Code lists from CONTRACTS.md: English codes in data, Dutch labels in the app.
// Order here is the display order.

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
  // VUM codeWerkEnDenkniveau (werkzoekende: bereikt niveau; vacature: minimaal niveau).
  work_thinking_level: {
    '1': 'Geen basisopleiding',
    '2': 'Basisniveau',
    '3': 'Vmbo-niveau',
    '4': 'Mbo/havo/vwo-niveau',
    '5': 'Hbo-niveau',
    '6': 'Wo-niveau',
    '7': '(Nog) niet bekend',
  },
  // VUM codeVervoermiddel 1 auto, 2 bromfiets, 3 fiets, 4 motor, 5 openbaar vervoer, 9 anders.
  transport: {
    car: 'Auto',
    moped: 'Bromfiets',
    bike: 'Fiets',
    motorcycle: 'Motor',
    public_transport: 'Openbaar vervoer',
    other: 'Anders',
  },
  // Doelgroepregister: only the status and the date it was checked, never UWV's reasons.
  banenafspraak_status: {
    registered: 'Opgenomen in doelgroepregister',
    applied: 'Aangevraagd',
    not_registered: 'Niet opgenomen',
  },
  measure_kind: {
    warning: 'Waarschuwing',
    reduction: 'Verlaging uitkering',
    other: 'Overig',
  },
  vacancy_source: {
    own: 'Eigen acquisitie',
    uwv: 'UWV (WBS)',
    temp_agency: 'Uitzendbureau',
  },
  // WBS type overeenkomst: 01 regulier, 02 leerbaan, 03 vrijwilligerswerk, 04 werkervaringsplaats.
  contract_kind: {
    regular: 'Regulier',
    learning_job: 'Leerbaan',
    volunteer: 'Vrijwilligerswerk',
    work_experience: 'Werkervaringsplaats',
  },
  placement_end_reason: {
    contract_ended: 'Contract afgelopen',
    permanent_contract: 'Vast contract bij de werkgever',
    other_job: 'Ander werk gevonden',
    dismissed: 'Ontslag door de werkgever',
    quit: 'Zelf gestopt',
    health: 'Gezondheid',
    trial_failed: 'Proefplaatsing niet gelukt',
    other: 'Overig',
  },
  match_status: {
    proposed: 'Voorgedragen',
    interview: 'Gesprek',
    hired: 'Aangenomen',
    rejected: 'Afgewezen',
  },
  contact_purpose: {
    nazorg: 'Nazorg plaatsing',
  },
  // Uitkering: whether the client receives a benefit; the 25% target's base is the benefit
  // recipients (seed 4.1: "uitkeringsgerechtigden"), BENEFIT_RECIPIENT_STATUSES below.
  benefit_status: {
    bijstand: 'Bijstand (Participatiewet)',
    anders: 'Andere uitkering',
    geen: 'Geen uitkering',
  },
  sroi_unit: {
    hours: 'Uren',
    placements: 'Plaatsingen',
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

/**
 * Benefit statuses that make a client an "uitkeringsgerechtigde" for the 25% target (seed 4.1 b):
 * every benefit, bijstand and other. A client whose status is not filled counts too until it is,
 * so the base falls back to the whole caseload (db/reports/work-target.ts says so in the report).
 */
export const BENEFIT_RECIPIENT_STATUSES = ['bijstand', 'anders'] as const;
