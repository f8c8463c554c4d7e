/**
 * What a conformance run prints while it runs: a line per suite as it starts and per check once its
 * suite is judged (only the ones that did not pass when quiet).
 */
import type { CheckResult } from './results.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-', warned: '!' };

export class ProgressReporter {
  constructor(
    private readonly write: (line: string) => void,
    private readonly quiet = false,
  ) {}

  /** A suite began; suites run side by side, so its verdicts come later, under suiteEnded's line. */
  suiteStarted(name: string, checks: number): void {
    if (!this.quiet) this.write(`→ ${name}: ${checks} check${checks === 1 ? '' : 's'} running`);
  }

  suiteEnded(name: string, checks: number): void {
    this.write(`${name}: ${checks} check${checks === 1 ? '' : 's'}`);
  }

  checkJudged(result: CheckResult): void {
    if (this.quiet && result.status !== 'failed' && result.status !== 'warned' && !result.baseline && result.blockedBy === undefined) return;
    this.write(`  ${progressLine(result)}`);
  }
}

export function progressLine(result: CheckResult): string {
  if (result.baseline?.state === 'known') return `${MARK.failed} ${result.id} (known failure: ${result.baseline.reason})`;
  if (result.blockedBy !== undefined) return `⊘ ${result.id} — blocked by ${result.blockedBy}: ${firstLine(result.message ?? '')}`;
  const fixed = result.baseline?.state === 'fixed' ? ` — fixed, remove it from the baseline (${result.baseline.reason})` : '';
  const detail = result.message ? ` — ${firstLine(result.message)}` : '';
  return `${MARK[result.status]} ${result.id}${detail}${fixed}`;
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
