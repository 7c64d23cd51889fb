import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampToDisplays, readWindowState, writeWindowState } from '../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window state', () => {
  it('keeps a window that is on a connected display', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(clampToDisplays(state, [laptop, monitor])).toEqual(state);
  });

  it('recentres a window left on a monitor that is gone', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(clampToDisplays(state, [laptop])).toEqual({ width: 1400, height: 875, maximized: true });
  });

  it('pulls a half-visible window back and shrinks it to fit', () => {
    expect(clampToDisplays({ x: 1000, y: -50, width: 3000, height: 600, maximized: false }, [laptop]))
      .toEqual({ x: 0, y: 0, width: 1440, height: 600, maximized: false });
  });

  it('survives a missing or damaged file and round-trips a saved one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-window-'));
    try {
      const file = join(dir, 'nested', 'window-state.json');
      expect(readWindowState(file)).toBeNull();
      writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
      expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
      writeFileSync(file, '{"width": 10');
      expect(readWindowState(file)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
