/**
 * Capabilities, probed and declared: a correct server without `startswith` in $filter passes, its query
 * rules judged another way or skipped for the capability (never failed under another rule's name), and a
 * server that ignores $filter silently fails query.filter alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { idsWithStatus, runConformance, type CliRun } from './support/run-cli.js';
import { resolveRunConfig, UsageError } from '../src/config/run-config.js';
import { fromRoot } from '../src/project-root.js';
import { QUERY_CHECKS } from '../src/checks/query.js';
import { CAPABILITIES } from '../src/checks/capabilities.js';

const QUERY_RULES = QUERY_CHECKS.map((c) => c.id).filter((id) => id.startsWith('query.'));
/** Rules that scope with startswith and have another, race-free judgement without it. */
const SCOPED = ['query.count', 'query.count-segment', 'query.orderby', 'query.skip', 'query.top'];
/** Rules that need it and have none: following $top=1 pages unfiltered would walk the whole tenant. */
const SKIPPED_WITHOUT = ['query.top-pages'];
const NEEDS = [...SCOPED, ...SKIPPED_WITHOUT];

async function queryRun(double: RunningEmulator, extra: string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
  return runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7', '--settle-ms', '0', '--only', 'query.', ...extra], env);
}

const check = (run: CliRun, id: string) => run.results?.checks.find((c) => c.id === id);
const startswithSent = (double: RunningEmulator) => double.requests.filter((r) => decodeURIComponent(r.path).includes('startswith('));

test('the rules that scope with startswith say so in their records, and only those', () => {
  expect(QUERY_CHECKS.filter((c) => (c.needs ?? []).includes('filter-startswith')).map((c) => c.id)).toEqual(NEEDS.slice().sort(byOrder));
  expect(Object.keys(CAPABILITIES)).toContain('filter-startswith');
});
function byOrder(a: string, b: string) {
  return QUERY_CHECKS.findIndex((c) => c.id === a) - QUERY_CHECKS.findIndex((c) => c.id === b);
}

describe('a correct server whose $filter has no startswith', () => {
  let double: RunningEmulator;
  let run: CliRun;
  beforeAll(async () => {
    double = await startEmulator({ filterFunctions: [] });
    run = await queryRun(double);
  });
  afterAll(() => double.close());

  test('exit 0: every query rule passes, those that scope with startswith judged another way', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(idsWithStatus(run.results, 'failed')).toEqual([]);
    expect(idsWithStatus(run.results, 'passed')).toEqual(QUERY_RULES.filter((id) => !SKIPPED_WITHOUT.includes(id)).sort());
    for (const id of SCOPED) expect(check(run, id)?.message, id).toMatch(/filter-startswith absent/);
    for (const id of SKIPPED_WITHOUT) expect(check(run, id)?.message, id).toMatch(/^capability:filter-startswith: /);
  });

  test('results.json, the terminal and report.html show the capability absent, in the target’s words', () => {
    const found = run.results?.capabilities?.['filter-startswith'];
    expect(found).toMatchObject({ present: false, how: 'probed' });
    expect(found?.detail).toMatch(/^\$filter=startswith\(name,'conformance-[^']+-query-'\) answered 400 Request_UnsupportedQuery "Unsupported Query/);
    expect(run.stdout).toMatch(/^capability filter-startswith: absent — \$filter=startswith\(name,'.*'\) answered 400 Request_UnsupportedQuery/m);
    const report = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    expect(report).toContain('<h2 id="capabilities-h">Capabilities</h2>');
    expect(report).toContain('Request_UnsupportedQuery');
  });

  test('--capabilities filter-startswith=yes is believed: the refused reads fail naming the declared startswith too', async () => {
    const declared = await queryRun(double, ['--capabilities', 'filter-startswith=yes']);
    expect(declared.code).toBe(1);
    expect(declared.results?.capabilities?.['filter-startswith']).toMatchObject({ present: true, how: 'declared' });
    expect(idsWithStatus(declared.results, 'failed')).toEqual([...NEEDS].sort());
    for (const id of idsWithStatus(declared.results, 'failed')) {
      expect(NEEDS, id).toContain(id);
      expect(check(declared, id)?.message, id).toMatch(/answered 400.*startswith\(name,'…'\), which --capabilities declared present/);
    }
  });
});

describe('the correct double with filter-startswith=no declared', () => {
  test('nothing probes startswith; the same rules are judged the same other way; exit 0', async () => {
    const double = await startEmulator();
    try {
      const run = await queryRun(double, ['--capabilities', 'filter-startswith=no']);
      expect(run.code, run.stdout).toBe(0);
      expect(startswithSent(double)).toEqual([]);
      expect(run.results?.capabilities?.['filter-startswith']).toEqual({
        present: false,
        how: 'declared',
        detail: 'declared absent by --capabilities; not probed',
      });
      expect(idsWithStatus(run.results, 'passed')).toEqual(QUERY_RULES.filter((id) => !SKIPPED_WITHOUT.includes(id)).sort());
      for (const id of SCOPED) expect(check(run, id)?.message, id).toMatch(/filter-startswith absent/);
      expect(run.stdout).toContain('capability filter-startswith: absent — declared absent by --capabilities; not probed');
    } finally {
      await double.close();
    }
  });

  test('CONFORMANCE_CAPABILITIES declares it too; the present case probes with the read the suite sends anyway', async () => {
    const double = await startEmulator();
    try {
      const declared = await queryRun(double, [], { CONFORMANCE_CAPABILITIES: 'filter-startswith=no' });
      expect(declared.results?.capabilities?.['filter-startswith']).toMatchObject({
        present: false,
        how: 'declared',
        detail: expect.stringContaining('CONFORMANCE_CAPABILITIES'),
      });
      const before = double.requests.length;
      const probed = await queryRun(double);
      expect(probed.code).toBe(0);
      expect(probed.results?.capabilities?.['filter-startswith']).toMatchObject({
        present: true,
        how: 'probed',
        detail: expect.stringMatching(/answered 200 with the run's groups only \(3 of 3\)/),
      });
      // One startswith read per scoped rule, the first the probe (no request of its own), and the next
      // pages of the $top=1 read and of the $select=name&$top=1 read, which carry their $filter on.
      expect(startswithSent(double).filter((r) => double.requests.indexOf(r) >= before)).toHaveLength(11);
      for (const id of SCOPED) expect(check(probed, id)?.message, id).toBeUndefined();
    } finally {
      await double.close();
    }
  });
});

describe('a server that ignores $filter silently (defect query-filter-ignored)', () => {
  test('exit 1, query.filter the only query rule failing; the rules that need a filter are skipped for the capability', async () => {
    const double = await startEmulator({ defects: ['query-filter-ignored'] });
    try {
      const run = await queryRun(double);
      expect(run.code, run.stdout).toBe(1);
      expect(idsWithStatus(run.results, 'failed')).toEqual(['query.filter']);
      expect(check(run, 'query.filter')?.message).toMatch(/^\$filter=name eq '…' answered 200 but was not applied/);
      expect(run.results?.capabilities?.['filter-startswith']).toMatchObject({
        present: false,
        how: 'probed',
        detail: expect.stringMatching(/the filter was ignored/),
      });
      const skipped = idsWithStatus(run.results, 'skipped');
      expect(skipped).toEqual(['query.count', 'query.count-segment', 'query.skip', 'query.top-pages']);
      for (const id of skipped) {
        expect(check(run, id)?.blockedBy, id).toBeUndefined();
        expect(check(run, id)?.message, id).toMatch(/^capability:filter-startswith: .*the filter was ignored/);
      }
      expect(check(run, 'query.top')?.status).toBe('passed');
      expect(check(run, 'query.orderby')?.status).toBe('passed');
    } finally {
      await double.close();
    }
  });
});

describe('--capabilities is judged when resolved', () => {
  const resolve = (args: string[], env: NodeJS.ProcessEnv = {}) => resolveRunConfig(args, env, fromRoot()).config;

  test('name=yes|no, comma-separated; the option over the variable', () => {
    expect(resolve(['--capabilities', 'filter-startswith=NO']).capabilities).toEqual({
      'filter-startswith': { present: false, how: 'declared', detail: 'declared absent by --capabilities; not probed' },
    });
    expect(resolve([], { CONFORMANCE_CAPABILITIES: 'filter-startswith=yes' }).capabilities?.['filter-startswith']?.present).toBe(true);
    expect(
      resolve(['--capabilities', 'filter-startswith=no'], { CONFORMANCE_CAPABILITIES: 'filter-startswith=yes' }).capabilities?.['filter-startswith']?.present,
    ).toBe(false);
    expect(resolve([]).capabilities).toEqual({});
  });

  test.each([
    ['filter-startswith', /'filter-startswith' is not name=yes or name=no/],
    ['filter-startswith=maybe', /is not name=yes or name=no/],
    ['filter-endswith=no', /'filter-endswith' is not a capability; the capabilities are filter-startswith/],
    ['filter-startswith=no,filter-startswith=yes', /declared twice/],
  ])('%s is a usage error naming the option', (value, message) => {
    expect(() => resolve(['--capabilities', value])).toThrow(UsageError);
    expect(() => resolve(['--capabilities', value])).toThrow(message);
  });
});
