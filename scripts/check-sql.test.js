import { describe, expect, it } from 'vitest';
import { sqlOutsideStore } from './check-sql.js';

describe('SQL only in src/store', () => {
  it('finds SQL strings, templates and prepare/pragma calls outside the store', () => {
    const src = [
      "const a = db.prepare('SELECT id FROM items WHERE x = ?');",
      'const b = `UPDATE batches SET owner = ${o} WHERE id = 1`;',
      "db.pragma('user_version');",
      "const ok = 'Select a folder from the list';",
      "const re = /SELECT/.exec('x');",
    ].join('\n');
    expect(sqlOutsideStore('src/service/x.ts', src).map(([line]) => line)).toEqual([1, 1, 2, 3]);
    expect(sqlOutsideStore('src/store/items.ts', src)).toEqual([]);
    expect(sqlOutsideStore('src/hub/hub.ts', src)).toEqual([]);
    expect(sqlOutsideStore('src/hubs/x.ts', src).length).toBe(4);
  });
});
