/**
 * `runConformance(options)`: the command's run inside the caller's process — the same resolution,
 * pre-flight, suites and report files — returning the results.json document instead of printing it.
 */
import { resolveRunConfig } from '../config/run-config.js';
import { preflight, writableDir } from '../runner/preflight.js';
import { lockReportDir } from '../runner/report-lock.js';
import { cleanUpAfterInterrupt } from '../runner/after-interrupt.js';
import type { RunResults } from '../report/results.js';
import { argvOf, type ConformanceOptions } from './options.js';

export interface ConformanceRun {
  /** The command's exit code for this run: 0 passed, 1 a check failed or was blocked, 2 nothing judged, 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  /** What results.json holds. */
  results: RunResults;
  /** The report files written. */
  files: { results: string; junit: string; report: string };
  /** Groups the run created and could not delete, with why. */
  leftBehind: { id: string; why: string }[];
}

/**
 * Runs the conformance checks once. A usage or configuration problem (a bad option, an unreachable
 * target, replay without recordings) rejects with a `UsageError`, whose message says how to fix it:
 * the command's exit 2. SIGINT/SIGTERM during the run stop it, delete what it created, and resolve with 130.
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceRun> {
  const { config, warnings } = resolveRunConfig(argvOf(options), options.env ?? process.env, options.cwd ?? process.cwd());
  const write = options.onProgress ?? (() => {});
  for (const warning of warnings) write(`warning: ${warning}`);
  writableDir(config.reportDir, 'reportDir');
  const { runSuites } = await import('../runner/run-suites.js');
  // One run at a time per report dir; released once its reports are written, or it failed before.
  const lock = lockReportDir(config.reportDir, 'reportDir', write);
  const run = await preflight(config).then(() => runSuites(config, write)).finally(() => lock.release());
  const [results, junit, report] = run.files as [string, string, string];
  const files = { results, junit, report };
  if (run.interrupted) {
    await cleanUpAfterInterrupt(config, run.interrupted, run.files, write);
    return { exitCode: 130, results: run.results, files, leftBehind: run.leftBehind };
  }
  return { exitCode: run.exitCode, results: run.results, files, leftBehind: run.leftBehind };
}
