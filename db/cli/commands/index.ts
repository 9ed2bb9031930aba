// Every `caseload` subcommand, in --help order.
import type { Command } from '../command.js';
import { initCommand } from './init.js';
import { importCommand } from './import.js';
import { dumpCommand } from './dump.js';
import { searchCommand } from './search.js';
import { demoCommand } from './demo.js';
import { checkCommand } from './check.js';
import { pendingExport, pendingSync } from './pending.js';
import { reportCommand } from './report.js';

export const COMMANDS: Command[] = [
  initCommand,
  importCommand,
  dumpCommand,
  reportCommand,
  pendingExport,
  searchCommand,
  pendingSync,
  demoCommand,
  checkCommand,
];
