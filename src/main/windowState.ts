import type { BrowserWindow, Rectangle } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where and how big the window was when it last closed (x, y absent: centred). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1400, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };
/** How much of the window must fall on a screen for its old place to be used again. */
const MIN_VISIBLE = 120;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function visibleOn(b: Rectangle, area: Rectangle): boolean {
  const w = Math.min(b.x + b.width, area.x + area.width) - Math.max(b.x, area.x);
  const h = Math.min(b.y + b.height, area.y + area.height) - Math.max(b.y, area.y);
  return w >= MIN_VISIBLE && h >= MIN_VISIBLE;
}

/**
 * The saved state, checked against today's screens: a place on a monitor no longer attached is
 * dropped (the window opens centred) and a size larger than the largest screen is cut to it. A
 * missing or damaged file gives the default window.
 */
export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let saved: Record<string, unknown>;
  try {
    saved = Object(JSON.parse(readFileSync(file, 'utf8')) as unknown) as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_SIZE, maximized: false };
  }
  const maximized = saved.maximized === true;
  if (!finite(saved.width) || !finite(saved.height)) return { ...DEFAULT_SIZE, maximized };
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.round(Math.min(Math.max(saved.width, MIN_SIZE.width), maxW));
  const height = Math.round(Math.min(Math.max(saved.height, MIN_SIZE.height), maxH));
  if (finite(saved.x) && finite(saved.y)) {
    const placed = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
    if (workAreas.some((a) => visibleOn(placed, a))) return { ...placed, maximized };
  }
  return { width, height, maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(state) + '\n');
  renameSync(tmp, file);
}

/** Remember the window's normal (unmaximised) bounds and whether it was maximised, when it closes. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    try {
      saveWindowState(file, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    } catch {
      // a window that cannot remember its place still closes
    }
  });
}
