/**
 * `graph-conformance … | head`: the reader of the command's output goes away early. The run goes on to
 * its end, deletes what it created and writes its reports; only what it still prints is lost.
 */
import { groupMap } from './support/emulator.js';
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../src/emulator/index.js';
import { fromRoot } from '../src/project-root.js';
import { childEnv } from './support/run-cli.js';

test('stdout and stderr closed after the first line: the run still cleans up and writes its reports', async () => {
  const double = await startEmulator({ faults: { delayMs: 20 } });
  try {
    const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-reader-gone-'));
    const child = spawn(
      process.execPath,
      [fromRoot('bin/graph-conformance.mjs'), '--base-url', double.baseUrl, '--only', 'create.,lifecycle.', '--report-dir', reportDir],
      {
        cwd: fromRoot(),
        env: childEnv({}),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // Like `head -1`: read one chunk, then close both pipes.
    child.stdout.once('data', () => {
      child.stdout.destroy();
      child.stderr.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
    for (const file of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(reportDir, file)), file).toBe(true);
  } finally {
    await double.close();
  }
});
