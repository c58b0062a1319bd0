import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './singleInstance';
import { FakeBrowserWindow, appState, fakeApp, recorded, resetFake } from '../../test/electron';

vi.mock('electron', async () => (await import('../../test/electron')).fakeElectronModule());
beforeEach(resetFake);

describe('single-instance lock', () => {
  it('a second Wiredesk quits at once and does not go on to open the store', () => {
    appState.singleInstanceLock = false;
    expect(claimSingleInstance(() => undefined)).toBe(false);
    expect(recorded.quit).toBe(1);
    expect(fakeApp.listenerCount('second-instance')).toBe(0);
  });

  it('the first brings its window forward when another start is attempted', () => {
    const win = new FakeBrowserWindow();
    win.minimized = true;
    expect(claimSingleInstance(() => win as unknown as BrowserWindow)).toBe(true);
    expect(recorded.quit).toBe(0);
    fakeApp.emit('second-instance', {}, ['wiredesk'], '/home/editor');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('copes with a second start before the window exists', () => {
    expect(claimSingleInstance(() => undefined)).toBe(true);
    expect(() => fakeApp.emit('second-instance', {}, [], '/')).not.toThrow();
  });
});
