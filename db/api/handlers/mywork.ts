import type { Handlers } from '../dispatch.js';

import { myWork } from '../../work/mywork.js';

type H = Pick<Handlers, 'mywork.get'>;

export const myWorkHandlers: H = {
  'mywork.get': ({ store, session }, { asOf, scope, limit, noContactWeeks }) =>
    myWork(store, { asOf: asOf ?? store.today(), scope, limit, me: session, noContactWeeks }),
};
