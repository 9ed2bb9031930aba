// Caseload periods through the daily screens: intake (a first period or re-entry after an exit)
// and exit with a required reason. Both go through RecordWriter, so the rules of import hold
// here too (one open period at a time, exit not before intake, a reason with every exit).
import { AppError } from '../model/errors.js';
import type { Writer } from '../journal/write.js';
import { RecordWriter } from '../records/upsert.js';
import type { Store } from '../journal/store.js';
import { liveRow } from '../records/forms.js';

export function intake(
  store: Store,
  w: Writer,
  input: { clientId: string; intake_date: string; referrer: string; account_manager: string },
): string {
  liveRow(store, 'client', input.clientId, 'clientId');
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
    { intake_date: input.intake_date, referrer: input.referrer, account_manager: input.account_manager },
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

/**
 * Hands the client's current caseload period to another account manager from a date: the
 * period's manager becomes the new one, and an assignment keeps who it was before that date
 * (reports on earlier days use the manager of that day).
 */
export function handover(
  store: Store,
  w: Writer,
  input: { clientId: string; account_manager: string; from_date: string; note?: string },
): string {
  liveRow(store, 'client', input.clientId, 'clientId');
  const rw = new RecordWriter(store, w);
  const open = rw.periods(input.clientId).at(-1);
  if (!open || open.exit_date) throw new AppError('invalid_input', 'De klant is niet in de caseload.', 'clientId');
  if (open.intake_date && input.from_date < open.intake_date)
    throw new AppError('invalid_input', 'ligt voor de instroomdatum van de caseloadperiode', 'from_date');
  const previous = open.account_manager ?? null;
  if (previous === input.account_manager)
    throw new AppError('invalid_input', 'de klant hoort al bij deze klantmanager', 'account_manager');
  w.create('assignment', {
    period_id: open.id,
    account_manager: input.account_manager,
    previous,
    from_date: input.from_date,
    note: input.note?.trim() || null,
  });
  w.update('period', open.id, { account_manager: input.account_manager });
  return open.id;
}
