/** The file side of batch export: streamed, fsynced writes that never overwrite, and their words. */
import { createHash } from 'node:crypto';
import { createReadStream, constants as fsc, readdirSync, rmSync, writeSync } from 'node:fs';
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

/** Bytes gathered before each write. */
const CHUNK = 1 << 20;

/**
 * A new file filled with string chunks, encoded straight into a 1 MB buffer that is written (and
 * hashed) whenever it is full. `push` writes synchronously, so a transaction can fill the file as
 * it makes the bytes; `write` awaits each write instead. `finish` fsyncs it; `abort` removes it.
 */
export class FileFill {
  private readonly buf = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private bytes = 0;
  private readonly hash = createHash('sha256');

  private constructor(
    readonly file: string,
    private readonly fh: fs.FileHandle,
  ) {}

  /** Create `file`, which must not exist yet. */
  static async create(file: string): Promise<FileFill> {
    return new FileFill(file, await fs.open(file, fsc.O_CREAT | fsc.O_EXCL | fsc.O_WRONLY, 0o644));
  }

  push(chunk: string): void {
    if (!this.addWhole(chunk)) for (const full of this.spill(chunk)) writeAllSync(this.fh.fd, full);
  }

  async write(chunk: string): Promise<void> {
    if (!this.addWhole(chunk)) for (const full of this.spill(chunk)) await this.fh.write(full);
  }

  /** Write what is left, fsync, close; the file's hash and size. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    if (this.used > 0) await this.fh.write(this.take());
    await this.fh.sync();
    await this.fh.close();
    return { sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await fs.rm(this.file, { force: true });
  }

  /** Encode `chunk` into the buffer if it surely fits (up to 3 bytes a UTF-16 unit); whether it did. */
  private addWhole(chunk: string): boolean {
    if (chunk.length * 3 > CHUNK - this.used) return false;
    this.used += this.buf.write(chunk, this.used, 'utf8');
    return true;
  }

  /** Copy `chunk` in, yielding the buffer each time it is full (to be written before going on). */
  private *spill(chunk: string): Generator<Buffer> {
    const bytes = Buffer.from(chunk, 'utf8');
    for (let at = 0; at < bytes.length;) {
      if (this.used === CHUNK) yield this.take();
      const n = bytes.copy(this.buf, this.used, at);
      this.used += n;
      at += n;
    }
  }

  /** The filled part of the buffer, hashed and counted, to be written before anything is added. */
  private take(): Buffer {
    const full = this.buf.subarray(0, this.used);
    this.hash.update(full);
    this.bytes += full.length;
    this.used = 0;
    return full;
  }
}

function writeAllSync(fd: number, buf: Buffer): void {
  for (let at = 0; at < buf.length;) at += writeSync(fd, buf, at, buf.length - at);
}

/** Stream chunks into a new file, fsynced; returns its hash and size. */
export async function writeFile(file: string, chunks: Iterable<string>): Promise<{ sha256: string; bytes: number }> {
  const fill = await FileFill.create(file);
  try {
    for (const chunk of chunks) await fill.write(chunk);
    return await fill.finish();
  } catch (e) {
    await fill.abort();
    throw e;
  }
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
