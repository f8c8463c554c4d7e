/**
 * URL target: a full run of the command against the reference double (started in this process), beside
 * Dredd 14.1.0 on the same double. Dredd is not a project dependency: it is fetched by npx, and when it
 * cannot be, the table says why and the bench goes on.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../../../src/emulator/index.js';
import { writeDreddSlice } from '../dredd-slice.js';
import { repeat, stats } from '../measure.js';
import { CONFORMANCE, lastLine, runChild } from '../process.js';
import type { Row } from '../table.js';

const DREDD = 'dredd@14.1.0';

export async function urlScenario(runs: number): Promise<Row[]> {
  const double = await startEmulator();
  try {
    return [...(await suiteRows(double.baseUrl, runs)), ...(await dreddRows(double.baseUrl, runs))];
  } finally {
    await double.close();
  }
}

async function suiteRows(baseUrl: string, runs: number): Promise<Row[]> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-bench-url-'));
  const rates: number[] = [];
  let performed = 0;
  const codes = new Set<number | null>();
  const wall = await repeat({ runs, warmup: 1 }, async (run) => {
    const child = await runChild(CONFORMANCE[0], [...CONFORMANCE[1], '--base-url', baseUrl, '--token', 'bench', '--seed', '7', '--report-dir', reportDir]);
    if (child.code === 2) throw new Error(`conformance against the double exited 2: ${lastLine(child.stderr || child.stdout)}`);
    const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { checks: Array<{ status: string }> };
    performed = results.checks.filter((c) => c.status !== 'skipped').length;
    if (run >= 0) {
      rates.push(performed / (child.ms / 1000));
      codes.add(child.code);
    }
    return child.ms;
  });
  const note = `${performed} checks performed, exit ${[...codes].join('/')}`;
  return [
    { section: 'url', subject: 'npm run conformance --base-url <double>, wall', stats: wall, unit: 'ms', note },
    { section: 'url', subject: 'npm run conformance --base-url <double>, rate', stats: stats(rates), unit: 'checks/s', note },
  ];
}

async function dreddRows(baseUrl: string, runs: number): Promise<Row[]> {
  // Fetches Dredd into npx's cache once (227 packages); the timed runs then start it from there.
  const fetched = await runChild('npx', ['--yes', DREDD, '--version'], { timeoutMs: 300_000 });
  if (fetched.code !== 0) {
    return [{ section: 'url', subject: DREDD, text: `dredd unavailable: ${lastLine(fetched.stderr || fetched.stdout) || `npx exited ${fetched.code}`}` }];
  }
  const slice = writeDreddSlice(mkdtempSync(path.join(tmpdir(), 'gc-bench-dredd-')));
  const args = [slice.file, baseUrl, '--header', 'Authorization: Bearer bench', '--loglevel', 'error'];
  let summary = '';
  let total = 0;
  let firstFailure = '';
  const rates: number[] = [];
  const viaNpx = await repeat({ runs, warmup: 1 }, async (run) => {
    const child = await runChild('npx', ['--yes', DREDD, ...args]);
    const output = plain(child.stdout + child.stderr);
    const complete = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(output);
    if (!complete) throw new Error(`dredd printed no summary (exit ${child.code}): ${lastLine(child.stderr || child.stdout)}`);
    total = Number(complete[5]);
    summary = `${complete[1]} passing, ${complete[2]} failing`;
    firstFailure ||= /fail: (headers|body|statusCode): (.*)/.exec(output)?.slice(1).join(': ') ?? '';
    if (run >= 0) rates.push(total / (child.ms / 1000));
    return child.ms;
  });
  const note = `${total} test (gavel checks its status, headers and body: ${summary})`;
  return [
    { section: 'url', subject: `npx --yes ${DREDD} <reduced slice> <double>, wall`, stats: viaNpx, unit: 'ms', note },
    { section: 'url', subject: `npx --yes ${DREDD}, rate`, stats: stats(rates), unit: 'tests/s', note },
    { section: 'url', subject: '  Dredd ran on a reduced copy of the slice', text: '', note: slice.reductions },
    ...(firstFailure ? [{ section: 'url', subject: '  Dredd failed the correct double on', text: '', note: oneLine(firstFailure) }] : []),
  ];
}

/** Dredd colours its output whatever the terminal. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 160);
}
