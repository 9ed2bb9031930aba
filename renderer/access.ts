// What the signed-in user may do: app.info lists the methods the user's role may call (from the
// contract's role table, db/api/handlers/app.ts), so the UI hides what the server would refuse
// without loading the contract's schemas into the page. The server still checks every call
// (db/api/dispatch.ts); hiding is for clarity, not security.
import type { MethodName } from '../db/api/contract.js';
import { useInfo } from './data/info.js';

export function mayCall(may: readonly string[] | undefined, method: MethodName): boolean {
  return Boolean(may?.includes(method));
}

/** Whether the signed-in user may call a method (false while signed out). */
export function useMay(method: MethodName): boolean {
  return mayCall(useInfo().data?.may, method);
}
