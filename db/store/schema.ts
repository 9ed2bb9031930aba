// Kysely table types. Synced tables follow ENTITIES (db/model/entities.ts); a test checks that
// every registered field is a column. Dates are ISO text, booleans 0/1, lists JSON text.

type Text = string | null;
type Num = number | null;

interface Synced {
  id: string;
  ref: Text;
  deleted: number;
}

export interface ClientTable extends Synced {
  bsn: Text;
  initials: Text;
  first_name: Text;
  name_prefix: Text;
  last_name: Text;
  birth_date: Text;
  gender: Text;
  phone: Text;
  email: Text;
  street: Text;
  house_number: Text;
  postcode: Text;
  city: Text;
  education_level: Text;
  work_thinking_level: Text;
  driving_licence: Text;
  transport: Text;
  hours_available: Num;
  occupations_wanted: Text;
  sectors: Text;
  competences: Text;
  languages: Text;
  work_limitations: Text;
  target_groups: Text;
  banenafspraak_status: Text;
  banenafspraak_checked: Text;
  max_travel_km: Num;
  merged_into: Text;
  created: Text;
}
export interface PeriodTable extends Synced {
  client_id: Text;
  intake_date: Text;
  referrer: Text;
  account_manager: Text;
  exit_date: Text;
  exit_reason: Text;
}
export interface MeasureTable extends Synced {
  client_id: Text;
  date: Text;
  kind: Text;
  reason: Text;
  end_date: Text;
}
export interface EmployerTable extends Synced {
  name: Text;
  kvk: Text;
  street: Text;
  house_number: Text;
  postcode: Text;
  city: Text;
  sector: Text;
  account_holder: Text;
  exceptional_since: Text;
  account_manager: Text;
  contact_name: Text;
  contact_phone: Text;
  contact_email: Text;
}
export interface ContactPersonTable extends Synced {
  employer_id: Text;
  name: Text;
  role: Text;
  phone: Text;
  email: Text;
}
export interface SroiTable extends Synced {
  employer_id: Text;
  contract: Text;
  amount: Num;
  unit: Text;
  start_date: Text;
  end_date: Text;
}
export interface VacancyTable extends Synced {
  employer_id: Text;
  title: Text;
  occupation_code: Text;
  hours_per_week: Num;
  positions: Num;
  opened_date: Text;
  closed_date: Text;
  close_reason: Text;
  banenafspraak: Num;
  description: Text;
  source: Text;
  education_level: Text;
  work_thinking_level: Text;
  driving_licence: Text;
  postcode: Text;
  city: Text;
  closing_date: Text;
  hours_min: Num;
  contract_kind: Text;
  sector: Text;
  competences: Text;
}
export interface MatchTable extends Synced {
  client_id: Text;
  vacancy_id: Text;
  status: Text;
  status_date: Text;
  score: Num;
  note: Text;
}
export interface PlacementTable extends Synced {
  client_id: Text;
  employer_id: Text;
  vacancy_id: Text;
  start_date: Text;
  end_date: Text;
  kind: Text;
  hours_per_week: Num;
  wage_subsidy: Num;
  job_coach: Text;
  wage_value: Num;
}
export interface ActivityTable extends Synced {
  client_id: Text;
  kind: Text;
  provider: Text;
  start_date: Text;
  end_date: Text;
  outcome: Text;
}
export interface ContactTable extends Synced {
  client_id: Text;
  employer_id: Text;
  date: Text;
  kind: Text;
  summary: Text;
  follow_up_date: Text;
  by: Text;
  follow_up_done: Text;
  purpose: Text;
  placement_id: Text;
}
export interface PurgeMarkerTable extends Synced {
  entity: Text;
  purged_on: Text;
}
export interface UserTable extends Synced {
  display_name: Text;
  role: Text;
  email: Text;
  pin_hash: Text;
  active: Num;
}

export interface JournalTable {
  seq: number;
  entity: string;
  row_id: string;
  field: string;
  value: Text;
  hlc: string;
  base_hlc: Text;
  device: string;
  user: string;
}
export interface MetaTable {
  key: string;
  value: string;
}
export interface CodeListTable {
  list: string;
  code: string;
  label: string;
  sort: number;
  active: number;
}
export interface AuditLogTable {
  seq: number;
  at: string;
  device: string;
  actor: string;
  action: string;
  object: Text;
  result: string;
  prev_hash: string;
  hash: string;
}
export interface SearchDocTable {
  row_id: string;
  kind: string;
  doc: number;
}

export interface DB {
  clients: ClientTable;
  caseload_periods: PeriodTable;
  measures: MeasureTable;
  employers: EmployerTable;
  contact_persons: ContactPersonTable;
  sroi_obligations: SroiTable;
  vacancies: VacancyTable;
  matches: MatchTable;
  placements: PlacementTable;
  activities: ActivityTable;
  contacts: ContactTable;
  users: UserTable;
  purge_markers: PurgeMarkerTable;
  journal: JournalTable;
  meta: MetaTable;
  code_lists: CodeListTable;
  audit_log: AuditLogTable;
  search_doc: SearchDocTable;
}
