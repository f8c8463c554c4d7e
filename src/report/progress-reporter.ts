/**
 * What a conformance run prints while it runs: a line per suite as it starts and per check once its
 * suite is judged (only the ones that did not pass when quiet).
 */
import type { CheckResult } from './results.js';
import { printable } from './printable.js';

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
 * escaped (printable.ts), and only the message's first line is shown.
 */
export function progressLine(result: CheckResult): string {
  const id = printable(result.id);
  if (result.baseline?.state === 'known') return `${MARK.failed} ${id} (known failure: ${printable(result.baseline.reason)})`;
  if (result.blockedBy !== undefined) return `⊘ ${id} — blocked by ${printable(result.blockedBy)}: ${firstLine(result.message ?? '')}`;
  const fixed = result.baseline?.state === 'fixed' ? ` — fixed, remove it from the baseline (${printable(result.baseline.reason)})` : '';
  const detail = result.message ? ` — ${firstLine(result.message)}` : '';
  return `${MARK[result.status]} ${id}${detail}${fixed}`;
}

/** The first line, cut at 200 characters before it is escaped, so an escape is never cut in half. */
function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return printable(line.length > 200 ? `${line.slice(0, 200)}…` : line);
}
