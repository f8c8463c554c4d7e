/**
 * Ends a vitest run with one plain `N passed, N failed, N skipped` line, the form CI log readers
 * look for whatever the test runner. A file that could not load, a hook that threw, or an error outside
 * any test counts as failed: the line never says `0 failed` of a run that failed.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface ClosingCount {
  passed: number;
  failed: number;
  skipped: number;
}

export function closingCount(
  modules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError> = [],
  reason?: TestRunEndReason,
): ClosingCount {
  const count = { passed: 0, failed: 0, skipped: 0 };
  for (const module of modules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed' || state === 'failed') count[state]++;
      else count.skipped++;
      if (state === 'failed') failedTests++;
    }
    // Module errors (load failures) and suite hook errors fail the file without failing a test.
    const suiteErrors = [...module.children.allSuites()].filter((s) => s.errors().length > 0).length;
    const broken = module.errors().length + suiteErrors;
    if (failedTests === 0 && (broken > 0 || module.state() === 'failed')) count.failed += Math.max(broken, 1);
  }
  count.failed += unhandledErrors.length;
  if (reason === 'failed' && count.failed === 0) count.failed = 1;
  return count;
}

export class ClosingLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const count = closingCount(modules, unhandledErrors, reason);
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
