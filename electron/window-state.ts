// The main window's size and position between starts (window-state.json in the user-data
// folder). Pure rules plus a tiny load/save: sane defaults on first start, never larger than the
// screen, never off-screen (a laptop undocked from its second monitor), and a damaged or hostile
// file is ignored. No runtime 'electron' import: main.ts passes the displays' work areas.
import { readFileSync } from 'node:fs';
import { writeBufferAtomic } from '../db/api/host.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let Electron center the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
/** Equal to windowOptions' minWidth/minHeight (security.ts). */
export const MIN_SIZE = { width: 900, height: 600 } as const;
/** How much of the window's top must lie on a display for it to count as visible (title bar). */
const VISIBLE = { width: 120, height: 40 } as const;
const MAX_FILE_BYTES = 4096;
const LIMIT = 100_000;

function int(v: unknown, min: number, max: number): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : null;
}

/** The saved state, or null when the text is missing, damaged, too large or out of range. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null || text.length > MAX_FILE_BYTES) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const width = int(o.width, 1, LIMIT);
  const height = int(o.height, 1, LIMIT);
  if (width === null || height === null) return null;
  const x = o.x === undefined ? undefined : int(o.x, -LIMIT, LIMIT);
  const y = o.y === undefined ? undefined : int(o.y, -LIMIT, LIMIT);
  if (x === null || y === null || (x === undefined) !== (y === undefined)) return null;
  return { ...(x !== undefined ? { x, y } : {}), width, height, maximized: o.maximized === true };
}

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

function clamp(v: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, v));
}

/**
 * Where to open the window: the saved place when its title bar is on one of the displays (sized
 * down to fit that display's work area), else centred on the primary display with the saved or
 * default size made to fit.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: Rect[], primary: Rect): WindowState {
  const fit = (size: { width: number; height: number }, area: Rect) => ({
    width: clamp(size.width, Math.min(MIN_SIZE.width, area.width), area.width),
    height: clamp(size.height, Math.min(MIN_SIZE.height, area.height), area.height),
  });
  const maximized = saved?.maximized ?? false;
  if (saved && saved.x !== undefined && saved.y !== undefined) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: VISIBLE.height };
    const area = workAreas.find((a) => {
      const o = overlap(titleBar, a);
      return !!o && o.width >= Math.min(VISIBLE.width, saved.width) && o.height >= Math.min(VISIBLE.height, a.height);
    });
    if (area) {
      const size = fit(saved, area);
      return {
        x: clamp(saved.x, area.x, area.x + area.width - size.width),
        y: clamp(saved.y, area.y, area.y + area.height - size.height),
        ...size,
        maximized,
      };
    }
  }
  return { ...fit(saved ?? DEFAULT_SIZE, primary), maximized };
}

/** What to save: the normal (not maximized) bounds, so un-maximizing next time restores them. */
export function captureWindowState(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(normalBounds.width),
    height: Math.round(normalBounds.height),
    maximized,
  };
}

export function loadWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Never fatal: losing the window position is not worth an error on quit. */
export function saveWindowState(file: string, state: WindowState): boolean {
  try {
    writeBufferAtomic(file, Buffer.from(JSON.stringify(state)));
    return true;
  } catch {
    return false;
  }
}
