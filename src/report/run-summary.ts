/**
 * What the command prints once a run has ended (not interrupted): the closing table, the counts, the
 * report files, and on stderr what blocked checks and what the run could not delete. The GitHub Action
 * prints the same, its log being the command's.
 */
import path from 'node:path';
import type { RunConfig } from '../config/run-config.js';
import { sweepHint } from '../run/after-interrupt.js';
import { coverageLine, notExercised } from './coverage.js';
import { printable } from './printable.js';
import type { CheckResult, RunResults } from './results.js';
import { summaryTable } from './summary-table.js';

export interface EndedRun {
  results: RunResults;
  files: Record<string, string>;
  leftBehind: readonly { id: string; why: string }[];
}

export function printRunSummary({ results, files, leftBehind }: EndedRun, config: RunConfig, out: (text: string) => void, err: (text: string) => void): void {
  const { passed, failed, skipped, warned, blocked, known, fixed } = results.summary;
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
  // A partial run (--only, --shard) leaves operations out on purpose; only a whole run lists them.
  if (results.coverage && !config.quiet && config.only.length === 0 && !config.shard)
    for (const line of notExercised(results.coverage)) out(`not exercised: ${line}\n`);
  for (const line of blockedSummary(results.checks)) err(`${line}\n`);
  for (const { id, why } of leftBehind) err(`could not delete group ${printable(id)}: ${printable(why)}\n`);
  if (leftBehind.length > 0) err(`${sweepHint(config)}\n`);
  if (results.checks.length === 0) {
    err(`error: no check ran${config.only.length > 0 ? `; --only ${config.only.join(',')} matches no check id (ids look like create.status)` : ''}\n`);
  }
}

/** One line per blocker: what stopped which checks, so the cause is read once, not once per check. */
function blockedSummary(checks: readonly CheckResult[]): string[] {
  const byBlocker = new Map<string, CheckResult[]>();
  for (const check of checks)
    if (check.blockedBy !== undefined && check.baseline?.state !== 'known') byBlocker.set(check.blockedBy, [...(byBlocker.get(check.blockedBy) ?? []), check]);
  return [...byBlocker].map(([blocker, blocked]) => {
    const why = blocker.startsWith('suite:') ? ` — ${printable(blocked[0]!.message ?? '')}` : '';
    return `blocked: ${blocked.length} check${blocked.length === 1 ? '' : 's'} not judged because of ${printable(blocker)}${why}`;
  });
}
