// The IPC contract between preload and main, and the router behind 'caseload:call'. Kept free
// of runtime 'electron' imports so the router can be tested with a real store in plain Node;
// main.ts only wires it to ipcMain.
import { isMethodName } from '../db/api/contract.js';
import type { Api } from '../db/api/dispatch.js';
import type { Result } from '../db/model/errors.js';
import { isAllowedSender } from './security.js';

export { CHANNELS, type EventMessage, type PrintToPdfResult } from './channels.js';

export type CallRouter = (senderUrl: string | undefined, method: unknown, input: unknown) => Promise<Result<unknown>>;

/** Checks the calling frame's origin and the method name, then dispatches (which validates input). */
export function createCallRouter(api: Api): CallRouter {
  return async (senderUrl, method, input) => {
    if (!isAllowedSender(senderUrl)) {
      return { ok: false, error: { code: 'forbidden', message: 'Deze aanroep komt niet van het Caseload-venster.' } };
    }
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `Onbekende functie: ${String(method).slice(0, 100)}` },
      };
    }
    return api.call(method, input);
  };
}

/** A safe file name for the save dialog from what a report suggests ("Halfjaarrapportage 2026-1"). */
export function pdfFileName(suggested: unknown): string {
  const base = typeof suggested === 'string' ? suggested : '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\x00-\x1f]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${clean || 'Caseload'}.pdf`;
}
