// What the signed-in role may do, from the contract's role table (db/api/methods/*, the groups
// in db/model/access.ts): the UI hides what the server would refuse. The server still checks
// every call (db/api/dispatch.ts); hiding is for clarity, not security.
import { contract, type MethodName } from '../db/api/contract.js';
import type { Role } from '../db/model/roles.js';
import { useInfo } from './data/info.js';

export function mayCall(role: Role | null | undefined, method: MethodName): boolean {
  return Boolean(role) && (contract[method].roles as readonly Role[]).includes(role!);
}

/** Whether the signed-in user may call a method (false while signed out). */
export function useMay(method: MethodName): boolean {
  return mayCall(useInfo().data?.user?.role as Role | undefined, method);
}
