import type { Handlers } from '../dispatch.js';
import { appHandlers } from './app.js';
import { clientHandlers } from './clients.js';
import { reportHandlers } from './reports.js';
import { exportHandlers } from './exports.js';

export const handlers: Handlers = {
  ...appHandlers,
  ...clientHandlers,
  ...reportHandlers,
  ...exportHandlers,
};
