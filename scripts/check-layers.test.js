import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers } from './check-layers.js';

const file = (rel, source) => ({ rel, source });

describe('layer check', () => {
  it('fails when core imports better-sqlite3', () => {
    const problems = checkLayers([file('src/core/item.ts', "import Database from 'better-sqlite3';\n")]);
    expect(problems).toEqual(['src/core/item.ts: imports "better-sqlite3" — not allowed in core']);
  });

  it('lets only test files import the test helpers in test/', () => {
    expect(checkLayers([file('src/service/desk.test.ts', "import { testDesk } from '../../test/desk';\n")])).toEqual([]);
    expect(checkLayers([file('src/service/desk.ts', "import { testDesk } from '../../test/desk';\n")])).toEqual([
      'src/service/desk.ts: imports ../../test/desk — test helpers (test/) are for test files only; they never ship',
    ]);
  });

  it('fails when core reaches up into the store or uses node:*', () => {
    const problems = checkLayers([file('src/core/x.ts', "import { openDb } from '../store/db';\nimport fs from 'node:fs';\n")]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('core may not depend on store');
  });

  it('fails when the renderer imports the service implementation or electron', () => {
    const problems = checkLayers([file('src/renderer/src/App.tsx', "import { Desk } from '../../service/desk';\nimport { ipcRenderer } from 'electron';\n")]);
    expect(problems).toEqual([
      'src/renderer/src/App.tsx: imports ../../service/desk — renderer may not depend on service',
      'src/renderer/src/App.tsx: imports "electron" — not allowed in renderer',
    ]);
  });

  it("reads the renderer's aliases as the paths they stand for", () => {
    expect(checkLayers([file('src/renderer/src/desk/x.tsx', "import { copy } from '@core/copy';\nimport { desk } from '@renderer/shared/desk';\n")])).toEqual(
      [],
    );
    expect(checkLayers([file('src/renderer/src/desk/x.tsx', "import { Desk } from '@renderer/../../service/desk';\n")])).toEqual([
      'src/renderer/src/desk/x.tsx: imports @renderer/../../service/desk — renderer may not depend on service',
    ]);
    expect(checkLayers([file('src/core/x.ts', "import { desk } from '@renderer/shared/desk';\n")])).toEqual([
      'src/core/x.ts: imports @renderer/shared/desk — core may not depend on renderer',
    ]);
  });

  it('reads imports, not strings that look like them', () => {
    expect(checkLayers([file('src/core/x.ts', "const title = 'export then import', note = \"import 'fs'\";\n// import x from 'electron'\n")])).toEqual([]);
    expect(checkLayers([file('src/core/x.ts', "export async function f() { return import('node:fs'); }\n")])).toHaveLength(1);
    expect(checkLayers([file('src/core/x.ts', "export type { Db } from '../store/db';\n")])).toHaveLength(1);
  });

  it('lets the renderer import core and the contract, and core tests read fixtures', () => {
    expect(
      checkLayers([
        file('src/renderer/src/lib/x.ts', "import type { DeskApi } from '../../../contract';\nimport { renderWireCopy } from '../../../core/copy';\n"),
        file('src/core/feed/ninjs.test.ts', "import fs from 'node:fs';\nimport Ajv from 'ajv/dist/2020';\n"),
      ]),
    ).toEqual([]);
  });

  it('passes on the project as it stands', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const files = [];
    const walk = (d) => {
      for (const n of readdirSync(d)) {
        const p = path.join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(n)) files.push({ rel: path.relative(root, p).split(path.sep).join('/'), source: readFileSync(p, 'utf8') });
      }
    };
    walk(path.join(root, 'src'));
    expect(files.length).toBeGreaterThan(20);
    expect(checkLayers(files)).toEqual([]);
  });
  it('keeps the contract on core alone: no service, store or package behind it', () => {
    expect(
      checkLayers([
        file(
          'src/contract/index.ts',
          "import type { DeskSettings } from '../core/settings';\nimport { openDb } from '../store/db';\nimport { z } from 'zod';\n",
        ),
      ]),
    ).toEqual([
      'src/contract/index.ts: imports ../store/db — contract may not depend on store',
      'src/contract/index.ts: imports "zod" — not allowed in contract',
    ]);
  });
});
