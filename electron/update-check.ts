// "Er is een nieuwe versie": on start the app reads latest.json from the municipality's software
// share (a folder, also \\server\share) or an https URL, compares versions and tells the user;
// nothing is downloaded or installed (IT or the user runs the new per-user installer). The file
// comes from outside, so it is hostile until checked: read at most MAX_LATEST_BYTES, strict JSON
// shape, a strict version, notes stripped of control characters and shortened.
// Source: CASELOAD_UPDATE_SOURCE, else package.json's caseload.updateSource (set at build time).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDateNl } from '../db/model/calendar.js';

export const MAX_LATEST_BYTES = 64 * 1024;
const MAX_NOTES = 2000;

export interface Version {
  major: number;
  minor: number;
  patch: number;
  pre: (string | number)[];
}

const SEMVER =
  /^v?(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-((?:0|[1-9]\d{0,8}|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d{0,8}|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(v: unknown): Version | null {
  if (typeof v !== 'string' || v.length > 64) return null;
  const m = SEMVER.exec(v);
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    pre: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [],
  };
}

/** Semantic-version order: -1, 0 or 1 (build metadata ignored; 1.0.0-rc.1 < 1.0.0). Throws on invalid input. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) throw new Error(`geen versie: ${!x ? a : b}`);
  for (const k of ['major', 'minor', 'patch'] as const) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i];
    const q = y.pre[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p < q ? -1 : 1;
    if (typeof p === 'number') return -1;
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

export interface Latest {
  version: string;
  notes: string;
  /** YYYY-MM-DD, when given. */
  published: string | null;
}

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function cleanNotes(v: unknown): string {
  if (typeof v !== 'string') return '';
  // Only printable text and line breaks: no escape sequences, no right-to-left overrides.
  const text = v.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
  return text.length > MAX_NOTES ? `${text.slice(0, MAX_NOTES)}…` : text.trim();
}

/** latest.json's content, or null for anything that is not exactly the expected shape. */
export function parseLatest(text: string | null): Latest | null {
  if (text === null || text.length > MAX_LATEST_BYTES) return null;
  let v: unknown;
  try {
    v = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (!parseVersion(o.version)) return null;
  const published = typeof o.published === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.published) ? o.published : null;
  return { version: (o.version as string).replace(/^v/, ''), notes: cleanNotes(o.notes), published };
}

/** The newer version on offer, or null (same, older, or an unreadable file). */
export function newerVersion(current: string, latest: Latest | null): Latest | null {
  if (!latest || !parseVersion(current)) return null;
  return compareVersions(latest.version, current) > 0 ? latest : null;
}

export type UpdateSource = { kind: 'folder'; path: string } | { kind: 'url'; url: string };

/** Where latest.json lives: an absolute folder (also UNC), file: URL, or https URL; anything else is ignored. */
export function updateSource(env: NodeJS.ProcessEnv, pkg: unknown): UpdateSource | null {
  const fromPkg = (pkg as { caseload?: { updateSource?: unknown } } | null)?.caseload?.updateSource;
  const raw = env.CASELOAD_UPDATE_SOURCE || (typeof fromPkg === 'string' ? fromPkg : '');
  if (!raw || raw.length > 1000) return null;
  if (/^https:\/\//i.test(raw)) {
    try {
      const u = new URL(raw);
      return u.username || u.password ? null : { kind: 'url', url: u.href };
    } catch {
      return null;
    }
  }
  if (/^file:/i.test(raw)) {
    try {
      return { kind: 'folder', path: fileURLToPath(raw) };
    } catch {
      return null;
    }
  }
  if (isAbsolute(raw) || /^\\\\[^\\]+\\[^\\]+/.test(raw) || /^[A-Za-z]:[\\/]/.test(raw))
    return { kind: 'folder', path: raw };
  return null; // http:, relative paths and the like
}

function readBoundedFile(file: string, max: number): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return null;
    const buf = Buffer.alloc(max + 1);
    let n = 0;
    for (let r; n <= max && (r = readSync(fd, buf, n, max + 1 - n, n)) > 0;) n += r;
    return n > max ? null : buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function readBoundedUrl(
  url: string,
  max: number,
  timeoutMs: number,
  fetchImpl: typeof fetch,
): Promise<string | null> {
  const res = await fetchImpl(url, {
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
    headers: { accept: 'application/json' },
  });
  if (!res.ok || !res.body) return null;
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body.cancel();
    return null;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface CheckOptions {
  current: string;
  source: UpdateSource;
  maxBytes?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The newer version the source offers, or null. Never throws: an unreachable share is not news. */
export async function checkForUpdate(o: CheckOptions): Promise<Latest | null> {
  const max = o.maxBytes ?? MAX_LATEST_BYTES;
  try {
    const text =
      o.source.kind === 'folder'
        ? readBoundedFile(join(o.source.path, 'latest.json'), max)
        : await readBoundedUrl(
            new URL('latest.json', o.source.url.endsWith('/') ? o.source.url : `${o.source.url}/`).href,
            max,
            o.timeoutMs ?? 10_000,
            o.fetchImpl ?? fetch,
          );
    return newerVersion(o.current, parseLatest(text));
  } catch {
    return null;
  }
}

/** The user is told about each new version once (the version they were told about is remembered). */
export function shouldNotify(latest: Latest, toldAbout: string | null): boolean {
  return !toldAbout || !parseVersion(toldAbout) || compareVersions(latest.version, toldAbout) > 0;
}

/** The Dutch message for a newer version, as dialog data. */
export function updateMessage(current: string, latest: Latest, source: UpdateSource) {
  const where = source.kind === 'folder' ? source.path : source.url;
  const detail = [
    `U gebruikt versie ${current}.${latest.published ? ` Versie ${latest.version} is van ${formatDateNl(latest.published)}.` : ''}`,
    ...(latest.notes ? ['', 'Wat is er nieuw:', latest.notes] : []),
    '',
    'Caseload installeert niets zelf. Installeer de nieuwe versie met het installatieprogramma uit de softwaremap, of vraag het aan IT:',
    where,
  ].join('\n');
  return {
    type: 'info' as const,
    title: 'Nieuwe versie van Caseload',
    message: `Er is een nieuwe versie: Caseload ${latest.version}`,
    detail,
    buttons: source.kind === 'folder' ? ['Map openen', 'Later'] : ['Later'],
    defaultId: 0,
    cancelId: source.kind === 'folder' ? 1 : 0,
    noLink: true as const,
  };
}
