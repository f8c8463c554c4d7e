/**
 * Turns a list of checks into a vitest suite: the subject (the suite's exchanges with the target) is
 * produced once, then each selected check becomes one test named by its id. What the suite created is
 * deleted afterwards whether checks passed or failed.
 */
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import type { RunConfig } from '../config/run-config.js';
import { selectedBy, type Verdict } from '../checks/check.js';
import { TransportError, type Exchange } from '../client/exchange.js';
import { scrubExchange, scrubRequest, scrubText } from '../scrub/scrub.js';
import { withProxyReport } from '../checks/proxy-violations.js';
import { closeContext, openContext, type SuiteContext } from './context.js';

import type { SuiteDefinition } from './definition.js';

export type { SuiteContext } from './context.js';

declare module 'vitest' {
  export interface ProvidedContext {
    conformance: RunConfig;
  }
  export interface TaskMeta {
    check?: CheckMeta;
  }
}

/** What a check's test hands to the reporters beside its pass/fail state. */
export interface CheckMeta {
  id: string;
  operation: string;
  title: string;
  expectation: string;
  decisions: readonly string[];
  status?: Verdict['status'];
  message?: string;
  evidence?: { request: Exchange['request']; response?: Exchange['response'] };
  /** Set when --baseline lists the check: `known` it failed as expected, `fixed` it passes now. */
  baseline?: { state: 'known' | 'fixed'; reason: string };
}

export function conformanceSuite<Subject>(definition: SuiteDefinition<Subject>): void {
  const config = inject('conformance');
  const selected = definition.checks.filter((c) => selectedBy(config.only, c.id));
  if (selected.length === 0) return;
  const runnable = selected.filter((c) => c.profiles.includes(config.profile));

  describe(definition.name, () => {
    let ctx: SuiteContext | undefined;
    let subject: Subject | undefined;
    let setupError: unknown;

    beforeAll(async () => {
      // A suite whose selected checks all belong to the other profile sends nothing at all.
      if (runnable.length === 0) return;
      ctx = await openContext(config, definition.name);
      try {
        subject = await definition.produce(ctx);
      } catch (error) {
        setupError = error;
      }
    });

    afterAll(async () => {
      if (ctx) await closeContext(ctx);
    });

    for (const check of selected) {
      test(check.id, (t) => {
        const meta: CheckMeta = {
          id: check.id,
          operation: check.operation,
          title: check.title,
          expectation: check.expectation,
          decisions: check.decisions ?? [],
        };
        t.task.meta.check = meta;
        if (!check.profiles.includes(config.profile)) {
          t.skip(`${check.profiles.join('/')} profile only; this run uses --profile ${config.profile}`);
          return;
        }
        if (setupError !== undefined || subject === undefined) {
          const error = setupError instanceof Error ? setupError : new Error(String(setupError ?? 'the suite produced nothing to check'));
          Object.assign(meta, { status: 'failed', message: scrubText(error.message) });
          if (error instanceof TransportError) meta.evidence = { request: scrubRequest(error.request) };
          if (knownFailure(t, meta, config)) return;
          // vitest's JUnit reporter writes the thrown message as it is: it must already be scrubbed.
          throw new CheckFailed(`${check.id}: ${meta.message}`);
        }
        const verdict = check.run(subject, config.profile);
        meta.status = verdict.status;
        if (verdict.status === 'skipped') {
          meta.message = scrubText(verdict.message);
          t.skip(meta.message);
          return;
        }
        if (verdict.status === 'passed') {
          if (verdict.note) meta.message = scrubText(verdict.note);
        } else {
          const evidence = verdict.exchange ?? (subject as { exchange?: Exchange }).exchange;
          // Messages quote what the target sent; they reach results.json, report.html and junit.xml.
          meta.message = scrubText(withProxyReport(verdict.message, evidence?.response.headers));
          if (evidence) meta.evidence = scrubExchange(evidence);
        }
        if (verdict.status === 'failed') {
          if (knownFailure(t, meta, config)) return;
          throw new CheckFailed(`${check.id}: ${meta.message}`);
        }
        const reason = config.baseline[check.id];
        if (reason !== undefined) {
          // It passes now: the baseline entry is stale.
          meta.baseline = { state: 'fixed', reason };
          if (config.strictBaseline) throw new CheckFailed(`${check.id} passes, but the baseline lists it as a known failure (${reason}): remove the entry`);
        }
      });
    }
  });
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/**
 * A failure the baseline expects is reported as known and does not fail the run: the test is skipped
 * (JUnit shows it as such, with the reason) while results.json keeps it failed with its baseline entry.
 */
function knownFailure(t: { skip(note?: string): void }, meta: CheckMeta, config: RunConfig): boolean {
  const reason = config.baseline[meta.id];
  if (reason === undefined) return false;
  meta.baseline = { state: 'known', reason };
  t.skip(`known failure (baseline: ${reason}): ${meta.message ?? ''}`);
  return true;
}
