/**
 * The suite is only worth something if each check can fail. Each defect of the reference double
 * breaks one behaviour; running the real command against it must fail exactly the matching checks,
 * and against the correct double every check must pass. The defects themselves are judged a third in each
 * of test/self-proof-1.test.ts, -2 and -3 (test/support/self-proof.ts); this file runs the command.
 */
import { withGroups, startEmulator, DIFF_ONLY, type Defect, type RunningEmulator } from '../src/emulator/index.js';
import { groupMap } from './support/emulator.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { ALL, ALWAYS_SKIPPED, CAUGHT_BY, ids, onlySuitesOf } from './support/self-proof.js';

async function against(defects: Defect[], extra: string[]) {
  const double = await startEmulator({ defects });
  try {
    return await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', ...extra]);
  } finally {
    await double.close();
  }
}

describe('against the correct reference double', () => {
  let double: RunningEmulator;
  beforeAll(async () => {
    double = await startEmulator({ pageSize: 2, seed: withGroups(3) });
  });
  afterAll(() => double.close());

  test('every check passes or warns, the unreachable ones skip, exit 0, reports written, nothing left behind', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(idsWithStatus(run.results, 'failed')).toEqual([]);
    expect(idsWithStatus(run.results, 'skipped')).toEqual(ALWAYS_SKIPPED);
    expect([...idsWithStatus(run.results, 'passed'), ...idsWithStatus(run.results, 'warned')].sort()).toEqual(
      ids(ALL).filter((id) => !ALWAYS_SKIPPED.includes(id)),
    );
    expect(run.results).toMatchObject({ target: 'url', baseUrl: double.baseUrl, profile: 'graph', seed: 7 });
    expect(run.results?.checks.find((c) => c.id === 'list.paging')?.message).toMatch(/pages followed/);
    expect(run.results?.checks.find((c) => c.id === 'update.status')?.message).toMatch(/answered 204/);
    expect(run.stdout).toContain('seed 7');
    expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
  });

  test('--profile openapi skips the graph-only checks with the reason', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--profile', 'openapi', '--seed', '7']);
    expect(run.code).toBe(0);
    const graphOnly = ALL.filter((c) => !c.profiles.includes('openapi')).map((c) => c.id);
    expect(idsWithStatus(run.results, 'skipped')).toEqual([...graphOnly, ...ALWAYS_SKIPPED].sort());
    expect(run.results?.checks.find((c) => c.id === 'create.body.echo')?.message).toMatch(/graph profile only/);
  });

  test('--only runs just the matching checks', async () => {
    const run = await runConformance(['--base-url', double.baseUrl, '--only', 'create.header.*']);
    expect(run.code).toBe(0);
    expect(run.results?.checks.map((c) => c.id).sort()).toEqual(ids(ALL).filter((id) => id.startsWith('create.header.')));
  });
});

describe.concurrent('through the command, a defect per suite: exit 1, the failing ids in results.json and junit.xml', () => {
  test.each([
    ['create-echo-name', ['create.body.echo'], 'create.'],
    ['list-no-value', ['lifecycle.list-contains', 'list.body.value'], onlySuitesOf(['list.body.value'])],
    ['members-add-accepts-unknown', ['members.add.unknown-connector', 'members.ref.create.status'], 'members.,applications.'],
    [
      'invalid-body-accepted',
      ['negative.body.unknown-enum', 'negative.body.unknown-property', 'negative.body.wrong-type', 'property.invalid-bodies'],
      'negative.,property.',
    ],
  ] as const)('%s', async (defect, fails, only) => {
    const run = await against([defect], ['--only', only]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual([...fails].sort());
    const failure = run.results?.checks.find((c) => c.status === 'failed');
    expect(failure?.evidence?.response?.status).toBeTypeOf('number');
    expect(JSON.stringify(failure?.evidence)).not.toContain('Bearer');
    const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<failure /g)).toHaveLength(fails.length);
    expect(run.stdout).toContain(`✗ ${[...fails].sort()[0]}`);
  });

  test('a graph-only defect passes under --profile openapi', async () => {
    const run = await against(['create-echo-name'], ['--profile', 'openapi', '--only', 'create.']);
    expect(run.code).toBe(0);
  });
});

test('every defect of the double fails some check, unless its record says why only diff sees it', () => {
  expect(CAUGHT_BY.filter((c) => c.fails.length === 0).map((c) => c.defect)).toEqual(Object.keys(DIFF_ONLY));
});
