// Dutch UI text of the Synchronisatie screen, and how a conflict's field and value are shown.
import { RECORDS, type RecordKind } from '../../db/model/records.js';
import { formatDateNl } from '../format.js';
import { formatMomentNl } from '../../db/model/calendar.js';

export const T = {
  title: 'Synchronisatie',
  loading: 'Bezig met laden…',
  intro:
    'Alle laptops van het team wisselen hun wijzigingen uit via een gedeelde map (netwerkschijf, OneDrive of SharePoint). Alles in die map is versleuteld.',
  setupTitle: 'Gedeelde map instellen',
  folder: 'Gedeelde map (volledig pad)',
  modeCreate: 'Nieuw team maken (eerste laptop)',
  modeJoin: 'Aansluiten bij het team in deze map',
  passphrase: 'Teamwachtwoord',
  passphraseHint: 'Minstens 12 tekens. Iedereen in het team gebruikt hetzelfde wachtwoord; bewaar het veilig.',
  deviceName: 'Naam van deze laptop',
  setup: 'Instellen',
  unlockTitle: 'Teamwachtwoord nodig',
  unlockText: 'De teamsleutel is op deze laptop niet beschikbaar. Voer het teamwachtwoord in.',
  unlock: 'Ontgrendelen',
  statusTitle: 'Status',
  lastRun: 'Laatst gesynchroniseerd',
  never: 'nog nooit',
  folderLabel: 'Map',
  pending: 'Nog te versturen wijzigingen',
  runNow: 'Nu synchroniseren',
  running: 'Bezig met synchroniseren…',
  withSnapshot: 'ook een momentopname maken (snelle start voor nieuwe laptops)',
  lastResult: (applied: number, sent: number) =>
    `Laatste ronde: ${applied} wijziging(en) ontvangen, ${sent} verstuurd.`,
  problemsTitle: 'Problemen met bestanden',
  noProblems: 'Geen problemen.',
  quarantined: 'in quarantaine',
  retrying: 'wordt opnieuw geprobeerd',
  tries: (n: number) => `${n}× geprobeerd`,
  conflictsTitle: 'Conflicten',
  noConflicts: 'Geen open conflicten.',
  conflictsIntro:
    'Deze gegevens zijn tegelijk op twee laptops verschillend ingevuld. De waarde die nu geldt staat links; kies welke juist is.',
  showOther: 'ook andere overschreven wijzigingen tonen',
  current: 'Geldt nu',
  other: 'Andere waarde',
  keepCurrent: 'Huidige houden',
  takeOther: 'Andere kiezen',
  merged: (ref: string) => `Dubbel geregistreerd (samengevoegd met ${ref})`,
  by: (user: string, at: string) => `door ${user}, ${at}`,
  empty: '(leeg)',
};

const ENTITY_LABEL: Record<string, string> = {
  client: 'Klant',
  period: 'Caseloadperiode',
  employer: 'Werkgever',
  vacancy: 'Vacature',
  placement: 'Plaatsing',
  activity: 'Activiteit',
  contact: 'Contact',
  match: 'Match',
  measure: 'Maatregel',
  user: 'Gebruiker',
};
const KIND_OF: Record<string, RecordKind> = {
  client: 'clients',
  period: 'clients',
  employer: 'employers',
  vacancy: 'vacancies',
  placement: 'placements',
  activity: 'activities',
  contact: 'contacts',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABEL[entity] ?? entity;
}

export function fieldLabel(entity: string, field: string): string {
  const kind = KIND_OF[entity];
  return (kind && RECORDS[kind][field]?.label) || field;
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return T.empty;
  if (Array.isArray(v)) return v.join(', ') || T.empty;
  if (typeof v === 'boolean') return v ? 'ja' : 'nee';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateNl(v);
  return String(v);
}

/** dd-mm-jjjj uu:mm, Dutch time. */
export function showTime(iso: string | null): string {
  return iso ? formatMomentNl(iso) : T.never;
}
