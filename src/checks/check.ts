/**
 * A check is one small named function with a stable id (`<operation>.<aspect>`): it looks at what the
 * suite's exchanges with the target produced and says passed, failed, warned or skipped, and why. Checks
 * never perform requests, so the same exchange can be judged by many of them and each can fail alone.
 */
import type { Profile } from '../config/run-config.js';
import type { Exchange } from '../client/exchange.js';

export type Verdict =
  /** `note` says which acceptable behaviour the target chose (e.g. PATCH answered 204, not 200). */
  | { status: 'passed'; note?: string }
  | { status: 'failed' | 'warned'; message: string; actual?: unknown; exchange?: Exchange }
  /** Nothing could be checked, and the message says why; never used to hide a failure. */
  | { status: 'skipped'; message: string }
  /**
   * Could not be judged because something earlier failed: `blockedBy` is the id of the check that
   * failed, or `suite:<cause>` when no check did. A blocked check fails the run (it is never a pass).
   */
  | { status: 'blocked'; message: string; blockedBy: string };

export interface Check<Subject> {
  /** Dotted and stable: never changes meaning once released. */
  id: string;
  operation: string;
  title: string;
  /** What a conforming target does, in words a report reader understands. */
  expectation: string;
  profiles: readonly Profile[];
  /**
   * Ids in specs/decisions.yaml that decide what this check accepts. Each decision's `checks:` lists
   * exactly the checks that cite it (tools/checks/registry.ts holds both sides to each other).
   */
  decisions?: readonly string[];
  /** Capabilities of the target, beyond what the slice states, that the check needs to be judged as written (src/checks/capabilities.ts). */
  needs?: readonly string[];
  /**
   * Defects of the emulator (src/emulator/defects.ts) that must fail this check: the proof that it
   * can fail. test/self-proof-*.test.ts run each defect and expects exactly the checks that name it.
   */
  provenBy: readonly string[];
  /** Why no defect fails this check, when `provenBy` is empty; a check has one or the other. */
  unproven?: string;
  /** Set when the check can never run here: it is reported skipped with this reason, whatever the target did. */
  unavailable?: string;
  /**
   * For a graph-only check: what it judges that the slice does not state (an answer to an invalid request,
   * a non-empty id). The openapi profile reports it skipped with this as the reason.
   */
  notStated?: string;
  /**
   * Judged once every suite of the run has ended, over every answer the run received (its subject's
   * `exchanges` become the run's): Graph's conventions hold for each response, not only for those of the
   * suite that owns the check. Where suites run one at a time (the vitest host, judgeSuite), the owning
   * suite's own answers are judged.
   */
  overRun?: true;
  run(subject: Subject, profile: Profile): Verdict;
}

export const PASSED: Verdict = { status: 'passed' };
export const BOTH = ['openapi', 'graph'] as const;
export const GRAPH = ['graph'] as const;

export function passed(note?: string): Verdict {
  return note === undefined ? PASSED : { status: 'passed', note };
}

export function failed(message: string, actual?: unknown, exchange?: Exchange): Verdict {
  return { status: 'failed', message, actual, exchange };
}

export function warned(message: string, exchange?: Exchange): Verdict {
  return { status: 'warned', message, exchange };
}

export function skipped(message: string): Verdict {
  return { status: 'skipped', message };
}

/** A verdict on `exchange` carries it as evidence, unless it names another exchange itself. */
export function judgedOn(exchange: Exchange, verdict: Verdict): Verdict {
  return verdict.status === 'failed' || verdict.status === 'warned' ? { ...verdict, exchange: verdict.exchange ?? exchange } : verdict;
}

export function blocked(blockedBy: string, message: string): Verdict {
  return { status: 'blocked', blockedBy, message };
}

/** Why a suite's sequence stopped early, and which check (or `suite:<cause>`) stands for that. */
export interface Stop {
  why: string;
  blocker: string;
}

/** A step of a sequence that never ran because an earlier one failed: the check is blocked by it, naming why. */
export function notReached(step: string, stop: Stop | undefined): Verdict {
  return blocked(stop?.blocker ?? 'suite:not-sent', `the ${step} request was never sent: ${stop?.why ?? 'an earlier step failed'}`);
}

/**
 * Create answered without a usable id: the check that judges that answer is the blocker — create.status
 * when the status was not a success, create.body.id when it was.
 */
/**
 * Why what needed the entity a create did not make was never sent: blocked by that create's check. `operation`
 * is the create's name in the operation table; the founding create has a check of its own for the id, every
 * other create's answer is judged by its body schema.
 */
export function createStop(what: string, status: number, operation = 'create'): Stop {
  const ok = status >= 200 && status < 300;
  const blocker = operation === 'create' ? (ok ? 'create.body.id' : 'create.status') : ok ? `${operation}.body.schema` : `${operation}.status`;
  return { why: `${what} answered ${status} without a usable id`, blocker };
}

/** Matches a check id against `--only` patterns: a glob (`create.*`) or a prefix (`create.header`). */
export function selectedBy(patterns: readonly string[], id: string): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((pattern) => {
    if (!pattern.includes('*')) return id === pattern || id.startsWith(pattern);
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return regex.test(id);
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
