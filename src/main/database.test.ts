import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskDbPath, sqliteBindingCandidates } from './database';

describe('the Electron build of SQLite', () => {
  it('in a checkout: what npm start set up, else resources/ beside out/', () => {
    const here = path.join('/work/wiredesk', 'out', 'main');
    const env = { WIREDESK_ELECTRON_SQLITE: '/tmp/native/better_sqlite3.node' };
    expect(sqliteBindingCandidates({ here, resourcesPath: '/usr/lib/electron/resources', isPackaged: false, env })).toEqual([
      '/tmp/native/better_sqlite3.node',
      path.join('/work/wiredesk', 'resources', 'native', 'electron', 'better_sqlite3.node'),
    ]);
  });

  it('in an installed app: unpacked from the asar, never a path from the environment', () => {
    const resources = '/opt/Wiredesk/resources';
    const here = path.join(resources, 'app.asar', 'out', 'main');
    const c = sqliteBindingCandidates({ here, resourcesPath: resources, isPackaged: true, env: { WIREDESK_ELECTRON_SQLITE: '/tmp/evil.node' } });
    expect(c[0]).toBe(path.join(resources, 'app.asar.unpacked', 'resources', 'native', 'electron', 'better_sqlite3.node'));
    expect(c).not.toContain('/tmp/evil.node');
    expect(c.every((p) => !p.includes(`app.asar${path.sep}`))).toBe(true);
  });
});

describe('the desk database', () => {
  it('is --db, else WIREDESK_DB, else the user-data folder', () => {
    expect(deskDbPath(['electron', '/app', '--db', '/data/desk.sqlite'], { WIREDESK_DB: '/env.sqlite' }, '/ud')).toBe('/data/desk.sqlite');
    expect(deskDbPath(['electron', '--db=/data/x.sqlite'], {}, '/ud')).toBe('/data/x.sqlite');
    expect(deskDbPath(['electron', '/app'], { WIREDESK_DB: '/env.sqlite' }, '/ud')).toBe('/env.sqlite');
    expect(deskDbPath(['electron', '/app'], {}, '/home/e/.config/Wiredesk')).toBe('/home/e/.config/Wiredesk/wiredesk.sqlite');
  });
});
