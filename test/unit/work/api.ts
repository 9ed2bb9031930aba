// Calls the contract as a given role and unwraps results, so tests read like the screens' calls.
import { expect } from 'vitest';
import { createApi, type Api } from '../../../db/api/dispatch.js';
import type { Role } from '../../../db/model/roles.js';
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import type { ApiError } from '../../../db/model/errors.js';
import type { Store } from '../../../db/journal/store.js';

export interface TestApi {
  raw: Api;
  ok<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends MethodName>(method: M, input: Input<M>): Promise<ApiError>;
}

export function apiAs(store: Store, role: Role = 'klantmanager', user = 'km1', name = 'A. de Boer'): TestApi {
  const raw = createApi(store, { user, name, role });
  return {
    raw,
    async ok(method, input) {
      const r = await raw.call(method, input);
      if (!r.ok) expect.fail(`${method} failed: ${r.error.code} ${r.error.field ?? ''} ${r.error.message}`);
      return r.value as never;
    },
    async fail(method, input) {
      const r = await raw.call(method, input);
      if (r.ok) expect.fail(`${method} unexpectedly succeeded`);
      return r.error;
    },
  };
}
