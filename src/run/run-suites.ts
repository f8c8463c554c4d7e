/**
 * Runs the conformance suites for one resolved run — the engine's suite loop, no test runner — and
 * assembles and writes its results: results.json, junit.xml, report.html. The same suite definitions run
 * under vitest in `npm test` (suites/*.conformance.ts); here the command needs none of vitest's machinery.
 */
import type { LeftBehind } from '../engine/cleanup.js';
import { inPool } from '../engine/pool.js';
import type { RunConfig } from '../config/run-config.js';
import { ProgressReporter, progressLine } from '../report/progress-reporter.js';
import { blockedByWrongBaseUrl } from './every-verdict.js';
import { InterruptGuard } from './interrupt-guard.js';
import { collect, emptyCollected, exitCodeOf, summarise, type CheckResult, type RunResults } from '../report/results.js';
import { writeReports, type ReportFiles } from '../report/reporter.js';
import { coverageOf } from '../report/coverage.js';
import { loadSlice } from '../openapi/load.js';
import { operationTable } from '../openapi/operation-table.js';
import { scrubText, withAllowedHosts } from '../scrub/scrub.js';
import { decisionSummaries } from '../openapi/decision-summaries.js';
import { SUITES } from '../../suites/index.js';
import { notRun, runSuite, type SuiteOutcome } from '../engine/run-suite.js';
import { blockedOutcome } from '../engine/outcome.js';
import { planRun, type PlannedSuite, type RunPlan } from './plan.js';
import { printable } from '../report/printable.js';
import { capabilitiesOf, capabilityLine, type Capability, type CapabilityFindings } from '../checks/capabilities.js';
import type { SuiteDefinition } from '../engine/definition.js';

export interface SuiteRun {
  results: RunResults;
  /** The report files written, by reporter name. */
  files: ReportFiles;
  exitCode: 0 | 1 | 2;
  /** Groups suites created and could not delete, with why. */
  leftBehind: LeftBehind[];
  /** Set when SIGINT/SIGTERM stopped the run: the command cleans up and exits 130. */
  interrupted?: NodeJS.Signals;
}

/**
 * A cause found before any suite that blocks every judgement (the target refused the run's credentials):
 * no suite runs, and what they would have judged is blocked by it.
 */
export interface StoppedBefore {
  blockedBy: string;
  message: string;
}

export async function runSuites(config: RunConfig, write: (line: string) => void, stopped?: StoppedBefore): Promise<SuiteRun> {
  const plan = planRun(config);
  // Everything the run writes (recordings, results.json, report.html) keeps the target's own host readable.
  return withAllowedHosts(plan.shared.hosts, () => runPlan(plan, write, stopped));
}

async function runPlan(plan: RunPlan, write: (line: string) => void, stopped: StoppedBefore | undefined): Promise<SuiteRun> {
  const { config: effective, shared } = plan;
  const config = effective;
  write(
    `graph-conformance: target ${effective.target} (${effective.baseUrl}), profile ${effective.profile}, ` +
      `seed ${effective.seed}, run ${effective.runId}${config.shard ? `, shard ${config.shard}` : ''}`,
  );
  if (plan.staleRecordings.length > 0) {
    write(
      `note: ${plan.staleRecordings.join(', ')} recorded against another version of specs/openapi.yaml; record again (--record) if checks disagree with it`,
    );
  }
  const progress = new ProgressReporter(write, config.quiet);
  // A run that waits says so, each time the target makes it wait: a silent pause reads as a hang.
  const { gate } = shared;
  gate.onWait = (ms, why) =>
    write(`waiting ${(ms / 1000).toFixed(1)} s: ${why}; throttle budget left ${(gate.budgetLeftMs / 1000).toFixed(1)} s (--throttle-budget)`);
  const guard = new InterruptGuard(write);
  const startedAt = new Date();
  const collected = emptyCollected();
  const bySuite = new Map<string, CheckResult[]>();
  // What the user declared, then what the suites found out (a suite's subject says so): once per run.
  const capabilities: CapabilityFindings = { ...config.capabilities };
  const noting = <S>(definition: SuiteDefinition<S>): SuiteDefinition<S> => ({
    ...definition,
    produce: async (ctx) => {
      const subject = await definition.produce(ctx);
      Object.assign(capabilities, capabilitiesOf(subject));
      return subject;
    },
  });
  /** A suite that did not run still owes a verdict for each selected check: blocked, with the cause. */
  const unrun = ({ definition, plan: suite }: PlannedSuite, blockedBy: string, message: string, quiet: boolean) => {
    const outcomes = notRun(definition, suite, blockedBy, message);
    collected.checks.push(...outcomes);
    if (!quiet) for (const outcome of outcomes) write(`  ${progressLine(outcome)}`);
  };
  /**
   * Blocked by the cause found before the suites, said once in the closing lines rather than once per
   * check. A check this run would not judge anyway (the other profile, unavailable here) keeps its own
   * reason: the engine gives it, sending nothing for a suite left with no check to judge.
   */
  const stoppedSuite = async ({ definition, plan: suite }: PlannedSuite, { blockedBy, message }: StoppedBefore) => {
    const ids = new Set(suite.selected);
    const selected = definition.checks.filter((c) => ids.has(c.id));
    const judged = (c: (typeof selected)[number]) => c.profiles.includes(effective.profile) && c.unavailable === undefined;
    const notJudged = await runSuite(definition, effective, undefined, { ...suite, selected: selected.filter((c) => !judged(c)).map((c) => c.id) });
    // Checks over the whole run that this run would not judge anyway: their reason needs no answer.
    const skipped = [...notJudged.outcomes, ...(notJudged.overRun?.() ?? [])];
    const blocked = notRun(definition, { selected: selected.filter(judged).map((c) => c.id) }, blockedBy, message);
    collected.checks.push(...skipped, ...blocked);
    bySuite.set(definition.name, [...skipped, ...blocked]);
  };
  const runOne = async (planned: PlannedSuite) => {
    const { definition: suite, plan: suitePlan } = planned;
    if (stopped) return stoppedSuite(planned, stopped);
    if (guard.signal) return unrun(planned, 'suite:interrupted', `the run was stopped by ${guard.signal} before this check was judged`, true);
    progress.suiteStarted(suite.name, suitePlan.selected.length);
    let outcome: SuiteOutcome;
    try {
      outcome = await runSuite(noting(suite), effective, guard.abortSignal, suitePlan);
    } catch (error) {
      // The engine never throws; should it ever, the suite's checks are blocked by the error, never lost.
      const message = scrubText(`${(error as Error)?.message ?? String(error)}`);
      collected.errors.push(`${suite.name}: ${message}`);
      return unrun(planned, 'suite:error', `the ${suite.name} suite could not run: ${message}`, false);
    }
    collect(collected, outcome);
    bySuite.set(suite.name, outcome.outcomes);
    if (outcome.overRun) overRun.push({ suite: suite.name, judge: outcome.overRun });
    // Suites run side by side: each prints its name and its verdicts together, when it ends.
    progress.suiteEnded(suite.name, outcome.outcomes.length);
    for (const result of outcome.outcomes) progress.checkJudged(result);
  };
  /** Checks judged over every answer of the run (Check.overRun): once the last suite has ended. */
  const overRun: { suite: string; judge: () => CheckResult[] }[] = [];
  // Suites are independent of each other: side by side, as many as --concurrency allows.
  await inPool(plan.suites, config.concurrency, runOne);
  for (const { suite, judge } of overRun) {
    const why = `the run was stopped by ${guard.signal} before every suite had answered`;
    const outcomes = guard.signal ? judge().map((o) => blockedOutcome(o, 'suite:interrupted', why)) : judge();
    collected.checks.push(...outcomes);
    bySuite.set(suite, [...(bySuite.get(suite) ?? []), ...outcomes]);
    progress.suiteEnded(`${suite}, over every answer of the run`, outcomes.length);
    for (const result of outcomes) progress.checkJudged(result);
  }
  guard.release();
  gate.onWait = undefined;
  if (gate.pauses > 0) {
    write(
      `throttled: the target asked the run to wait ${gate.pauses} time${gate.pauses === 1 ? '' : 's'}; every request paused, ${(gate.waitedMs / 1000).toFixed(1)} s in all`,
    );
  }
  for (const [name, finding] of Object.entries(capabilities) as [Capability, NonNullable<CapabilityFindings[Capability]>][])
    write(printable(capabilityLine(name, finding)));
  for (const { definition } of plan.suites) collected.suites.add(definition.name);
  // Decided over the whole run: only once every answer is in can it be told that none came from the family.
  const checks = blockedByWrongBaseUrl(
    collected.checks.sort((a, b) => a.id.localeCompare(b.id)),
    collected.answers,
    config,
    write,
  );
  const table = operationTable(loadSlice());
  const results: RunResults = {
    target: effective.target,
    baseUrl: effective.baseUrl,
    profile: effective.profile,
    seed: effective.seed,
    runId: effective.runId,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    sliceSha256: plan.sliceSha256,
    summary: summarise(checks),
    ...(config.shard !== undefined && { shard: config.shard }),
    decisions: decisionSummaries(checks.flatMap((c) => c.decisions ?? [])),
    errors: collected.errors,
    checks,
    // A run stopped before its suites names the cause by its id here: the checks and the closing line quote it once.
    coverage: coverageOf(
      table,
      collected.hits,
      stopped ? new Map(table.map((op) => [op.name, `no suite ran: blocked by ${stopped.blockedBy}`])) : whyNotSent(table, checks),
    ),
    ...(gate.pauses > 0 && { throttled: { pauses: gate.pauses, waitedMs: Math.round(gate.waitedMs) } }),
    ...(Object.keys(capabilities).length > 0 && { capabilities }),
  };
  // Reports: every file reporter of the run, with what they need beside the results computed once.
  const files = writeReports(results, { reportDir: config.reportDir, checksBySuite: groupBySuite(checks, bySuite) });
  return { results, files, exitCode: exitCodeOf(results), leftBehind: collected.leftBehind, ...(guard.signal && { interrupted: guard.signal }) };
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
    if (status?.status === 'skipped' && status.message)
      why.set(op.name, status.blockedBy ? `blocked by ${status.blockedBy}: ${status.message}` : status.message);
  }
  return why;
}
