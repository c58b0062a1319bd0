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

test('the main process opens a sandboxed, isolated window with no Node in the page', () => {
  const main = fs.readFileSync(path.join(OUT, 'main', 'index.js'), 'utf8');
  expect(main).toMatch(/sandbox:\s*true/);
  expect(main).toMatch(/contextIsolation:\s*true/);
  expect(main).toMatch(/nodeIntegration:\s*false/);
  expect(main).toContain('index.cjs');
  expect(main).toContain('setWindowOpenHandler');
});
