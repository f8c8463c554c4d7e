/**
 * The vitest host of a suite: the engine (run-suite.ts) runs the suite once, then each selected check
 * becomes one test named by its id that reports the engine's verdict. The verdict travels as the test's
 * meta; the test's own state only tells vitest (and its JUnit file) pass, fail or skip.
 */
import { beforeAll, describe, inject, test } from 'vitest';
import type { RunConfig } from '../config/run-config.js';
import { selectedBy } from '../checks/check.js';
import type { SuiteDefinition } from './definition.js';
import type { CheckOutcome } from './outcome.js';
import { planSuite, runSuite, type RunShared, type SuiteOutcome } from './run-suite.js';

export type { SuiteContext } from './context.js';

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: RunConfig;
  }
  export interface TaskMeta {
    check?: CheckOutcome;
    /** On the suite: what it created and could not delete. */
    leftBehind?: SuiteOutcome['leftBehind'];
    /** On the suite: how the target answered (to tell a wrong base URL). */
    answers?: SuiteOutcome['answers'];
    /** On the suite: the requests that addressed operations of the slice (coverage). */
    hits?: SuiteOutcome['hits'];
  }
}

/**
 * One suite as vitest tests; the run's configuration is the one given, or the one vitest's config
 * provides. Suites given the same `shared` (runShared(config)) share one throttle gate; without it the
 * suite has its own.
 */
export function conformanceSuite<Subject>(definition: SuiteDefinition<Subject>, config: RunConfig = inject('conformance'), shared?: RunShared): void {
  const selected = definition.checks.filter((c) => selectedBy(config.only, c.id));
  if (selected.length === 0) return;

  describe(definition.name, () => {
    let outcomes = new Map<string, CheckOutcome>();
    // vitest reads the first parameter's destructuring to know which fixtures a hook uses: none here.
    // eslint-disable-next-line no-empty-pattern
    beforeAll(async ({}, suite) => {
      const run = await runSuite(definition, config, undefined, planSuite(definition, config, shared));
      outcomes = new Map(run.outcomes.map((o) => [o.id, o]));
      if (run.leftBehind.length > 0) suite.meta.leftBehind = run.leftBehind;
      suite.meta.answers = run.answers;
      suite.meta.hits = run.hits;
      // No limit per suite, whatever the host's hookTimeout: each request has its own (--timeout), and a
      // suite that loads slowly on a busy machine must not vanish at a suite limit.
    }, 0);

    for (const check of selected) {
      test(check.id, (t) => {
        const outcome = outcomes.get(check.id);
        if (!outcome) throw new CheckFailed(`${check.id}: the engine returned no verdict`);
        t.task.meta.check = outcome;
        if (outcome.baseline?.state === 'known') {
          t.skip(`known failure (baseline: ${outcome.baseline.reason}): ${outcome.message ?? ''}`);
          return;
        }
        // A blocked check was not judged, and that fails the run: vitest hears of it as a failure.
        if (outcome.blockedBy !== undefined) throw new CheckFailed(`${check.id}: blocked by ${outcome.blockedBy}: ${outcome.message ?? ''}`);
        if (outcome.status === 'skipped') {
          t.skip(outcome.message);
          return;
        }
        // vitest's JUnit reporter writes the thrown message as it is: the engine has scrubbed it.
        if (outcome.status === 'failed') throw new CheckFailed(`${check.id}: ${outcome.message ?? 'failed'}`);
      });
    }
  });
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}
