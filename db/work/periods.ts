// Caseload periods through the daily screens: intake (a first period or re-entry after an exit),
// exit with a required reason, correcting or undoing an exit (with the reason why, journaled with
// the change), and handing a client or a whole caseload to a colleague. All go through
// RecordWriter or the journal writer, so the rules of import hold here too (one open period at a
// time, exit not before intake, a reason with every exit) and every change is in the history.
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { RecordWriter } from '../records/upsert.js';
import type { Store } from '../journal/store.js';
import { liveRow } from '../records/forms.js';
import { accountManagerUser } from '../records/account-managers.js';

/** The account manager a screen chose: a user (by id), or for older callers a name. */
export interface ManagerChoice {
  account_manager_id?: string;
  account_manager?: string;
}

/** The display name to store for a choice; a picked user must be an active user. */
function managerName(store: Store, choice: ManagerChoice, field: string): string {
  if (choice.account_manager_id) return accountManagerUser(store, choice.account_manager_id, field).name;
  const name = choice.account_manager?.trim();
  if (!name) throw new AppError('invalid_input', 'is verplicht', field);
  return name;
}

export function intake(
  store: Store,
  w: Writer,
  input: { clientId: string; intake_date: string; referrer: string } & ManagerChoice,
): string {
  liveRow(store, 'client', input.clientId, 'clientId');
  const account_manager = managerName(
    store,
    input,
    input.account_manager_id ? 'account_manager_id' : 'account_manager',
  );
  const rw = new RecordWriter(store, w);
  const periods = rw.periods(input.clientId);
  const last = periods[periods.length - 1];
  if (last && !last.exit_date)
    throw new AppError(
      'invalid_input',
      'De klant is nog in de caseload; registreer eerst de uitstroom.',
      'intake_date',
    );
  if (last && input.intake_date <= last.exit_date!) {
    throw new AppError('invalid_input', 'ligt niet na de laatste uitstroomdatum', 'intake_date');
  }
  rw.upsert(
    'clients',
    { intake_date: input.intake_date, referrer: input.referrer, account_manager },
    { id: input.clientId },
  );
  return rw.periods(input.clientId).find((p) => p.intake_date === input.intake_date)!.id;
}

export function exit(
  store: Store,
  w: Writer,
  input: { clientId: string; exit_date: string; exit_reason: string },
): string {
  liveRow(store, 'client', input.clientId, 'clientId');
  const rw = new RecordWriter(store, w);
  const periods = rw.periods(input.clientId);
  const open = periods[periods.length - 1];
  if (!open || open.exit_date) throw new AppError('invalid_input', 'De klant is niet in de caseload.', 'exit_date');
  rw.upsert('clients', { exit_date: input.exit_date, exit_reason: input.exit_reason }, { id: input.clientId });
  return open.id;
}

/** The client's last period, which must have an exit (the one a correction or undo is about). */
function exitedPeriod(store: Store, rw: RecordWriter, clientId: string) {
  liveRow(store, 'client', clientId, 'clientId');
  const last = rw.periods(clientId).at(-1);
  if (!last?.exit_date)
    throw new AppError('invalid_input', 'De klant heeft geen uitstroom om te corrigeren.', 'exit_date');
  return last;
}

function requiredNote(note: string): string {
  const text = note.trim();
  if (!text) throw new AppError('invalid_input', 'is verplicht: waarom wordt de uitstroom gewijzigd?', 'note');
  return text;
}

/**
 * Corrects the date or reason of the client's last exit; the note says why and is journaled with
 * the change (the dossier's change history shows who, when, old and new, and the note).
 */
export function correctExit(
  store: Store,
  w: Writer,
  input: { clientId: string; exit_date: string; exit_reason: string; note: string },
): string {
  const rw = new RecordWriter(store, w);
  const period = exitedPeriod(store, rw, input.clientId);
  const note = requiredNote(input.note);
  if (period.intake_date && input.exit_date < period.intake_date)
    throw new AppError('invalid_input', 'ligt voor de instroomdatum', 'exit_date');
  if (period.exit_date === input.exit_date && period.exit_reason === input.exit_reason)
    throw new AppError('invalid_input', 'is niet gewijzigd', 'exit_date');
  w.update('period', period.id, { exit_date: input.exit_date, exit_reason: input.exit_reason, exit_note: note });
  return period.id;
}

/**
 * Undoes the client's last exit: the period is open again (the client is back in the caseload
 * as if the exit was never recorded). Refused when a later period exists (re-entry already
 * recorded: correct that one instead). The reason is required and journaled with the change.
 */
export function undoExit(store: Store, w: Writer, input: { clientId: string; note: string }): string {
  const rw = new RecordWriter(store, w);
  const period = exitedPeriod(store, rw, input.clientId);
  const note = requiredNote(input.note);
  w.update('period', period.id, { exit_date: null, exit_reason: null, exit_note: note });
  return period.id;
}

/**
 * Hands the client's current caseload period to another account manager from a date: the
 * period's manager becomes the new one, and an assignment keeps who it was before that date
 * (reports on earlier days use the manager of that day), with both as users where known.
 */
export function handover(
  store: Store,
  w: Writer,
  input: { clientId: string; from_date: string; note?: string } & ManagerChoice,
): string {
  liveRow(store, 'client', input.clientId, 'clientId');
  const field = input.account_manager_id ? 'account_manager_id' : 'account_manager';
  const name = managerName(store, input, field);
  const rw = new RecordWriter(store, w);
  const open = rw.periods(input.clientId).at(-1);
  if (!open || open.exit_date) throw new AppError('invalid_input', 'De klant is niet in de caseload.', 'clientId');
  return handPeriod(w, rw, open, { name, from_date: input.from_date, note: input.note, field });
}

type OpenPeriod = ReturnType<RecordWriter['periods']>[number];

function handPeriod(
  w: Writer,
  rw: RecordWriter,
  open: OpenPeriod,
  input: { name: string; from_date: string; note?: string; field: string },
): string {
  if (open.intake_date && input.from_date < open.intake_date)
    throw new AppError('invalid_input', 'ligt voor de instroomdatum van de caseloadperiode', 'from_date');
  const previous = open.account_manager ?? null;
  const to = rw.accountManagerId(input.name);
  const from = (w.row('period', open.id)?.account_manager_id as string | null) ?? rw.accountManagerId(previous);
  if ((to && from === to) || previous === input.name)
    throw new AppError('invalid_input', 'de klant hoort al bij deze klantmanager', input.field);
  w.create('assignment', {
    period_id: open.id,
    account_manager: input.name,
    previous,
    from_date: input.from_date,
    note: input.note?.trim() || null,
    account_manager_id: to,
    previous_id: from,
  });
  w.update('period', open.id, { account_manager: input.name, account_manager_id: to });
  return open.id;
}

/**
 * Hands every client in one account manager's caseload to another from a date (a colleague
 * leaves, a caseload is split later by hand): each open period of user `from` gets a handover
 * with the same date and note. Returns the number of clients handed over.
 */
export function handoverCaseload(
  store: Store,
  w: Writer,
  input: { from_user_id: string; to_user_id: string; from_date: string; note?: string },
): number {
  const from = accountManagerUser(store, input.from_user_id, 'from_user_id');
  const to = accountManagerUser(store, input.to_user_id, 'to_user_id');
  if (from.id === to.id) throw new AppError('invalid_input', 'kies een andere klantmanager', 'to_user_id');
  const rw = new RecordWriter(store, w);
  // Open periods of the user: by id, or by name where the user was not linked yet.
  const periods = store.all(
    store.kysely
      .selectFrom('caseload_periods as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .select(['p.id', 'p.client_id'])
      .where('p.deleted', '=', 0)
      .where('c.deleted', '=', 0)
      .where('c.merged_into', 'is', null)
      .where('p.exit_date', 'is', null)
      .where((eb) =>
        eb.or([
          eb('p.account_manager_id', '=', from.id),
          eb.and([eb('p.account_manager_id', 'is', null), eb('p.account_manager', '=', from.name)]),
        ]),
      )
      .orderBy('p.id'),
  );
  let n = 0;
  for (const p of periods) {
    const open = rw.periods(p.client_id!).at(-1);
    if (!open || open.id !== p.id) continue;
    // A period that starts after the handover date is handed over from its own intake.
    const day = open.intake_date && open.intake_date > input.from_date ? open.intake_date : input.from_date;
    handPeriod(w, rw, open, { name: to.name, from_date: day, note: input.note, field: 'to_user_id' });
    n++;
  }
  if (!n) throw new AppError('invalid_input', `${from.name} heeft geen klanten in de caseload`, 'from_user_id');
  return n;
}
