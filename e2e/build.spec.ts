import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

/** What electron-vite built: the sandboxed preload must be one CommonJS file needing only electron. */
const OUT = path.resolve(process.env.WIREDESK_OUT ?? 'out');

test('the preload is one CommonJS file that requires only electron', () => {
  expect(fs.readdirSync(path.join(OUT, 'preload'))).toEqual(['index.cjs']);
  const code = fs.readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8');
  const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  expect(required).toEqual(['electron']);
  expect(code).not.toMatch(/^\s*import\s|\bimport\(/m);
  expect(code).toContain('exposeInMainWorld("desk"');
  expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
});

/** The flat object literal after `prefix` in built code, as key -> value source. */
function literalAfter(code: string, prefix: string): Record<string, string> {
  const m = new RegExp(`${prefix}\\s*\\{([^{}]*)\\}`).exec(code);
  if (!m) throw new Error(`no ${prefix} in the built main process`);
  const pairs = m[1]!
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  // `preload,` is shorthand for `preload: preload`.
  return Object.fromEntries(pairs.map((p) => (p.includes(':') ? [p.slice(0, p.indexOf(':')).trim(), p.slice(p.indexOf(':') + 1).trim()] : [p, p])));
}

test('the main process opens a sandboxed, isolated window with no Node in the page', () => {
  const main = fs.readFileSync(path.join(OUT, 'main', 'index.js'), 'utf8');
  expect(literalAfter(main, 'webPreferences:')).toEqual({
    preload: 'preload',
    contextIsolation: 'true',
    sandbox: 'true',
    nodeIntegration: 'false',
    nodeIntegrationInSubFrames: 'false',
    webSecurity: 'true',
    allowRunningInsecureContent: 'false',
    webviewTag: 'false',
    spellcheck: 'true',
    disableBlinkFeatures: '"Auxclick"',
  });
  // Nothing anywhere in the main process loosens them.
  expect(main).not.toMatch(
    /sandbox:\s*false|contextIsolation:\s*false|nodeIntegration\w*:\s*true|webSecurity:\s*false|enableRemoteModule|allowRunningInsecureContent:\s*true/,
  );
  expect(main).not.toMatch(/appendSwitch\(\s*["']no-sandbox|disable-web-security/);
  // The preload and the page it loads are the ones built beside it.
  expect(main).toContain('path.join(here, "../preload/index.cjs")');
  expect(main).toContain('path.join(here, "../renderer/index.html")');
});

test('the main process refuses new windows, navigation, webviews and permission requests, and runs once', () => {
  const main = fs.readFileSync(path.join(OUT, 'main', 'index.js'), 'utf8');
  expect(main).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{[^}]*return \{ action: "deny" \};\s*\}\)/);
  expect(main).toMatch(/"will-navigate", \(event, url\) => \{\s*if \(!isOurs\(url\)\) event\.preventDefault\(\);/);
  expect(main).toMatch(/"will-attach-webview", \(event\) => event\.preventDefault\(\)/);
  expect(main).toMatch(/"web-contents-created", \(_e, contents\) => guardNavigation\(contents/);
  expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _perm, cb\) => cb\(false\)\)/);
  expect(main).toMatch(/if \(!app\.requestSingleInstanceLock\(\)\) \{\s*app\.quit\(\);/);
  // The dev server's URL is trusted only outside a packaged app.
  expect(main).toMatch(/devUrl = app\.isPackaged \? void 0 : process\.env\.ELECTRON_RENDERER_URL/);
});

test('every shell channel the preload calls has a handler in the main process, and no more', () => {
  const main = fs.readFileSync(path.join(OUT, 'main', 'index.js'), 'utf8');
  const preload = fs.readFileSync(path.join(OUT, 'preload', 'index.cjs'), 'utf8');
  const invoked = [...preload.matchAll(/ipcRenderer\.invoke\("(shell:[^"]+)"/g)].map((m) => m[1]).sort();
  const handled = Object.values(literalAfter(main, 'SHELL_CHANNELS ='))
    .map((v) => v.replace(/"/g, ''))
    .sort();
  expect(invoked).toEqual(['shell:chooseFolder', 'shell:readTextFile', 'shell:setSpellcheckLanguage']);
  expect(handled).toEqual(invoked);
  expect(main).toMatch(/if \(!isTrustedFrame\(event\.senderFrame, isTrustedUrl\)\) return null;/);
});

test('the page the window loads carries a strict Content-Security-Policy and no inline script', () => {
  const html = fs.readFileSync(path.join(OUT, 'renderer', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(csp).toBeDefined();
  const directives = Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  expect(directives['connect-src']).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-eval|\*|https?:/);
  expect([...html.matchAll(/<script\b([^>]*)>/g)].every((m) => /\ssrc="\.\/assets\//.test(m[1]!))).toBe(true);
});
