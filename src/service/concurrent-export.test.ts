import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readyFields, testDesk } from '../../test/desk';

describe('two exports at once', () => {
  it("the loser is told the items are going out in the winner's batch, not that they have gone out", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wd-race-'));
    const file = path.join(dir, 'desk.sqlite');
    // Two Wiredesks (say the app and the CLI) on one store.
    const one = testDesk(file).desk;
    const two = testDesk(file).desk;
    const { item } = one.createItem({ fields: readyFields({ slug: 'RACE' }) });
    one.transition({ ids: [item.id], action: 'submit' });
    one.transition({ ids: [item.id], action: 'approve' });
    const [a, b] = await Promise.allSettled([
      one.exportBatch({ format: 'ninjs', folder: dir, fileName: 'one.json' }),
      two.exportBatch({ format: 'ninjs', folder: dir, fileName: 'two.json' }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    const loser = (b as PromiseRejectedResult).reason as { code: string; message: string; details: unknown };
    expect(loser.code).toBe('BATCH_IN_PROGRESS');
    expect(loser.message).toMatch(/^Batch 1 is still being written/);
    expect(loser.message).not.toMatch(/already gone out/);
    expect(fs.existsSync(path.join(dir, 'two.json'))).toBe(false);
    // Once written, a second try hears the plain fact.
    await expect(two.exportBatch({ format: 'ninjs', folder: dir, fileName: 'three.json', ids: [item.id] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    one.db.close();
    two.db.close();
  });
});
