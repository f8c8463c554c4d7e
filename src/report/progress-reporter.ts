/**
 * The vitest reporter of a conformance run: prints a line per check as it finishes and keeps the
 * collected results for the command to write and turn into an exit code.
 */
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';
import { checkResultOf, collectChecks, type CheckResult } from './results.js';

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-', warned: '!' };

export class ProgressReporter implements Reporter {
  collected: { checks: CheckResult[]; errors: string[] } | undefined;

  constructor(private readonly write: (line: string) => void) {}

  onTestSuiteReady(suite: TestSuite): void {
    const count = [...suite.children.allTests()].length;
    this.write(`${suite.name}: ${count} check${count === 1 ? '' : 's'}`);
  }

  onTestCaseResult(test: TestCase): void {
    const result = checkResultOf(test);
    if (!result) return;
    const detail = result.message ? ` — ${firstLine(result.message)}` : '';
    this.write(`  ${MARK[result.status]} ${result.id}${detail}`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    this.collected = collectChecks(modules);
    for (const error of this.collected.errors) this.write(`error: ${error}`);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
