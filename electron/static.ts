// Serves the built renderer (out/renderer) for both shells: the app:// protocol handler in
// Electron and the web shell's HTTP server. Resolves paths through the traversal guard, reads
// regular files only, and answers with the security headers and a content type.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SECURITY_HEADERS, resolveAppPath } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function plain(status: number, text: string): StaticResponse {
  return {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    body: Buffer.from(text),
  };
}

/** Vite's build names: assets/<name>-<8 character content hash>.<ext>. */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.[a-z0-9]+$/i;

/**
 * index.html must always be fresh: it names the assets of this build. A hashed asset never
 * changes under its name, so the browser keeps it, and with it V8's cache of the compiled
 * script: a start after the first skips most of the parsing (docs/performance.md). Other files
 * are checked each time.
 */
export function cacheControl(rawPath: string, ext: string): string {
  if (ext === '.html') return 'no-store';
  return HASHED_ASSET.test(rawPath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** `rawPath` is the request path as received (percent-encoded, not normalised by a URL parser). */
export async function serveStatic(rendererDir: string, rawPath: string): Promise<StaticResponse> {
  const file = resolveAppPath(rendererDir, rawPath);
  if (!file) return plain(404, 'Niet gevonden');
  try {
    const info = await stat(file);
    if (!info.isFile()) return plain(404, 'Niet gevonden');
    const body = await readFile(file);
    const ext = extname(file).toLowerCase();
    return {
      status: 200,
      headers: {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        'Cache-Control': cacheControl(rawPath, ext),
      },
      body,
    };
  } catch {
    return plain(404, 'Niet gevonden');
  }
}
