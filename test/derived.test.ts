/**
 * The generic checks derived from the operation table, called directly on hand-made exchanges: exact
 * codes, `2XX` ranges, `default` (errors only), `text/plain` ($count), bodies documented as absent, and
 * a server error. And an operation added to a copy of the slice gets its checks with no code.
 */
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import { derivedChecks, type DerivedSubject } from '../src/checks/derived.js';
import { loadSlice } from '../src/openapi/load.js';
import { findOperation, operationOfRequest, operationTable } from '../src/openapi/operation-table.js';
import { validatorFor } from '../src/openapi/validator.js';
import type { OpenApiDocument } from '../src/openapi/operations.js';
import { resolveRunConfig, type Profile } from '../src/config/run-config.js';
import { contractSuiteFor } from '../suites/contract.js';
import { judgeSuite } from '../src/engine/run-suite.js';
import type { SuiteDefinition } from '../src/engine/definition.js';
import { startEmulator, type Defect } from '../src/emulator/index.js';
import { fromRoot } from '../src/project-root.js';
import { readFileSync } from 'node:fs';
import { parseOperationList } from '../tools/checks/registry.js';

const spec = loadSlice();
const validator = validatorFor(spec);
const GROUPS = 'https://t.example.invalid/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const JSON_TYPE = 'application/json;odata.metadata=minimal;charset=utf-8';
const GROUP = { id: 'g1', name: 'conformance-x', connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur' };

function exchange(
  operation: string,
  method: string,
  url: string,
  status: number,
  body: unknown,
  options: { type?: string; expect?: Exchange['expect'] } = {},
): Exchange {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = text === '' ? {} : { 'content-type': options.type ?? JSON_TYPE };
  return { request: { method, url, headers: {} }, response: { status, headers, body: text }, durationMs: 1, operation, expect: options.expect ?? 'any' };
}

/** The verdicts of the operation's four derived checks on these exchanges, by the check id's last part. */
function judge(name: string, exchanges: Exchange[], profile: Profile = 'graph', doc: OpenApiDocument = spec) {
  const op = operationTable(doc).find((o) => o.name === name)!;
  const subject: DerivedSubject = { spec: doc, validator: doc === spec ? validator : validatorFor(doc), exchanges, notSent: new Map() };
  return Object.fromEntries(derivedChecks(op).map((c) => [c.id.slice(name.length + 1), c.run(subject, profile)]));
}

const statusOf = (verdicts: Record<string, { status: string }>) => Object.fromEntries(Object.entries(verdicts).map(([k, v]) => [k, v.status]));

describe('an exact documented code (create: 201)', () => {
  test('201 with a valid connectorGroup passes all four', () => {
    expect(statusOf(judge('create', [exchange('create', 'POST', GROUPS, 201, GROUP, { expect: 'success' })]))).toEqual({
      status: 'passed',
      'header.content-type': 'passed',
      'body.schema': 'passed',
      'server-error': 'passed',
    });
  });

  test('200 for a valid create fails the status check alone, naming the request', () => {
    const v = judge('create', [exchange('create', 'POST', GROUPS, 200, GROUP, { expect: 'success' })]);
    expect(statusOf(v)).toMatchObject({ status: 'failed', 'body.schema': 'passed', 'server-error': 'passed' });
    expect((v.status as { message: string }).message).toMatch(/^POST …\/connectorGroups: status 200 is not documented/);
  });

  test('a 500 fails status and server-error', () => {
    const v = judge('create', [exchange('create', 'POST', GROUPS, 500, { error: { code: 'x', message: 'y' } }, { expect: 'success' })]);
    expect(statusOf(v)).toMatchObject({ status: 'failed', 'server-error': 'failed' });
  });

  test('a body of the wrong schema fails body.schema; a wrong media type fails header.content-type', () => {
    expect(judge('create', [exchange('create', 'POST', GROUPS, 201, { ...GROUP, connectorGroupType: 42 }, { expect: 'success' })])['body.schema']?.status).toBe(
      'failed',
    );
    expect(judge('create', [exchange('create', 'POST', GROUPS, 201, GROUP, { type: 'text/plain', expect: 'success' })])['header.content-type']?.status).toBe(
      'failed',
    );
  });
});

describe('default documents errors only', () => {
  test('a 404 with Graph’s envelope is documented for a request on an unknown id', () => {
    const error = { error: { code: 'Request_ResourceNotFound', message: 'nope' } };
    const v = judge('get', [exchange('get', 'GET', `${GROUPS}/u1`, 404, error, { expect: 'error' })]);
    expect(statusOf(v)).toEqual({ status: 'passed', 'header.content-type': 'passed', 'body.schema': 'passed', 'server-error': 'passed' });
  });

  test('a 404 where the group exists fails the status check (graph and openapi)', () => {
    for (const profile of ['graph', 'openapi'] as const) {
      expect(
        judge('get', [exchange('get', 'GET', `${GROUPS}/g1`, 404, { error: { code: 'x', message: 'y' } }, { expect: 'success' })], profile).status?.status,
      ).toBe('failed');
    }
  });

  test('a 302 is never documented', () => {
    expect(judge('get', [exchange('get', 'GET', `${GROUPS}/g1`, 302, undefined, { expect: 'any' })]).status?.status).toBe('failed');
  });

  test('a 200 for an unknown id fails in graph, passes in openapi (the slice does not say which)', () => {
    const app = { id: 'a1' };
    const url = `${GROUPS}/g1/applications/u1`;
    expect(judge('applications.get', [exchange('applications.get', 'GET', url, 200, app, { expect: 'error' })], 'graph').status?.status).toBe('failed');
    expect(judge('applications.get', [exchange('applications.get', 'GET', url, 200, app, { expect: 'error' })], 'openapi').status?.status).toBe('passed');
  });
});

describe('ranges, text/plain and bodies documented as absent', () => {
  test('$count: 200 text/plain "3" passes; JSON fails the media type; a word fails the schema', () => {
    const url = `${GROUPS}/$count`;
    expect(statusOf(judge('count', [exchange('count', 'GET', url, 200, '3', { type: 'text/plain;charset=utf-8', expect: 'success' })]))).toEqual({
      status: 'passed',
      'header.content-type': 'passed',
      'body.schema': 'passed',
      'server-error': 'passed',
    });
    expect(judge('count', [exchange('count', 'GET', url, 200, { value: 3 }, { expect: 'success' })])['header.content-type']?.status).toBe('failed');
    expect(judge('count', [exchange('count', 'GET', url, 200, 'three', { type: 'text/plain', expect: 'success' })])['body.schema']?.status).toBe('failed');
  });

  test('2XX: a 204 without a body passes a members/$ref POST; a 204 with a body fails the schema', () => {
    const url = `${GROUPS}/g1/members/$ref`;
    expect(judge('members.ref.create', [exchange('members.ref.create', 'POST', url, 204, undefined, { expect: 'any' })]).status?.status).toBe('passed');
    expect(judge('members.ref.create', [exchange('members.ref.create', 'POST', url, 204, { surprise: true }, { expect: 'any' })])['body.schema']?.status).toBe(
      'failed',
    );
  });

  test('PATCH 200 or 204: the note says which', () => {
    const v = judge('update', [exchange('update', 'PATCH', `${GROUPS}/g1`, 204, undefined, { expect: 'success' })]);
    expect(v.status).toMatchObject({ status: 'passed', note: expect.stringMatching(/answered 204 \(the slice allows 200 or 204\)/) });
  });

  test('a binary logo is not held to a schema', () => {
    const url = `${GROUPS}/g1/applications/a1/logo`;
    expect(
      judge('applications.item.logo.get', [
        exchange('applications.item.logo.get', 'GET', url, 200, 'GIF89a', { type: 'application/octet-stream', expect: 'success' }),
      ])['body.schema']?.status,
    ).toBe('passed');
  });

  test('every exchange of the operation is judged: the one with a query parameter that fails is named', () => {
    const ok = exchange('list', 'GET', GROUPS, 200, { value: [] }, { expect: 'success' });
    const broken = exchange('list', 'GET', `${GROUPS}?$top=1`, 500, 'boom', { type: 'text/plain' });
    const v = judge('list', [ok, broken]);
    expect(v['server-error']).toMatchObject({ status: 'failed', message: expect.stringMatching(/^GET …\/connectorGroups\?\$top=1: answered 500/) });
  });

  test('an operation the suite never sent is blocked, not passed', () => {
    expect(judge('count', []).status).toMatchObject({ status: 'blocked', blockedBy: 'suite:error' });
  });
});

describe('an operation added to a copy of the slice', () => {
  test('gets a name, a matcher and its four checks, which can fail, with no code', () => {
    const copy = structuredClone(spec) as OpenApiDocument;
    const members = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members';
    const item = `${members}/{connector-id}`;
    copy.paths[item] = {
      get: {
        parameters: [{ name: '$select', in: 'query', schema: { type: 'array', items: { type: 'string' } } }],
        responses: {
          '2XX': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.connector' } } } },
          default: { $ref: '#/components/responses/error' },
        },
      },
    };
    const op = findOperation(copy, 'members.get');
    expect(op).toMatchObject({ method: 'get', path: item, statuses: ['2XX', 'default'], query: [{ name: '$select' }] });
    expect(operationOfRequest(copy, 'GET', '/onPremisesPublishingProfiles/applicationProxy/connectorGroups/g1/members/c1')?.name).toBe('members.get');
    expect(derivedChecks(op!).map((c) => c.id)).toEqual([
      'members.get.status',
      'members.get.header.content-type',
      'members.get.body.schema',
      'members.get.server-error',
    ]);
    const url = `${GROUPS}/g1/members/c1`;
    const v = judge('members.get', [exchange('members.get', 'GET', url, 503, 'down', { type: 'text/plain', expect: 'error' })], 'graph', copy);
    expect(statusOf(v)).toMatchObject({ status: 'failed', 'server-error': 'failed' });
  });

  test('the slice as committed: the operations of specs/operations.txt, each with its query parameters, names unique', () => {
    const table = operationTable(spec);
    const expected = parseOperationList(readFileSync(fromRoot('specs', 'operations.txt'), 'utf8'));
    expect(table.map((o) => o.name).sort()).toEqual([...expected].sort());
    expect(table.reduce((n, o) => n + o.query.length, 0)).toBeGreaterThan(0);
    expect(new Set(table.map((o) => o.name)).size).toBe(table.length);
    expect(table.map((o) => o.name)).toEqual(
      expect.arrayContaining(['create', 'get', 'update', 'delete', 'list', 'count', 'members.ref.delete', 'applications.by-appId.get']),
    );
  });
});

describe('an operation added to a copy of the slice, sent and judged end to end', () => {
  test('the contract suite sends it and its four checks judge the answer: pass on the double, fail on a broken envelope', async () => {
    const copy = structuredClone(spec) as OpenApiDocument;
    const members = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members';
    copy.paths[`${members}/{connector-id}`] = {
      get: {
        parameters: [{ name: '$select', in: 'query', schema: { type: 'array', items: { type: 'string' } } }],
        responses: {
          '2XX': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.connector' } } } },
          default: { $ref: '#/components/responses/error' },
        },
      },
    };
    const suite = contractSuiteFor(copy);
    const ids = ['members.get.status', 'members.get.header.content-type', 'members.get.body.schema', 'members.get.server-error'];
    expect(suite.checks.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
    const run = async (defects: Defect[]) => {
      const double = await startEmulator({ defects });
      try {
        const config = resolveRunConfig(['--base-url', double.baseUrl, '--seed', '5', '--settle-ms', '0', '--only', 'members.get.'], {}, fromRoot()).config;
        const outcomes = await judgeSuite(suite as SuiteDefinition<never>, config);
        const sent = double.requests.filter((r) => /\/members\/[^/$?]+(\?|$)/.test(r.path)).map((r) => r.path.split('/members/')[1]);
        return { statuses: Object.fromEntries(ids.map((id) => [id, outcomes.get(id)?.status])), sent };
      } finally {
        await double.close();
      }
    };
    const correct = await run([]);
    // Sent as it is and with its one query parameter, on a connector the new group cannot have.
    expect(correct.sent).toHaveLength(2);
    expect(correct.sent[1]).toMatch(/\?\$select=/);
    expect(correct.statuses).toEqual(Object.fromEntries(ids.map((id) => [id, 'passed'])));
    const broken = await run(['error-envelope-not-graph']);
    expect(broken.statuses).toMatchObject({ 'members.get.body.schema': 'failed', 'members.get.status': 'passed' });
  });
});

describe('the failure a check names does not depend on which answer came first', () => {
  test('two failing $count requests, finished in either order: the plain request is named both times', () => {
    const count = `${GROUPS}/$count`;
    const plain = { ...exchange('count', 'GET', count, 200, '', { type: 'text/plain' }), chain: 'count', tag: 'count#0' };
    const search = { ...exchange('count', 'GET', `${count}?$search="x"`, 200, '', { type: 'text/plain' }), chain: 'count?$search', tag: 'count?$search#0' };
    const named = (exchanges: Exchange[]) => (judge('count', exchanges)['body.schema'] as { message: string }).message;
    expect(named([plain, search])).toMatch(/^GET …\/connectorGroups\/\$count: /);
    expect(named([search, plain])).toBe(named([plain, search]));
  });
});
