// Dutch names of entities and fields for change histories and the dossier timeline. Fields of the
// interchange records take their label from db/model/records.ts; the rest are listed here.
import type { EntityName } from '../model/entities.js';
import { RECORDS, type RecordKind } from '../model/records.js';

export const ENTITY_LABELS: Partial<Record<EntityName, string>> = {
  user: 'Gebruiker',
  client: 'Klant',
  period: 'Caseloadperiode',
  measure: 'Maatregel',
  employer: 'Werkgever',
  contact_person: 'Contactpersoon',
  sroi: 'SROI-verplichting',
  vacancy: 'Vacature',
  match: 'Voordracht',
  placement: 'Plaatsing',
  activity: 'Activiteit',
  contact: 'Contactmoment',
  purge_marker: 'Vernietigd record',
};

const RECORD_OF: Partial<Record<EntityName, RecordKind>> = {
  client: 'clients',
  period: 'clients',
  employer: 'employers',
  vacancy: 'vacancies',
  placement: 'placements',
  activity: 'activities',
  contact: 'contacts',
};

const EXTRA: Record<string, string> = {
  ref: 'Registratienummer',
  deleted: 'Verwijderd',
  client_id: 'Klant',
  employer_id: 'Werkgever',
  vacancy_id: 'Vacature',
  placement_id: 'Plaatsing',
  merged_into: 'Samengevoegd met',
  created: 'Geregistreerd op',
  status: 'Status',
  status_date: 'Statusdatum',
  score: 'Score',
  note: 'Notitie',
  date: 'Datum',
  kind: 'Soort',
  reason: 'Reden',
  end_date: 'Einddatum',
  start_date: 'Startdatum',
  contract: 'Contract',
  amount: 'Omvang',
  unit: 'Eenheid',
  name: 'Naam',
  role: 'Rol',
  phone: 'Telefoon',
  email: 'E-mail',
  display_name: 'Naam',
  pin_hash: 'PIN/wachtwoord',
  active: 'Actief',
  entity: 'Soort record',
  purged_on: 'Vernietigd op',
  account_manager_id: 'Klantmanager (gebruiker)',
  exit_note: 'Reden van de correctie',
  previous: 'Vorige klantmanager',
  previous_id: 'Vorige klantmanager (gebruiker)',
  from_date: 'Met ingang van',
};

export function fieldLabel(entity: EntityName, field: string): string {
  const kind = RECORD_OF[entity];
  const def = kind ? RECORDS[kind][field] : undefined;
  return def?.label ?? EXTRA[field] ?? field;
}
