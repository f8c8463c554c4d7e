/**
 * Runs one suite's definition against the configured target without a test runner: the same
 * produce, the same checks, the same cleanup. The project's own tests use it to show every check
 * failing against its defect in milliseconds; `npm run conformance` runs the same definitions in vitest.
 */
import type { RunConfig } from '../config/run-config.js';
import { failed, selectedBy, skipped, type Verdict } from '../checks/check.js';
import type { SuiteDefinition } from './definition.js';
import { closeContext, openContext } from './context.js';

export async function judgeSuite<Subject>(definition: SuiteDefinition<Subject>, config: RunConfig): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const selected = definition.checks.filter((c) => selectedBy(config.only, c.id));
  if (selected.length === 0) return verdicts;
  const ctx = await openContext(config, definition.name);
  try {
    let subject: Subject | undefined;
    let setupError: unknown;
    try {
      subject = await definition.produce(ctx);
    } catch (error) {
      setupError = error;
    }
    for (const check of selected) {
      if (!check.profiles.includes(config.profile)) verdicts.set(check.id, skipped(`${check.profiles.join('/')} profile only`));
      else if (subject === undefined) verdicts.set(check.id, failed(setupError instanceof Error ? setupError.message : String(setupError)));
      else verdicts.set(check.id, check.run(subject, config.profile));
    }
  } finally {
    await closeContext(ctx);
  }
  return verdicts;
}
