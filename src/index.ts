/**
 * graph-conformance as a library: `runConformance(options)` runs the checks and resolves with what
 * results.json holds. The vitest suites are a separate entry, `graph-conformance/vitest`, so this one
 * never loads a test runner.
 */
export { runConformance, type ConformanceRun } from './api/run-conformance.js';
export type { ConformanceOptions } from './api/options.js';
export { UsageError } from './config/usage-error.js';
export type { Profile, Target } from './config/run-config.js';
export type { CheckResult, CheckStatus, RunResults } from './report/results.js';
export type { paths, components, operations } from '../generated/openapi.js';
