// Where the desktop app keeps its database: Electron's userData folder for productName
// "Caseload", computed without Electron so the CLI and web shell open the same file.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Caseload');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Caseload');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Caseload');
}

/** --db, else CASELOAD_DB, else the app's own database. */
export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.CASELOAD_DB || join(userDataDir(env), 'caseload.sqlite');
}
