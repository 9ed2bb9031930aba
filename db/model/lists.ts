// The four work lists (Klanten, Werkgevers, Vacatures, Plaatsingen) as the screens show and
// export them: which columns can be sorted, which filters apply, and the Dutch column headers of
// an exported file. The queries live in db/search/lists.ts; the screens and the export share
// this one description, so "export this list" gives the list as filtered and sorted. Pure.

export const LIST_NAMES = ['clients', 'employers', 'vacancies', 'placements'] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** Columns per list, in screen and file order, with the header of an exported file. */
export const LIST_COLUMNS = {
  clients: {
    name: 'Naam',
    ref: 'Klantnummer',
    birth_date: 'Geboortedatum',
    city: 'Woonplaats',
    account_manager: 'Klantmanager',
    intake_date: 'Instroomdatum',
    exit_date: 'Uitstroomdatum',
    status: 'Status',
    target_groups: 'Doelgroepen',
  },
  employers: {
    name: 'Naam',
    ref: 'Nummer',
    kvk: 'KvK-nummer',
    city: 'Plaats',
    sector: 'Sector',
    account_manager: 'Accountmanager',
    exceptional_since: 'Buitengewoon sinds',
    last_contact: 'Laatste contact',
    open_vacancies: 'Open vacatures',
  },
  vacancies: {
    title: 'Functie',
    ref: 'Nummer',
    employer: 'Werkgever',
    city: 'Plaats',
    hours_per_week: 'Uren per week',
    positions: 'Plaatsen',
    opened_date: 'Geopend',
    closing_date: 'Sluitingsdatum',
    status: 'Status',
    banenafspraak: 'Banenafspraak',
    proposed: 'Lopende voordrachten',
    placed: 'Geplaatst',
  },
  placements: {
    client: 'Klant',
    ref: 'Nummer',
    employer: 'Werkgever',
    vacancy: 'Vacature',
    kind: 'Soort',
    start_date: 'Begindatum',
    end_date: 'Einddatum',
    hours_per_week: 'Uren per week',
    job_coach: 'Jobcoach',
    status: 'Status',
  },
} as const satisfies Record<ListName, Record<string, string>>;

export type ListColumn<L extends ListName> = keyof (typeof LIST_COLUMNS)[L] & string;

/** Columns whose values are dates (shown and exported as dd-mm-jjjj). */
export const DATE_COLUMNS = new Set([
  'birth_date',
  'intake_date',
  'exit_date',
  'exceptional_since',
  'last_contact',
  'opened_date',
  'closing_date',
  'start_date',
  'end_date',
]);

/** Status filters per list (value -> Dutch label); the default list shows all. */
export const LIST_STATUSES = {
  clients: { in: 'In de caseload', out: 'Uitgestroomd', none: 'Niet ingestroomd' },
  employers: { exceptional: 'Buitengewone werkgever', overdue: 'Opvolging te laat' },
  vacancies: { open: 'Open', filled: 'Vervuld', withdrawn: 'Ingetrokken' },
  placements: {
    current: 'Lopend of toekomstig',
    running: 'Lopend',
    future: 'Toekomstig',
    ended: 'Beëindigd',
  },
} as const satisfies Record<ListName, Record<string, string>>;

export type SortDir = 'asc' | 'desc';

/**
 * Sort and filters of a list: the same on the screen's page and in the exported file. The
 * contract's schema is in list-view.ts (zod stays out of what the renderer loads at start).
 */
export interface ListView {
  /** A column of the list (LIST_COLUMNS); null keeps the list's own order. */
  sort: string | null;
  dir: SortDir;
  /** The account manager's name as in the caseload period or the employer. */
  accountManager: string | null;
  /** A target group code (db/model/codes.ts target_group). */
  targetGroup: string | null;
  /** A status of LIST_STATUSES for the list. */
  status: string | null;
}

/** Whether a view changes anything beyond a list's own order and filters. */
export function isPlainView(v: Partial<ListView> | undefined): boolean {
  return !v || (!v.sort && !v.accountManager && !v.targetGroup && !v.status);
}

/** The file name of an exported list: e.g. "klanten-2026-12-01.xlsx". */
export function listFileName(list: ListName, day: string, format: 'csv' | 'xlsx'): string {
  const dutch = { clients: 'klanten', employers: 'werkgevers', vacancies: 'vacatures', placements: 'plaatsingen' };
  return `${dutch[list]}-${day}.${format}`;
}
