/**
 * What the engine says of one check once its suite has run: the verdict in the terms every report
 * uses (results.json, junit.xml, report.html, the terminal), already scrubbed. Reporters read these
 * fields; none of them re-parses a message.
 */
import type { Exchange } from '../client/exchange.js';
import type { Violation } from '../openapi/validator.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped' | 'warned';

export interface CheckOutcome {
  id: string;
  operation: string;
  title: string;
  expectation?: string;
  /** Decision ids (specs/decisions.yaml) that governed what this check accepted. */
  decisions?: string[];
  status: CheckStatus;
  durationMs: number;
  message?: string;
  /**
   * Set on a `skipped` check that could not be judged because something earlier failed: the id of the
   * check that failed, or `suite:<cause>` when no check did. A blocked check fails the run.
   */
  blockedBy?: string;
  evidence?: { request: Exchange['request']; response?: Exchange['response'] };
  /** A schema failure's violations, each at its JSON pointer into the response body. */
  violations?: Violation[];
  /** Present when --baseline lists the check: known (failed as expected, does not fail the run) or fixed. */
  baseline?: { state: 'known' | 'fixed'; reason: string };
}

/**
 * Causes of a blocked suite that the user fixes in configuration rather than in the target: a missing,
 * unreadable or stale recording, or a base URL under which nothing serves the family. A run blocked by one of them exits 2, naming the file or option.
 */
export const CONFIGURATION_BLOCKERS: ReadonlySet<string> = new Set(['suite:recording', 'suite:base-url']);

export function isBlocked(outcome: CheckOutcome): boolean {
  return outcome.blockedBy !== undefined;
}

export function blockedOutcome(
  check: Pick<CheckOutcome, 'id' | 'operation' | 'title' | 'expectation'> & { decisions?: readonly string[] },
  blockedBy: string,
  message: string,
): CheckOutcome {
  const { id, operation, title, expectation } = check;
  return { id, operation, title, expectation, decisions: [...(check.decisions ?? [])], status: 'skipped', durationMs: 0, blockedBy, message };
}
