/**
 * `--write-baseline FILE`: after a run, a baseline of what it did not pass — every failed or blocked
 * check, by id, with the first line of its message as the reason — for the user to review and give back
 * with `--baseline`. A check the run's own baseline already knew keeps that baseline's reason (it was
 * reviewed once). Written like the reports: scrubbed (a message may quote the target), whole under a
 * temporary name in the same folder and renamed into place.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { UsageError, type RunConfig } from '../config/run-config.js';
import { writableDir } from '../run/preflight.js';
import { runAllowedHosts, scrubText, withAllowedHosts } from '../scrub/scrub.js';
import { writeFileWhole, type CheckResult, type RunResults } from '../report/results.js';

export const WRITE_BASELINE_SETTING = '--write-baseline / CONFORMANCE_WRITE_BASELINE';
/** A reason is one line, and short enough to read and edit: a longer first line is cut. */
const MAX_REASON_CHARS = 300;

/** Before the run sends anything: the file is not a folder, and its folder can be made and written. */
export function checkBaselineDestination(file: string): void {
  let folder = false;
  try {
    folder = statSync(file).isDirectory();
  } catch {
    // Not there yet: it is written at the end.
  }
  if (folder) throw new UsageError(`${WRITE_BASELINE_SETTING}: ${file} is a folder; name a file, e.g. ${path.join(file, 'baseline.yaml')}`);
  writableDir(path.dirname(file), WRITE_BASELINE_SETTING);
}

/** What the baseline lists: every check that failed or was blocked (a baseline entry that passes now is not one), in id order. */
export function baselineEntries(checks: readonly CheckResult[]): [id: string, reason: string][] {
  return checks
    .filter((c) => (c.status === 'failed' || c.blockedBy !== undefined) && c.baseline?.state !== 'fixed')
    .map((c): [string, string] => [c.id, reasonOf(c)])
    .sort(([a], [b]) => a.localeCompare(b));
}

function reasonOf(check: CheckResult): string {
  if (check.baseline?.state === 'known') return check.baseline.reason;
  const first = (check.message ?? '').split('\n')[0]!.trim();
  const said = first.length > MAX_REASON_CHARS ? `${first.slice(0, MAX_REASON_CHARS)}…` : first;
  if (check.blockedBy !== undefined) return `blocked by ${check.blockedBy}${said === '' ? '' : `: ${said}`}`;
  return said === '' ? 'failed (no message)' : said;
}

/** The file's text: a header saying when, against what, and that every reason is to be reviewed; then `id: reason` lines. */
export function baselineText(results: RunResults, config: RunConfig, writtenAt = new Date()): string {
  const entries = baselineEntries(results.checks).map(([id, reason]): [string, string] => [id, scrubText(reason)]);
  const scope = [
    `profile ${results.profile}`,
    `seed ${results.seed}`,
    ...(results.shard !== undefined ? [`shard ${results.shard}`] : []),
    ...(config.only.length > 0 ? [`--only ${config.only.join(',')}`] : []),
  ].join(', ');
  const header = [
    `graph-conformance baseline, written by --write-baseline at ${writtenAt.toISOString()}`,
    `from run ${results.runId} against ${results.target} ${results.baseUrl} (${scope}).`,
    entries.length === 0
      ? 'No check failed or was blocked.'
      : `${entries.length} check${entries.length === 1 ? '' : 's'} failed or ${entries.length === 1 ? 'was' : 'were'} blocked. Each reason below is the check's own message`,
    ...(entries.length === 0
      ? []
      : [
          '(its first line), or the reason of the baseline the run was given: REVIEW EACH ENTRY before you rely',
          'on it. Say why this target is expected to fail the check, and delete the entries it should pass.',
        ]),
    'A baseline applies to the profile it was written for. Use it with --baseline FILE.',
  ];
  // yaml quotes whatever needs it, so each reason reads back exactly as written here.
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const body = entries.length === 0 ? '' : yaml.stringify(Object.fromEntries(entries), { lineWidth: 0 });
  return `${header.map((line) => `# ${scrubText(line)}`).join('\n')}\n${body === '' ? '' : `\n${body}`}`;
}

/** Writes the run's baseline to `file` (absolute); returns how many entries it holds. */
export function writeBaseline(file: string, results: RunResults, config: RunConfig): number {
  // The target's own host stays readable, as in the reports.
  const text = withAllowedHosts(runAllowedHosts(config.baseUrl), () => baselineText(results, config));
  writeFileWhole(file, text, (reason) => `${WRITE_BASELINE_SETTING}: cannot write ${file} (${reason})`);
  return baselineEntries(results.checks).length;
}
