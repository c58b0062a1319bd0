/** The file side of batch export: streamed, fsynced writes that never overwrite, and their words. */
import { createHash } from 'node:crypto';
import { createReadStream, constants as fsc, readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure, ErrorCode } from '../core/errors';
import type { FeedFormatName } from '../contract';
import { parseOwner } from '../store/owner';

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function fileExists(file: string): DeskFailure {
  return new DeskFailure(ErrorCode.ExportFailed, `${file} already exists; Wiredesk never writes over a file. Choose another name or folder.`);
}

/** SHA-256 of a file, read as a stream; null when it cannot be read. */
export async function fileSha256(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/** Temp files an export left behind (`.name.RUN.tmp`). */
export function removeTemps(folder: string, fileName: string): void {
  try {
    for (const f of readdirSync(folder)) if (f.startsWith(`.${fileName}.`) && f.endsWith('.tmp')) rmSync(path.join(folder, f), { force: true });
  } catch {
    // The folder is gone or unreadable: nothing of ours to clean.
  }
}

export function batchFileName(id: number, format: FeedFormatName, ndjson: boolean): string {
  return `wiredesk-batch-${String(id).padStart(6, '0')}-${format}.${ndjson ? 'ndjson' : 'json'}`;
}

/** Why a write failed, in words an editor can act on. */
export function writeProblem(e: unknown, folder: string): string {
  if (e instanceof DeskFailure) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `The folder ${folder} does not exist.`;
    case 'ENOTDIR':
      return `${folder} is not a folder.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `Wiredesk may not write to ${folder} (no permission).`;
    case 'ENOSPC':
      return `The disk holding ${folder} is full.`;
    default:
      return `Could not write to ${folder}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "another Wiredesk (pid 4123 on host, since 14:02)" */
export function writerWords(ownerTag: string): string {
  const o = parseOwner(ownerTag);
  return o ? `another Wiredesk (pid ${o.pid} on ${o.host}, since ${clock(o.since)})` : 'an older Wiredesk';
}

/** Stream chunks into a new file, 1 MB at a time, fsynced; returns its hash and size. */
export async function writeFile(file: string, chunks: Iterable<string>): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const fh = await fs.open(file, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644);
  try {
    let buffered: string[] = [];
    let size = 0;
    const flush = async () => {
      const buf = Buffer.from(buffered.join(''), 'utf8');
      buffered = [];
      size = 0;
      hash.update(buf);
      bytes += buf.length;
      await fh.write(buf);
    };
    for (const chunk of chunks) {
      buffered.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) await flush();
    }
    await flush();
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await fs.rm(file, { force: true });
    throw e;
  }
  await fh.close();
  return { sha256: hash.digest('hex'), bytes };
}

/** Move the finished temp file into place, never over an existing file; fsync the folder. */
export async function place(tmp: string, finalPath: string): Promise<void> {
  try {
    await fs.link(tmp, finalPath); // fails if the name is taken
    await fs.rm(tmp);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (await exists(finalPath))) {
      await fs.rm(tmp, { force: true });
      throw fileExists(finalPath);
    }
    await fs.rename(tmp, finalPath); // a filesystem without hard links
  }
  const dir = await fs.open(path.dirname(finalPath), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
