/**
 * `graph-conformance make-mocks --dev-proxy FILE --mockoon FILE`: the mocks made from the slice answer the
 * slice's example ids with the success and any other id with Graph's 404. The Dev Proxy file is judged by
 * Dev Proxy's own first-match rule, simulated; the Mockoon environment by Mockoon CLI 9.9.0 itself, with the
 * suite run against it: where Mockoon on the imported slice fails its own limits (test/mockoon.test.ts), the
 * generated environment passes every openapi check.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EnvironmentSchema, pathMatch, preparePath, type Environment } from '@mockoon/commons';
import { loadSlice } from '../src/openapi/load.js';
import { operationTable, type TableOperation } from '../src/openapi/operation-table.js';
import { documentedResponse } from '../src/openapi/operations.js';
import { validatorFor } from '../src/openapi/validator.js';
import { exampleIdFor, pathParameters } from '../src/mocks/example-ids.js';
import { successOf } from '../src/mocks/slice-answers.js';
import { devProxyMocksFromSlice, type DevProxyMocksFile } from '../src/mocks/make-dev-proxy.js';
import { mockoonEnvironmentFromSlice } from '../src/mocks/make-mockoon.js';
import { SUITES } from '../suites/index.js';
import { startMockoon, type RunningMockoon } from '../tools/bench/mockoon.js';
import { idsWithStatus, runCommand, runConformance } from './support/run-cli.js';

const doc = loadSlice();
const table = operationTable(doc);
const withParameters = table.filter((op) => pathParameters(op.path).length > 0);
const GRAPH_BETA = 'https://graph.microsoft.com/beta';
/** Several runs share one Mockoon process in these tests: fewer requests in flight each. */
const GENTLY = ['--concurrency', '4'];

let dir: string;
let made: Awaited<ReturnType<typeof runCommand>>;
let devProxy: DevProxyMocksFile;
let environment: Environment;
let mockoon: RunningMockoon;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'gc-make-mocks-'));
  made = await runCommand('src/cli/conformance.ts', [
    'make-mocks',
    '--dev-proxy',
    path.join(dir, 'devproxy', 'mocks.json'),
    '--mockoon',
    path.join(dir, 'mockoon.json'),
  ]);
  if (made.code !== 0) throw new Error(`make-mocks failed: ${made.stderr}`);
  devProxy = JSON.parse(readFileSync(path.join(dir, 'devproxy', 'mocks.json'), 'utf8')) as DevProxyMocksFile;
  environment = JSON.parse(readFileSync(path.join(dir, 'mockoon.json'), 'utf8')) as Environment;
  mockoon = await startMockoon(path.join(dir, 'mockoon.json'));
}, 60_000);

afterAll(async () => {
  await mockoon?.close();
});

/** The operation's path with each parameter given by `value` (a client's encoding of it). */
function fill(op: TableOperation, value: (name: string) => string): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
}

const exampleIds = (name: string) => exampleIdFor(doc, name);

/** The URL of `op` with the example ids, but `unknown` for the parameters named in `unknownOnes`. */
function urlWith(op: TableOperation, unknownOnes: readonly string[], unknown: string = randomUUID()): string {
  return fill(op, (name) => (unknownOnes.includes(name) ? unknown : exampleIds(name)));
}

/**
 * The mock Dev Proxy answers `method url` with (MockResponsePlugin): the first whose method is the request's
 * and whose URL equals the request's, query included, or has a `*` and matches it as `^pattern$` with each
 * `*` read as `.*` and everything else literal.
 */
function devProxyAnswer(method: string, url: string) {
  return devProxy.mocks.find((m) => {
    if (m.request.method !== method) return false;
    if (m.request.url === url) return true;
    if (!m.request.url.includes('*')) return false;
    const pattern = m.request.url
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${pattern}$`).test(url);
  });
}

/** The route Mockoon answers `method requestPath` with: the first in rootChildren order whose method and converted path match. */
function mockoonRoute(method: string, requestPath: string) {
  const byUuid = new Map(environment.routes.map((r) => [r.uuid, r]));
  return environment.rootChildren
    .map((child) => byUuid.get(child.uuid)!)
    .find((route) => route.method === method && pathMatch(preparePath(environment.endpointPrefix, route.endpoint).preparedPath)(requestPath) !== false);
}

function notFoundSchema(op: TableOperation) {
  return documentedResponse(doc, op.path, op.method, 404)!.schema!;
}

describe('example ids', () => {
  test("each parameter's id is the slice's example of what it names; a parameter without one is refused, named", () => {
    const schemas = doc.components!.schemas as Record<string, { example?: Record<string, unknown> }>;
    expect(exampleIdFor(doc, 'connectorGroup-id')).toBe(schemas['microsoft.graph.connectorGroup']!.example!.id);
    expect(exampleIdFor(doc, 'application-id')).toBe(schemas['microsoft.graph.application']!.example!.id);
    // A connector has no example of its own: the first of the page's (decision connector-list-example).
    expect(exampleIdFor(doc, 'connector-id')).toBe((schemas['microsoft.graph.connectorCollectionResponse']!.example!.value as { id: string }[])[0]!.id);
    expect(exampleIdFor(doc, 'appId')).toBe(schemas['microsoft.graph.application']!.example!.appId);
    expect(exampleIdFor(doc, 'onPremisesPublishingProfile-id')).toBe('applicationProxy');
    // Every entity a path of the slice names has an example with an id (decision other-sets-examples).
    expect(exampleIdFor(doc, 'publishedResource-id')).toBe(schemas['microsoft.graph.publishedResource']!.example!.id);
    const parameters = [...new Set(table.flatMap((op) => pathParameters(op.path)))];
    for (const name of parameters) expect(() => exampleIdFor(doc, name), name).not.toThrow();
    // A path naming the same entity twice numbers the second key (`{X-id1}`): it is the same entity's example id.
    const numbered = parameters.filter((name) => /-id\d+$/.test(name));
    expect(numbered.length).toBeGreaterThan(0);
    for (const name of numbered) expect(exampleIdFor(doc, name), name).toBe(exampleIdFor(doc, name.replace(/\d+$/, '')));
    expect(() => exampleIdFor(doc, 'nonesuch-id')).toThrow(/no example id for the path parameter \{nonesuch-id\}: neither microsoft\.graph\.nonesuch nor/);
    expect(() => exampleIdFor(doc, 'displayName')).toThrow(/\{displayName\}/);
  });
});

describe.concurrent('graph-conformance make-mocks', () => {
  test('--dev-proxy and --mockoon in one call: both files written, a summary line each', () => {
    expect(made.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^make-mocks: ${devProxy.mocks.length} Dev Proxy mocks written to .*devproxy/mocks\\.json$`)),
      expect.stringMatching(new RegExp(`^make-mocks: ${table.length} Mockoon routes written to .*mockoon\\.json$`)),
    ]);
  });

  test("the same slice makes the same files, byte for byte (Mockoon's uuids included); Mockoon's schema takes the environment as it is", async () => {
    expect(devProxyMocksFromSlice(doc)).toEqual(devProxy);
    expect(await mockoonEnvironmentFromSlice(doc)).toEqual(environment);
    // mockoon-cli repairs what its schema refuses without a word (a route's bad uuid becomes a new one): nothing is repaired here.
    const validated = EnvironmentSchema.validate(environment);
    expect(validated.error).toBeUndefined();
    expect(JSON.parse(JSON.stringify(validated.value))).toEqual(environment);
  });

  test('neither flag: exit 2 with the usage', async () => {
    const run = await runCommand('src/cli/conformance.ts', ['make-mocks']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('name the file to write with --dev-proxy FILE, --mockoon FILE or both');
    expect(run.stderr).toContain('Usage: graph-conformance make-mocks [--dev-proxy FILE] [--mockoon FILE]');
  });

  test('the Dev Proxy file: every literal success mock precedes every wildcard 404 mock', () => {
    const statuses = devProxy.mocks.map((m) => m.response!.statusCode);
    const firstNotFound = statuses.indexOf(404);
    expect(firstNotFound).toBeGreaterThan(0);
    expect(statuses.slice(firstNotFound).every((s) => s === 404)).toBe(true);
    const urlPath = (url: string) => url.split('?')[0]!;
    // Literal: the path carries the ids (only a query may be `*`); a 404 mock: a `*` for each parameter.
    expect(devProxy.mocks.slice(0, firstNotFound).filter((m) => urlPath(m.request.url).includes('*'))).toEqual([]);
    const stars = devProxy.mocks.slice(firstNotFound).map((m) => urlPath(m.request.url).split('*').length - 1);
    expect(stars.every((n) => n > 0)).toBe(true);
    // One 404 mock (and one for its query) per operation with parameters.
    expect(new Set(devProxy.mocks.slice(firstNotFound).map((m) => `${m.request.method} ${urlPath(m.request.url)}`)).size).toBe(withParameters.length);
  });

  test('the Dev Proxy file, by first match: the example ids get the success, with or without a query; any other id a valid 404 envelope', () => {
    const validator = validatorFor(doc);
    for (const op of withParameters) {
      const method = op.method.toUpperCase();
      const success = successOf(doc, op);
      const known = `${GRAPH_BETA}${urlWith(op, [])}`;
      const urls = op.query.length > 0 ? [known, `${known}?${op.query[0]!.name}=1`] : [known];
      for (const url of urls) {
        const answer = devProxyAnswer(method, url);
        expect(answer?.request.url, `${method} ${url}`).toMatch(/^[^*]*(\?\*)?$/);
        expect(answer?.response?.statusCode, `${method} ${url}`).toBe(success.status);
      }
      // Each parameter unknown in turn, then all of them.
      const parameters = pathParameters(op.path);
      for (const unknownOnes of [...parameters.map((p) => [p]), parameters]) {
        const url = `${GRAPH_BETA}${urlWith(op, unknownOnes)}`;
        const answer = devProxyAnswer(method, url);
        expect(answer?.response?.statusCode, `${method} ${url}`).toBe(404);
        expect(answer?.response?.headers).toEqual([{ name: 'Content-Type', value: 'application/json' }]);
        expect(validator.validate(notFoundSchema(op), answer?.response?.body), `${method} ${url}`).toEqual([]);
        expect(answer?.response?.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    }
  });

  test("the Mockoon environment, by Mockoon's own matcher: each operation's requests reach its own route, the key segments included", () => {
    expect(environment).toMatchObject({
      name: 'graph-conformance connectorGroups (beta)',
      endpointPrefix: 'beta',
      headers: [{ key: 'Content-Type', value: 'application/json' }],
    });
    expect(environment.routes).toHaveLength(table.length);
    for (const op of table) {
      const own = environment.routes.find((r) => r.documentation.startsWith(`${op.name}: `))!;
      for (const unknownOnes of [[], pathParameters(op.path)]) {
        const requestPath = new URL(`http://mock.invalid/beta${urlWith(op, unknownOnes, 'x-1')}`).pathname;
        expect(mockoonRoute(op.method, requestPath)?.uuid, `${op.method} ${requestPath}`).toBe(own.uuid);
      }
    }
    expect(mockoonRoute('get', "/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/g-1/applications(appId='x-1')")?.endpoint).toBe(
      "onPremisesPublishingProfiles/:onPremisesPublishingProfileId/connectorGroups/:connectorGroupId/applications\\(appId=':appId'\\)",
    );
  });

  test("Mockoon serves the example ids' success and any other id's 404, each with a new request-id and the client's client-request-id", async () => {
    const get = async (op: TableOperation, unknownOnes: readonly string[]) => {
      const sent = randomUUID();
      const response = await fetch(`${mockoon.baseUrl}${urlWith(op, unknownOnes)}`, { headers: { 'client-request-id': sent } });
      return { response, text: await response.text(), sent };
    };
    const count = await get(
      table.find((o) => o.name === 'count')!,
      [],
    );
    expect([count.response.status, count.response.headers.get('content-type'), count.text]).toEqual([200, 'text/plain; charset=utf-8', '1']);
    const byAppId = table.find((o) => o.name === 'applications.by-appId.get')!;
    const found = await get(byAppId, []);
    expect(found.response.status).toBe(200);
    expect(JSON.parse(found.text)).toMatchObject({ appId: exampleIdFor(doc, 'appId') });
    const missing = await get(byAppId, ['appId']);
    expect(missing.response.status).toBe(404);
    expect(validatorFor(doc).validate(notFoundSchema(byAppId), JSON.parse(missing.text))).toEqual([]);
    for (const { response, sent } of [count, found, missing]) {
      expect(response.headers.get('request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(response.headers.get('client-request-id')).toBe(sent);
    }
    expect(new Set([count, found, missing].map((a) => a.response.headers.get('request-id'))).size).toBe(3);
  });

  /** Mockoon on the imported slice fails MOCKOON_LIMITS (test/support/stateless-mock.ts); the generated environment none. */
  test('the suite against the Mockoon environment, --profile openapi: every check passes, the $count and key-segment ones included', async () => {
    const run = await runConformance(['--base-url', mockoon.baseUrl, '--profile', 'openapi', '--seed', '7', ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results?.summary).toMatchObject({ failed: 0, blocked: 0 });
    const judged = SUITES.flatMap((s) => s.checks).filter((c) => c.profiles.includes('openapi') && c.unavailable === undefined);
    expect(idsWithStatus(run.results, 'passed')).toEqual(judged.map((c) => c.id).sort());
    expect(idsWithStatus(run.results, 'passed')).toEqual(
      expect.arrayContaining(['count.body.schema', 'applications.by-appId.get.header.content-type', 'applications.by-uniqueName.get.body.schema']),
    );
  });

  test("--profile graph: Graph's request-id and client-request-id on every answer, made by the templates", async () => {
    const run = await runConformance([
      '--base-url',
      mockoon.baseUrl,
      '--profile',
      'graph',
      '--only',
      'conventions.headers,create.header',
      '--seed',
      '7',
      ...GENTLY,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(idsWithStatus(run.results, 'passed')).toEqual(
      expect.arrayContaining(['conventions.headers', 'create.header.client-request-id', 'create.header.request-id']),
    );
    expect(idsWithStatus(run.results, 'failed')).toEqual([]);
  });
});
