#!/usr/bin/env node
// `caseload` command: runs db/cli/main.ts through tsx (TypeScript without a build step), so
// `npx caseload` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../db/cli/main.ts');
