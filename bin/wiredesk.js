#!/usr/bin/env node
// `wiredesk` command: builds on first use, then runs the CLI (out/main/cli.js).
import { ensureBuilt, root } from '../scripts/build.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

if (!ensureBuilt()) process.exit(2);
await import(pathToFileURL(path.join(root, 'out', 'main', 'cli.js')).href);
