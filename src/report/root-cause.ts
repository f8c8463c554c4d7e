/**
 * One cause that blocked the whole run — a base URL under which nothing serves the family, credentials
 * the target refused, every suite's recording unusable — is what a reader must see first: the terminal's
 * closing lines start with it, report.html shows it as a banner above everything else, and results.json
 * names it (`rootCause`). Without it, a hundred blocked rows come first and the cause is the last line.
 *
 * A cause decided for the whole run says what happened and what to do. Its checks carry both in one
 * message, joined here (`withFix`), so that every report of a single check (junit.xml, a row of
 * report.html) still says what to do; the run-level reports show the two apart (`splitFix`).
 */
import type { CheckResult, RunResults } from './results.js';

/** What results.json's `rootCause` holds (docs/contract.md). */
export interface RootCause {
  /** The blocker every judged check names: `suite:base-url`, `suite:credentials`, … */
  blockedBy: string;
  /** What happened, in the blocked checks' words. */
  message: string;
  /** What to do, when the cause knows (`try --base-url http://127.0.0.1:4010/beta …`). */
  fix?: string;
  /** How many checks it blocked. */
  checks: number;
}

const FIX = '; fix: ';

/** A whole-run cause's message: what happened, then what to do. */
export function withFix(what: string, fix: string): string {
  return `${what}${FIX}${fix}`;
}

/** The two parts of a message `withFix` made; a message without a fix is all `what`. */
export function splitFix(message: string): { what: string; fix?: string } {
  // The last one: what happened may quote a target, whose words could hold anything; the fix is ours.
  const at = message.lastIndexOf(FIX);
  return at < 0 ? { what: message } : { what: message.slice(0, at), fix: message.slice(at + FIX.length) };
}

/**
 * The run's root cause, if it has one: every check the run would have judged is blocked by the same
 * `suite:` cause with the same message (one decision, not one per suite), and nothing was judged at all.
 * Checks skipped for a reason of their own (the other profile, unavailable here) do not count either way.
 */
export function rootCauseOf(results: Pick<RunResults, 'checks'>): RootCause | undefined {
  const checks: readonly CheckResult[] = results.checks;
  const blocked = checks.filter((c) => c.blockedBy !== undefined);
  const first = blocked[0];
  if (first?.blockedBy === undefined || !first.blockedBy.startsWith('suite:')) return undefined;
  if (checks.some((c) => c.status !== 'skipped')) return undefined;
  if (blocked.some((c) => c.blockedBy !== first.blockedBy || c.message !== first.message)) return undefined;
  const { what, fix } = splitFix(first.message ?? '');
  return { blockedBy: first.blockedBy, message: what, ...(fix !== undefined && { fix }), checks: blocked.length };
}

/** Of a root cause's lines, the first says what happened; the second, when it knows, what to do. */
export function rootCauseLines(cause: RootCause, escape: (text: string) => string): string[] {
  const count = `${cause.checks} check${cause.checks === 1 ? '' : 's'} not judged, blocked by ${escape(cause.blockedBy)}`;
  return [`error: ${escape(cause.message)} (${count})`, ...(cause.fix !== undefined ? [`fix: ${escape(cause.fix)}`] : [])];
}
