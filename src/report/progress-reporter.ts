/**
 * The vitest reporter of a conformance run: a line per suite as it starts and per check as it
 * finishes (only the ones that did not pass when quiet), and the collected results for the command to
 * write and turn into an exit code.
 */
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import { checkResultOf, collectChecks, type CheckResult, type Collected } from './results.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-', warned: '!' };

export class ProgressReporter implements Reporter {
  collected: Collected | undefined;

  constructor(
    private readonly write: (line: string) => void,
    private readonly quiet = false,
  ) {}

  onTestSuiteReady(suite: TestSuite): void {
    const count = [...suite.children.allTests()].length;
    this.write(`${suite.name}: ${count} check${count === 1 ? '' : 's'}`);
  }

  onTestCaseResult(test: TestCase): void {
    const result = checkResultOf(test);
    if (!result) return;
    if (this.quiet && result.status !== 'failed' && result.status !== 'warned' && !result.baseline && result.blockedBy === undefined) return;
    this.write(`  ${progressLine(result)}`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    this.collected = collectChecks(modules);
    for (const error of this.collected.errors) this.write(`error: ${error}`);
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
