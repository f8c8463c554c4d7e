/**
 * `graph-conformance [command] [options]` (in a clone, `npm run conformance -- …`): resolves the run,
 * checks the target can be reached, runs the conformance suites, writes results.json, junit.xml and
 * report.html, and exits 0/1/2/130 (docs/contract.md). Commands: run (default), sweep, diff, docs-check.
 */
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { resolveRunConfig, UsageError, type RunConfig } from '../config/run-config.js';
import { preflight, writableDir } from '../runner/preflight.js';
import { lockReportDir } from '../runner/report-lock.js';
import { cleanUpAfterInterrupt, sweepHint } from '../runner/after-interrupt.js';
import { scrubText } from '../scrub/scrub.js';
import type { CheckResult } from '../report/results.js';
import { HELP } from './help.js';
import { summaryTable } from '../report/summary-table.js';
import { coverageLine, notExercised } from '../report/coverage.js';
import { guardOutput, printable } from '../report/printable.js';

async function main(): Promise<number> {
  // Before anything is printed: whatever a target or a file put in a line, the terminal and a CI log
  // get it escaped (printable.ts).
  guardOutput();
  if (process.argv[2] === 'docs-check') {
    const { docsCheck } = await import('../docs/docs-check-command.js');
    return docsCheck(process.argv.slice(3));
  }
  const { help, command, olderThanMs, yes, warnings, config } = resolveRunConfig(process.argv.slice(2), process.env, process.cwd());
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  if (help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'sweep') {
    await preflight(config);
    return sweep(config, olderThanMs, yes);
  }
  if (command === 'diff') {
    writableDir(config.reportDir, '--report-dir / CONFORMANCE_REPORT_DIR');
    lockReportDir(config.reportDir, '--report-dir / CONFORMANCE_REPORT_DIR', (line) => process.stderr.write(`${line}\n`));
    await preflight(config);
    return diff(config);
  }
  writableDir(config.reportDir, '--report-dir / CONFORMANCE_REPORT_DIR');
  // Held until the process exits (released on its way out): no other run writes this dir's reports meanwhile.
  lockReportDir(config.reportDir, '--report-dir / CONFORMANCE_REPORT_DIR', (line) => process.stderr.write(`${line}\n`));
  // Loaded after the options are known good (the suites take a second to load, a usage error should
  // not), and before the target is probed: a kept-alive probe connection left idle while modules load
  // can be closed by the target just as the first suite reuses it.
  const { runSuites } = await import('../runner/run-suites.js');
  await preflight(config);
  const { results, files, exitCode, interrupted, leftBehind } = await runSuites(config, (line) => process.stdout.write(`${line}\n`));
  if (interrupted) {
    await cleanUpAfterInterrupt(config, interrupted, files, (line) => process.stderr.write(`${line}\n`));
    return 130;
  }
  const { passed, failed, skipped, warned, blocked, known, fixed } = results.summary;
  const baseline = known + fixed > 0 ? ` (baseline: ${known} known${fixed > 0 ? `, ${fixed} fixed — remove them from the baseline` : ''})` : '';
  process.stdout.write(
    `\n${summaryTable(results)}\n\n` +
      `${results.coverage ? `${coverageLine(results.coverage)}\n` : ''}` +
      `${passed} passed, ${failed} failed, ${blocked} blocked, ${skipped - blocked} skipped, ${warned} warned${baseline}\n` +
      `${results.durationMs} ms; target ${config.target}, profile ${config.profile}, seed ${results.seed}${config.shard ? `, shard ${config.shard}` : ''}\n` +
      `reports: ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}\n`,
  );
  if (failed > known) process.stdout.write(`reproduce with --seed ${results.seed}\n`);
  // A partial run (--only, --shard) leaves operations out on purpose; only a whole run lists them.
  if (results.coverage && !config.quiet && config.only.length === 0 && !config.shard) for (const line of notExercised(results.coverage)) process.stdout.write(`not exercised: ${line}\n`);
  for (const line of blockedSummary(results.checks)) process.stderr.write(`${line}\n`);
  for (const { id, why } of leftBehind) process.stderr.write(`could not delete group ${printable(id)}: ${printable(why)}\n`);
  if (leftBehind.length > 0) process.stderr.write(`${sweepHint(config)}\n`);
  if (results.checks.length === 0) {
    process.stderr.write(`error: no check ran${config.only.length > 0 ? `; --only ${config.only.join(',')} matches no check id (ids look like create.status)` : ''}\n`);
  }
  return exitCode;
}

/** One line per blocker: what stopped which checks, so the cause is read once, not once per check. */
function blockedSummary(checks: readonly CheckResult[]): string[] {
  const byBlocker = new Map<string, CheckResult[]>();
  for (const check of checks) if (check.blockedBy !== undefined && check.baseline?.state !== 'known') byBlocker.set(check.blockedBy, [...(byBlocker.get(check.blockedBy) ?? []), check]);
  return [...byBlocker].map(([blocker, blocked]) => {
    const why = blocker.startsWith('suite:') ? ` — ${printable(blocked[0]!.message ?? '')}` : '';
    return `blocked: ${blocked.length} check${blocked.length === 1 ? '' : 's'} not judged because of ${printable(blocker)}${why}`;
  });
}

/**
 * Lists, and with --yes deletes, the `conformance-` groups killed runs left on the target. Exit 0 when
 * the listing was read to its end and every group found was deleted (or, dry, listed); 1 when one could
 * not be deleted or the listing stopped at its page limit (stderr says so); 2 when it could not be read.
 */
async function sweep(config: RunConfig, olderThanMs: number | undefined, yes: boolean): Promise<number> {
  const { listGroups, deleteGroups, pageLimitNote } = await import('../hygiene/sweep.js');
  const now = Date.now();
  let listing: Awaited<ReturnType<typeof listGroups>>;
  try {
    listing = await listGroups(config);
  } catch (error) {
    // The target's answer, not a fault of the command: its message, escaped, without a stack trace.
    process.stderr.write(`error: sweep could not list the connectorGroups: ${printable((error as Error).message)}\n`);
    return 2;
  }
  // A group whose name carries no run time cannot be shown to be old: only an age-less sweep takes it.
  const stale = listing.groups.filter((g) => olderThanMs === undefined || (g.createdAt !== undefined && now - g.createdAt.getTime() > olderThanMs));
  for (const g of stale) process.stdout.write(`${printable(g.name)}  ${printable(g.id)}  ${g.createdAt ? `run started ${g.createdAt.toISOString()}` : 'run time unknown'}\n`);
  const scope = olderThanMs === undefined ? '' : ` older than ${Math.round(olderThanMs / 60_000)} min`;
  const atLeast = listing.more ? 'at least ' : '';
  if (listing.more) process.stderr.write(`${pageLimitNote(listing)}\n`);
  if (!yes) {
    process.stdout.write(`${atLeast}${stale.length} conformance group${stale.length === 1 ? '' : 's'}${scope} on ${config.baseUrl}; dry run, add --yes to delete them\n`);
    return listing.more ? 1 : 0;
  }
  const refused = await deleteGroups(config, stale);
  for (const { group, status } of refused) process.stderr.write(`could not delete ${printable(group.name)} (${printable(group.id)}): ${status}\n`);
  process.stdout.write(`deleted ${stale.length - refused.length} of ${atLeast}${stale.length} conformance group${stale.length === 1 ? '' : 's'}${scope}\n`);
  return refused.length > 0 || listing.more ? 1 : 0;
}

/** `diff`: the target against the recordings, difference by difference; exit 1 on any not in --baseline. */
async function diff(config: RunConfig): Promise<number> {
  if (!existsSync(config.fixturesDir) || !readdirSync(config.fixturesDir).some((f) => f.endsWith('.json'))) {
    throw new UsageError(`diff: no recordings in ${config.fixturesDir}; point --fixtures-dir at a folder of recordings`);
  }
  const { runDiff } = await import('../diff/run-diff.js');
  const { writeReportFile } = await import('../report/results.js');
  // One line each, naming recordings and quoting the target: escaped whole.
  const write = (line: string) => process.stdout.write(`${printable(line)}\n`);
  write(`graph-conformance diff: target ${config.baseUrl} against the recordings in ${path.relative(process.cwd(), config.fixturesDir) || config.fixturesDir}`);
  const run = await runDiff(config, write);
  for (const d of run.diffs) {
    write(`  ${d.known !== undefined ? '✗ (known)' : '✗'} ${d.id} — ${d.request}: recorded ${JSON.stringify(d.recorded)}, target ${JSON.stringify(d.target)}`);
  }
  const unknown = run.diffs.filter((d) => d.known === undefined).length;
  const file = path.join(config.reportDir, 'results.json');
  writeReportFile(
    file,
    `${scrubText(JSON.stringify({ command: 'diff', baseUrl: config.baseUrl, sources: run.sources, requests: run.requests, summary: { differences: run.diffs.length, known: run.diffs.length - unknown }, diffs: run.diffs, ...(run.refused.length > 0 && { refused: run.refused }) }, null, 2))}\n`,
  );
  const { renderDiffReport } = await import('../report/html/diff-report.js');
  const report = path.join(config.reportDir, 'report.html');
  writeReportFile(report, scrubText(renderDiffReport({ baseUrl: config.baseUrl, sources: run.sources, requests: run.requests, diffs: run.diffs })));
  write(`${run.requests} requests, ${run.diffs.length} difference${run.diffs.length === 1 ? '' : 's'}${unknown < run.diffs.length ? ` (${run.diffs.length - unknown} known)` : ''}`);
  write(`reports: ${[file, report].map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
  for (const id of run.leftBehind) process.stderr.write(`could not delete group ${printable(id)}\n`);
  if (run.leftBehind.length > 0) process.stderr.write(`${sweepHint(config)}\n`);
  // A request the target's answers led off its origin was not sent: that is a difference from any recording.
  return unknown > 0 || run.refused.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(2);
  },
);
