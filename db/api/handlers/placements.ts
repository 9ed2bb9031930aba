import type { Handlers } from '../dispatch.js';

import { listPlacements } from '../../work/lists.js';
import { listPlacementsView } from '../../work/list-views.js';
import { isPlainView } from '../../model/lists.js';
import { removePlacement, startPlacement, updatePlacement } from '../../work/placements.js';

type H = Pick<Handlers, 'placements.create' | 'placements.update' | 'placements.remove' | 'placements.list'>;

const changed = (ctx: { emit: (e: 'data.changed', p: unknown) => void }, ids: string[]) =>
  ctx.emit('data.changed', { kinds: ['placements', 'matches', 'vacancies', 'contacts'], ids });

export const placementHandlers: H = {
  'placements.create': (ctx, { fields, ...links }) => {
    const r = ctx.store.write(ctx.session.user, (w) =>
      startPlacement(ctx.store, w, { ...links, fields }, ctx.session.name, ctx.store.today()),
    );
    changed(ctx, [r.id]);
    return r;
  },
  'placements.update': (ctx, { id, fields }) => {
    const c = ctx.store.write(ctx.session.user, (w) => updatePlacement(ctx.store, w, id, fields));
    changed(ctx, [id]);
    return { id, changed: c };
  },
  'placements.remove': (ctx, { id }) => {
    ctx.store.write(ctx.session.user, (w) => removePlacement(ctx.store, w, id, ctx.store.today()));
    changed(ctx, [id]);
    return { id };
  },
  'placements.list': ({ store }, { view, ...input }) => {
    if (isPlainView(view)) return listPlacements(store, input, store.today());
    const asOf = store.today();
    // A running-on-a-day filter with a view: the view's status says it ("running" on today).
    const v = { ...view!, status: view!.status ?? (input.activeOn ? 'running' : null) };
    const p = listPlacementsView(store, { ...input, view: v, query: '', asOf });
    return { items: p.rows, next: p.next };
  },
};
