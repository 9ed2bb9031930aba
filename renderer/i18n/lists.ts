// Dutch UI text of the list tools (sorting, filters, "Exporteer deze lijst") and the client's own file.
export const L = {
  sortAsc: 'oplopend gesorteerd',
  sortDesc: 'aflopend gesorteerd',
  sortBy: (label: string) => `Sorteer op ${label}`,
  filters: 'Filters',
  accountManager: 'Klantmanager',
  employerManager: 'Accountmanager',
  accountManagerHint: 'Volledige naam, bijvoorbeeld A. de Boer',
  targetGroup: 'Doelgroep',
  status: 'Status',
  all: 'Alle',
  export: 'Exporteer deze lijst',
  exportXlsx: 'Excel (xlsx)',
  exportCsv: 'CSV',
  exporting: 'Bezig met exporteren…',
  exported: (n: number, file: string) => `${n} ${n === 1 ? 'regel' : 'regels'} geëxporteerd naar ${file}.`,
  ownFile: {
    button: 'Inzageverzoek (AVG)',
    title: 'Inzageverzoek (AVG art. 15)',
    text: 'Alle gegevens van deze klant: persoonsgegevens, caseloadperiodes met overdrachten, activiteiten, contactmomenten, plaatsingen, maatregelen, voordrachten en leveringen aan WBS en GWS4all. Het verzoek wordt vastgelegd in het auditlog.',
    pdf: 'Download PDF',
    html: 'Afdrukbare pagina',
    json: 'Download JSON',
    done: (file: string) => `${file} is gemaakt.`,
    close: 'Sluiten',
  },
} as const;

/** Dutch UI text of the measures (maatregelen) in the dossier and the SROI obligations of an employer. */
export const M = {
  title: 'Maatregelen',
  none: 'Geen maatregelen vastgelegd.',
  add: 'Maatregel vastleggen',
  save: 'Maatregel opslaan',
  saved: 'De maatregel is vastgelegd.',
  end: 'Beëindigen',
  endOne: (kind: string, date: string) => `Maatregel ${kind} van ${date} beëindigen`,
  endSave: 'Maatregel beëindigen',
  ended: 'De maatregel is beëindigd.',
  edit: (kind: string, date: string) => `Maatregel ${kind} van ${date} wijzigen`,
  updated: 'De maatregel is bijgewerkt.',
  running: 'loopt',
  editButton: 'Wijzigen',
  actions: 'Acties',
  col: { date: 'Datum', kind: 'Soort', reason: 'Reden', end: 'Einddatum' },
} as const;

export const S = {
  none: 'Geen SROI-verplichtingen vastgelegd.',
  add: 'SROI-verplichting toevoegen',
  save: 'Verplichting opslaan',
  saved: 'De SROI-verplichting is vastgelegd.',
  edit: (contract: string) => `SROI-verplichting ${contract} wijzigen`,
  updated: 'De SROI-verplichting is bijgewerkt.',
  col: { period: 'Looptijd' },
} as const;
