import { AppError } from '../../model/errors.js';
import type { Handlers } from '../dispatch.js';
import { hashRef } from '../../records/refs.js';
import { MASK, maskedValue } from '../../model/access.js';
import { correctExit, exit, handover, handoverCaseload, intake, undoExit } from '../../work/periods.js';
import { liveRow } from '../../records/forms.js';
import { timeline } from '../../work/timeline.js';
import { v7 as uuidv7 } from 'uuid';

type H = Pick<
  Handlers,
  | 'dossier.timeline'
  | 'clients.intake'
  | 'clients.exit'
  | 'clients.handover'
  | 'clients.exitCorrect'
  | 'clients.exitUndo'
  | 'caseload.handover'
  | 'measures.list'
  | 'measures.save'
  | 'measures.remove'
>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, kinds: string[], ids: string[]) =>
  ctx.emit('data.changed', { kinds, ids });

export const dossierHandlers: H = {
  'dossier.timeline': ({ store, session }, { clientId, kinds, limit, after }) => {
    liveRow(store, 'client', clientId, 'clientId');
    return timeline(store, clientId, { limit, after, kinds, role: session.role });
  },

  'clients.intake': (ctx, input) => {
    const periodId = ctx.store.write(ctx.session.user, (w) => intake(ctx.store, w, input));
    changed(ctx, ['clients'], [input.clientId]);
    return { id: input.clientId, periodId };
  },

  'clients.exit': (ctx, input) => {
    const periodId = ctx.store.write(ctx.session.user, (w) => exit(ctx.store, w, input));
    changed(ctx, ['clients'], [input.clientId]);
    return { id: input.clientId, periodId };
  },

  'clients.handover': (ctx, input) => {
    const periodId = ctx.store.write(ctx.session.user, (w) => handover(ctx.store, w, input));
    changed(ctx, ['clients'], [input.clientId]);
    return { id: input.clientId, periodId };
  },

  'clients.exitCorrect': (ctx, input) => {
    const periodId = ctx.store.write(ctx.session.user, (w) => correctExit(ctx.store, w, input));
    changed(ctx, ['clients'], [input.clientId]);
    return { id: input.clientId, periodId };
  },

  'clients.exitUndo': (ctx, input) => {
    const periodId = ctx.store.write(ctx.session.user, (w) => undoExit(ctx.store, w, input));
    changed(ctx, ['clients'], [input.clientId]);
    return { id: input.clientId, periodId };
  },

  'caseload.handover': (ctx, input) => {
    // An account manager hands over their own caseload only; managers and beheerders anyone's.
    if (ctx.session.role === 'klantmanager' && input.from_user_id !== ctx.session.user)
      throw new AppError('forbidden', 'U kunt alleen uw eigen caseload overdragen.', 'from_user_id');
    const count = ctx.store.write(ctx.session.user, (w) => handoverCaseload(ctx.store, w, input));
    changed(ctx, ['clients'], []);
    return { count };
  },

  'measures.list': ({ store, session }, { clientId }) => {
    const rows = store.all(
      store.kysely
        .selectFrom('measures')
        .select(['id', 'ref', 'date', 'kind', 'reason', 'end_date'])
        .where('client_id', '=', clientId)
        .where('deleted', '=', 0)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc'),
    );
    return { items: rows.map((r) => ({ ...r, reason: maskedValue('measure', 'reason', r.reason, session.role) })) };
  },

  'measures.save': (ctx, { clientId, id, date, kind, reason, end_date }) => {
    if (end_date && end_date < date)
      throw new AppError('invalid_input', 'ligt voor de datum van de maatregel', 'end_date');
    // A correction sends what it changes: an absent reason or end date stays as it is (ending a
    // measure must not wipe its reason, and a role that sees the reason masked cannot send it).
    if (reason === MASK) throw new AppError('forbidden', 'Uw rol mag de reden niet zien of wijzigen.', 'reason');
    const fields: Record<string, string | null> = { date, kind };
    if (reason !== undefined || !id) fields.reason = reason ?? null;
    if (end_date !== undefined || !id) fields.end_date = end_date ?? null;
    const saved = ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'client', clientId, 'clientId');
      if (id) {
        if (liveRow(ctx.store, 'measure', id).client_id !== clientId)
          throw new AppError('invalid_input', 'hoort bij een andere klant', 'id');
        w.update('measure', id, fields);
        return id;
      }
      return w.create('measure', { ref: hashRef('measure', [uuidv7()]), client_id: clientId, ...fields });
    });
    changed(ctx, ['measures'], [saved]);
    return { id: saved };
  },

  'measures.remove': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => {
      liveRow(ctx.store, 'measure', id);
      w.remove('measure', id);
    });
    changed(ctx, ['measures'], [id]);
    return { id };
  },
};
