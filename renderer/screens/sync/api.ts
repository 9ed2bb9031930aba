// What the Synchronisatie screen needs from the bridge: typed calls and the pushed events
// (progress of a round, a new status after a round the shell started on its own).
import type { EventName, Input, MethodName, Output } from '../../../db/api/contract.js';
import type { Result } from '../../../db/model/errors.js';

export interface SyncApi {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on?(event: EventName, cb: (payload: unknown) => void): () => void;
}
