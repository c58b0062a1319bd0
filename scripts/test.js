// `npm test`: typecheck, layer check, SQL check, ESLint, Prettier's format check, the 300-line size check, unit tests (vitest), build, the Electron security audit
// (electronegativity), end-to-end tests (Playwright
// against the desk server in Chromium). Stops at the first failing stage; ends with one line
// "N passed, N failed" counting unit and e2e tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build.js';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
// Not Playwright's outputDir (test-results/), which it empties when it starts.
const results = path.join(root, 'test-reports');
const unitJson = path.join(results, 'unit.json');
const e2eJson = path.join(results, 'e2e.json');
rmSync(unitJson, { force: true });
rmSync(e2eJson, { force: true });

const stages = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.core.json']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.node.json']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.web.json']],
  ['layers', process.execPath, ['scripts/check-layers.js']],
  ['sql', process.execPath, ['scripts/check-sql.js']],
  ['eslint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
  ['size', process.execPath, ['scripts/check-size.js']],
  ['unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]],
  ['build', bin('electron-vite'), ['build']],
  ['security', process.execPath, ['scripts/audit-security.js']],
  ['e2e', bin('playwright'), ['test', ...process.argv.slice(2)]],
];

function counts() {
  let passed = 0;
  let failed = 0;
  if (existsSync(unitJson)) {
    const u = JSON.parse(readFileSync(unitJson, 'utf8'));
    passed += u.numPassedTests ?? 0;
    failed += u.numFailedTests ?? 0;
  }
  if (existsSync(e2eJson)) {
    const e = JSON.parse(readFileSync(e2eJson, 'utf8'));
    passed += e.stats?.expected ?? 0;
    failed += (e.stats?.unexpected ?? 0) + (e.stats?.flaky ?? 0);
  }
  return { passed, failed };
}

for (const [name, cmd, args] of stages) {
  const t0 = Date.now();
  process.stdout.write(`\n== ${name}: ${path.basename(cmd)} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (name === 'build' && r.status === 0) writeFileSync(path.join(root, 'out', '.build-stamp'), new Date().toISOString());
  if (r.status !== 0) {
    const { passed, failed } = counts();
    process.stdout.write(`\n${name} failed after ${((Date.now() - t0) / 1000).toFixed(0)} s.\ntests: ${passed} passed, ${Math.max(failed, 1)} failed\n`);
    process.exit(1);
  }
}
const { passed, failed } = counts();
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
