/**
 * Runs the conformance suites for one resolved run — the engine's suite loop, no test runner — and
 * assembles and writes its results: results.json, junit.xml, report.html. The same suite definitions run
 * under vitest in `npm test` (suites/*.conformance.ts); here the command needs none of vitest's machinery.
 */
import path from 'node:path';
import { throttleGateFor } from '../client/throttle-gate.js';
import { inPool } from '../runtime/pool.js';
import { readdirSync, readFileSync } from 'node:fs';
import type { RunConfig } from '../config/run-config.js';
import { ProgressReporter } from '../report/progress-reporter.js';
import { blockedByWrongBaseUrl, everySelectedCheck } from './every-verdict.js';
import { InterruptGuard } from './interrupt-guard.js';
import { collect, emptyCollected, exitCodeOf, summarise, writeResults, type CheckResult, type RunResults } from '../report/results.js';
import { writeReport } from '../report/html.js';
import { writeJunit } from '../report/junit.js';
import { coverageOf } from '../report/coverage.js';
import { sliceSha256 } from '../openapi/hash.js';
import { loadSlice } from '../openapi/load.js';
import { operationTable } from '../openapi/operation-table.js';
import { allowTargetHost, scrubText } from '../scrub/scrub.js';
import { decisionSummaries } from '../openapi/decision-summaries.js';
import { selectedBy } from '../checks/check.js';
import { SUITES } from '../suites/index.js';
import { runSuite, type SuiteOutcome } from '../runtime/run-suite.js';
import type { SuiteDefinition } from '../runtime/definition.js';

export interface SuiteRun {
  results: RunResults;
  files: string[];
  exitCode: 0 | 1 | 2;
  /** Groups suites created and could not delete, with why. */
  leftBehind: { id: string; why: string }[];
  /** Set when SIGINT/SIGTERM stopped the run: the command cleans up and exits 130. */
  interrupted?: NodeJS.Signals;
}

export async function runSuites(config: RunConfig, write: (line: string) => void): Promise<SuiteRun> {
  // What this process writes (results.json, report.html) keeps the target's own host readable.
  allowTargetHost(config.baseUrl);
  const replay = replayIdentity(config);
  const effective = { ...config, ...replay.identity };
  write(
    `graph-conformance: target ${effective.target} (${effective.baseUrl}), profile ${effective.profile}, ` +
      `seed ${effective.seed}, run ${effective.runId}${config.shard ? `, shard ${config.shard}` : ''}`,
  );
  if (replay.olderSlice.length > 0) {
    write(`note: ${replay.olderSlice.join(', ')} recorded against another version of specs/openapi.yaml; record again (--record) if checks disagree with it`);
  }
  const progress = new ProgressReporter(write, config.quiet);
  // A run that waits says so, each time the target makes it wait: a silent pause reads as a hang.
  const gate = throttleGateFor(effective.runId, effective.baseUrl, config.throttleBudgetMs);
  gate.onWait = (ms, why) => write(`waiting ${(ms / 1000).toFixed(1)} s: ${why}; throttle budget left ${(gate.budgetLeftMs / 1000).toFixed(1)} s (--throttle-budget)`);
  const guard = new InterruptGuard(write);
  const startedAt = new Date();
  const collected = emptyCollected();
  const suites = suitesOfShard(config.shard).filter((s) => s.checks.some((c) => selectedBy(config.only, c.id)));
  const bySuite = new Map<string, CheckResult[]>();
  const runOne = async (suite: SuiteDefinition<never>) => {
    if (guard.signal) return;
    progress.suiteStarted(suite.name, suite.checks.filter((c) => selectedBy(config.only, c.id)).length);
    let outcome: SuiteOutcome;
    try {
      outcome = await runSuite(suite, effective, guard.abortSignal);
    } catch (error) {
      // The engine never throws; should it ever, the suite's checks are blocked by the error, never lost.
      const message = scrubText(`${(error as Error)?.message ?? String(error)}`);
      collected.moduleErrors.set(suite.name, [message]);
      collected.errors.push(`${suite.name}: ${message}`);
      return;
    }
    collect(collected, outcome);
    bySuite.set(suite.name, outcome.outcomes);
    // Suites run side by side: each prints its name and its verdicts together, when it ends.
    progress.suiteEnded(suite.name, outcome.outcomes.length);
    for (const result of outcome.outcomes) progress.checkJudged(result);
  };
  // Suites are independent of each other: side by side, as many as --concurrency allows.
  await inPool(suites, config.concurrency, runOne);
  guard.release();
  gate.onWait = undefined;
  if (gate.pauses > 0) {
    write(`throttled: the target asked the run to wait ${gate.pauses} time${gate.pauses === 1 ? '' : 's'}; every request paused, ${(gate.waitedMs / 1000).toFixed(1)} s in all`);
  }
  // Suites the run never reached (interrupted) still owe a verdict for each selected check.
  for (const suite of suites) collected.suites.add(suite.name);
  const checks = blockedByWrongBaseUrl(everySelectedCheck(collected, config, guard.signal, write), collected.answers, config, write);
  const table = operationTable(loadSlice());
  const results: RunResults = {
    target: effective.target,
    baseUrl: effective.baseUrl,
    profile: effective.profile,
    seed: effective.seed,
    runId: effective.runId,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    sliceSha256: sliceSha256(),
    summary: summarise(checks),
    ...(config.shard !== undefined && { shard: config.shard }),
    decisions: decisionSummaries(checks.flatMap((c) => c.decisions ?? [])),
    errors: collected.errors,
    checks,
    coverage: coverageOf(table, collected.hits, whyNotSent(table, checks)),
    ...(gate.pauses > 0 && { throttled: { pauses: gate.pauses, waitedMs: Math.round(gate.waitedMs) } }),
  };
  const resultsFile = writeResults(config, results);
  const junitFile = writeJunit(config.reportDir, groupBySuite(checks, bySuite));
  const reportFile = writeReport(config, results);
  return { results, files: [resultsFile, junitFile, reportFile], exitCode: exitCodeOf(results), leftBehind: collected.leftBehind, ...(guard.signal && { interrupted: guard.signal }) };
}

/** `--shard i/n`: the i-th of n slices of the suites, in the one list's order; together they run each once. */
function suitesOfShard(shard: string | undefined): SuiteDefinition<never>[] {
  if (shard === undefined) return [...SUITES];
  const [i, n] = shard.split('/').map(Number) as [number, number];
  return SUITES.filter((_, index) => index % n === i - 1);
}

/** The checks of each suite in the run, in one list each; checks added by the runner go under their suite. */
function groupBySuite(checks: readonly CheckResult[], bySuite: ReadonlyMap<string, readonly CheckResult[]>): Map<string, CheckResult[]> {
  const suiteOf = new Map<string, string>();
  for (const suite of SUITES) for (const check of suite.checks) suiteOf.set(check.id, suite.name);
  // In the one list's order, whatever order the suites finished in.
  const grouped = new Map<string, CheckResult[]>(SUITES.filter((s) => bySuite.has(s.name)).map((s) => [s.name, []]));
  for (const check of checks) {
    const name = suiteOf.get(check.id) ?? 'graph-conformance';
    grouped.set(name, [...(grouped.get(name) ?? []), check]);
  }
  return grouped;
}

/** Why an operation was not exercised, when its status check says (skipped or blocked). */
function whyNotSent(table: ReturnType<typeof operationTable>, checks: readonly CheckResult[]): Map<string, string> {
  const why = new Map<string, string>();
  for (const op of table) {
    const status = checks.find((c) => c.id === `${op.name}.status`);
    if (status?.status === 'skipped' && status.message) why.set(op.name, status.blockedBy ? `blocked by ${status.blockedBy}: ${status.message}` : status.message);
  }
  return why;
}

/**
 * In replay the recordings' seed and run id are the run's: the recorded bodies were built from them.
 * Recordings made by different runs keep their own, per suite; the report then shows the configured ones.
 */
function replayIdentity(config: RunConfig): { identity: Partial<Pick<RunConfig, 'seed' | 'runId'>>; olderSlice: string[] } {
  if (config.target !== 'replay') return { identity: {}, olderSlice: [] };
  const identities = new Map<string, { seed: number; runId: string }>();
  const olderSlice: string[] = [];
  const current = sliceSha256();
  for (const file of readdirSync(config.fixturesDir).filter((f) => f.endsWith('.json'))) {
    try {
      const meta = (JSON.parse(readFileSync(path.join(config.fixturesDir, file), 'utf8')) as { meta?: { seed?: unknown; runId?: unknown; sliceSha256?: unknown } }).meta;
      if (typeof meta?.seed === 'number' && typeof meta.runId === 'string') identities.set(`${meta.seed}/${meta.runId}`, { seed: meta.seed, runId: meta.runId });
      if (typeof meta?.sliceSha256 === 'string' && meta.sliceSha256 !== current) olderSlice.push(file);
    } catch {
      // An unreadable recording fails its own suite with a precise message.
    }
  }
  return { identity: identities.size === 1 ? [...identities.values()][0]! : {}, olderSlice };
}
