/**
 * `graph-conformance check-mocks FILE`: a Dev Proxy mocks file judged statically — what Dev Proxy would
 * serve for each mock against the slice — with a run's reports and exit codes. Offline and fast.
 */
import { describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { runCommand } from './support/run-cli.js';
import type { CheckMocksResults } from '../src/cli/check-mocks.js';
import { DEV_PROXY_CLIENT_REQUEST_ID } from '../src/cli/check-mocks.js';

const GOOD = fromRoot('test', 'fixtures', 'mocks', 'connector-groups.json');
const M365 = fromRoot('specs', 'upstream', 'dev-proxy', 'm365-mocks.json');
const GRAPH_MOCKS = fromRoot('specs', 'upstream', 'dev-proxy', 'graph-mocks.graph-beta-proxy-mocks.json');

async function checkMocks(file: string, ...options: string[]) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-mocks-'));
  const run = await runCommand('src/cli/conformance.ts', ['check-mocks', file, '--report-dir', reportDir, ...options]);
  const resultsFile = path.join(reportDir, 'results.json');
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as CheckMocksResults) : undefined;
  return { ...run, reportDir, results };
}

/** A copy of the correct fixture (its @file beside it), changed by `edit`, in a folder of its own. */
type MocksJson = {
  mocks: { request: Record<string, unknown>; response: { statusCode?: number; headers?: unknown; body?: Record<string, unknown> | string } }[];
};

function defective(edit: (mocks: MocksJson) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-mocks-file-'));
  copyFileSync(fromRoot('test', 'fixtures', 'mocks', 'connector-groups.list.json'), path.join(dir, 'connector-groups.list.json'));
  const mocks = JSON.parse(readFileSync(GOOD, 'utf8')) as MocksJson;
  edit(mocks);
  const file = path.join(dir, 'mocks.json');
  writeFileSync(file, JSON.stringify(mocks, null, 2));
  return file;
}

function failedIds(results: CheckMocksResults | undefined): string[] {
  return (results?.checks ?? []).filter((c) => c.status === 'failed').map((c) => c.id);
}

describe.concurrent('graph-conformance check-mocks', () => {
  test("Dev Proxy's own m365-mocks.json: every mock outside the slice, nothing judged, exit 0", async () => {
    const run = await checkMocks(M365);
    const count = (JSON.parse(readFileSync(M365, 'utf8')) as { mocks: unknown[] }).mocks.length;
    expect(run.code, run.stderr).toBe(0);
    expect(run.results!.checks).toEqual([]);
    expect(run.results!.outside).toHaveLength(count);
    expect(run.stdout).toContain(`outside the slice, not judged: ${count} mocks`);
    expect(run.results!.coverage!.operations.exercised).toBe(0);
  });

  /**
   * A public Graph mocks collection (waldekmastykarz/graph-mocks, generated from the Graph docs' samples; the
   * older responses[] shape; vendored byte for byte): 28 of its mocks answer an operation of the slice, one
   * each (8 of connectorGroups, 20 of the other sets and the profile, under the profile `applicationProxy`,
   * `provisioning` or `*`). Each failure is a docs sample the slice refuses, nothing else: the placeholders
   * ("connectorGroupType-value", "region-value", an application's "externalAuthenticationType-value", a
   * connector's "status-value") and an agent's "status": "Active" are outside the enums, the profile's
   * "deferUpdateDateTime": "2018-08-12T12:00" is no date-time; and the add-memberOf sample answers its link
   * with 201 and a (placeholder) connectorGroup, where the slice documents the link's answer without a body
   * (decision link-status-left-2xx). The publishedResources mock whose wildcard stands where the profile's key
   * goes, and could be stretched over a group's path, is judged as the one operation that reading gives, never
   * as a group read by the id "publishedResources".
   */
  test('a third-party collection in the older shape: exactly its docs samples the slice refuses fail', async () => {
    const run = await checkMocks(GRAPH_MOCKS);
    expect(run.code, run.stderr).toBe(1);
    expect(run.results!.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([
      'mock.299.body.schema',
      'mock.311.body.schema',
      'mock.321.body.schema',
      'mock.479.body.schema',
      'mock.542.header.content-type',
      'mock.542.body.schema',
      'mock.560.body.schema',
      'mock.588.body.schema',
      'mock.622.body.schema',
      'mock.638.body.schema',
      'mock.738.body.schema',
      'mock.739.body.schema',
      'mock.796.body.schema',
      'mock.797.body.schema',
      'mock.884.body.schema',
      'mock.975.body.schema',
    ]);
    const message = (id: string) => run.results!.checks.find((c) => c.id === id)?.message ?? '';
    expect(message('mock.797.body.schema')).toMatch(/^POST …\/connectorGroups: \/connectorGroupType must be equal to one of the allowed values/);
    expect(message('mock.560.body.schema')).toContain('/value/0/status must be equal to one of the allowed values (allowed: "active", "inactive")');
    expect(message('mock.622.body.schema')).toContain('/value/0/status must be equal to one of the allowed values (allowed: "active", "inactive")');
    expect(message('mock.311.body.schema')).toContain('/hybridAgentUpdaterConfiguration/deferUpdateDateTime must match format "date-time"');
    expect(message('mock.542.header.content-type')).toMatch(/\/memberOf\/\$ref: status 201 is documented without a body, got \d+ bytes$/);
    const mocks = (JSON.parse(readFileSync(GRAPH_MOCKS, 'utf8')) as { responses: { url: string }[] }).responses;
    // One mock per operation judged, each mock judged as one operation (a check's title starts with its name).
    const judged = new Map<string, Set<string>>();
    for (const c of run.results!.checks) {
      const mock = c.id.split('.').slice(0, 2).join('.');
      judged.set(mock, (judged.get(mock) ?? new Set()).add(c.title.split(' ')[0]!));
    }
    expect([...judged.values()].every((operations) => operations.size === 1)).toBe(true);
    expect(new Set([...judged.values()].flatMap((operations) => [...operations])).size).toBe(28);
    expect(judged.size).toBe(28);
    expect(run.results!.outside).toHaveLength(mocks.length - 28);
    expect(run.results!.coverage!.operations.exercised).toBe(28);
    const stretchable = mocks.findIndex((m) => m.url.endsWith('/onPremisesPublishingProfiles/*/publishedResources?$expand=agentGroups'));
    expect(judged.get(`mock.${stretchable}`)).toEqual(new Set(['publishedResources.list']));
  });

  test('a correct mocks file passes; coverage names the operations without a mock; the three reports are written', async () => {
    const run = await checkMocks(GOOD);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const r = run.results!;
    expect(r.command).toBe('check-mocks');
    expect(r.mocksFile).toBe(GOOD);
    expect(failedIds(r)).toEqual([]);
    expect(r.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['mock.0.status', 'mock.1.body.schema', 'mock.2.body.schema', 'mock.3.header.content-type']),
    );
    expect(r.outside.map((o) => o.url)).toEqual(['https://graph.microsoft.com/v1.0/me']);
    const exercised = r.coverage!.operations.items.filter((i) => i.exercised).map((i) => i.name);
    expect(exercised.sort()).toEqual(['count', 'create', 'get', 'list']);
    expect(r.coverage!.operations.items.find((i) => i.name === 'update')!.exercised).toBe(false);
    expect(run.stdout).toContain('no mock: PATCH …/connectorGroups/{connectorGroup-id}');
    for (const f of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(run.reportDir, f)), f).toBe(true);
    expect(readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8')).toContain('mock.0.status');
  });

  test("--profile graph: request-id passes (Dev Proxy adds one), client-request-id is skipped as Dev Proxy's limit", async () => {
    const run = await checkMocks(GOOD, '--profile', 'graph');
    const byId = new Map(run.results!.checks.map((c) => [c.id, c]));
    expect(byId.get('mock.0.header.request-id')!.status).toBe('passed');
    expect(byId.get('mock.0.header.client-request-id')).toMatchObject({ status: 'skipped', message: DEV_PROXY_CLIENT_REQUEST_ID });
    const openapi = await checkMocks(GOOD, '--profile', 'openapi');
    // As in a run: Graph's headers are the graph profile's, skipped with that reason under openapi.
    for (const c of openapi.results!.checks.filter((c) => c.id.includes('request-id')))
      expect(c).toMatchObject({ status: 'skipped', message: expect.stringMatching(/graph profile only/) });
  });

  test('a create mock without statusCode is served 200: mock.0.status fails, alone', async () => {
    const run = await checkMocks(defective((m) => delete m.mocks[0]!.response.statusCode));
    expect(run.code).toBe(1);
    expect(failedIds(run.results)).toEqual(['mock.0.status']);
    expect(run.stdout).toMatch(/✗ mock\.0\.status — POST …\/connectorGroups: status 200 is not documented/);
  });

  test("a body breaking the schema fails body.schema with the validator's violation", async () => {
    const run = await checkMocks(defective((m) => ((m.mocks[0]!.response.body as Record<string, unknown>).connectorGroupType = 42)));
    expect(run.code).toBe(1);
    expect(failedIds(run.results)).toEqual(['mock.0.body.schema']);
    const check = run.results!.checks.find((c) => c.id === 'mock.0.body.schema')!;
    expect(check.violations![0]!.pointer).toBe('/connectorGroupType');
    expect(check.message).toContain('/connectorGroupType');
  });

  test('text/plain on a JSON body fails header.content-type', async () => {
    const run = await checkMocks(defective((m) => (m.mocks[2]!.response.headers = [{ name: 'Content-Type', value: 'text/plain' }])));
    expect(run.code).toBe(1);
    expect(failedIds(run.results)).toEqual(['mock.2.header.content-type']);
  });

  test('an @file that does not exist fails that body, naming the path; the other mocks are still judged', async () => {
    const run = await checkMocks(defective((m) => (m.mocks[1]!.response.body = '@missing/list.json')));
    expect(run.code).toBe(1);
    expect(failedIds(run.results)).toEqual(['mock.1.body.schema']);
    expect(run.results!.checks.find((c) => c.id === 'mock.1.body.schema')!.message).toContain('the @file missing/list.json does not exist');
    expect(run.results!.checks.filter((c) => c.status === 'passed').length).toBeGreaterThan(10);
  });

  test('--baseline turns a listed failure into a known one: exit 0', async () => {
    const file = defective((m) => delete m.mocks[0]!.response.statusCode);
    const baseline = path.join(path.dirname(file), 'baseline.yaml');
    writeFileSync(baseline, 'mock.0.status: Dev Proxy mock answers 200\n');
    const run = await checkMocks(file, '--baseline', baseline);
    expect(run.code, run.stdout).toBe(0);
    expect(run.results!.checks.find((c) => c.id === 'mock.0.status')!.baseline).toEqual({ state: 'known', reason: 'Dev Proxy mock answers 200' });
  });

  test('a file that is not JSON, or fails the Dev Proxy schema, or a bad option: exit 2 naming the problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-mocks-bad-'));
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ "mocks": [');
    const notJsonRun = await checkMocks(notJson);
    expect(notJsonRun.code).toBe(2);
    expect(notJsonRun.stderr).toMatch(new RegExp(`error: check-mocks: .*not\\.json: not JSON`));
    const notMocks = path.join(dir, 'not-mocks.json');
    writeFileSync(notMocks, JSON.stringify({ mocks: {} }));
    const notMocksRun = await checkMocks(notMocks);
    expect(notMocksRun.code).toBe(2);
    expect(notMocksRun.stderr).toContain('not-mocks.json: not a Dev Proxy mocks file: /mocks must be array');
    expect(notMocksRun.results).toBeUndefined();
    const option = await checkMocks(GOOD, '--profile', 'both');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--profile both: expected openapi or graph');
  });
});

describe('graph-conformance make-mocks', () => {
  test('writes a Dev Proxy mocks file that check-mocks passes, every operation of the slice mocked', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-make-mocks-'));
    const file = path.join(dir, 'devproxy', 'mocks.json');
    const made = await runCommand('src/cli/conformance.ts', ['make-mocks', '--dev-proxy', file]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^make-mocks: \d+ Dev Proxy mocks written to /);
    const run = await checkMocks(file);
    expect(run.code, run.stdout).toBe(0);
    expect(failedIds(run.results!)).toEqual([]);
    expect(run.results!.outside).toEqual([]);
    expect(run.results!.coverage!.operations.exercised).toBe(run.results!.coverage!.operations.total);
    // Graph's statuses, not whatever is documented first.
    const mocks = (JSON.parse(readFileSync(file, 'utf8')) as { mocks: { request: { url: string; method: string }; response: { statusCode: number } }[] }).mocks;
    // The success of each (the wildcard mocks after it answer 404 for ids the contract's examples do not name).
    const statusOf = (method: string, tail: RegExp) =>
      mocks.find((m) => m.request.method === method && tail.test(m.request.url) && m.response.statusCode < 300)?.response.statusCode;
    const item = /\/connectorGroups\/[0-9a-f-]{36}$/;
    expect([statusOf('POST', /\/connectorGroups$/), statusOf('PATCH', item), statusOf('DELETE', item)]).toEqual([201, 204, 204]);
  });

  test('without --dev-proxy: exit 2 with the usage', async () => {
    const run = await runCommand('src/cli/conformance.ts', ['make-mocks']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name the file to write with --dev-proxy FILE');
  });
});
