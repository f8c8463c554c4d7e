/**
 * Every selected check ends with a verdict, and credentials stay with the target. Each way a suite can
 * fail to run is tried through the real command: the number of checks in results.json always equals
 * the number selected, the ones not judged are *blocked* (skipped with blockedBy and the reason) in
 * every report, and the exit code says so.
 */
import { withGroups, startEmulator } from '../src/emulator/index.js';
import { groupMap } from './support/emulator.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import { CREATE_CHECKS } from '../src/checks/create.js';
import { PROPERTY_CHECKS } from '../src/checks/property.js';
import { SUITES } from '../suites/index.js';
import { selectedBy } from '../src/checks/check.js';
import { everySelectedCheck } from '../src/run/every-verdict.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { emptyCollected } from '../src/report/results.js';
import { idsWithStatus, runConformance, type CliRun } from './support/run-cli.js';

const SHIPPED = fromRoot('fixtures', 'recordings');
/** The create suite's own checks (create.status and the rest derived from the slice are the contract suite's). */
const CREATE_IDS = CREATE_CHECKS.map((c) => c.id).sort();
const ONLY_CREATE_SUITE = CREATE_IDS.join(',');

/** A copy of the shipped recordings with `create.json` replaced by `text`, or removed when `text` is null. */
function withCreateRecording(text: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-silent-'));
  cpSync(SHIPPED, dir, { recursive: true });
  const file = path.join(dir, 'create.json');
  if (text === null) rmSync(file);
  else writeFileSync(file, text);
  return dir;
}

const blockedBy = (run: CliRun) => Object.fromEntries((run.results?.checks ?? []).filter((c) => c.blockedBy !== undefined).map((c) => [c.id, c.blockedBy]));
const selectedCount = (only: string[]) =>
  SUITES.flatMap((s) => s.checks).filter((c) =>
    selectedBy(
      only.flatMap((o) => o.split(',')),
      c.id,
    ),
  ).length;
const junitCases = (run: CliRun) => (readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8').match(/<testcase /g) ?? []).length;

describe.concurrent('a recording that cannot be replayed blocks its checks, exit 2, naming the file', () => {
  test.each([
    ['invalid JSON', '{"meta": {"seed": 1', /create\.json is not valid JSON/],
    ['JSON of the wrong shape', '[1, 2, 3]', /create\.json lacks meta \(with seed\) or interactions/],
    ['deleted', null, /no recording for 'create' at .*create\.json/],
  ] as const)('%s', async (_name, text, why) => {
    // The create suite and one other, so that a blocked suite is seen beside a judged one.
    const only = [ONLY_CREATE_SUITE, 'negative.unknown-id'];
    const run = await runConformance(['--fixtures-dir', withCreateRecording(text), '--only', only.join(',')]);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.results?.checks).toHaveLength(selectedCount(only));
    expect(run.results?.checks.find((c) => c.id === 'negative.unknown-id')?.blockedBy).toBeUndefined();
    expect(blockedBy(run)).toEqual(Object.fromEntries(CREATE_IDS.map((id) => [id, 'suite:recording'])));
    for (const id of CREATE_IDS) expect(run.results?.checks.find((c) => c.id === id)?.message).toMatch(why);
    expect(run.results?.summary).toMatchObject({ blocked: CREATE_IDS.length, failed: 0 });
    // Terminal, JUnit and the HTML report say it too.
    expect(run.stdout).toMatch(/⊘ create\.body\.id — blocked by suite:recording/);
    expect(run.stderr).toMatch(new RegExp(`blocked: ${CREATE_IDS.length} checks not judged because of suite:recording`));
    expect(run.stdout).toMatch(new RegExp(`\\d+ passed, 0 failed, ${CREATE_IDS.length} blocked`));
    expect(junitCases(run)).toBe(selectedCount(only));
    const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    expect(html).toContain('BLOCKED');
    expect(html).toContain('blocked by suite:recording');
  });
});

describe.concurrent('a recording made for another slice that no longer matches', () => {
  test('blocks its checks with suite:recording, exit 2, saying it was made against another slice', async () => {
    const dir = withCreateRecording(readFileSync(path.join(SHIPPED, 'create.json'), 'utf8'));
    const file = path.join(dir, 'create.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    cassette.meta.sliceSha256 = '0'.repeat(64);
    // A request body of another shape: what a slice with another create schema would have sent.
    (cassette.interactions[0]!.request.body as Record<string, unknown>).connectorGroupType = 'applicationProxy';
    writeFileSync(file, JSON.stringify(cassette));
    const run = await runConformance(['--fixtures-dir', dir, '--only', ONLY_CREATE_SUITE]);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(blockedBy(run)).toEqual(Object.fromEntries(CREATE_IDS.map((id) => [id, 'suite:recording'])));
    expect(run.results?.checks[0]?.message).toMatch(
      /create\.json in .* does not hold this request .*made against another version of specs\/openapi\.yaml; record it again/,
    );
  });
});

describe.concurrent('a check whose blocker was not selected still blocks the run', () => {
  test('--only lifecycle.get-updated with create answering 500: blocked by create.status, exit 1', async () => {
    const dir = withCreateRecording(readFileSync(path.join(SHIPPED, 'create.json'), 'utf8'));
    const file = path.join(dir, 'lifecycle.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    // The main chain's create: the one lifecycle.get-updated depends on (the partial-update chains create their own).
    const create = cassette.interactions.find((i) => i.request.method === 'POST' && i.tag?.startsWith('main#'))!;
    create.response.status = 500;
    create.response.body = { error: { code: 'InternalServerError', message: 'boom' } };
    writeFileSync(file, JSON.stringify(cassette));
    const run = await runConformance(['--fixtures-dir', dir, '--only', 'lifecycle.get-updated']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.results?.checks).toHaveLength(1);
    expect(blockedBy(run)).toEqual({ 'lifecycle.get-updated': 'create.status' });
    expect(run.results?.checks[0]?.message).toMatch(/create answered 500 without a usable id/);
  });
});

describe('time limits scale with the work', () => {
  test('a correct but slow target: every property check gets its verdict (no suite limit)', async () => {
    // 6 valid and 6 invalid bodies, two at a time, at 100 ms a request: the suite takes longer than --timeout,
    // while each request stays ten times within it (a busy machine cannot push one past the limit).
    const double = await startEmulator({ faults: { delayMs: 100 } });
    try {
      const run = await runConformance([
        '--base-url',
        double.baseUrl,
        '--only',
        'property.',
        '--timeout',
        '1000',
        '--concurrency',
        '2',
        '--property-runs',
        '6',
        '--seed',
        '3',
      ]);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(idsWithStatus(run.results, 'passed')).toEqual(PROPERTY_CHECKS.map((c) => c.id).sort());
      expect(run.stderr).not.toMatch(/matches no check id/);
    } finally {
      await double.close();
    }
  });

  test('a request past --timeout blocks its suite with suite:timeout, naming the request; nothing is left behind', async () => {
    const double = await startEmulator({ faults: { slowCreateReplyMs: 1_500 } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', ONLY_CREATE_SUITE, '--timeout', '400', '--seed', '3']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.results?.checks).toHaveLength(CREATE_IDS.length);
      expect(blockedBy(run)).toEqual(Object.fromEntries(CREATE_IDS.map((id) => [id, 'suite:timeout'])));
      expect(run.results?.checks[0]?.message).toMatch(
        /POST http:\/\/127\.0\.0\.1:\d+\/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups: no response within 400 ms \(--timeout\)/,
      );
      // The create landed although its answer never came: found by the name it sent, and deleted.
      expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
      expect(double.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/connectorGroups'))).toHaveLength(1);
    } finally {
      await double.close();
    }
  });

  test('a property suite whose create times out: blocked at once (no shrinking into the failure), its group deleted', async () => {
    const double = await startEmulator({ faults: { slowCreateReplyMs: 1_500 } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', 'property.', '--timeout', '400', '--seed', '3', '--concurrency', '4']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(blockedBy(run)).toEqual(Object.fromEntries(PROPERTY_CHECKS.map((c) => [c.id, 'suite:timeout'])));
      // The creates in flight (four side by side) timed out and nothing followed them: no new body, no
      // shrinking into the failure. On a loaded machine a timer can fire after its slow answer, so one more
      // body may start: never the dozens a shrink would send.
      expect(double.requests.filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(8);
      expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
    } finally {
      await double.close();
    }
  });
});

describe('a suite that never reported is filled in, blocked', () => {
  test('a suite file that failed to load: each of its selected checks blocked by suite:error, with the load error', () => {
    const config = resolveRunConfig(['--only', 'create.,negative.unknown-id'], {}, fromRoot()).config;
    const lines: string[] = [];
    const checks = everySelectedCheck(
      {
        ...emptyCollected(['create.conformance.ts: SyntaxError: x']),
        moduleErrors: new Map([['create', ['SyntaxError: x']]]),
        suites: new Set(['create', 'negative']),
      },
      config,
      undefined,
      (l) => lines.push(l),
    );
    expect(checks.map((c) => [c.id, c.status, c.blockedBy])).toEqual([...CREATE_IDS, 'negative.unknown-id'].sort().map((id) => [id, 'skipped', 'suite:error']));
    expect(checks.find((c) => c.id === 'create.body.id')?.message).toMatch(/the create suite could not run: SyntaxError: x/);
    expect(lines).toHaveLength(CREATE_IDS.length + 1);
  });

  test('a shard reports only its own suites', () => {
    const config = resolveRunConfig(['--shard', '1/2'], {}, fromRoot()).config;
    const checks = everySelectedCheck({ ...emptyCollected(), suites: new Set(['create']) }, config, undefined, () => {});
    expect(checks.map((c) => c.id).sort()).toEqual(CREATE_IDS);
  });
});

describe('credentials go only to the target', () => {
  let foreign: Server;
  let foreignUrl: string;
  const seen: { method: string; url: string; authorization?: string }[] = [];
  beforeAll(async () => {
    foreign = createServer((request, response) => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization });
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => foreign.close(() => resolve())));

  test('an @odata.nextLink to another origin is not followed: list.paging fails naming it, the token stays home', async () => {
    const double = await startEmulator({ pageSize: 2, seed: withGroups(3), faults: { linkBase: foreignUrl } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--token', 'SECRET-TOKEN-1', '--only', 'list.paging']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(idsWithStatus(run.results, 'failed')).toEqual(['list.paging']);
      expect(run.results?.checks[0]?.message).toMatch(
        /@odata\.nextLink http:\/\/127\.0\.0\.1:\d+\/\S+ is on another origin \(http:\/\/127\.0\.0\.1:\d+\), not the target's/,
      );
      expect(seen.filter((r) => r.authorization !== undefined)).toEqual([]);
      expect(seen).toEqual([]);
    } finally {
      await double.close();
    }
  });

  test('a redirect is judged, not followed: the message names the Location, the other server sees nothing', async () => {
    const location = `${foreignUrl}/elsewhere`;
    const double = await startEmulator({ faults: { redirectCreates: { status: 302, location } } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', 'create.status']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const message = run.results?.checks[0]?.message ?? '';
      expect(message).toMatch(/^POST …\/connectorGroups: status 302 is not documented/);
      expect(message).toContain(`redirected to ${location}`);
      expect(message).toContain('redirects are never followed');
      expect(seen).toEqual([]);
    } finally {
      await double.close();
    }
  });
});

describe.concurrent('plain words for bad input', () => {
  test('--timeout -5 is judged by the option, not by the parser', async () => {
    const run = await runConformance(['--timeout', '-5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--timeout \/ CONFORMANCE_TIMEOUT_MS: '-5' is not a whole number ≥ 1/);
    expect(run.stderr).not.toMatch(/ambiguous|ERR_PARSE_ARGS|\n\s+at /);
  });

  test('a report dir that cannot be written: exit 2 naming it, no stack trace', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gc-rd-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const run = await runConformance(['--report-dir', path.join(file, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report-dir \/ CONFORMANCE_REPORT_DIR: cannot write to .*a-file\/reports \(ENOTDIR\)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('--token under CI=true warns to use GRAPH_ACCESS_TOKEN', async () => {
    const run = await runConformance(['--token', 'T', '--base-url', 'http://127.0.0.1:9'], { CI: 'true' });
    expect(run.stderr).toMatch(/warning: --token puts the token on the command line.*GRAPH_ACCESS_TOKEN/);
    const quiet = await runConformance(['--base-url', 'http://127.0.0.1:9'], { CI: 'true', GRAPH_ACCESS_TOKEN: 'T' });
    expect(quiet.stderr).not.toMatch(/warning/);
  });
});
