import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Plain shapes so this stays testable without Electron. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_WIDTH = 800;
const MIN_HEIGHT = 560;

export function readWindowState(file: string): WindowState | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const width = num(data.width);
    const height = num(data.height);
    if (width === undefined || height === undefined) return null;
    return { x: num(data.x), y: num(data.y), width, height, maximized: data.maximized === true };
  } catch {
    // First run, or a file from a crash half-way through a write: start fresh.
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
  } catch {
    // Losing the window position is not worth an error message.
  }
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Keeps a remembered window on a screen that still exists: a laptop that
 * left its external monitor must not open Fanfare off-screen. workAreas are
 * the displays' usable areas; the first is the primary display.
 */
export function clampToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const primary = workAreas[0];
  let area = primary;
  let placed = state.x !== undefined && state.y !== undefined;
  if (placed) {
    const rect = { x: state.x!, y: state.y!, width: state.width, height: state.height };
    let best = 0;
    for (const candidate of workAreas) {
      const overlap = overlapArea(rect, candidate);
      if (overlap > best) {
        best = overlap;
        area = candidate;
      }
    }
    // Less than a title bar's worth visible counts as lost.
    if (best < 100 * 40) {
      placed = false;
      area = primary;
    }
  }
  const width = Math.round(Math.min(Math.max(state.width, MIN_WIDTH), area.width));
  const height = Math.round(Math.min(Math.max(state.height, MIN_HEIGHT), area.height));
  if (!placed) {
    // No x/y: Electron centres the window on the primary display.
    return { width, height, maximized: state.maximized };
  }
  const x = Math.round(Math.min(Math.max(state.x!, area.x), area.x + area.width - width));
  const y = Math.round(Math.min(Math.max(state.y!, area.y), area.y + area.height - height));
  return { x, y, width, height, maximized: state.maximized };
}

/** The bits of BrowserWindow that tracking needs. */
export interface TrackableWindow {
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rect;
  on(event: 'resize' | 'move' | 'close' | 'maximize' | 'unmaximize', listener: () => void): unknown;
}

export function trackWindowState(win: TrackableWindow, file: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    // Normal bounds, so un-maximizing next time returns to the size people chose.
    if (win.isMinimized() || win.isFullScreen()) return;
    writeWindowState(file, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
}
