/**
 * junit.xml: one test suite per conformance suite, one test case per check, written with
 * junit-report-builder. CI dashboards read it: a failed or blocked check is a failure (a blocked one
 * names its blocker), a skipped check or a failure the baseline expects is skipped, its reason kept as
 * the case's output.
 */
import path from 'node:path';
import junitReportBuilder, { type Builder } from 'junit-report-builder';
import { scrubText } from '../scrub/scrub.js';
import { writeReportFile } from './results.js';
import type { ReportContext, Reporter } from './reporter.js';

// The package's CommonJS export is the builder itself; its type declarations describe an ES default.
const builder = junitReportBuilder as unknown as Builder;

/** Reads the checks grouped by suite from the context; the results' flat list has no suites. */
export const junitReporter: Reporter<'junit'> = {
  name: 'junit',
  write(_results, { reportDir, checksBySuite }) {
    const file = path.join(reportDir, 'junit.xml');
    writeReportFile(file, renderJunit(checksBySuite));
    return file;
  },
};

function renderJunit(suites: ReportContext['checksBySuite']): string {
  const report = builder.newBuilder().name('graph-conformance');
  for (const [name, checks] of suites) {
    const suite = report.testSuite().name(name);
    for (const check of checks) {
      const testCase = suite
        .testCase()
        .className(name)
        .name(check.id)
        .time(check.durationMs / 1000);
      const message = scrubText(check.message ?? '');
      if (check.baseline?.state === 'known') testCase.skipped().standardOutput(`known failure (baseline: ${check.baseline.reason}): ${message}`);
      else if (check.blockedBy !== undefined) testCase.failure(`blocked by ${check.blockedBy}: ${message}`, 'blocked');
      else if (check.status === 'failed') testCase.failure(message, 'failed');
      else if (check.status === 'skipped') testCase.skipped().standardOutput(message);
      else if (check.status === 'warned') testCase.standardOutput(`warning: ${message}`);
    }
  }
  return report.build();
}
