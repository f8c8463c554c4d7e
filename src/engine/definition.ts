/** What a conformance suite is, apart from the test runner that executes it. */
import type { Check } from '../checks/check.js';
import type { SuiteContext } from './context.js';
import type { OpenApiDocument } from '../openapi/operations.js';

export type { SuiteContext } from './context.js';

export interface SuiteDefinition<Subject> {
  /** Names the suite in progress output and its recording (`fixtures/recordings/<name>.json`). */
  name: string;
  checks: readonly Check<Subject>[];
  /** The contract it is judged against; the committed slice unless given (a test's edited copy). */
  spec?: OpenApiDocument;
  /** Talks to the target through ctx and returns what the checks judge. */
  produce(ctx: SuiteContext): Promise<Subject>;
}
