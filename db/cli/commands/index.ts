// Every `caseload` subcommand, in --help order.
import type { Command } from '../command.js';
import { initCommand } from './init.js';
import { importCommand } from './import.js';
import { dumpCommand } from './dump.js';
import { searchCommand } from './search.js';
import { demoCommand } from './demo.js';
import { checkCommand } from './check.js';
import { syncCommand } from './sync.js';
import { teamCommand } from './team.js';
import { exportCommand } from './export.js';
import { reportCommand } from './report.js';
import { archiveCommand } from './archive.js';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';

export const COMMANDS: Command[] = [
  initCommand,
  importCommand,
  dumpCommand,
  reportCommand,
  archiveCommand,
  exportCommand,
  searchCommand,
  syncCommand,
  teamCommand,
  demoCommand,
  checkCommand,
  backupCommand,
  restoreCommand,
];
