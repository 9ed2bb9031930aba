import type { Handlers } from '../dispatch.js';
import { appHandlers } from './app.js';
import { clientHandlers } from './clients.js';
import { userHandlers } from './users.js';
import { employerHandlers } from './employers.js';
import { vacancyHandlers } from './vacancies.js';
import { matchingHandlers } from './matching.js';
import { placementHandlers } from './placements.js';
import { activityHandlers } from './activities.js';
import { contactHandlers } from './contacts.js';
import { myWorkHandlers } from './mywork.js';
import { dossierHandlers } from './dossier.js';
import { auditHandlers } from './audit.js';
import { retentionHandlers } from './retention.js';
import { importHandlers } from './import.js';
import { reportHandlers } from './reports.js';
import { exportHandlers } from './exports.js';
import { syncHandlers } from './sync.js';
import { dataHandlers } from './data.js';
import { backupHandlers } from './backup.js';
import { listHandlers } from './lists.js';
import { ownFileHandlers } from './own-file.js';

export const handlers: Handlers = {
  ...appHandlers,
  ...clientHandlers,
  ...userHandlers,
  ...employerHandlers,
  ...vacancyHandlers,
  ...matchingHandlers,
  ...placementHandlers,
  ...activityHandlers,
  ...contactHandlers,
  ...myWorkHandlers,
  ...dossierHandlers,
  ...auditHandlers,
  ...retentionHandlers,
  ...importHandlers,
  ...reportHandlers,
  ...exportHandlers,
  ...syncHandlers,
  ...dataHandlers,
  ...backupHandlers,
  ...listHandlers,
  ...ownFileHandlers,
};
