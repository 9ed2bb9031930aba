// What the user sees when the main process hits an error nobody caught: in Dutch, what happened
// to their work, what to do now, and which file to give the beheerder. As data (no 'electron'
// import), so a test reads it; main.ts shows it with dialog.showMessageBoxSync.
export interface FatalDialog {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** Buttons of the dialog, in order. */
export const RESTART = 0;
export const QUIT = 1;
export const CONTINUE = 2;

export function fatalDialog(logFile: string, opts: { canContinue: boolean }): FatalDialog {
  const detail = [
    'Wat u hebt opgeslagen is bewaard; alleen een formulier dat u nog niet had opgeslagen kan verloren zijn.',
    '',
    'Wat u kunt doen:',
    '1. Kies "Opnieuw starten". Caseload opent dan weer waar u was.',
    '2. Gebeurt dit opnieuw? Meld het bij de functioneel beheerder of de servicedesk en stuur dit logbestand mee:',
    `   ${logFile}`,
    '   Er staan geen namen, BSN’s, e-mailadressen of telefoonnummers in.',
  ];
  if (opts.canContinue)
    detail.push('', 'U kunt ook doorgaan, maar sla uw werk dan zo snel mogelijk op en start opnieuw.');
  const buttons = ['Opnieuw starten', 'Afsluiten', ...(opts.canContinue ? ['Doorgaan'] : [])];
  return {
    type: opts.canContinue ? 'warning' : 'error',
    title: 'Caseload: onverwachte fout',
    message: 'Er ging iets mis in Caseload.',
    detail: detail.join('\n'),
    buttons,
    defaultId: RESTART,
    cancelId: opts.canContinue ? CONTINUE : QUIT,
    noLink: true,
  };
}
