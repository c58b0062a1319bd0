/**
 * Schema validators shared by the feed tests: the official ninjs 3.1 and 2.2 schemas
 * (read from ../shared/schemas beside the project, never copied) and our JSON Feed schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { JSON_FEED_SCHEMA } from './jsonfeed-schema';

const SCHEMA_DIR = new URL('../../../../shared/schemas/', import.meta.url);
export const HAVE_SCHEMAS = existsSync(SCHEMA_DIR);

/** describe, or describe.skip saying why when the official schemas are not there. */
export function describeWithSchemas(name: string, fn: () => void): void {
  if (HAVE_SCHEMAS) describe(name, fn);
  else describe.skip(`${name} (skipped: official ninjs schemas not found at ${SCHEMA_DIR.pathname})`, fn);
}

const readSchema = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8'));

let ninjs: { v3: ValidateFunction; v2: ValidateFunction } | undefined;

/** Compiled once per test file. */
export function ninjsValidators(): { v3: ValidateFunction; v2: ValidateFunction } {
  if (!ninjs) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const { $schema: _draft07, ...geojson } = readSchema('GeoJSON.json');
    ajv.addSchema(geojson);
    ninjs = { v3: ajv.compile(readSchema('ninjs-schema_3.1.json')), v2: ajv.compile(readSchema('ninjs-schema_2.2.json')) };
  }
  return ninjs;
}

export function jsonFeedValidator(): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true }); // default strict mode: unknown keywords in our schema fail
  addFormats(ajv);
  return ajv.compile(JSON_FEED_SCHEMA);
}

/** Asserts and shows ajv's errors (not just "false") when the value is invalid. */
export function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}

// The other feed tests import this module; its own tests run only when it is the test file.
if (expect.getState().testPath === fileURLToPath(import.meta.url)) {
  describe('JSON Feed schema', () => {
    it('compiles in strict mode and rejects what the spec forbids', () => {
      const validate = jsonFeedValidator();
      expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', content_text: '' }] })).toBe(true);
      expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1' }] })).toBe(false);
      expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', content_text: '', author_name: 'y' }] })).toBe(false);
      expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', content_text: '', _ext: { any: 1 } }] })).toBe(true);
      expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1', content_text: '', authors: [{}] }] })).toBe(false);
      expect(validate({ version: 'https://jsonfeed.org/version/1', title: 'x', items: [] })).toBe(false);
    });
  });

  describeWithSchemas('official ninjs schemas', () => {
    it('compile offline with GeoJSON registered, and are closed', () => {
      const { v3, v2 } = ninjsValidators();
      expect(v3({ uri: 'urn:x:1' })).toBe(true);
      expect(v3({ uri: 'urn:x:1', keywords: ['a'] })).toBe(false);
      expect(v2({ uri: 'urn:x:1', embargoedUntil: '2026-01-01T00:00:00Z' })).toBe(false);
    });
  });
}
