import * as m0010 from './0010-items';
import * as m0020 from './0020-search';
import * as m0030 from './0030-batches';
import * as m0040 from './0040-revision-sessions';
import * as m0050 from './0050-batch-owner';
import * as m0060 from './0060-publishing-integrity';
import * as m0070 from './0070-changes';
import * as m0090 from './0090-speed';
import * as m0100 from './0100-hub-outbox';
import * as m0110 from './0110-search-source-keywords';
import * as m0120 from './0120-batch-entry-bytes';
import * as m0130 from './0130-hub-groups';
import * as m0140 from './0140-hub-conflicts-read';
import * as m0150 from './0150-autosave-once';
import * as m0160 from './0160-transition-writes';
import * as m0170 from './0170-batch-numbers';

export interface Migration {
  version: number;
  sql: string;
}

/** Every shipped migration in order. Add new files; never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0090,
  m0100,
  m0110,
  m0120,
  m0130,
  m0140,
  m0150,
  m0160,
  m0170,
];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
