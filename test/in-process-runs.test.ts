/**
 * Runs one after another in one process, as the package's API allows (and as `npm test` runs its files,
 * sharing modules): a replay must leave the process's fetch as it found it. nock patches fetch when it
 * loads, and the patch outlives its interceptors; a run against a URL after a replay used to send its
 * POSTs through it, where they failed ("unusable") before reaching the target.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runConformance } from '../src/index.js';
import { startEmulator } from '../src/emulator/index.js';
import { leftGroups } from './support/emulator.js';

const reportDir = () => mkdtempSync(path.join(tmpdir(), 'gc-in-process-'));
const notPassed = (run: Awaited<ReturnType<typeof runConformance>>) =>
  run.results.checks.filter((c) => c.status === 'failed' || c.blockedBy !== undefined).map((c) => `${c.id}: ${c.message ?? ''}`);

describe('runs in one process', () => {
  test('replay, then a URL target, then replay again: each judged as if it ran alone', async () => {
    const first = await runConformance({ reportDir: reportDir(), env: {}, only: 'create.' });
    expect(notPassed(first)).toEqual([]);
    const emulator = await startEmulator();
    try {
      const url = await runConformance({ baseUrl: emulator.baseUrl, token: 'T', settleMs: 0, reportDir: reportDir(), env: {}, only: 'create.' });
      expect(notPassed(url)).toEqual([]);
      expect(url.exitCode).toBe(0);
      // The POSTs reached the emulator (and what they made was deleted).
      expect(emulator.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
      expect(leftGroups(emulator)).toEqual([]);
    } finally {
      await emulator.close();
    }
    const again = await runConformance({ reportDir: reportDir(), env: {}, only: 'create.' });
    expect(notPassed(again)).toEqual([]);
    expect(again.exitCode).toBe(0);
  });
});
