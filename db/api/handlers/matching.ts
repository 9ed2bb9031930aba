import type { Handlers } from '../dispatch.js';
import { candidatesForVacancy, vacanciesForClient } from '../../matching/candidates.js';
import { listMatches, moveMatch, proposeMatch } from '../../matching/pipeline.js';

type H = Pick<
  Handlers,
  'matching.candidates' | 'matching.vacancies' | 'matches.propose' | 'matches.move' | 'matches.list'
>;

export const matchingHandlers: H = {
  'matching.candidates': ({ store }, { vacancyId, asOf, ...input }) =>
    candidatesForVacancy(store, vacancyId, { ...input, asOf: asOf ?? store.today() }),

  'matching.vacancies': ({ store }, { clientId, asOf, ...input }) =>
    vacanciesForClient(store, clientId, { ...input, asOf: asOf ?? store.today() }),

  'matches.propose': (ctx, input) => {
    const r = ctx.store.write(ctx.session.user, (w) => proposeMatch(ctx.store, w, input, ctx.store.today()));
    ctx.emit('data.changed', { kinds: ['matches'], ids: [r.id] });
    return r;
  },

  'matches.move': (ctx, { id, status, note, date }) => {
    const changed = ctx.store.write(ctx.session.user, (w) =>
      moveMatch(ctx.store, w, { id, status, note, date: date ?? ctx.store.today() }),
    );
    ctx.emit('data.changed', { kinds: ['matches'], ids: [id] });
    return { id, changed };
  },

  'matches.list': ({ store }, input) => ({ items: listMatches(store, input) }),
};
