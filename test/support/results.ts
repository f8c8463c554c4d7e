/** A RunResults for report tests: fixed run facts around the checks given. */
import { summarise, type CheckResult, type RunResults } from '../../src/report/results.js';

export function resultsOf(checks: CheckResult[], extra: Partial<RunResults> & { shard?: string } = {}): RunResults {
  return {
    target: 'url',
    baseUrl: 'http://127.0.0.1:4010',
    profile: 'graph',
    seed: 42,
    runId: 'run42abc',
    startedAt: '2026-11-27T03:46:01.054Z',
    durationMs: 1234,
    sliceSha256: '0e8e99a8000faf17d10b980b107272ee5065285bfdc77a958964310f3feba93c',
    summary: summarise(checks),
    decisions: {},
    errors: [],
    checks,
    ...extra,
  };
}
