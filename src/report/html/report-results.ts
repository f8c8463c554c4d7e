/** The run's results as the report reads them. */
import type { CheckResult, RunResults } from '../results.js';
import type { Coverage } from '../coverage.js';

/** Added to results by the baseline feature; read defensively until (and after) the types carry them. */
export interface Baseline {
  state: 'known' | 'fixed';
  reason: string;
}
export type ReportCheck = CheckResult & { baseline?: Baseline };
/** `coverage`: what the run sent against the slice's operations; absent from runs that did not count it. */
export type ReportResults = Omit<RunResults, 'checks'> & { shard?: string; checks: ReportCheck[]; coverage?: Coverage };
