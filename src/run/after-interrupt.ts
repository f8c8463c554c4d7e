/**
 * After SIGINT/SIGTERM/SIGHUP: delete what the suites tracked in the other sets at the paths they gave (a
 * url run's: a live run writes none there), then every group named for this run, twice — a create in
 * flight when the workers stopped can still land, and Graph may list a new group late. The caller exits 130.
 */
import path from 'node:path';
import { LIVE_BASE_URL, type RunConfig } from '../config/run-config.js';
import type { LeftBehind } from '../engine/cleanup.js';
import { runAllowedHosts, scrubText, withAllowedHosts } from '../scrub/scrub.js';
import { invocation } from '../config/invocation.js';
import { printable } from '../report/printable.js';

export async function cleanUpAfterInterrupt(
  config: RunConfig,
  signal: NodeJS.Signals,
  files: string[],
  warn: (line: string) => void,
  leftBehind: readonly LeftBehind[] = [],
): Promise<void> {
  if (config.target !== 'replay') {
    const { listGroups, deleteGroups, deletePaths } = await import('../hygiene/sweep.js');
    // What the suites tracked in the other sets (a url run's; a live run makes none), by the path they gave.
    const paths = [...new Set(leftBehind.flatMap((l) => (l.removal ? [l.removal.path] : [])))];
    if (paths.length > 0) {
      try {
        const refused = await deletePaths(config, paths);
        for (const { path, status } of refused) warn(`could not delete ${printable(path)}: ${status}`);
        warn(`${signal}: deleted ${paths.length - refused.length} of ${paths.length} other entities this run had created`);
      } catch (error) {
        warn(`${signal}: clean-up could not delete this run's other entities: ${printable(scrubText((error as Error).message))}`);
      }
    }
    let deleted = 0;
    let unfinished = false;
    let cutAfterPages: number | undefined;
    for (const waitMs of [0, Math.min(config.timeoutMs, 5_000)]) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      try {
        const listing = await listGroups(config, `conformance-${config.runId}-`);
        const left = listing.groups;
        const refused = await deleteGroups(config, left);
        deleted += left.length - refused.length;
        // Names and ids are the target's: escaped, like everything it wrote that is printed.
        for (const { group, status } of refused) warn(`could not delete ${printable(group.name)} (${printable(group.id)}): ${status}`);
        // A listing cut at its page limit may not have shown every group of this run.
        if (listing.more) cutAfterPages = listing.pages;
        unfinished ||= refused.length > 0 || listing.more;
      } catch (error) {
        // Whatever state the target is in, an interrupted run ends with 130 and says how to finish.
        warn(
          `${signal}: clean-up could not list or delete this run's groups: ${printable(withAllowedHosts(runAllowedHosts(config.baseUrl), () => scrubText((error as Error).message)))}`,
        );
        unfinished = true;
        break;
      }
    }
    if (cutAfterPages !== undefined)
      warn(`${signal}: the listing of connectorGroups stopped at its page limit after ${cutAfterPages} pages; more of this run's groups may exist`);
    warn(`${signal}: deleted ${deleted} group${deleted === 1 ? '' : 's'} this run had created`);
    if (unfinished) warn(`${sweepHint(config)}`);
  }
  warn(`interrupted; partial reports: ${files.map((f) => path.relative(process.cwd(), f) || f).join(', ')}`);
}

/** The command that finishes a clean-up the run could not: the same target, sweep, --yes. */
export function sweepHint(config: RunConfig): string {
  const target = config.target === 'live' && config.baseUrl === LIVE_BASE_URL ? '--target live' : `--target ${config.target} --base-url ${config.baseUrl}`;
  return `clean-up did not finish; when the target answers again, run: ${invocation()} sweep ${target} --yes`;
}
