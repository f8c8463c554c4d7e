/**
 * `runConformance(options)`: a conformance run inside the caller's process — resolution, the report dir
 * and its lock, pre-flight, suites, report files, the clean-up after an interrupt — returning the
 * results.json document and the files written. The command and the GitHub Action run the same
 * `conformanceRun`, differing only in where its lines go and what they print once it returns.
 */
import { resolveOptions, type RunConfig } from '../config/run-config.js';
import { credentialsRefused, preflight, refusedCredentialsMessage, statelessTarget, writableDir } from '../run/preflight.js';
import { lockReportDir } from '../run/report-lock.js';
import { cleanUpAfterInterrupt } from '../run/after-interrupt.js';
import type { RunResults } from '../report/results.js';
import type { ReportFiles } from '../report/reporter.js';
import { printable } from '../report/printable.js';
import { rawOptionsOf, type ConformanceOptions } from './options.js';
import { checkBaselineDestination, writeBaseline } from './write-baseline.js';
import type { DryRunWrite } from '../run/dry-run.js';

export interface ConformanceRun {
  /** The command's exit code for this run: 0 passed, 1 a check failed or was blocked, 2 nothing judged, 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  /** What results.json holds. */
  results: RunResults;
  /** The report files written: results.json, junit.xml, report.html. */
  files: ReportFiles;
  /** Groups the run created and could not delete, with why. */
  leftBehind: { id: string; why: string }[];
  /** With --write-baseline (`writeBaseline`): the baseline file written after the run. */
  writtenBaseline?: string;
  /** With --dry-run (`dryRun`): the writes a live run would make; results and files are then the dry run's own. */
  dryRun?: DryRunWrite[];
}

/** Where a run's lines go, and how its messages name the report-dir setting. */
export interface RunHost {
  /** The run's progress: the suites and their verdicts as they are judged, throttling, an interrupt. */
  progress: (line: string) => void;
  /** What is said beside the progress: a dead run's lock taken over, the clean-up after an interrupt. */
  notice: (line: string) => void;
  /** The command names the flag and its variable; the API names its field. */
  reportDirSetting: string;
}

/** The command's and the Action's: progress on stdout, notices on stderr (both guarded by printable.ts). */
export const PRINTING_HOST: RunHost = {
  progress: (line) => process.stdout.write(`${line}\n`),
  notice: (line) => process.stderr.write(`${line}\n`),
  reportDirSetting: '--report-dir / CONFORMANCE_REPORT_DIR',
};

/**
 * Runs the conformance checks once. A usage or configuration problem (a bad option, an unreachable
 * target, replay without recordings) rejects with a `UsageError`, whose message says how to fix it:
 * the command's exit 2. SIGINT/SIGTERM during the run stop it, delete what it created, and resolve with 130.
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceRun> {
  const { config, warnings } = resolveOptions({ command: 'run', options: rawOptionsOf(options) }, options.env ?? process.env, options.cwd ?? process.cwd());
  const write = options.onProgress ?? (() => {});
  for (const warning of warnings) write(`warning: ${warning}`);
  return conformanceRun(config, { progress: write, notice: write, reportDirSetting: 'reportDir' });
}

/** One run of a resolved configuration; what runConformance, the command and the Action share. */
export async function conformanceRun(config: RunConfig, host: RunHost): Promise<ConformanceRun> {
  if (config.dryRun) return dryRun(config, host);
  writableDir(config.reportDir, host.reportDirSetting);
  if (config.writeBaseline !== undefined) checkBaselineDestination(config.writeBaseline);
  // One run at a time per report dir: held until the reports are written and, after an interrupt, what
  // the run created is deleted; released however the run ends (and by the lock itself on a signal or exit).
  const lock = lockReportDir(config.reportDir, host.reportDirSetting, host.notice);
  try {
    // Loaded after the options are known good (the suites take a second to load, a usage error should
    // not), and before the target is probed: a kept-alive probe connection left idle while modules load
    // can be closed by the target just as the first suite reuses it.
    const { runSuites } = await import('../run/run-suites.js');
    // Known before pre-flight, which asks @azure/identity for a live run's token when none was given.
    const obtained = config.target === 'live' && config.token === undefined;
    await preflight(config);
    // Credentials the target refuses are a configuration error said once, not a failure of every check.
    const refused = await credentialsRefused(config);
    const stopped = refused && { blockedBy: 'suite:credentials', message: refusedCredentialsMessage(refused, obtained) };
    // A target that keeps no state is not waited for: no write it is sent can ever show.
    const stateless = stopped ? undefined : await statelessTarget(config);
    if (stateless) host.progress(`note: ${stateless}`);
    const run = await runSuites(stateless ? { ...config, settleMs: 0 } : config, host.progress, stopped);
    if (run.interrupted) {
      await cleanUpAfterInterrupt(config, run.interrupted, Object.values(run.files), host.notice, run.leftBehind);
      return { exitCode: 130, results: run.results, files: run.files, leftBehind: run.leftBehind };
    }
    const ended = { exitCode: run.exitCode, results: run.results, files: run.files, leftBehind: run.leftBehind };
    return config.writeBaseline === undefined ? ended : { ...ended, ...baselineAfter(config.writeBaseline, ended, config, host) };
  } finally {
    lock.release();
  }
}

/**
 * --dry-run: the run against an emulator in this process, writing as a live run writes; nothing reaches
 * the target and the report dir is left alone (the dry run's reports go to a folder of their own).
 */
async function dryRun(config: RunConfig, host: RunHost): Promise<ConformanceRun> {
  const [{ startEmulator }, { runSuites }, { dryRunConfig, dryRunLines, writesOf }] = await Promise.all([
    import('../emulator/index.js'),
    import('../run/run-suites.js'),
    import('../run/dry-run.js'),
  ]);
  const emulator = await startEmulator();
  try {
    const run = await runSuites(dryRunConfig(config, emulator.baseUrl), () => {}, undefined);
    const writes = writesOf(emulator.requests);
    for (const line of dryRunLines(config.baseUrl, writes)) host.progress(line);
    return { exitCode: run.interrupted ? 130 : 0, results: run.results, files: run.files, leftBehind: [], dryRun: writes };
  } finally {
    await emulator.close();
  }
}

/**
 * --write-baseline: every failed or blocked check of the ended run, written and said where; the exit code
 * stays the run's. Not after a configuration error (exit 2): a baseline must not accept what the user has
 * to fix (a recording, refused credentials, a suite that could not load).
 */
function baselineAfter(file: string, run: ConformanceRun, config: RunConfig, host: RunHost): { writtenBaseline?: string } {
  if (run.exitCode === 2) {
    host.notice(`baseline not written to ${printable(file)}: the run ended with a configuration error (exit 2), which a baseline must not accept`);
    return {};
  }
  const entries = writeBaseline(file, run.results, config);
  host.progress(
    entries === 0
      ? `baseline: no check failed or was blocked; a baseline with no entry written to ${printable(file)}`
      : `baseline: ${entries} failed or blocked check${entries === 1 ? '' : 's'} written to ${printable(file)}; each reason is the check's message: review them before passing the file to --baseline`,
  );
  return { writtenBaseline: file };
}
