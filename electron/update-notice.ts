// The main process's side of the update check (update-check.ts): once per new version, a Dutch
// message with the notes; for a folder source a button that opens it. The version the user was
// told about is kept in update-seen.json in the user-data folder. Dialog and shell are injected.
import { readFileSync } from 'node:fs';
import { writeBufferAtomic } from '../db/api/host.js';
import { checkForUpdate, shouldNotify, updateMessage, type UpdateSource } from './update-check.js';

export interface NoticeDeps {
  current: string;
  source: UpdateSource;
  seenFile: string;
  /** Shows the message; resolves to the index of the button chosen. */
  show(message: ReturnType<typeof updateMessage>): Promise<number>;
  openFolder(path: string): void;
  fetchImpl?: typeof fetch;
}

function toldAbout(file: string): string | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8').slice(0, 1000)) as { version?: unknown };
    return typeof v.version === 'string' ? v.version : null;
  } catch {
    return null;
  }
}

export async function noticeUpdate(d: NoticeDeps): Promise<'none' | 'told' | 'opened'> {
  const latest = await checkForUpdate({ current: d.current, source: d.source, fetchImpl: d.fetchImpl });
  if (!latest || !shouldNotify(latest, toldAbout(d.seenFile))) return 'none';
  try {
    writeBufferAtomic(d.seenFile, Buffer.from(JSON.stringify({ version: latest.version })));
  } catch {
    /* told again next start: better than never */
  }
  const choice = await d.show(updateMessage(d.current, latest, d.source));
  if (d.source.kind === 'folder' && choice === 0) {
    d.openFolder(d.source.path);
    return 'opened';
  }
  return 'told';
}
