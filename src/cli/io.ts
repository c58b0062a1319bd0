/** What every CLI command shares: printing, the one call into the contract, and checks of paths the editor names. */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_ENCODINGS, type ImportEncoding, guessEncoding, looksBinary } from '../core/encoding';
import { DeskFailure, type Result } from '../core/errors';
import { IMPORT_MAX_BYTES } from '../core/vocabulary';
import { type ArgOf, type DeskHandlers, type DeskMethod, type ValueOf } from '../contract';
import { dispatch } from '../service/dispatch';

/** The editor's mistake: one clear line on stderr, exit code 1. */
export class UserError extends Error {}

let stdoutClosed = false;

export function out(line = ''): void {
  if (!stdoutClosed) process.stdout.write(line + '\n');
}

/** Every command goes through the contract, validated like any other adapter's call. */
export async function call<K extends DeskMethod>(desk: DeskHandlers, method: K, arg: ArgOf<K>): Promise<ValueOf<K>> {
  const r = (await dispatch(desk, method, arg)) as Result<ValueOf<K>>;
  if (!r.ok) throw new DeskFailure(r.error.code, r.error.message, r.error.details);
  return r.value;
}

/** --db names a store the editor chose: never fall back to the app's own, never invent folders. */
export function checkDbFlag(dbFlag: string | undefined): void {
  if (dbFlag === undefined) return;
  if (dbFlag.trim() === '') throw new UserError("--db needs a file path; leave it out to use the desktop app's database.");
  const dir = path.dirname(path.resolve(dbFlag));
  if (!existsSync(dir)) throw new UserError(`--db ${dbFlag}: the folder ${dir} does not exist. Create it first, or check the path.`);
}

/** --out must name a file, in a folder that exists. */
export async function checkOut(target: string): Promise<void> {
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isDirectory()) throw new UserError(`--out ${target} is a folder; give a file name in it, e.g. ${path.join(target, 'batch.json')}.`);
}

/** A file's text, in the encoding given or guessed (said on stderr when it is not UTF-8). */
export async function readText(file: string, chosen: ImportEncoding | undefined): Promise<string> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new UserError(`${file} is not a file.`);
    if (stat.size > IMPORT_MAX_BYTES)
      throw new UserError(`${file} is ${Math.round(stat.size / 1048576)} MB; the import limit is ${IMPORT_MAX_BYTES / 1048576} MB.`);
    bytes = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  const encoding = chosen ?? guessEncoding(bytes);
  if (looksBinary(bytes, encoding)) throw new UserError(`${file} looks like a binary file, not wire copy or a feed file; nothing was imported.`);
  if (!chosen && encoding !== 'utf-8') process.stderr.write(`${file}: read as ${IMPORT_ENCODINGS[encoding]} (a guess; choose with --encoding).\n`);
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'utf-8' }).decode(bytes);
  } catch {
    throw new UserError(
      `${file} is not valid ${IMPORT_ENCODINGS[encoding]} text; name its encoding with --encoding ${Object.keys(IMPORT_ENCODINGS).join('|')}.`,
    );
  }
}

export function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (widths[i] ? c.slice(0, widths[i]).padEnd(widths[i]) : c)).join('  ');
}

// A reader that stops early (`wiredesk list | head -1`) is not an error: the command finishes
// (an import still stores, an export still writes) and prints nothing more.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  stdoutClosed = true;
});
