/**
 * Replay: a full `npm run conformance` (the default, replaying the recordings) against its floor, a
 * vitest run of one trivial test. tsx is spawned directly: npm would add its own start-up.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repeat, stats } from '../measure.js';
import { CONFORMANCE, runChild, VITEST, lastLine } from '../process.js';
import type { Row } from '../table.js';
import { distIsFresh } from '../../../src/cli/build-stamp.mjs';

export interface ReplayResult {
  rows: Row[];
  ratio: number;
}

export async function replayScenario(runs: number): Promise<ReplayResult> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-bench-replay-'));
  const insideVitest: number[] = [];
  const exitCodes = new Set<number | null>();
  let checks = 0;
  const full = await repeat({ runs, warmup: 1 }, async (run) => {
    const child = await runChild(CONFORMANCE[0], [...CONFORMANCE[1], '--report-dir', reportDir]);
    if (child.code === 2) throw new Error(`npm run conformance (replay) exited 2: ${lastLine(child.stderr || child.stdout)}`);
    const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { durationMs: number; checks: unknown[] };
    if (run >= 0) {
      insideVitest.push(results.durationMs);
      exitCodes.add(child.code);
      checks = results.checks.length;
    }
    return child.ms;
  });

  const floorDir = writeFloorProject();
  const floor = await repeat({ runs, warmup: 1 }, async () => {
    const child = await runChild(VITEST, ['run', '--root', floorDir, '--config', path.join(floorDir, 'vitest.config.mjs')], { cwd: floorDir });
    if (child.code !== 0) throw new Error(`the floor vitest run failed (${child.code}): ${lastLine(child.stderr || child.stdout)}`);
    return child.ms;
  });

  const processFloor = await repeat({ runs, warmup: 1 }, async () => (await runChild(process.execPath, ['-e', '0'])).ms);
  const inside = stats(insideVitest);
  const outside = stats(full.samples.map((ms, i) => ms - insideVitest[i]!));
  const ratio = full.median / floor.median;
  const codes = [...exitCodes].join('/');
  return {
    ratio,
    rows: [
      {
        section: 'replay',
        subject: 'npm run conformance (replay), wall',
        stats: full,
        unit: 'ms',
        note: `${checks} checks, exit ${codes}; ${distIsFresh() ? 'built JavaScript (dist/)' : 'TypeScript through tsx: dist/ is missing or stale (npm run build)'}`,
      },
      { section: 'replay', subject: '  of which runSuites (results.durationMs)', stats: inside, unit: 'ms', note: 'suites start → results written' },
      { section: 'replay', subject: '  of which node, loader and CLI start-up and exit', stats: outside, unit: 'ms' },
      {
        section: 'replay',
        subject: 'floor: vitest run of one trivial test, wall',
        stats: floor,
        unit: 'ms',
        note: 'node_modules/.bin/vitest run, throwaway config',
      },
      { section: 'replay', subject: 'process floor: node -e 0, wall', stats: processFloor, unit: 'ms' },
      { section: 'replay', subject: 'replay / floor', text: `${ratio.toFixed(2)}×`, note: 'goal ≤ 1.5×' },
      { section: 'replay', subject: 'replay / node -e 0', text: `${(full.median / processFloor.median).toFixed(2)}×` },
    ],
  };
}

/** A throwaway project outside the repository: one test, globals (nothing to import), default options. */
function writeFloorProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-bench-floor-'));
  writeFileSync(path.join(dir, 'vitest.config.mjs'), "export default { test: { globals: true, include: ['floor.test.mjs'] } };\n");
  writeFileSync(path.join(dir, 'floor.test.mjs'), "test('floor', () => { expect(1 + 1).toBe(2); });\n");
  return dir;
}
