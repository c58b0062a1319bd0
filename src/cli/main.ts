/**
 * `wiredesk` — the desk from a terminal, over the same service as the app.
 * Exit codes: 0 success, 1 the editor's mistake (one clear line on stderr), 2 internal error.
 */
import { ErrorCode } from '../core/errors';
import { IMPORT_ENCODINGS, isImportEncoding } from '../core/encoding';
import { EDITOR_ACTIONS, type EditorAction } from '../core/workflow';
import { toFailure } from '../service/dispatch';
import { hubUrlFrom } from '../service/hub';
import { openDesk } from '../service/open';
import { resolveDbPath } from '../store/paths';
import { backup, serve } from './admin';
import { batchesCmd, exportCmd, listCmd, queueCmd, resendCmd, showCmd } from './commands';
import { hubCommand, hubInit, syncCommand } from './hub';
import { HELP } from './help';
import { importFiles } from './importFiles';
import { UserError, call, checkDbFlag, out } from './io';
import { parseOptions } from './options';

async function main(argv: string[]): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '' || command === '--help' || command === '-h' || command === 'help') {
    out(HELP['']);
    return command === '' ? 1 : 0;
  }
  const isTransition = (EDITOR_ACTIONS as readonly string[]).includes(command);
  const helpKey = isTransition ? 'transition' : command;
  if (!(helpKey in HELP)) throw new UserError(`Unknown command "${command}". Run "wiredesk --help".`);

  let parsed;
  try {
    parsed = parseOptions(rest);
  } catch (e) {
    throw new UserError(`${(e as Error).message.split('\n')[0]} Run "wiredesk ${command} --help".`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    out(HELP[helpKey]);
    return 0;
  }

  const port = v.port === undefined ? 0 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number, not "${v.port}".`);
  if (command === 'backup') return backup(v.db, positionals, v.out, v.list === true);
  checkDbFlag(v.db);

  const hubUrl = hubUrlFrom(v.hub);
  if (command === 'hub' && positionals[0] === 'init') return await hubInit(hubUrl);
  const opened = openDesk(resolveDbPath(v.db), { hub: hubUrl });
  const desk = opened.handlers;
  // A batch an earlier process committed but did not finish writing is written out first,
  // so every command sees the desk as it stands.
  await opened.ready;
  try {
    if (command === 'serve') return await serve(opened, port, resolveDbPath(v.db));
    if (command === 'hub') return await hubCommand(positionals[0], positionals[1], opened, v.force === true);
    if (isTransition) {
      if (positionals.length === 0) throw new UserError(`Name at least one item id: wiredesk ${command} ID…`);
      const done = await call(desk, 'transition', { ids: positionals, action: command as EditorAction, note: v.note });
      for (const s of done) out(`${s.id}  ${s.slug || '(no slug)'}  → ${s.status} (v${s.version})`);
      return 0;
    }
    switch (command) {
      case 'list':
        return await listCmd(desk, v);
      case 'show':
        return await showCmd(desk, v, positionals);
      case 'queue':
        return await queueCmd(desk, v);
      case 'export':
        return await exportCmd(opened, v);
      case 'batches':
        return await batchesCmd(desk, v);
      case 'resend':
        return await resendCmd(desk, v, positionals);
      case 'sync':
        return await syncCommand(opened, v.json === true);
      case 'import':
        if (v.encoding !== undefined && !isImportEncoding(v.encoding)) throw new UserError(`--encoding is one of ${Object.keys(IMPORT_ENCODINGS).join(', ')}.`);
        return await importFiles(desk, positionals, {
          format: v.format ?? 'auto',
          dryRun: v['dry-run'] === true,
          json: v.json === true,
          encoding: v.encoding,
          keepDuplicates: v['keep-duplicates'] === true,
        });
    }
    throw new UserError(`Unknown command "${command}".`);
  } finally {
    const banner = opened.hub?.banner();
    if (banner) process.stderr.write(`${banner}\n`);
    if (command !== 'serve') await opened.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError) {
      process.stderr.write(`wiredesk: ${e.message}\n`);
      process.exitCode = 1;
      return;
    }
    const f = toFailure(e).error;
    process.stderr.write(`wiredesk: ${f.message}\n`);
    process.exitCode = f.code === ErrorCode.Internal ? 2 : 1;
  },
);
