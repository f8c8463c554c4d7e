/**
 * The suite is only worth something if each check can fail. Each defect of the reference double
 * breaks one behaviour; running the real command against it must fail exactly the matching checks,
 * and against the correct double every check must pass.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startDouble, type Defect, type RunningDouble } from './double/server.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { CREATE_CHECKS } from '../src/checks/create.js';

const ALL_CREATE_IDS = CREATE_CHECKS.map((c) => c.id).sort();
const GRAPH_ONLY_IDS = CREATE_CHECKS.filter((c) => !c.profiles.includes('openapi')).map((c) => c.id).sort();

/** Which checks each defect must fail, and no others. */
const CAUGHT_BY: ReadonlyArray<[Defect, string[]]> = [
  ['create-status-200', ['create.status']],
  ['create-content-type-text', ['create.header.content-type']],
  ['create-body-schema', ['create.body.schema']],
  ['create-id-empty', ['create.body.id']],
  ['create-echo-name', ['create.body.echo']],
  ['create-no-request-id', ['create.header.request-id']],
  ['create-request-id-not-guid', ['create.header.request-id']],
  ['create-client-request-id-not-echoed', ['create.header.client-request-id']],
];

async function against(defects: Defect[], extra: string[] = []) {
  const double = await startDouble({ defects });
  try {
    return await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', ...extra]);
  } finally {
    await double.close();
  }
}

describe('against the correct reference double', () => {
  let double: RunningDouble;
  beforeAll(async () => {
    double = await startDouble();
  });
  afterAll(() => double.close());

  test('every create check passes, exit 0, results.json and junit.xml written', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(idsWithStatus(run.results, 'passed')).toEqual(ALL_CREATE_IDS);
    expect(run.results).toMatchObject({ target: 'url', baseUrl: double.baseUrl, profile: 'graph', seed: 7 });
    expect(run.stdout).toContain('seed 7');
    expect(double.groups.size).toBe(0);
  });

  test('--profile openapi skips the graph-only checks with the reason', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--profile', 'openapi', '--seed', '7']);
    expect(run.code).toBe(0);
    expect(idsWithStatus(run.results, 'skipped')).toEqual(GRAPH_ONLY_IDS);
    expect(run.results?.checks.find((c) => c.status === 'skipped')?.message).toMatch(/graph profile only/);
  });

  test('--only runs just the matching checks', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--only', 'create.header.*']);
    expect(run.code).toBe(0);
    expect(run.results?.checks.map((c) => c.id).sort()).toEqual(ALL_CREATE_IDS.filter((id) => id.startsWith('create.header.')));
  });
});

describe.concurrent('each defect fails exactly its check', () => {
  test.each(CAUGHT_BY)('%s → %j', async (defect, expected) => {
    const run = await against([defect]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual([...expected].sort());
    const failure = run.results?.checks.find((c) => c.status === 'failed');
    expect(failure?.evidence?.response?.status).toBeTypeOf('number');
    expect(JSON.stringify(failure?.evidence)).not.toContain('Bearer');
    const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(ALL_CREATE_IDS.length);
    expect(junit.match(/<failure /g)).toHaveLength(expected.length);
    expect(run.stdout).toContain(`✗ ${expected[0]}`);
  });

  test('a graph-only defect passes under --profile openapi', async () => {
    const run = await against(['create-echo-name'], ['--profile', 'openapi']);
    expect(run.code).toBe(0);
  });
});
