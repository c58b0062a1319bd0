/** The desk server as the bench runs it: `wiredesk serve` on the bench database, in a process of its own. */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export interface Server {
  child: ChildProcess;
  url: string;
  token: string;
}

export async function startServer(dbFile: string): Promise<Server> {
  const token = randomBytes(18).toString('base64url');
  const cli = path.resolve('out', 'main', 'cli.js');
  const child = spawn(process.execPath, [cli, 'serve', '--db', dbFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WIREDESK_TOKEN: token, WIREDESK_DB: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      // Not left running behind a failed bench.
      child.kill('SIGTERM');
      reject(new Error(`desk server did not start:\n${out}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/[^?\s]*)\?token=/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`desk server exited (${code}):\n${out}`)));
  });
  return { child, url, token };
}

export async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}
