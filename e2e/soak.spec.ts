/** The crash soak, short: 50 rounds of SIGKILL during an editor's work, nothing acknowledged lost. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test('50 rounds of SIGKILL while an editor types, saves, approves and exports: nothing acknowledged is lost', async () => {
  // About a minute on a quiet machine; the guard leaves room for a loaded one.
  test.setTimeout(300_000);
  const r = await new Promise<{ code: number; out: string }>((resolve) => {
    const c = spawn(process.execPath, [path.resolve('scripts/soak.js'), '--rounds', '50'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => (out += d.toString()));
    c.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
  test.info().annotations.push({ type: 'soak', description: r.out.trim().split('\n').at(-1) ?? '' });
  expect(r.out, r.out).toMatch(/soak: 50 rounds survived of 50 .*nothing lost\./);
  // The editor got real work done between the kills.
  const [, saves, batches] = /(\d+) saves, \d+ transitions and (\d+) batches acknowledged/.exec(r.out) ?? [];
  expect(Number(saves)).toBeGreaterThan(50);
  expect(Number(batches)).toBeGreaterThan(0);
  expect(r.code).toBe(0);
});
