/**
 * Ends a vitest run with one plain `N passed, N failed, N skipped` line, the form CI log readers
 * look for whatever the test runner. A file that could not load, a hook that threw, or an error outside
 * any test counts as failed: the line never says `0 failed` of a run that failed. Then one line per
 * skipped test, with why it was skipped, so a skip is read as a decision and never mistaken for a pass.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason } from 'vitest/node';
import { printable } from '../src/report/printable.js';

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

/** Skipped tests without a reason listed one by one; past this, a filter (`-t`, `.only`) is the likely cause: one line. */
const UNEXPLAINED_LISTED = 20;

/**
 * `skipped: <file> > <suite> > <test> — <why>`, one per skipped test, in file order. The why is the note
 * the test gave (`ctx.skip(reason)`, `skip(condition, reason)` in a hook; a conformance check's message
 * through `t.skip`), else what vitest knows: a todo, a hook or file that failed before the test ran. A
 * test skipped with no note (`test.skipIf`, `describe.skip`, or left out by `-t` or `.only`) says so;
 * more than UNEXPLAINED_LISTED of those are counted in one line rather than listed.
 */
export function skippedLines(modules: ReadonlyArray<TestModule>): string[] {
  const explained: string[] = [];
  const unexplained: string[] = [];
  for (const module of modules)
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state !== 'skipped' && result.state !== 'pending') continue;
      const where = `${printable(module.relativeModuleId)} > ${printable(test.fullName)}`;
      const why = skipReason(test, result.state === 'skipped' ? result.note : undefined);
      if (why === undefined) unexplained.push(`skipped: ${where} — no reason given`);
      else explained.push(`skipped: ${where} — ${printable(why)}`);
    }
  if (unexplained.length <= UNEXPLAINED_LISTED) return [...explained, ...unexplained];
  return [...explained, `skipped: ${unexplained.length} more tests without a reason (left out by -t or .only, or skipped with skipIf / describe.skip)`];
}

/** Why a test was skipped, when anything says; undefined when nothing does. */
function skipReason(test: TestCase, note: string | undefined): string | undefined {
  if (note !== undefined && note.trim() !== '') return note;
  if (test.options.mode === 'todo') return 'todo';
  for (let parent = test.parent; parent.type === 'suite'; parent = parent.parent)
    if (parent.errors().length > 0) return `not run: a hook of "${parent.fullName}" failed`;
  if (test.module.errors().length > 0) return 'not run: its file failed';
  if (test.options.mode === 'run' || test.options.mode === 'only') return 'not run: the run ended before it';
  return undefined;
}

export class ClosingLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const count = closingCount(modules, unhandledErrors, reason);
    const skipped = skippedLines(modules);
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n${skipped.map((line) => `${line}\n`).join('')}`);
  }
}
