// Layer check: imports point one way only. Fails (exit 1) naming each offending import.
//   core      pure TS: nothing outside core, no node:*, no electron, no DOM; npm packages only
//             pure-JS parsers that need neither (htmlparser2, chardet)
//   store     core, better-sqlite3, node:*
//   contract  the service contract (types and the method table): core only, no package
//   hub       the shared desk's PostgreSQL (all its SQL): core, pg, node:*
//   service   core, store, hub, contract, zod, pg (types), node:*
//   main      Electron shell over the contract and the service's composition root
//   server    desk server over the contract
//   cli       over the contract, the service's composition root and the server
//   preload   electron and the contract only
//   renderer  core and the contract; React, Lexical, cmdk, @tanstack/react-virtual and diff; never node:*, electron, store or service
// Test files (*.test.ts) may also use test tools and node:* to read fixtures, and the test helpers
// in test/ (outside src/, so no helper ships); nothing else may import those.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const RULES = {
  core: { layers: ['core'], packages: ['htmlparser2', 'chardet'] },
  store: { layers: ['core', 'store'], packages: ['better-sqlite3', 'node:*'] },
  hub: { layers: ['core', 'hub'], packages: ['pg', 'node:*'] },
  contract: { layers: ['core', 'contract'], packages: [] },
  service: { layers: ['core', 'store', 'hub', 'contract', 'service'], packages: ['zod', 'pg', 'node:*'] },
  main: { layers: ['core', 'store', 'contract', 'service', 'main'], packages: ['electron', 'node:*'] },
  server: { layers: ['core', 'contract', 'service', 'server'], packages: ['node:*'] },
  cli: { layers: ['core', 'store', 'contract', 'service', 'server', 'cli'], packages: ['node:*'] },
  // The bench drives Chromium (playwright-core), builds its bare Lexical page (vite) and sets up
  // its shared desk (src/hub/bench.ts).
  bench: { layers: ['core', 'store', 'hub', 'contract', 'service', 'bench'], packages: ['node:*', 'playwright-core', 'vite'] },
  preload: { layers: ['preload', 'contract'], packages: ['electron'] },
  renderer: {
    layers: ['core', 'contract', 'renderer'],
    packages: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'lexical', '@lexical/*', 'cmdk', '@tanstack/react-virtual', 'diff'],
  },
};
const TEST_PACKAGES = ['vitest', 'ajv', 'ajv/*', 'ajv-formats', 'fast-check', 'node:*', '@lexical/headless', 'better-sqlite3'];

/** Every module a file imports (static, type-only, dynamic and require), as TypeScript reads it. */
function importsOf(source) {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function matches(spec, patterns) {
  return patterns.some((p) =>
    p.endsWith('/*') ? spec.startsWith(p.slice(0, -1)) || spec === p.slice(0, -2) : p === spec || (p === 'node:*' && spec.startsWith('node:')),
  );
}

/** The layer a path under src/ belongs to: its first folder. */
export function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] !== 'src' || parts[1] === undefined) return null;
  // 'src/contract' imported as a folder reads as src/contract.ts.
  return parts[1].replace(/\.(ts|tsx|js)$/, '');
}

/** The renderer's import aliases (tsconfig.web.json), as paths from the repository root. */
const ALIASES = { '@renderer/': 'src/renderer/src/', '@core/': 'src/core/' };

/** A relative import, or an aliased one written as the path it stands for; null for a package. */
function localTarget(rel, spec) {
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
  const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
  return alias ? path.posix.normalize(ALIASES[alias] + spec.slice(alias.length)) : null;
}

function allowedLayer(fromLayer, targetLayer) {
  const rule = RULES[fromLayer];
  return !rule || rule.layers.includes(targetLayer);
}

/** Check a set of files ({ rel: 'src/…', source }). Returns the problems, one line each. */
export function checkLayers(files) {
  const problems = [];
  for (const { rel, source } of files) {
    const from = layerOf(rel);
    if (!from || !(from in RULES)) continue;
    const isTest = /\.test\.tsx?$/.test(rel);
    const ruleKey = from;
    for (const spec of importsOf(source)) {
      const target = localTarget(rel, spec);
      if (target !== null && target.startsWith('test/')) {
        if (!isTest) problems.push(`${rel}: imports ${spec} — test helpers (test/) are for test files only; they never ship`);
      } else if (target !== null) {
        const to = layerOf(target.replace(/\.(js|ts|tsx)$/, '') + '.ts');
        if (to === null || (spec.endsWith('.css') && from === 'renderer')) continue;
        if (!allowedLayer(from, to)) problems.push(`${rel}: imports ${spec} — ${from} may not depend on ${to}`);
      } else {
        const ok = matches(spec, RULES[ruleKey].packages) || (isTest && matches(spec, TEST_PACKAGES));
        if (!ok) problems.push(`${rel}: imports "${spec}" — not allowed in ${from}`);
      }
    }
  }
  return problems;
}

function walk(dir, root, out) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, root, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push({ rel: path.relative(root, p).split(path.sep).join('/'), source: readFileSync(p, 'utf8') });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = walk(path.join(root, 'src'), root, []);
  const problems = checkLayers(files);
  if (problems.length > 0) {
    console.error(`Layer check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Layer check: ${files.length} files, imports point one way.`);
}
