/**
 * What a conformance run prints while it runs: a line per suite as it starts and per check once its
 * suite is judged (only the ones that did not pass when quiet).
 */
import type { CheckResult } from './results.js';
import { printable } from './printable.js';
import { cutMiddle } from './cut.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-', warned: '!' };

export class ProgressReporter {
  constructor(
    private readonly write: (line: string) => void,
    private readonly quiet = false,
  ) {}

  /** A suite began; suites run side by side, so its verdicts come later, under suiteEnded's line. */
  suiteStarted(name: string, checks: number): void {
    if (!this.quiet) this.write(`→ ${printable(name)}: ${checks} check${checks === 1 ? '' : 's'} running`);
  }

  suiteEnded(name: string, checks: number): void {
    this.write(`${printable(name)}: ${checks} check${checks === 1 ? '' : 's'}`);
  }

  checkJudged(result: CheckResult): void {
    if (this.quiet && result.status !== 'failed' && result.status !== 'warned' && !result.baseline && result.blockedBy === undefined) return;
    this.write(`  ${progressLine(result)}`);
  }
}

/**
 * A check's line. Its message quotes the target and the baseline's reason is the user's file: both are
 * escaped (printable.ts). One line per check, whatever the message (oneLine).
 */
export function progressLine(result: CheckResult): string {
  const id = printable(result.id);
  if (result.baseline?.state === 'known') return `${MARK.failed} ${id} (known failure: ${printable(result.baseline.reason)})`;
  if (result.blockedBy !== undefined) return `⊘ ${id} — blocked by ${printable(result.blockedBy)}: ${oneLine(result.message ?? '')}`;
  const fixed = result.baseline?.state === 'fixed' ? ` — fixed, remove it from the baseline (${printable(result.baseline.reason)})` : '';
  const detail = result.message ? ` — ${oneLine(result.message)}` : '';
  return `${MARK[result.status]} ${id}${detail}${fixed}`;
}

/** Characters of a message a check's line shows, its head and its tail together. */
export const LINE_CHARS = 280;

/**
 * A message on one line, escaped (a newline reads `\n`), of about LINE_CHARS characters at most. A
 * longer one is cut in the middle (cut.ts), so that what failed and how to reproduce it both survive,
 * and the cut says where the whole message is. Cut before escaping: an escape is never cut in half.
 */
export function oneLine(text: string): string {
  const { head, cut, tail } = cutMiddle(text, LINE_CHARS, 160);
  return cut === 0 ? printable(head) : `${printable(head)} … [${cut} more characters in report.html] … ${printable(tail)}`;
}
