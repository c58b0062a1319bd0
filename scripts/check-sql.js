// SQL lives in src/store (SQLite) and src/hub (the shared desk's PostgreSQL) only: fails (exit 1) naming each string of SQL, and each call to a
// database's prepare/pragma, found anywhere else under src/ (tests included).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SQL =
  /\b(SELECT\b[\s\S]*\bFROM\b|INSERT\s+(OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|TRIGGER|VIRTUAL\s+TABLE)\b|ALTER\s+TABLE\b|DROP\s+(TABLE|INDEX|TRIGGER)\b|PRAGMA\s+\w+)/;
const DB_CALLS = new Set(['prepare', 'pragma']);

/** Problems in one file: [line, what] pairs. */
export function sqlOutsideStore(rel, source) {
  if (rel.startsWith('src/store/') || rel.startsWith('src/hub/')) return [];
  const file = ts.createSourceFile(rel, source, ts.ScriptTarget.Latest, true, rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const at = (node) => file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (SQL.test(node.text)) found.push([at(node), `SQL in a string: ${JSON.stringify(node.text.slice(0, 60))}`]);
    } else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((s) => ` ? ${s.literal.text}`).join('');
      if (SQL.test(text)) found.push([at(node), `SQL in a template: ${JSON.stringify(text.slice(0, 60))}`]);
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && DB_CALLS.has(node.expression.name.text)) {
      found.push([at(node), `database call .${node.expression.name.text}()`]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function walk(dir, root, out) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, root, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = walk(path.join(root, 'src'), root, []);
  const problems = files.flatMap((rel) => sqlOutsideStore(rel, readFileSync(path.join(root, rel), 'utf8')).map(([line, what]) => `${rel}:${line}: ${what}`));
  if (problems.length > 0) {
    console.error(`SQL outside src/store and src/hub:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`SQL check: ${files.length} files; SQL only in src/store and src/hub.`);
}
