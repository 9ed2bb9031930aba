// The one contract: method name -> zod input/output. IPC, the web shell's HTTP bridge, the CLI
// and tests all call these through `dispatch` (db/api/dispatch.ts). Adding a feature means one
// entry in a methods/ file and one handler in handlers/. Pure module: the renderer imports it.
import type { z } from 'zod';
import { appMethods } from './methods/app.js';
import { clientMethods } from './methods/clients.js';
import { userMethods } from './methods/users.js';
import { employerMethods } from './methods/employers.js';
import { vacancyMethods } from './methods/vacancies.js';
import { matchingMethods } from './methods/matching.js';
import { placementMethods } from './methods/placements.js';
import { activityMethods } from './methods/activities.js';
import { contactMethods } from './methods/contacts.js';
import { myWorkMethods } from './methods/mywork.js';
import { dossierMethods } from './methods/dossier.js';
import { auditMethods } from './methods/audit.js';
import { retentionMethods } from './methods/retention.js';
import { importMethods } from './methods/import.js';
import { reportMethods } from './methods/reports.js';
import { exportMethods } from './methods/exports.js';
import { syncMethods } from './methods/sync.js';
import { dataMethods } from './methods/data.js';
import { backupMethods } from './methods/backup.js';
import { listMethods } from './methods/lists.js';
import { ownFileMethods } from './methods/own-file.js';

export const contract = {
  ...appMethods,
  ...clientMethods,
  ...userMethods,
  ...employerMethods,
  ...vacancyMethods,
  ...matchingMethods,
  ...placementMethods,
  ...activityMethods,
  ...contactMethods,
  ...myWorkMethods,
  ...dossierMethods,
  ...auditMethods,
  ...retentionMethods,
  ...importMethods,
  ...reportMethods,
  ...exportMethods,
  ...syncMethods,
  ...dataMethods,
  ...backupMethods,
  ...listMethods,
  ...ownFileMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Events the backend pushes to the UI (`on(event, cb)` in the preload). */
export const EVENT_NAMES = ['data.changed', 'sync.status', 'progress', 'backup.restored'] as const;
export type EventName = (typeof EVENT_NAMES)[number];
