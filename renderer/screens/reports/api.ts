// What the Reports screen needs from the bridge: the typed contract call (the frame passes its
// bridge in, so the screen works over IPC and HTTP alike) and, in Electron, printToPdf.
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import type { Result } from '../../../db/model/errors.js';

export interface ReportsApi {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  printToPdf?: (options?: { name?: string }) => Promise<unknown>;
}

/** Calls a method and throws the Dutch error message on {ok:false}. */
export async function must<M extends MethodName>(api: ReportsApi, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await api.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
