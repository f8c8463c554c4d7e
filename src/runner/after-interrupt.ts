/**
 * After SIGINT/SIGTERM: delete every group named for this run, twice — a create in flight when the
 * workers stopped can still land, and Graph may list a new group late. The caller exits 130.
 */
import path from 'node:path';
import { LIVE_BASE_URL, type RunConfig } from '../config/run-config.js';
import { scrubText } from '../scrub/scrub.js';
import { invocation } from '../config/invocation.js';

export async function cleanUpAfterInterrupt(config: RunConfig, signal: NodeJS.Signals, files: string[], warn: (line: string) => void): Promise<void> {
  if (config.target !== 'replay') {
    const { findGroups, deleteGroups } = await import('../hygiene/sweep.js');
    let deleted = 0;
    let unfinished = false;
    for (const waitMs of [0, Math.min(config.timeoutMs, 5_000)]) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      try {
        const left = await findGroups(config, `conformance-${config.runId}-`);
        const refused = await deleteGroups(config, left);
        deleted += left.length - refused.length;
        for (const { group, status } of refused) warn(`could not delete ${group.name} (${group.id}): ${status}`);
        unfinished ||= refused.length > 0;
      } catch (error) {
        // Whatever state the target is in, an interrupted run ends with 130 and says how to finish.
        warn(`${signal}: clean-up could not list or delete this run's groups: ${scrubText((error as Error).message)}`);
        unfinished = true;
        break;
      }
    }
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
