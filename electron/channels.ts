// IPC channel names and the shape of window.caseload. No imports: the sandboxed preload bundles
// this file, and the renderer may `import type` the bridge interface.

export const CHANNELS = {
  call: 'caseload:call',
  event: 'caseload:event',
  printToPdf: 'caseload:printToPdf',
} as const;

/** What main sends on CHANNELS.event for every backend event. */
export interface EventMessage {
  event: string;
  payload: unknown;
}

/** `{ok:true,value:{path}}` (path null when the user cancelled) or `{ok:false,error}`. */
export type PrintToPdfResult =
  { ok: true; value: { path: string | null } } | { ok: false; error: { code: string; message: string } };

/**
 * window.caseload in the Electron shell - everything the preload exposes, nothing more:
 * call: one contract method (db/api/contract.ts), resolves to the Result;
 * on: subscribe to a backend event (EVENT_NAMES), returns the unsubscribe function;
 * printToPdf: save the current window as PDF through a save dialog (reports).
 */
export interface CaseloadBridge {
  call(method: string, input?: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  printToPdf(options?: { name?: string }): Promise<PrintToPdfResult>;
}
