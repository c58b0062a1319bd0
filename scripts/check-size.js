// No source file over 300 lines (tests and generated code aside): a file a reader cannot hold
// in mind is split by concern. Fails (exit 1) naming each one.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MAX_LINES = 300;

export function oversized(files) {
  return files.filter((f) => !/\.test\.(ts|tsx|js)$/.test(f.rel) && f.lines > MAX_LINES);
}

function walk(dir, root, out) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, root, out);
    else if (/\.(ts|tsx|js|css)$/.test(name))
      out.push({ rel: path.relative(root, p).split(path.sep).join('/'), lines: readFileSync(p, 'utf8').split('\n').length - 1 });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = ['src', 'scripts'].flatMap((d) => walk(path.join(root, d), root, []));
  const big = oversized(files);
  if (big.length > 0) {
    console.error(`Files over ${MAX_LINES} lines (split them by concern):\n  ${big.map((f) => `${f.rel}: ${f.lines}`).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Size check: ${files.length} files, none over ${MAX_LINES} lines.`);
}
