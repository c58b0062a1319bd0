/**
 * A JSON answer written in pieces: large arrays (an import preview's 10,000 items) are
 * serialised an element at a time and sent as they are made, waiting while the client
 * reads, so the server never holds the whole answer as one string and again as bytes.
 * The text is exactly what JSON.stringify would give.
 */
import type { Writable } from 'node:stream';

/** Arrays shorter than this, and anything deeper, go through one JSON.stringify. */
const SPLIT_FROM = 64;
const SPLIT_DEPTH = 4;
/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHARS = 256 * 1024;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** The value's JSON text, in pieces, splitting only arrays worth splitting. */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (depth < SPLIT_DEPTH && Array.isArray(value) && value.length >= SPLIT_FROM) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // As JSON.stringify: what has no JSON form is null inside an array.
      yield* jsonPieces(value[i] ?? null, depth + 1);
    }
    yield ']';
    return;
  }
  if (depth < SPLIT_DEPTH && isPlainObject(value)) {
    let first = true;
    yield '{';
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      yield* jsonPieces(v, depth + 1);
      first = false;
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** Write the value as JSON to `out`, respecting its backpressure, and end it. */
export async function writeJson(out: Writable, value: unknown): Promise<void> {
  let buffered = '';
  for (const piece of jsonPieces(value)) {
    buffered += piece;
    if (buffered.length < WRITE_CHARS) continue;
    if (out.destroyed) return; // the client went away: nothing more to send
    const more = out.write(buffered);
    buffered = '';
    if (!more) await waitForDrain(out);
  }
  if (!out.destroyed) out.end(buffered);
}

function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}
