import type { BrowserWindow } from 'electron';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, saveWindowState, trackWindowState } from './windowState';
import { FakeBrowserWindow } from '../../test/electron';

const dirs: string[] = [];
const stateFile = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'wiredesk-window-'));
  dirs.push(d);
  return path.join(d, 'sub', 'window-state.json');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('reopens where and as it closed', () => {
    const file = stateFile();
    saveWindowState(file, { x: 2000, y: 40, width: 1600, height: 1000, maximized: true });
    expect(loadWindowState(file, [laptop, rightMonitor])).toEqual({ x: 2000, y: 40, width: 1600, height: 1000, maximized: true });
  });

  it('opens centred when its monitor is gone, and no larger than the screens left', () => {
    const file = stateFile();
    saveWindowState(file, { x: 2000, y: 40, width: 2400, height: 1300, maximized: false });
    expect(loadWindowState(file, [laptop])).toEqual({ width: 1920, height: 1050, maximized: false });
  });

  it('keeps the minimum size', () => {
    const file = stateFile();
    saveWindowState(file, { x: 10, y: 10, width: 200, height: 100, maximized: false });
    expect(loadWindowState(file, [laptop])).toEqual({ x: 10, y: 10, width: 960, height: 600, maximized: false });
  });

  it('opens at the default size with no file or a damaged one', () => {
    const file = stateFile();
    expect(loadWindowState(file, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    saveWindowState(file, { width: 1000, height: 700, maximized: false });
    writeFileSync(file, '{"x": 1, "y":');
    expect(loadWindowState(file, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: false });
    writeFileSync(file, JSON.stringify({ x: 'a', width: null, maximized: true }));
    expect(loadWindowState(file, [laptop])).toEqual({ ...DEFAULT_SIZE, maximized: true });
  });

  it('is saved from the normal bounds when the window closes', () => {
    const file = stateFile();
    const win = new FakeBrowserWindow();
    win.bounds = { x: 100, y: 50, width: 1300, height: 850 };
    win.maximized = true;
    trackWindowState(win as unknown as BrowserWindow, file);
    win.emit('close', {});
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 100, y: 50, width: 1300, height: 850, maximized: true });
  });
});
