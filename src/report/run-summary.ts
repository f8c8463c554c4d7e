/**
 * What the command prints once a run has ended (not interrupted): the closing table, the counts, the
 * report files, and on stderr what blocked checks and what the run could not delete. The GitHub Action
 * prints the same, its log being the command's.
 */
import path from 'node:path';
import type { RunConfig } from '../config/run-config.js';
import { sweepHint } from '../run/after-interrupt.js';
import { coverageGaps, coverageLine, notExercised, type Coverage } from './coverage.js';
import { readRecordings } from '../engine/cassette.js';
import { printable } from './printable.js';
import type { CheckResult, RunResults } from './results.js';
import { rootCauseLines, rootCauseOf, type RootCause } from './root-cause.js';
import { summaryTable } from './summary-table.js';

export interface EndedRun {
  results: RunResults;
  files: Record<string, string>;
  leftBehind: readonly { id: string; why: string }[];
}

export function printRunSummary({ results, files, leftBehind }: EndedRun, config: RunConfig, out: (text: string) => void, err: (text: string) => void): void {
  const { passed, failed, skipped, warned, blocked, known, fixed } = results.summary;
  // One cause blocked the whole run: said first, with what to do, and not again below.
  const cause = results.rootCause ?? rootCauseOf(results);
  if (cause) err(`\n${rootCauseLines(cause, printable).join('\n')}\n`);
  const baseline = known + fixed > 0 ? ` (baseline: ${known} known${fixed > 0 ? `, ${fixed} fixed — remove them from the baseline` : ''})` : '';
  out(
    `\n${summaryTable(results)}\n\n` +
      `${results.coverage ? `${coverageLine(results.coverage)}\n` : ''}` +
      `${passed} passed, ${failed} failed, ${blocked} blocked, ${skipped - blocked} skipped, ${warned} warned${baseline}\n` +
      `${results.durationMs} ms; target ${config.target}, profile ${config.profile}, seed ${results.seed}${config.shard ? `, shard ${config.shard}` : ''}\n` +
      `reports: ${Object.values(files)
        .map((f) => path.relative(process.cwd(), f) || f)
        .join(', ')}\n`,
  );
  if (failed > known) out(`reproduce with --seed ${results.seed}\n`);
  if (config.record) out(`${recordedLine(config.fixturesDir, results.runId)}\n`);
  // A partial run (--only, --shard) leaves operations out on purpose; only a whole run lists them.
  if (results.coverage && !config.quiet && config.only.length === 0 && !config.shard)
    for (const line of cause ? causeGaps(results.coverage, cause) : notExercised(results.coverage)) out(`not exercised: ${line}\n`);
  for (const line of blockedSummary(results.checks, cause)) err(`${line}\n`);
  for (const { id, why } of leftBehind) err(`could not delete group ${printable(id)}: ${printable(why)}\n`);
  if (leftBehind.length > 0) err(`${sweepHint(config)}\n`);
  if (results.checks.length === 0) {
    err(`error: no check ran${config.only.length > 0 ? `; --only ${config.only.join(',')} matches no check id (ids look like create.status)` : ''}\n`);
  }
}

/** One line per blocker: what stopped which checks, so the cause is read once, not once per check. */
function blockedSummary(checks: readonly CheckResult[], cause: RootCause | undefined): string[] {
  const byBlocker = new Map<string, CheckResult[]>();
  for (const check of checks)
    if (check.blockedBy !== undefined && check.baseline?.state !== 'known' && check.blockedBy !== cause?.blockedBy)
      byBlocker.set(check.blockedBy, [...(byBlocker.get(check.blockedBy) ?? []), check]);
  return [...byBlocker].map(([blocker, blocked]) => {
    const why = blocker.startsWith('suite:') ? ` — ${printable(blocked[0]!.message ?? '')}` : '';
    return `blocked: ${blocked.length} check${blocked.length === 1 ? '' : 's'} not judged because of ${printable(blocker)}${why}`;
  });
}

/** Under a root cause, what was not exercised follows from it: one line, not one per operation repeating it. */
function causeGaps(coverage: Coverage, cause: RootCause): string[] {
  const gaps = coverageGaps(coverage);
  if (gaps.length === 0) return [];
  const operations = gaps.filter((g) => g.parameter === undefined).length;
  const parameters = gaps.length - operations;
  const counted = [
    operations > 0 ? `${operations} operation${operations === 1 ? '' : 's'}` : '',
    parameters > 0 ? `${parameters} query parameter${parameters === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return [`${counted.join(' and ')}, because of ${printable(cause.blockedBy)} (above)`];
}

/**
 * After a recording run: the folder and the recordings this run wrote in it (each names its run in its
 * meta), so a user knows what to commit or point --fixtures-dir at.
 */
function recordedLine(dir: string, runId: string): string {
  const where = path.relative(process.cwd(), dir) || dir;
  const names = [...readRecordings(dir)].filter(([, read]) => read.meta?.runId === runId).map(([name]) => `${name}.json`);
  if (names.length === 0) return `recorded nothing into ${printable(where)}`;
  return `recorded ${names.length} suite${names.length === 1 ? '' : 's'} into ${printable(where)} (${names.map(printable).join(', ')})`;
}
