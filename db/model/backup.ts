// Backup file names and kinds, pure so the contract (and the Beheer screen) can check a name
// before it reaches the file system. A name carries its moment in UTC:
// caseload-YYYYMMDD-HHMMSS[-handmatig|-voor-terugzetten].sqlite
export type BackupKind = 'daily' | 'manual' | 'safety';

const SUFFIX: Record<BackupKind, string> = { daily: '', manual: '-handmatig', safety: '-voor-terugzetten' };

/** Only names of this shape are listed, previewed or restored from the backup folder: no paths. */
export const BACKUP_NAME =
  /^caseload-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(-handmatig|-voor-terugzetten)?\.sqlite$/;

export function backupName(ms: number, kind: BackupKind): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return `caseload-${stamp}${SUFFIX[kind]}.sqlite`;
}

/** The moment (ISO, UTC) and kind a backup name stands for, or null for any other name. */
export function parseBackupName(name: string): { createdAt: string; kind: BackupKind } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, suffix] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const date = new Date(ms);
  // Refuse impossible dates (20261332-...) instead of letting Date roll them over.
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d) || Number(h) > 23) return null;
  const kind: BackupKind = suffix === '-handmatig' ? 'manual' : suffix === '-voor-terugzetten' ? 'safety' : 'daily';
  return { createdAt: date.toISOString(), kind };
}
