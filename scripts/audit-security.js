// `npm run audit:security`: Doyensec's electronegativity (1.10.x, installed into its own tool
// folder, tools/electronegativity, so its 400 packages stay out of the app) over the built
// out/. Fails on any HIGH or MEDIUM finding at FIRM or CERTAIN confidence, except the ones
// reviewed below, each with the reason and the check that keeps it true.
// Runs offline: the tool's own requests (translations, Electron's release list) are failed at
// once by tools/electronegativity/offline.cjs instead of waiting on the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt, root } from './build.js';

const toolDir = path.join(root, 'tools', 'electronegativity');
const bin = path.join(toolDir, 'node_modules', '.bin', 'electronegativity');

/** Findings looked at by a person, and why they are not a problem here. Keyed by check id. */
export const REVIEWED = {
  // The window's options come from windowOptions() in src/main/window.ts, which the tool's
  // static analysis cannot follow into; src/main/window.test.ts asserts them exactly.
  AUXCLICK_JS_CHECK: "Reported where the options object is out of sight: windowOptions() sets disableBlinkFeatures: 'Auxclick' (src/main/window.test.ts).",
  CONTEXT_ISOLATION_JS_CHECK:
    'Reported where the options object is out of sight: windowOptions() sets contextIsolation: true (src/main/window.test.ts, e2e/build.spec.ts).',
  SANDBOX_JS_CHECK: 'Reported where the options object is out of sight: windowOptions() sets sandbox: true (src/main/window.test.ts, e2e/build.spec.ts).',
  PRELOAD_JS_CHECK:
    'The preload is one sandboxed CommonJS file requiring only electron; it exposes window.desk (one function per contract method over ipcRenderer.invoke) and the two shell helpers through contextBridge, never ipcRenderer itself (e2e/build.spec.ts).',
};

const FAILING_SEVERITY = new Set(['HIGH', 'MEDIUM', 'CRITICAL']);
const FAILING_CONFIDENCE = new Set(['FIRM', 'CERTAIN']);

/** electronegativity's CSV: quoted fields, "" for a quote inside one. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field.trim()]);
  return rows.filter((r) => r.some((f) => f !== ''));
}

/** The findings that fail the audit, from the CSV rows. */
export function failing(rows) {
  const [header, ...data] = rows;
  const at = (name) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [issue, severity, confidence, file, location] = ['issue', 'severity', 'confidence', 'filename', 'location'].map(at);
  return data
    .map((r) => ({ issue: r[issue], severity: r[severity], confidence: r[confidence], file: r[file], location: r[location] }))
    .filter((f) => FAILING_SEVERITY.has(f.severity) && FAILING_CONFIDENCE.has(f.confidence) && !(f.issue in REVIEWED));
}

function main() {
  if (!ensureBuilt({ quiet: true })) process.exit(1);
  if (!existsSync(bin)) {
    process.stdout.write('Installing electronegativity into tools/electronegativity (once)…\n');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { cwd: toolDir, stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write('audit:security: could not install electronegativity from the npm registry.\n');
      process.exit(1);
    }
  }
  const electron = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'wd-audit-'));
  const csv = path.join(tmp, 'electronegativity.csv');
  const r = spawnSync(bin, ['-i', path.join(root, 'out'), '-o', csv, '-e', electron, '-r'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--require ${path.join(toolDir, 'offline.cjs')}` },
  });
  if (r.status !== 0 || !existsSync(csv)) {
    process.stderr.write(`audit:security: electronegativity failed (exit ${r.status}).\n${r.stdout}${r.stderr}\n`);
    process.exit(1);
  }
  const rows = parseCsv(readFileSync(csv, 'utf8'));
  rmSync(tmp, { recursive: true, force: true });
  const bad = failing(rows);
  const all = rows.length - 1;
  for (const [issue, why] of Object.entries(REVIEWED)) {
    if (rows.some((row) => row[0] === issue)) process.stdout.write(`reviewed: ${issue} — ${why}\n`);
  }
  for (const f of bad) process.stdout.write(`FAIL ${f.issue} ${f.severity}/${f.confidence} ${f.file}:${f.location}\n`);
  process.stdout.write(
    `electronegativity ${electron ? `(Electron ${electron})` : ''}: ${all} finding(s), ${bad.length} HIGH or MEDIUM at FIRM or CERTAIN confidence.\n`,
  );
  process.exit(bad.length > 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
