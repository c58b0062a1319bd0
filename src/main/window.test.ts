import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guardNavigation, windowOptions } from './window';
import { FakeWebContents, recorded, resetFake } from '../../test/electron';

vi.mock('electron', async () => (await import('../../test/electron')).fakeElectronModule());
beforeEach(resetFake);

describe('the desk window', () => {
  it('is sandboxed and isolated, with no Node in the page, and spellchecks', () => {
    const o = windowOptions('/app/out/preload/index.cjs', { x: 5, y: 6, width: 1300, height: 800, maximized: false });
    expect(o).toMatchObject({ x: 5, y: 6, width: 1300, height: 800, minWidth: 960, minHeight: 600, show: false });
    expect(o.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('opens centred when it has no place', () => {
    const o = windowOptions('/p.cjs', { width: 1400, height: 900, maximized: false });
    expect('x' in o || 'y' in o).toBe(false);
  });

  it('never opens windows: web links go to the system browser, anything else nowhere', () => {
    const wc = new FakeWebContents();
    guardNavigation(wc as unknown as WebContents, () => false);
    for (const url of ['https://www.iptc.org/std/ninjs/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://127.0.0.1:5173/']) {
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(recorded.opened).toEqual(['https://www.iptc.org/std/ninjs/', 'http://127.0.0.1:5173/']);
  });

  it('stays on the desk: navigation elsewhere and webviews are refused', () => {
    const wc = new FakeWebContents();
    guardNavigation(wc as unknown as WebContents, (url) => url.startsWith('http://localhost:5173'));
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///tmp/x.html')).toBe(true);
    expect(wc.fire('will-navigate', 'http://localhost:5173/#queue')).toBe(false);
    expect(wc.fire('will-attach-webview', {}, {})).toBe(true);
  });
});
