/** The results.json document (docs/contract.md): the engine's check outcomes, summarised, and how they are written. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CONFIGURATION_BLOCKERS, type CheckOutcome, type CheckStatus } from '../engine/outcome.js';
import type { SuiteOutcome } from '../engine/run-suite.js';
import { scrubText } from '../scrub/scrub.js';
import { UsageError } from '../config/usage-error.js';
import type { Coverage } from './coverage.js';
import type { CapabilityFindings } from '../checks/capabilities.js';
import type { Reporter } from './reporter.js';
import type { RootCause } from './root-cause.js';

export type { CheckStatus };
export type CheckResult = CheckOutcome;

export interface RunResults {
  target: string;
  baseUrl: string;
  profile: string;
  seed: number;
  runId: string;
  startedAt: string;
  durationMs: number;
  sliceSha256: string;
  /**
   * `blocked`: checks not judged because something earlier failed (counted in skipped too); `known`:
   * failures the baseline expects (counted in failed, or in blocked); `fixed`: baseline entries that passed.
   */
  summary: { passed: number; failed: number; skipped: number; warned: number; blocked: number; known: number; fixed: number };
  /** `i/n` when the run was one shard of n. */
  shard?: string;
  /** Every decision a reported check relied on, with what it says. */
  decisions: Record<string, string>;
  /** Suites that could not run at all (a harness or configuration problem). */
  errors: string[];
  checks: CheckResult[];
  /** Which operations of the slice, and which of their query parameters, the run exercised. */
  coverage?: Coverage;
  /** When the target throttled the run: how often the whole run paused, and for how long in all. */
  throttled?: { pauses: number; waitedMs: number };
  /** What the run found of the capabilities its rules need beyond the slice: probed, or declared by the user. */
  capabilities?: CapabilityFindings;
  /** Set when one cause blocked every check the run would have judged (root-cause.ts): what happened, what to do. */
  rootCause?: RootCause;
}

export interface Collected {
  checks: CheckResult[];
  errors: string[];
  /** Suite name → why the suite could not run at all. */
  moduleErrors: Map<string, string[]>;
  /** The suites the run included, by name. */
  suites: Set<string>;
  leftBehind: SuiteOutcome['leftBehind'];
  /** How the target answered, over every suite of the run. */
  answers: SuiteOutcome['answers'];
  hits: SuiteOutcome['hits'];
}

export function emptyCollected(errors: string[] = []): Collected {
  return { checks: [], errors, moduleErrors: new Map(), suites: new Set(), leftBehind: [], answers: { total: 0, notFoundNotJson: 0 }, hits: [] };
}

/** Adds one suite's outcome to what the run collected. */
export function collect(collected: Collected, outcome: SuiteOutcome): void {
  collected.suites.add(outcome.suite);
  collected.checks.push(...outcome.outcomes);
  collected.leftBehind.push(...outcome.leftBehind);
  collected.hits.push(...outcome.hits);
  collected.answers.total += outcome.answers.total;
  collected.answers.notFoundNotJson += outcome.answers.notFoundNotJson;
  collected.answers.sample ??= outcome.answers.sample;
}

export function summarise(checks: readonly CheckResult[]): RunResults['summary'] {
  const summary = { passed: 0, failed: 0, skipped: 0, warned: 0, blocked: 0, known: 0, fixed: 0 };
  for (const check of checks) {
    summary[check.status]++;
    if (check.blockedBy !== undefined) summary.blocked++;
    if (check.baseline) summary[check.baseline.state]++;
  }
  return summary;
}

/** The checks that block the run: not judged, and not accepted by the baseline. */
export function blockingChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => c.blockedBy !== undefined && c.baseline?.state !== 'known');
}

/**
 * 2 when a check is blocked by configuration the user must fix (a recording), or nothing ran, or a suite
 * file could not load; 1 when a check failed or was blocked by the target; 0 otherwise (warnings allowed).
 */
export function exitCodeOf(results: RunResults): 0 | 1 | 2 {
  const blocking = blockingChecks(results.checks);
  if (blocking.some((c) => CONFIGURATION_BLOCKERS.has(c.blockedBy!))) return 2;
  if (results.errors.length > 0) return 2;
  const failedUnexpectedly = results.checks.some((c) => c.status === 'failed' && c.baseline?.state !== 'known');
  if (failedUnexpectedly || blocking.length > 0) return 1;
  if (results.summary.passed + results.summary.warned + results.summary.known === 0) return 2;
  return 0;
}
/** results.json: the document itself, whole. */
export const resultsReporter: Reporter<'results'> = {
  name: 'results',
  write(results, { reportDir }) {
    const file = path.join(reportDir, 'results.json');
    // Evidence is scrubbed where it is captured; this second pass guards messages and anything added later.
    writeReportFile(file, `${scrubText(JSON.stringify(results, null, 2))}\n`);
    return file;
  },
};

/**
 * Writes into the report dir, turning a dir that cannot be written into a usage error that names it.
 */
export function writeReportFile(file: string, text: string): void {
  writeFileWhole(file, text, (reason) => `cannot write ${file} (${reason}); choose a writable --report-dir / CONFORMANCE_REPORT_DIR`);
}

/**
 * The text goes to a temporary name in the same dir first, then is renamed over the file: whoever reads it
 * (a CI step, a browser, an upload, a later run) finds the previous file or this one whole, never a part of
 * one. A file that cannot be written is a usage error, in the words `failure` gives the reason.
 */
export function writeFileWhole(file: string, text: string, failure: (reason: string) => string): void {
  // Hidden and unique: never taken for the file, never shared with another writer.
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // No folder to have left it in: the error below says why.
    }
    const err = error as NodeJS.ErrnoException;
    throw new UsageError(failure(err.code ?? err.message));
  }
}
