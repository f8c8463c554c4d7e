/**
 * The guarantee that no selected check goes missing: whatever vitest reported, every selected check of
 * every suite the run included comes out with a verdict.
 */
import { LIVE_BASE_URL, type RunConfig } from '../config/run-config.js';
import { selectedBy } from '../checks/check.js';
import { progressLine } from '../report/progress-reporter.js';
import { withFix } from '../report/root-cause.js';
import type { CheckResult, Collected } from '../report/results.js';
import type { AnswerTally } from '../engine/run-suite.js';
import { blockedOutcome } from '../engine/outcome.js';
import { notRun } from '../engine/run-suite.js';
import { scrubText } from '../scrub/scrub.js';
import { SUITES } from '../../suites/index.js';

/**
 * Every selected check of every suite a host included ends with a verdict: one the host never got (a
 * suite file failed to load, the run was cancelled) is added here as blocked, with the cause. The
 * command's own run needs none of this: its plan knows every suite and check, and a suite that does not
 * run gets its blocked verdicts from the engine (`notRun`) where it is skipped.
 */
export function everySelectedCheck(collected: Collected, config: RunConfig, signal: NodeJS.Signals | undefined, write: (line: string) => void): CheckResult[] {
  const checks = [...collected.checks];
  const reported = new Set(checks.map((c) => c.id));
  // A run with no suite reported at all still owes a verdict for every suite (unless it was one shard).
  const included = SUITES.filter((s) => collected.suites.has(s.name) || (collected.suites.size === 0 && config.shard === undefined));
  for (const suite of included) {
    const moduleErrors = collected.moduleErrors.get(suite.name);
    const selected = suite.checks.filter((c) => selectedBy(config.only, c.id) && !reported.has(c.id)).map((c) => c.id);
    const [blockedBy, message] = signal
      ? ['suite:interrupted', `the run was stopped by ${signal} before this check was judged`]
      : moduleErrors
        ? ['suite:error', `the ${suite.name} suite could not run: ${moduleErrors.join('; ')}`]
        : ['suite:error', `the suite ended without judging this check${collected.errors.length > 0 ? ` (${collected.errors.join('; ')})` : ''}`];
    for (const outcome of notRun(suite, { selected }, blockedBy, message)) {
      checks.push(outcome);
      if (!signal) write(`  ${progressLine(outcome)}`);
    }
  }
  return checks.sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * A decision over the whole run, made once every suite has answered (one answer from the family is
 * enough to judge the target, so no suite can make it alone): when every answer of the run was a 404 that is not JSON ("Cannot GET …"), nothing under the base URL
 * serves the family: the checks would each fail with "not JSON" and hide the one cause. They are
 * blocked by it instead, and the run ends with exit 2. A target that answers anything else is judged.
 * The verdicts printed as the suites ended are withdrawn in one line here; the closing lines start with
 * the cause and what to do (root-cause.ts).
 */
export function blockedByWrongBaseUrl(checks: CheckResult[], answers: AnswerTally, config: RunConfig, write: (line: string) => void): CheckResult[] {
  if (config.target === 'replay' || answers.total === 0 || answers.notFoundNotJson < answers.total) return checks;
  const message = scrubText(
    withFix(
      `nothing under ${config.baseUrl} serves the application-proxy API: every one of the run's ${answers.total} requests was answered 404 with a body that is not JSON (${answers.sample ?? ''})`,
      wrongBaseUrlFix(config.baseUrl),
    ),
  );
  write(`suite:base-url: every answer of the run was a 404 that is not JSON; the verdicts above are withdrawn, every check is blocked by it`);
  return checks.map((c) =>
    c.status === 'skipped' && c.blockedBy === undefined ? c : { ...blockedOutcome(c, 'suite:base-url', message), durationMs: c.durationMs },
  );
}

/**
 * What to do about a base URL under which nothing answers: a root without a path is most likely missing
 * the slice's servers' path (a mock serving `/beta/onPremisesPublishingProfiles/…`); any other path is
 * named for the user to check against the root the slice's paths are appended to.
 */
export function wrongBaseUrlFix(baseUrl: string): string {
  return new URL(baseUrl).pathname.replace(/\/+$/, '') === ''
    ? `try --base-url ${baseUrl}/beta (a mock serving the slice under its servers' path needs that path in the base URL)`
    : `check --base-url / GRAPH_BASE_URL: the slice's paths (/onPremisesPublishingProfiles/…) are appended to it, as to Graph's ${LIVE_BASE_URL}`;
}
