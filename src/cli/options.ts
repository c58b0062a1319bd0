/** The CLI's options, parsed once; every command reads the same typed values. */
import { parseArgs } from 'node:util';

const OPTIONS = {
  db: { type: 'string' },
  hub: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  tab: { type: 'string' },
  search: { type: 'string' },
  note: { type: 'string' },
  format: { type: 'string' },
  ndjson: { type: 'boolean' },
  out: { type: 'string' },
  preview: { type: 'boolean' },
  ids: { type: 'string' },
  since: { type: 'string' },
  'allow-past-embargo': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'keep-duplicates': { type: 'boolean' },
  complete: { type: 'string' },
  drop: { type: 'string' },
  encoding: { type: 'string' },
  list: { type: 'boolean' },
  shared: { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

export function parseOptions(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

export type Options = ReturnType<typeof parseOptions>['values'];
