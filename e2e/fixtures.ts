import { type Page, test as base, expect } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The built CLI; WIREDESK_OUT picks another build folder (electron-vite build --outDir). */
const CLI = path.resolve(process.env.WIREDESK_OUT ?? 'out', 'main', 'cli.js');

/** One desk server process on a fresh temporary database, restartable on the same file. */
export class DeskServerProcess {
  private child: ChildProcess | null = null;
  log = '';
  loginUrl = '';
  url = '';

  constructor(
    readonly dir: string,
    readonly dbPath: string,
    /** More environment for the server and its CLI (e.g. WIREDESK_HUB). */
    readonly env: NodeJS.ProcessEnv = {},
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', this.dbPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WIREDESK_DB: '', ...this.env },
    });
    this.child = child;
    child.stderr.on('data', (d: Buffer) => (this.log += d.toString()));
    this.loginUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`desk server did not start:\n${this.log}${out}`)), 15_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        this.log += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/\?token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`desk server exited (${code}):\n${this.log}`));
      });
    });
    this.url = new URL('./', this.loginUrl).href;
  }

  /** Stop the server; SIGKILL simulates a crash (no shutdown code runs). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
    this.child = null;
  }

  /** Run the CLI against the same database. */
  cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const c = spawn(process.execPath, [CLI, ...args, '--db', this.dbPath], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...this.env } });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      c.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }
}

export const test = base.extend<{ server: DeskServerProcess }>({
  server: async ({ page }, use, testInfo) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wiredesk-e2e-'));
    const server = new DeskServerProcess(dir, path.join(dir, 'desk.sqlite'));
    await server.start();
    await page.goto(server.loginUrl);
    await use(server);
    await server.stop();
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('desk-server.log', { body: server.log, contentType: 'text/plain' });
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

/**
 * Cut this page's browser context off the change feed, as if no change had reached its windows
 * yet, and load the page again: for what the desk does when a view is behind.
 */
export async function offTheFeed(page: Page): Promise<void> {
  await page.context().route('**/api/events', (r) => r.abort());
  await page.reload();
}

export { expect };
