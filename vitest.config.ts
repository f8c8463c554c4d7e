import { defineConfig } from 'vitest/config';
import { resolveRunConfig } from './src/config/run-config.js';
import { ClosingLineReporter } from './harness/closing-line-reporter.js';

// `npm test` replays the committed recordings whatever CONFORMANCE_* says in the environment:
// it is the offline proof that the suites and the fixtures agree.
const replay = resolveRunConfig([], {}, import.meta.dirname).config;

export default defineConfig({
  test: {
    reporters: ['default', new ClosingLineReporter()],
    // dist/ built once for the whole run: the command's child processes run it instead of the TypeScript.
    globalSetup: ['./harness/build-once.ts'],
    // Most harness tests wait on child processes and local servers (Prism answering one request at a time,
    // runs against a slow target): four files at a time keep two cores busy (measured: 108 s against 127 s with three).
    maxWorkers: 4,
    projects: [
      {
        test: {
          name: 'harness',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // The files of a worker share its modules instead of importing the project again for each file
          // (about a third of the run's CPU on two cores). The project's modules keep no state a test changes:
          // what a run holds lives in the run (its plan, context and interception, stopped when it ends).
          isolate: false,
        },
      },
      { test: { name: 'conformance-replay', include: ['test/**/*.conformance.ts'], provide: { conformance: replay } } },
    ],
  },
});
