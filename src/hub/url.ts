/**
 * The shared desk's address: a postgres:// URL naming the server, database and role, never a
 * password (the driver takes it from libpq's usual sources, PGPASSWORD and ~/.pgpass). No pg
 * here, so the boundary's validation can use it without loading the driver.
 */
import { DeskFailure, ErrorCode } from '../core/errors';

/** Where the hub URL comes from: `--hub URL`, else WIREDESK_HUB; none means no shared desk from the command line. */
export function hubUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const url = (flag ?? env.WIREDESK_HUB ?? '').trim();
  return url === '' ? null : url;
}

/** The URL without anything secret, for messages: role@host:port/database. */
export function describeHub(url: string): string {
  try {
    const u = new URL(url);
    return `${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return '(the shared desk)';
  }
}

/** Which shared desk a URL names, whoever connects: host:port/database. */
export function hubIdentity(url: string): string {
  const u = new URL(url);
  return `${u.hostname.toLowerCase()}:${u.port || '5432'}${u.pathname || '/'}`;
}

/** What is wrong with a hub URL, in an editor's words; null when it will do. */
export function hubUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `The shared desk must be a URL like postgres://editor@host:5432/desk, not "${url}".`;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return `The shared desk must be a postgres:// URL, not ${u.protocol}//….`;
  if (u.password !== '') return 'Take the password out of the shared desk URL: Wiredesk never stores one. Put it in PGPASSWORD or ~/.pgpass instead.';
  return null;
}

/** Refuse anything but a postgres:// URL without a password in it. */
export function checkHubUrl(url: string): void {
  const problem = hubUrlProblem(url);
  if (problem) throw new DeskFailure(ErrorCode.InvalidArgument, problem, { issues: [{ path: 'url', code: 'custom', message: problem }] });
}
