import type { Handlers } from '../dispatch.js';
import { commitImport, previewImport } from '../../work/import-wizard.js';

type H = Pick<Handlers, 'import.preview' | 'import.commit'>;

export const importHandlers: H = {
  'import.preview': ({ store, session }, input) => previewImport(store, session.user, input),
  'import.commit': async (ctx, input) => {
    const r = await commitImport(ctx.store, ctx.session.user, input);
    if (r.ok) ctx.emit('data.changed', { kinds: [input.kind] });
    return r;
  },
};
