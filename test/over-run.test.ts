/**
 * Checks over every answer of the run (Check.overRun): the command judges them once all suites have ended,
 * over every suite's answers, not only those of the suite that owns them. A double whose defect shows only
 * on pages reached by a next link (which the contract suite never follows) proves it: the owning suite
 * alone passes, the run with the query suite fails, naming the page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { judgeSuite } from '../src/engine/run-suite.js';
import { contractSuite } from '../suites/contract.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { fromRoot } from '../src/project-root.js';

describe('a check over every answer of the run', () => {
  let double: RunningEmulator;
  beforeAll(async () => {
    double = await startEmulator({ defects: ['next-page-no-odata-context'] });
  });
  afterAll(() => double.close());

  test('judges only its own suite where suites run one at a time', async () => {
    const config = resolveRunConfig(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', '--settle-ms', '0'], {}, fromRoot()).config;
    const outcomes = await judgeSuite(contractSuite, config);
    expect(outcomes.get('conventions.odata-context')?.status).toBe('passed');
  });

  test("sees the other suites' answers in a run of the command, and names the request", async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', '--only', 'conventions.odata-context,query.top-pages']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual(['conventions.odata-context']);
    const check = run.results?.checks.find((c) => c.id === 'conventions.odata-context');
    expect(check?.message).toMatch(/GET .*\$skiptoken.*no @odata\.context/);
    expect(run.stdout).toContain('contract, over every answer of the run: 1 check');
  });

  test('--only on the check alone runs its own suite, as before', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', '--only', 'conventions.odata-context']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results?.checks.map((c) => [c.id, c.status])).toEqual([['conventions.odata-context', 'passed']]);
  });
});
