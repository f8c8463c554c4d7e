/** Commands in a folder that installed the packed tarball (harness/packaging), as the user's shell runs them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InstalledPackage } from '../../harness/packaging/install-tarball.js';
import type { RunResults } from '../../src/report/results.js';
import { spawnCollecting } from './run-cli.js';

/** A command in the user's folder, offline. */
export const runIn = (app: InstalledPackage, command: string, args: readonly string[]) =>
  spawnCollecting(command, args, { cwd: app.appDir, env: { npm_config_offline: 'true', npm_config_update_notifier: 'false' } });

/** The results.json a run in the folder wrote into `dir`. */
export const resultsIn = (app: InstalledPackage, dir: string) => JSON.parse(readFileSync(path.join(app.appDir, dir, 'results.json'), 'utf8')) as RunResults;

export const failedIds = (results: RunResults) =>
  results.checks
    .filter((c) => c.status === 'failed')
    .map((c) => c.id)
    .sort();
