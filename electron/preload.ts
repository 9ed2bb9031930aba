// The only bridge between the sandboxed window and the main process: window.caseload with
// call(method, input), on(event, cb) and printToPdf(options) (see CaseloadBridge in
// channels.ts). Nothing else of ipcRenderer or Node reaches the page. Bundled to
// out/electron/preload.cjs; in the sandbox it may require 'electron' only.
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES } from '../db/api/contract.js';
import { CHANNELS, type CaseloadBridge, type EventMessage, type PrintToPdfResult } from './channels.js';

const events: ReadonlySet<string> = new Set(EVENT_NAMES);

const bridge: CaseloadBridge = {
  call(method, input) {
    if (typeof method !== 'string') return Promise.reject(new TypeError('caseload.call: method must be a string'));
    return ipcRenderer.invoke(CHANNELS.call, method, input);
  },
  on(event, cb) {
    if (typeof event !== 'string' || !events.has(event))
      throw new TypeError(`caseload.on: unknown event '${String(event)}'`);
    if (typeof cb !== 'function') throw new TypeError('caseload.on: callback must be a function');
    // The IPC event object (with its sender) never reaches the page: only the payload does.
    const listener = (_e: unknown, message: EventMessage) => {
      if (message && message.event === event) cb(message.payload);
    };
    ipcRenderer.on(CHANNELS.event, listener);
    return () => {
      ipcRenderer.removeListener(CHANNELS.event, listener);
    };
  },
  printToPdf(options) {
    const name = options && typeof options.name === 'string' ? options.name : undefined;
    return ipcRenderer.invoke(CHANNELS.printToPdf, { name }) as Promise<PrintToPdfResult>;
  },
};

contextBridge.exposeInMainWorld('caseload', bridge);
