/**
 * Bound by the network: the full graph run (default options, 25 property runs) against the reference
 * double answering at once and with 150 ms added to every reply, at --concurrency 1 and at the default.
 * Sequential round trips = (wall at 150 ms − wall at 0 ms) / 150 ms, everything included (probe,
 * settling, clean-up): how many requests the run waits for one after another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator/index.js';
import { DEFAULT_CONCURRENCY } from '../../../src/config/run-config.js';
import { repeat } from '../measure.js';
import { CONFORMANCE, lastLine, runChild } from '../process.js';
import type { Row } from '../table.js';

const LATENCY_MS = 150;

export interface NetworkResult {
  rows: Row[];
  /** Sequential round trips at the default concurrency. */
  roundTrips: number;
}

export async function networkScenario(runs: number): Promise<NetworkResult> {
  const rows: Row[] = [];
  let roundTrips = Number.NaN;
  for (const concurrency of [1, DEFAULT_CONCURRENCY.url]) {
    // At concurrency 1 one run takes tens of seconds: fewer samples, said in the note.
    const samples = concurrency === 1 ? Math.min(runs, 2) : runs;
    const at = async (delayMs: number) => {
      const double = await startEmulator({ faults: { delayMs } });
      const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-bench-net-'));
      try {
        return await repeat({ runs: samples, warmup: delayMs === 0 ? 1 : 0 }, async () => {
          const child = await runChild(CONFORMANCE[0], [
            ...CONFORMANCE[1],
            '--base-url',
            double.baseUrl,
            '--token',
            'bench',
            '--seed',
            '7',
            '--concurrency',
            String(concurrency),
            '--report-dir',
            reportDir,
          ]);
          if (child.code !== 0)
            throw new Error(`conformance against the double (+${delayMs} ms) exited ${child.code}: ${lastLine(child.stderr || child.stdout)}`);
          return child.ms;
        });
      } finally {
        await double.close();
      }
    };
    const fast = await at(0);
    const slow = await at(LATENCY_MS);
    const trips = (slow.median - fast.median) / LATENCY_MS;
    if (concurrency !== 1) roundTrips = trips;
    const label = concurrency === 1 ? '--concurrency 1' : `--concurrency ${concurrency} (default for url)`;
    rows.push(
      { section: 'network', subject: `full graph run, ${label}, +0 ms`, stats: fast, unit: 'ms', note: `${samples} run(s)` },
      { section: 'network', subject: `full graph run, ${label}, +${LATENCY_MS} ms`, stats: slow, unit: 'ms', note: `${samples} run(s)` },
      {
        section: 'network',
        subject: `  sequential round trips, ${label}`,
        text: trips.toFixed(1),
        note: concurrency === 1 ? 'every request waits for the one before' : 'goal ≤ 12',
      },
    );
  }
  return { rows, roundTrips };
}
