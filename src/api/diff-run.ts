/**
 * `diff` as one run: the report dir and its lock, pre-flight, the recorded requests sent again
 * (src/diff/run-diff.ts), a line per behaviour (its count and one example: a target that differs in one
 * way differs on every request that meets it, and a line each would bury the other ways), and its
 * results.json (every difference) and report.html. The command and the GitHub Action both call it and read
 * the files it returns.
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { UsageError, type RunConfig } from '../config/run-config.js';
import { preflight, writableDir } from '../run/preflight.js';
import { lockReportDir } from '../run/report-lock.js';
import { sweepHint } from '../run/after-interrupt.js';
import { scrubText } from '../scrub/scrub.js';
import { printable } from '../report/printable.js';
import type { RunHost } from './run-conformance.js';

export interface DiffConformanceRun {
  /** 0 no difference outside the baseline, 1 otherwise (a request refused off the target's origin too). */
  exitCode: 0 | 1;
  files: { results: string; report: string };
  differences: number;
  /** Of the differences, those the baseline expects. */
  known: number;
  /** The behaviours the differences belong to (src/diff/behaviours.ts). */
  behaviours: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `diff`: the target against the recordings, difference by difference; exit 1 on any not in --baseline. */
export async function diffRun(config: RunConfig, host: RunHost): Promise<DiffConformanceRun> {
  writableDir(config.reportDir, host.reportDirSetting);
  const lock = lockReportDir(config.reportDir, host.reportDirSetting, host.notice);
  try {
    await preflight(config);
    if (!existsSync(config.fixturesDir) || !readdirSync(config.fixturesDir).some((f) => f.endsWith('.json'))) {
      throw new UsageError(`diff: no recordings in ${config.fixturesDir}; point --fixtures-dir at a folder of recordings`);
    }
    const { runDiff } = await import('../diff/run-diff.js');
    const { writeReportFile } = await import('../report/results.js');
    // One line each, naming recordings and quoting the target: escaped whole.
    const write = (line: string) => host.progress(printable(line));
    write(
      `graph-conformance diff: target ${config.baseUrl} against the recordings in ${path.relative(process.cwd(), config.fixturesDir) || config.fixturesDir}`,
    );
    const run = await runDiff(config, write);
    const { behavioursOf } = await import('../diff/behaviours.js');
    const behaviours = behavioursOf(run.diffs);
    for (const b of behaviours) {
      const e = b.example;
      write(
        `  ${b.known !== undefined ? '✗ (known)' : '✗'} ${b.id} (${b.kind}) in ${plural(b.count, 'answer')} — e.g. ${e.request}: recorded ${JSON.stringify(e.recorded)}, target ${JSON.stringify(e.target)}`,
      );
    }
    const unknown = run.diffs.filter((d) => d.known === undefined).length;
    const knownBehaviours = behaviours.filter((b) => b.known !== undefined).length;
    const file = path.join(config.reportDir, 'results.json');
    writeReportFile(
      file,
      `${scrubText(JSON.stringify({ command: 'diff', baseUrl: config.baseUrl, sources: run.sources, requests: run.requests, summary: { differences: run.diffs.length, known: run.diffs.length - unknown, behaviours: behaviours.length, knownBehaviours }, behaviours, diffs: run.diffs, ...(run.refused.length > 0 && { refused: run.refused }) }, null, 2))}\n`,
    );
    const { renderDiffReport } = await import('../report/html/diff-report.js');
    const report = path.join(config.reportDir, 'report.html');
    writeReportFile(
      report,
      scrubText(renderDiffReport({ baseUrl: config.baseUrl, sources: run.sources, requests: run.requests, diffs: run.diffs, behaviours })),
    );
    write(
      `${plural(run.requests, 'request')}, ${plural(run.diffs.length, 'difference')}${run.diffs.length > 0 ? ` in ${plural(behaviours.length, 'behaviour')}` : ''}${unknown < run.diffs.length ? ` (${run.diffs.length - unknown} known, ${knownBehaviours} of the behaviours)` : ''}`,
    );
    write(`reports: ${[file, report].map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
    for (const id of run.leftBehind) host.notice(`could not delete group ${printable(id)}`);
    if (run.leftBehind.length > 0) host.notice(sweepHint(config));
    // A request the target's answers led off its origin was not sent: that is a difference from any recording.
    const exitCode = unknown > 0 || run.refused.length > 0 ? 1 : 0;
    return { exitCode, files: { results: file, report }, differences: run.diffs.length, known: run.diffs.length - unknown, behaviours: behaviours.length };
  } finally {
    lock.release();
  }
}
