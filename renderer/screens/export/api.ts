// What the Export screen needs from the bridge: the typed contract call. The frame passes its
// bridge in, so this screen works over IPC (Electron) and HTTP (web shell) alike.
import type { Input, MethodName, Output } from '../../../db/api/contract.js';
import type { Result } from '../../../db/model/errors.js';

export interface ExportApi {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
}

/** Calls a method and throws the Dutch error message on {ok:false}, for screens that show it. */
export async function must<M extends MethodName>(api: ExportApi, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await api.call(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
