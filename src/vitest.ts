/**
 * The conformance suites for a user's own vitest: `conformanceSuites({ baseUrl })` in a test file
 * declares one describe block per suite and one test per check, judged by the same engine as the
 * command. vitest is the user's (an optional peer dependency), so both share one copy.
 */
import { resolveOptions } from './config/run-config.js';
import { conformanceSuite } from './engine/suite.js';
import { SUITES } from '../suites/index.js';
import { rawOptionsOf, type ConformanceOptions } from './api/options.js';

export type { ConformanceOptions } from './api/options.js';

/** Declares every conformance suite (or those `only` selects) as vitest tests. Call it at a test file's top level. */
export function conformanceSuites(options: Omit<ConformanceOptions, 'onProgress'> = {}): void {
  const { config } = resolveOptions({ command: 'run', options: rawOptionsOf(options) }, options.env ?? process.env, options.cwd ?? process.cwd());
  for (const suite of SUITES) conformanceSuite(suite, config);
}
