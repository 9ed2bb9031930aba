import type { Handlers } from '../dispatch.js';
import { history } from '../../work/history.js';

type H = Pick<Handlers, 'audit.history'>;

export const auditHandlers: H = {
  'audit.history': ({ store, session }, { entity, id, limit, after }) =>
    history(store, entity, id, session.role, limit, after),
};
