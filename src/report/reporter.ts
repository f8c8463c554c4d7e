/**
 * A report file is one reporter: a name and a `write` that turns the run's results into one file in the
 * report dir. The run writes every reporter of FILE_REPORTERS, in order, once its results are complete;
 * a new format is a file holding its reporter and an entry in that list (docs/architecture.md).
 */
import { resultsReporter, type CheckResult, type RunResults } from './results.js';
import { junitReporter } from './junit.js';
import { htmlReporter } from './html.js';
import { rootCauseOf } from './root-cause.js';

/** What a reporter is given beside the results, computed once for all of them. */
export interface ReportContext {
  /** Where the files go (it exists and is this run's: the run holds its lock). */
  reportDir: string;
  /** The checks of each suite the run included, in the suite list's order; checks the runner added go under their suite. */
  checksBySuite: ReadonlyMap<string, readonly CheckResult[]>;
}

export interface Reporter<Name extends string = string> {
  /** The key of its file among a run's files (`ConformanceRun.files`, the Action's output of that name). */
  readonly name: Name;
  /** Writes the file whole (writeReportFile) and returns its path. */
  write(results: RunResults, context: ReportContext): string;
}

/** Every file a run writes, in the order they are written and listed (`reports: …`). */
export const FILE_REPORTERS = [resultsReporter, junitReporter, htmlReporter] as const;

/** The path of each file a run wrote, by its reporter's name. */
export type ReportFiles = { [R in (typeof FILE_REPORTERS)[number] as R['name']]: string };

/**
 * Writes every file reporter's file for `results`. The results are complete here, so what is read from
 * all of them together — the one cause that blocked the whole run, if any — is set on them first: the
 * files, the run's returned results and the closing lines then say the same.
 */
export function writeReports(results: RunResults, context: ReportContext): ReportFiles {
  const rootCause = rootCauseOf(results);
  if (rootCause) results.rootCause = rootCause;
  const files: Record<string, string> = {};
  for (const reporter of FILE_REPORTERS) files[reporter.name] = reporter.write(results, context);
  return files as ReportFiles;
}
