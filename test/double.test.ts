// The Graph double: its correct behaviour, and that each defect changes exactly the behaviour it names.
import { randomUUID } from 'node:crypto';
import { request as httpRequest, Agent } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFECT_DESCRIPTIONS, DEFECTS, startDouble, type Defect, type RunningDouble } from './double/server.js';

const SET = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const ENTITY_CONTEXT = "https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups/$entity";
const COLLECTION_CONTEXT = "https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INNER_ERROR_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

interface CallOptions {
  body?: unknown;
  /** Sent as is when a string; JSON-encoded otherwise. */
  rawBody?: string;
  token?: string | null;
  contentType?: string | null;
  clientRequestId?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

async function call(double: RunningDouble, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? 'test-token' : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.clientRequestId) headers['client-request-id'] = options.clientRequestId;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined && options.contentType !== null) headers['Content-Type'] = options.contentType ?? 'application/json';
  const url = path.startsWith('http') ? path : `${double.baseUrl}${path}`;
  const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const create = (double: RunningDouble, body: unknown, options: CallOptions = {}) => call(double, 'POST', SET, { body, ...options });

async function createdId(double: RunningDouble, name: string): Promise<string> {
  const answer = await create(double, { name });
  expect(answer.status).toBe(201);
  return answer.json.id as string;
}

function expectGraphHeaders(answer: Answer, contentType: string | null = GRAPH_JSON): void {
  expect(answer.headers.get('content-type')).toBe(contentType);
  expect(answer.headers.get('odata-version')).toBe('4.0');
  expect(answer.headers.get('request-id')).toMatch(GUID);
  expect(answer.headers.get('client-request-id')).toBeTruthy();
  expect(answer.headers.get('cache-control')).toBe('no-cache');
  expect(answer.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
  expect(Number.isNaN(Date.parse(answer.headers.get('date') ?? ''))).toBe(false);
  expect(answer.headers.get('location')).toBeNull();
  const diagnostic = JSON.parse(answer.headers.get('x-ms-ags-diagnostic') ?? '{}');
  expect(Object.keys(diagnostic.ServerInfo ?? {})).toEqual(['DataCenter', 'Slice', 'Ring', 'ScaleUnit', 'RoleInstance']);
}

function expectEnvelope(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expectGraphHeaders(answer);
  expect(Object.keys(answer.json)).toEqual(['error']);
  const { error } = answer.json;
  expect(Object.keys(error)).toEqual(['code', 'message', 'innerError']);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message).not.toBe('');
  expect(error.innerError).toEqual({
    date: expect.stringMatching(INNER_ERROR_DATE),
    'request-id': answer.headers.get('request-id'),
    'client-request-id': answer.headers.get('client-request-id'),
  });
}

describe('graph double: correct behaviour', () => {
  let double: RunningDouble;
  beforeEach(async () => {
    double = await startDouble();
  });
  afterEach(async () => {
    await double.close();
  });

  describe('create', () => {
    it('answers 201 with the new entity and Graph headers', async () => {
      const clientRequestId = randomUUID();
      const answer = await create(double, { name: 'Connector Group Demo' }, { clientRequestId });
      expect(answer.status).toBe(201);
      expectGraphHeaders(answer);
      expect(answer.headers.get('client-request-id')).toBe(clientRequestId);
      expect(answer.headers.get('request-id')).not.toBe(clientRequestId);
      expect(Object.keys(answer.json)).toEqual(['@odata.context', 'id', 'name', 'connectorGroupType', 'isDefault', 'region']);
      expect(answer.json).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id: expect.stringMatching(GUID),
        name: 'Connector Group Demo',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
      });
      expect(double.groups.get(answer.json.id)).toEqual({
        id: answer.json.id,
        name: 'Connector Group Demo',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
      });
    });

    it('keeps the region sent, ignores id and read-only isDefault, accepts @odata.type and media-type parameters', async () => {
      const answer = await create(
        double,
        { '@odata.type': '#microsoft.graph.connectorGroup', id: 'chosen-by-client', name: 'g', region: 'eur', isDefault: true, connectorGroupType: 'applicationProxy' },
        { contentType: 'application/json; charset=utf-8' },
      );
      expect(answer.status).toBe(201);
      expect(answer.json.id).toMatch(GUID);
      expect(answer.json).toMatchObject({ name: 'g', region: 'eur', isDefault: false, connectorGroupType: 'applicationProxy' });
    });

    it.each(['nam', 'eur', 'aus', 'asia', 'ind'])('accepts region %s', async (region) => {
      expect((await create(double, { name: 'g', region })).json.region).toBe(region);
    });

    it('accepts a name of exactly 256 characters', async () => {
      expect((await create(double, { name: 'n'.repeat(256) })).status).toBe(201);
    });

    it('gives every response its own request-id and reuses it as client-request-id when none was sent', async () => {
      const first = await create(double, { name: 'a' });
      const second = await create(double, { name: 'b' });
      expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
      expect(first.headers.get('client-request-id')).toBe(first.headers.get('request-id'));
    });
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['an empty bearer token', { headers: { Authorization: 'Bearer ' } }],
      ['another scheme', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }],
    ])('answers 401 InvalidAuthenticationToken with %s', async (_label, extra) => {
      const clientRequestId = randomUUID();
      const answer = await create(double, { name: 'g' }, { token: null, clientRequestId, ...extra });
      expectEnvelope(answer, 401, 'InvalidAuthenticationToken');
      expect(answer.json.error.message).toBe('Access token is empty.');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(answer.json.error.innerError['client-request-id']).toBe(clientRequestId);
      expect(double.groups.size).toBe(0);
    });

    it('guards every route, known or not', async () => {
      for (const path of [SET, `${SET}/$count`, `${SET}/${randomUUID()}`, '/nowhere']) {
        expectEnvelope(await call(double, 'GET', path, { token: null }), 401, 'InvalidAuthenticationToken');
      }
    });

    it('accepts any non-empty bearer token, whatever its scheme casing', async () => {
      expect((await call(double, 'GET', SET, { token: null, headers: { Authorization: 'bearer anything' } })).status).toBe(200);
    });
  });

  describe('invalid create bodies', () => {
    const cases: [string, unknown, RegExp][] = [
      ['name of the wrong type', { name: 42 }, /Edm\.String/],
      ['name null', { name: null }, /null value.*'name'/],
      ['name as an object', { name: { first: 'x' } }, /StartObject.*'name'/],
      ['name missing', { region: 'eur' }, /required for property 'name'/],
      ['name empty', { name: '' }, /'name'/],
      ['name longer than 256', { name: 'n'.repeat(257) }, /'name'/],
      ['region not in the enum', { name: 'g', region: 'mars' }, /'mars'.*nam, eur, aus, asia, ind/],
      ['region unknownFutureValue', { name: 'g', region: 'unknownFutureValue' }, /nam, eur, aus, asia, ind/],
      ['region of the wrong type', { name: 'g', region: 1 }, /connectorGroupRegion/],
      ['region null', { name: 'g', region: null }, /null value.*'region'/],
      ['isDefault not boolean', { name: 'g', isDefault: 'yes' }, /Edm\.Boolean/],
      ['connectorGroupType not applicationProxy', { name: 'g', connectorGroupType: 'syncFabric' }, /applicationProxy/],
      ['connectorGroupType of the wrong type', { name: 'g', connectorGroupType: 0 }, /connectorGroupType/],
      ['an unknown property', { name: 'g', colour: 'blue' }, /The property 'colour' does not exist on type 'microsoft.graph.connectorGroup'/],
      ['a navigation property', { name: 'g', members: [] }, /'members'/],
      ['a foreign @odata.type', { name: 'g', '@odata.type': '#microsoft.graph.user' }, /microsoft\.graph\.user/],
      ['id of the wrong type', { name: 'g', id: 7 }, /Edm\.String/],
      ['an array', [{ name: 'g' }], /StartArray/],
      ['a string', 'g', /PrimitiveValue/],
      ['null', null, /PrimitiveValue/],
    ];

    it.each(cases)('answers 400 with the envelope for %s', async (_label, body, message) => {
      const answer = await create(double, body);
      expectEnvelope(answer, 400, 'BadRequest');
      expect(answer.json.error.message).toMatch(message);
      expect(double.groups.size).toBe(0);
    });

    it.each([
      ['malformed JSON', '{"name": "g"'],
      ['an empty body', ''],
    ])('answers 400 with the envelope for %s', async (_label, rawBody) => {
      const answer = await call(double, 'POST', SET, { rawBody });
      expectEnvelope(answer, 400, 'BadRequest');
      expect(answer.json.error.message).toMatch(/Unable to read JSON request payload/);
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['application/xml', 'application/xml'],
      ['a JSON-ish subtype', 'application/json-patch+json'],
      ['no Content-Type', null],
    ])('answers 415 with the envelope for %s', async (_label, contentType) => {
      const answer = await call(double, 'POST', SET, { rawBody: '{"name":"g"}', contentType });
      expectEnvelope(answer, 415, 'UnsupportedMediaType');
      expect(double.groups.size).toBe(0);
    });
  });

  describe('read, update, delete', () => {
    it('gets a group by id, and 404s an unknown one', async () => {
      const id = await createdId(double, 'readable');
      const got = await call(double, 'GET', `${SET}/${id}`);
      expect(got.status).toBe(200);
      expectGraphHeaders(got);
      expect(got.json).toEqual({ '@odata.context': ENTITY_CONTEXT, id, name: 'readable', connectorGroupType: 'applicationProxy', isDefault: false, region: 'nam' });

      const missing = randomUUID();
      const notFound = await call(double, 'GET', `${SET}/${missing}`);
      expectEnvelope(notFound, 404, 'Request_ResourceNotFound');
      expect(notFound.json.error.message).toContain(missing);
    });

    it('honours $select (the key always comes along)', async () => {
      const id = await createdId(double, 'selective');
      const got = await call(double, 'GET', `${SET}/${id}?$select=name,region`);
      expect(got.json).toEqual({ '@odata.context': ENTITY_CONTEXT, id, name: 'selective', region: 'nam' });
      expectEnvelope(await call(double, 'GET', `${SET}/${id}?$select=colour`), 400, 'BadRequest');
    });

    it('matches resource names case-insensitively and only knows the applicationProxy profile', async () => {
      const id = await createdId(double, 'cased');
      expect((await call(double, 'GET', `/onpremisespublishingprofiles/applicationproxy/CONNECTORGROUPS/${id}`)).status).toBe(200);
      const other = await call(double, 'GET', '/onPremisesPublishingProfiles/provisioning/connectorGroups');
      expectEnvelope(other, 404, 'Request_ResourceNotFound');
      expect(other.json.error.message).toContain('provisioning');
      expectEnvelope(await call(double, 'POST', '/onPremisesPublishingProfiles/other/connectorGroups', { body: { name: 'g' } }), 404, 'Request_ResourceNotFound');
    });

    it('lists groups in creation order', async () => {
      const ids = [await createdId(double, 'one'), await createdId(double, 'two')];
      const list = await call(double, 'GET', SET);
      expect(list.status).toBe(200);
      expectGraphHeaders(list);
      expect(list.json['@odata.context']).toBe(COLLECTION_CONTEXT);
      expect(list.json['@odata.nextLink']).toBeUndefined();
      expect(list.json.value.map((g: { id: string }) => g.id)).toEqual(ids);
      expect(list.json.value[0]).toEqual({ id: ids[0], name: 'one', connectorGroupType: 'applicationProxy', isDefault: false, region: 'nam' });
    });

    it('pages with $top and an absolute @odata.nextLink on its own base URL', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await createdId(double, `page-${i}`));
      const seen: string[] = [];
      const pageSizes: number[] = [];
      let next: string | undefined = `${SET}?$top=2`;
      while (next) {
        const page = await call(double, 'GET', next);
        expect(page.status).toBe(200);
        pageSizes.push(page.json.value.length);
        seen.push(...page.json.value.map((g: { id: string }) => g.id));
        next = page.json['@odata.nextLink'];
        if (next) {
          expect(next.startsWith(`${double.baseUrl}${SET}?`)).toBe(true);
          expect(new URL(next).searchParams.get('$top')).toBe('2');
          expect(new URL(next).searchParams.get('$skiptoken')).toBeTruthy();
        }
      }
      expect(pageSizes).toEqual([2, 2, 1]);
      expect(seen).toEqual(ids);
    });

    it('supports $count=true, $top=0 and a name $filter, and refuses what it cannot do', async () => {
      await createdId(double, 'conformance-a');
      await createdId(double, "conformance-o'brien");
      await createdId(double, 'other');
      const counted = await call(double, 'GET', `${SET}?$count=true&$top=0`);
      expect(counted.json['@odata.count']).toBe(3);
      expect(counted.json.value).toEqual([]);
      expect(counted.json['@odata.nextLink']).toBeUndefined();

      const filtered = await call(double, 'GET', `${SET}?$filter=${encodeURIComponent("startswith(name,'Conformance-')")}`);
      expect(filtered.json.value.map((g: { name: string }) => g.name)).toEqual(['conformance-a', "conformance-o'brien"]);
      const exact = await call(double, 'GET', `${SET}?$filter=${encodeURIComponent("name eq 'conformance-o''brien'")}`);
      expect(exact.json.value).toHaveLength(1);

      for (const query of ['$top=-1', '$top=two', '$skiptoken=garbage', '$orderby=name', '$skip=1', "$filter=region eq 'nam'", '$count=maybe']) {
        expectEnvelope(await call(double, 'GET', `${SET}?${query}`), 400, 'BadRequest');
      }
      expect((await call(double, 'GET', `${SET}?custom=ignored`)).status).toBe(200);
    });

    it('counts groups as text/plain', async () => {
      await createdId(double, 'one');
      await createdId(double, 'two');
      const count = await call(double, 'GET', `${SET}/$count`);
      expect(count.status).toBe(200);
      expectGraphHeaders(count, 'text/plain');
      expect(count.text).toBe('2');
    });

    it('updates name and region with PATCH: 204 and no body', async () => {
      const id = await createdId(double, 'before');
      const patched = await call(double, 'PATCH', `${SET}/${id}`, { body: { name: 'after', region: 'asia' } });
      expect(patched.status).toBe(204);
      expect(patched.text).toBe('');
      expectGraphHeaders(patched, null);
      expect((await call(double, 'GET', `${SET}/${id}`)).json).toMatchObject({ id, name: 'after', region: 'asia' });

      expect((await call(double, 'PATCH', `${SET}/${id}`, { body: {} })).status).toBe(204);
      expect(double.groups.get(id)).toMatchObject({ name: 'after', region: 'asia' });
    });

    it('validates PATCH bodies like create, with every field optional', async () => {
      const id = await createdId(double, 'kept');
      for (const body of [{ name: '' }, { region: 'unknownFutureValue' }, { isDefault: 1 }, { colour: 'red' }, [1]]) {
        expectEnvelope(await call(double, 'PATCH', `${SET}/${id}`, { body }), 400, 'BadRequest');
      }
      expectEnvelope(await call(double, 'PATCH', `${SET}/${id}`, { rawBody: '{', contentType: 'application/json' }), 400, 'BadRequest');
      expectEnvelope(await call(double, 'PATCH', `${SET}/${id}`, { rawBody: 'name=x', contentType: 'application/x-www-form-urlencoded' }), 415, 'UnsupportedMediaType');
      expectEnvelope(await call(double, 'PATCH', `${SET}/${randomUUID()}`, { body: { name: 'x' } }), 404, 'Request_ResourceNotFound');
      expect(double.groups.get(id)).toMatchObject({ name: 'kept', region: 'nam' });
    });

    it('deletes with 204, after which the group is gone', async () => {
      const id = await createdId(double, 'doomed');
      const deleted = await call(double, 'DELETE', `${SET}/${id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expectGraphHeaders(deleted, null);
      expect(double.groups.has(id)).toBe(false);
      expectEnvelope(await call(double, 'GET', `${SET}/${id}`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'DELETE', `${SET}/${id}`), 404, 'Request_ResourceNotFound');
    });

    it('has empty members and applications, and no connectors to add or remove', async () => {
      const id = await createdId(double, 'lonely');
      for (const navigation of ['members', 'applications']) {
        const list = await call(double, 'GET', `${SET}/${id}/${navigation}`);
        expect(list.status).toBe(200);
        expectGraphHeaders(list);
        expect(list.json).toEqual({ '@odata.context': `${COLLECTION_CONTEXT}('${id}')/${navigation}`, value: [] });
        const count = await call(double, 'GET', `${SET}/${id}/${navigation}/$count`);
        expect([count.status, count.text, count.headers.get('content-type')]).toEqual([200, '0', 'text/plain']);
      }
      expect((await call(double, 'GET', `${SET}/${id}/members/$ref`)).json.value).toEqual([]);

      const connector = randomUUID();
      const add = await call(double, 'POST', `${SET}/${id}/members/$ref`, {
        body: { '@odata.id': `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${connector}` },
      });
      expectEnvelope(add, 404, 'Request_ResourceNotFound');
      expect(add.json.error.message).toContain(connector);
      expectEnvelope(await call(double, 'POST', `${SET}/${id}/members/$ref`, { body: {} }), 400, 'BadRequest');
      expectEnvelope(await call(double, 'DELETE', `${SET}/${id}/members/${connector}/$ref`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'DELETE', `${SET}/${id}/members/$ref?@id=${encodeURIComponent(`https://x/connectors/${connector}`)}`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'GET', `${SET}/${id}/applications/${randomUUID()}`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'GET', `${SET}/${randomUUID()}/members`), 404, 'Request_ResourceNotFound');
    });

    it('answers 404 for unknown routes and 405 (with Allow) for unsupported methods', async () => {
      for (const path of ['/', '/users', '/onPremisesPublishingProfiles/applicationProxy/connectors', `${SET}/x/owners`, `${SET}/x/members/y/z`]) {
        expectEnvelope(await call(double, 'GET', path), 404, 'Request_ResourceNotFound');
      }
      const put = await call(double, 'PUT', SET, { body: { name: 'g' } });
      expectEnvelope(put, 405, 'MethodNotAllowed');
      expect(put.headers.get('allow')).toBe('GET, POST');
      expectEnvelope(await call(double, 'POST', `${SET}/${randomUUID()}`, { body: { name: 'g' } }), 405, 'MethodNotAllowed');
    });
  });

  describe('harness', () => {
    it('records every request', async () => {
      await create(double, { name: 'logged' }, { clientRequestId: 'trace-1' });
      await call(double, 'GET', `${SET}?$top=1`, { token: null });
      expect(double.requests).toEqual([
        { method: 'POST', path: SET, headers: expect.objectContaining({ 'client-request-id': 'trace-1', 'content-type': 'application/json' }), body: '{"name":"logged"}' },
        { method: 'GET', path: `${SET}?$top=1`, headers: expect.not.objectContaining({ authorization: expect.anything() }), body: '' },
      ]);
    });

    it('closes idempotently, keep-alive sockets included', async () => {
      const agent = new Agent({ keepAlive: true });
      const url = new URL(`${double.baseUrl}${SET}`);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(url, { agent, headers: { Authorization: 'Bearer t' } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(200);
      const started = Date.now();
      await Promise.all([double.close(), double.close()]);
      await double.close();
      expect(Date.now() - started).toBeLessThan(2000);
      await expect(fetch(`${double.baseUrl}${SET}`)).rejects.toThrow();
      agent.destroy();
    });

    it('refuses non-loopback hosts and unknown defects', async () => {
      await expect(startDouble({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
      await expect(startDouble({ defects: ['no-such-defect' as Defect] })).rejects.toThrow(/no-such-defect/);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Defects. Every observable behaviour is reduced to a named facet; a defect must change exactly the facets
// it names, compared with a correct double given the same requests.

type Facets = Record<string, unknown>;

const CLIENT_REQUEST_ID = '8d5a1d3e-4b9c-4f7a-9e2b-1c3d5e7f9a0b';
const CREATE_BODY = { name: 'conformance-defect-probe', region: 'eur' };

function headerFacets(answer: Answer, clientRequestId: string): Facets {
  const requestId = answer.headers.get('request-id');
  const clientEcho = answer.headers.get('client-request-id');
  return {
    status: answer.status,
    'header.content-type': answer.headers.get('content-type'),
    'header.request-id': requestId === null ? 'missing' : GUID.test(requestId) ? 'guid' : 'not-guid',
    'header.client-request-id': clientEcho === clientRequestId ? 'echoed' : clientEcho === null ? 'missing' : 'other',
    'header.other': ['odata-version', 'cache-control', 'strict-transport-security', 'x-ms-ags-diagnostic', 'www-authenticate', 'allow', 'location'].map(
      (name) => `${name}=${answer.headers.get(name)}`,
    ),
    'header.date': answer.headers.has('date'),
  };
}

async function createFacets(double: RunningDouble): Promise<Facets> {
  const before = new Set(double.groups.keys());
  const answer = await create(double, CREATE_BODY, { clientRequestId: CLIENT_REQUEST_ID });
  const stored = [...double.groups.values()].filter((g) => !before.has(g.id));
  const body = answer.json ?? {};
  return {
    ...headerFacets(answer, CLIENT_REQUEST_ID),
    'body.keys': Object.keys(body),
    'body.@odata.context': body['@odata.context'],
    'body.id': stored.length === 1 && body.id === stored[0]?.id && GUID.test(body.id) ? 'id-of-stored-group' : body.id,
    'body.name': body.name,
    'body.connectorGroupType': body.connectorGroupType,
    'body.isDefault': body.isDefault,
    'body.region': body.region,
    stored: stored.map(({ id, ...rest }) => ({ ...rest, id: GUID.test(id) })),
  };
}

/** Volatile values (ids, dates, the double's own address) replaced by placeholders, structure kept. */
function normalise(value: unknown, baseUrl: string): unknown {
  if (typeof value === 'string') {
    return GUID.test(value) ? '<guid>' : INNER_ERROR_DATE.test(value) ? '<date>' : value.replaceAll(baseUrl, '<base>').replace(/[0-9a-f-]{36}/gi, '<guid>');
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, baseUrl));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, baseUrl)]));
  }
  return value;
}

/**
 * Everything but a successful create, in an order where an operation a defect lets through cannot disturb
 * the steps after it: the happy path first, then the rejections, the unauthenticated calls last.
 */
async function scenarioFacets(double: RunningDouble): Promise<Record<string, Facets>> {
  const steps: Record<string, Facets> = {};
  const step = async (name: string, method: string, path: string, options: CallOptions = {}) => {
    const clientRequestId = randomUUID();
    const answer = await call(double, method, path, { clientRequestId, ...options });
    steps[name] = { ...headerFacets(answer, clientRequestId), body: normalise(answer.json ?? answer.text, double.baseUrl) };
    return answer;
  };
  for (const name of ['alpha', 'beta', 'gamma']) await create(double, { name });
  const [id] = double.groups.keys();
  const group = `${SET}/${id}`;

  await step('get', 'GET', group);
  await step('get.select', 'GET', `${group}?$select=name`);
  await step('patch', 'PATCH', group, { body: { name: 'alpha-2', region: 'aus' } });
  await step('get.after-patch', 'GET', group);
  const first = await step('list.page-1', 'GET', `${SET}?$top=2&$count=true`);
  await step('list.page-2', 'GET', first.json['@odata.nextLink']);
  await step('count', 'GET', `${SET}/$count`);
  await step('members', 'GET', `${group}/members`);
  await step('applications', 'GET', `${group}/applications`);
  await step('members.add', 'POST', `${group}/members/$ref`, { body: { '@odata.id': `https://graph.microsoft.com/beta/connectors/${randomUUID()}` } });
  await step('members.remove', 'DELETE', `${group}/members/${randomUUID()}/$ref`);
  await step('applications.unknown', 'GET', `${group}/applications/${randomUUID()}`);
  await step('create.region-ind', 'POST', SET, { body: { name: 'delta', region: 'ind' } });
  await step('delete', 'DELETE', group);
  await step('get.deleted', 'GET', group);
  await step('route.unknown', 'GET', '/onPremisesPublishingProfiles/applicationProxy/agents');
  await step('method.unsupported', 'PUT', SET, { body: { name: 'x' } });
  await step('create.unsupported-media-type', 'POST', SET, { rawBody: '{"name":"x"}', contentType: 'text/plain' });
  await step('create.malformed-json', 'POST', SET, { rawBody: '{"name":' });
  await step('patch.invalid', 'PATCH', `${SET}/${[...double.groups.keys()].at(-1)}`, { body: { region: 'mars' } });
  await step('create.invalid.wrong-type', 'POST', SET, { body: { name: 12 } });
  await step('create.invalid.enum', 'POST', SET, { body: { name: 'x', region: 'unknownFutureValue' } });
  await step('create.invalid.unknown-property', 'POST', SET, { body: { name: 'x', colour: 'red' } });
  await step('create.invalid.missing-name', 'POST', SET, { body: { region: 'eur' } });
  await step('unauthenticated.list', 'GET', SET, { token: null });
  await step('unauthenticated.create', 'POST', SET, { token: null, body: { name: 'x' } });
  return steps;
}

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

const ERROR_STEPS = [
  'get.deleted',
  'members.add',
  'members.remove',
  'applications.unknown',
  'route.unknown',
  'method.unsupported',
  'create.unsupported-media-type',
  'create.malformed-json',
  'patch.invalid',
  'create.invalid.wrong-type',
  'create.invalid.enum',
  'create.invalid.unknown-property',
  'create.invalid.missing-name',
  'unauthenticated.list',
  'unauthenticated.create',
].sort();

/** The scenario's one successful create: a create-response defect changes it too. */
const CREATE_STEPS = ['create.region-ind'];

/** The successful reads of one group by id. */
const GROUP_READS = ['get', 'get.after-patch', 'get.select'];

/** For each defect: the create facets and the scenario steps it is allowed (and required) to change. */
const EXPECTED_CHANGES: Record<Defect, { create: string[]; scenario: string[] }> = {
  'create-status-200': { create: ['status'], scenario: CREATE_STEPS },
  'create-content-type-text': { create: ['header.content-type'], scenario: CREATE_STEPS },
  'create-body-schema': { create: ['body.connectorGroupType'], scenario: CREATE_STEPS },
  'create-id-empty': { create: ['body.id'], scenario: CREATE_STEPS },
  'create-echo-name': { create: ['body.name'], scenario: CREATE_STEPS },
  'create-no-request-id': { create: ['header.request-id'], scenario: CREATE_STEPS },
  'create-request-id-not-guid': { create: ['header.request-id'], scenario: CREATE_STEPS },
  'create-client-request-id-not-echoed': { create: ['header.client-request-id'], scenario: CREATE_STEPS },
  'auth-not-enforced': { create: [], scenario: ['unauthenticated.create', 'unauthenticated.list'] },
  'invalid-body-accepted': {
    create: [],
    scenario: ['create.invalid.enum', 'create.invalid.missing-name', 'create.invalid.unknown-property', 'create.invalid.wrong-type'],
  },
  'error-envelope-not-graph': { create: [], scenario: ERROR_STEPS },
  'get-status-203': { create: [], scenario: GROUP_READS },
  'get-content-type-text': { create: [], scenario: GROUP_READS },
  'get-body-schema': { create: [], scenario: GROUP_READS },
  'get-not-found-after-create': { create: [], scenario: GROUP_READS },
  'list-status-203': { create: [], scenario: ['list.page-1', 'list.page-2'] },
  'list-body-schema': { create: [], scenario: ['list.page-1', 'list.page-2'] },
  'list-no-value': { create: [], scenario: ['list.page-1', 'list.page-2'] },
  'list-next-link-loop': { create: [], scenario: ['list.page-2'] },
  'update-ignored': { create: [], scenario: ['get.after-patch', 'list.page-1'] },
  'update-status-202': { create: [], scenario: ['patch'] },
  'update-200-invalid-body': { create: [], scenario: ['patch'] },
  'delete-not-deleting': { create: [], scenario: ['get.deleted'] },
  'delete-status-200': { create: [], scenario: ['delete'] },
  'unknown-id-400': { create: [], scenario: ['get.deleted'] },
  'members-list-not-collection': { create: [], scenario: ['members'] },
  'members-add-accepts-unknown': { create: [], scenario: ['members.add'] },
  'members-remove-unknown-204': { create: [], scenario: ['members.remove'] },
  'applications-list-not-collection': { create: [], scenario: ['applications'] },
  'applications-get-unknown-200': { create: [], scenario: ['applications.unknown'] },
  'content-type-ignored': { create: [], scenario: ['create.unsupported-media-type'] },
  'malformed-json-500': { create: [], scenario: ['create.malformed-json'] },
  'region-ind-rejected': { create: [], scenario: ['create.region-ind'] },
};

describe('graph double: defects', () => {
  const doubles: RunningDouble[] = [];
  let goodCreate: Facets;
  let goodScenario: Record<string, Facets>;
  beforeAll(async () => {
    const [forCreate, forScenario] = [await startDouble(), await startDouble()];
    doubles.push(forCreate, forScenario);
    goodCreate = await createFacets(forCreate);
    goodScenario = await scenarioFacets(forScenario);
  });
  afterAll(async () => {
    await Promise.all(doubles.map((d) => d.close()));
  });

  it('lists every defect once, each with a description', () => {
    expect(new Set(DEFECTS).size).toBe(DEFECTS.length);
    expect(Object.keys(DEFECT_DESCRIPTIONS).sort()).toEqual([...DEFECTS].sort());
    expect(Object.keys(EXPECTED_CHANGES).sort()).toEqual([...DEFECTS].sort());
    for (const defect of DEFECTS) expect(DEFECT_DESCRIPTIONS[defect].length).toBeGreaterThan(10);
  });

  it('the probes see no difference between two correct doubles', async () => {
    const again = await startDouble();
    doubles.push(again);
    expect(differingKeys(await createFacets(again), goodCreate)).toEqual([]);
    const fresh = await startDouble();
    doubles.push(fresh);
    expect(differingKeys(await scenarioFacets(fresh), goodScenario)).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d]))('%s changes exactly the behaviour it names', async (defect) => {
    const forCreate = await startDouble({ defects: [defect] });
    const forScenario = await startDouble({ defects: [defect] });
    doubles.push(forCreate, forScenario);
    const expected = EXPECTED_CHANGES[defect];
    expect(differingKeys(await createFacets(forCreate), goodCreate)).toEqual(expected.create);
    expect(differingKeys(await scenarioFacets(forScenario), goodScenario)).toEqual(expected.scenario);
  });

  describe('what each defect sends instead', () => {
    let defective: RunningDouble;
    let correct: RunningDouble;
    const use = async (defect: Defect) => {
      defective = await startDouble({ defects: [defect] });
      correct = await startDouble();
      doubles.push(defective, correct);
    };

    it('create-status-200: 200 with the same headers and body', async () => {
      await use('create-status-200');
      const [bad, good] = [await create(defective, CREATE_BODY), await create(correct, CREATE_BODY)];
      expect([bad.status, good.status]).toEqual([200, 201]);
      expect(bad.headers.get('content-type')).toBe(GRAPH_JSON);
      expect({ ...bad.json, id: 'x' }).toEqual({ ...good.json, id: 'x' });
    });

    it('create-content-type-text: text/plain over the same bytes', async () => {
      await use('create-content-type-text');
      const [bad, good] = [await create(defective, CREATE_BODY), await create(correct, CREATE_BODY)];
      expect(bad.headers.get('content-type')).toBe('text/plain');
      expect(bad.text.replace(bad.json.id, 'x')).toBe(good.text.replace(good.json.id, 'x'));
      // Other operations keep the Graph content type.
      expect((await call(defective, 'GET', SET)).headers.get('content-type')).toBe(GRAPH_JSON);
    });

    it('create-body-schema: connectorGroupType is the number 42', async () => {
      await use('create-body-schema');
      const bad = await create(defective, CREATE_BODY);
      expect(bad.json.connectorGroupType).toBe(42);
      expect((await call(defective, 'GET', `${SET}/${bad.json.id}`)).json.connectorGroupType).toBe('applicationProxy');
    });

    it('create-id-empty: id is "" while the stored group has a GUID', async () => {
      await use('create-id-empty');
      const bad = await create(defective, CREATE_BODY);
      expect(bad.json.id).toBe('');
      const [stored] = defective.groups.values();
      expect(stored?.id).toMatch(GUID);
      expect((await call(defective, 'GET', `${SET}/${stored?.id}`)).status).toBe(200);
    });

    it('create-echo-name: the answer renames, the store does not', async () => {
      await use('create-echo-name');
      const bad = await create(defective, { name: 'Mixed Case' });
      expect(bad.json.name).not.toBe('Mixed Case');
      expect((await call(defective, 'GET', `${SET}/${bad.json.id}`)).json.name).toBe('Mixed Case');
    });

    it('create-no-request-id: no request-id, client-request-id still echoed', async () => {
      await use('create-no-request-id');
      const bad = await create(defective, CREATE_BODY, { clientRequestId: CLIENT_REQUEST_ID });
      expect(bad.headers.get('request-id')).toBeNull();
      expect(bad.headers.get('client-request-id')).toBe(CLIENT_REQUEST_ID);
      expect((await call(defective, 'GET', SET)).headers.get('request-id')).toMatch(GUID);
    });

    it('create-request-id-not-guid: a request-id that is not a GUID', async () => {
      await use('create-request-id-not-guid');
      const bad = await create(defective, CREATE_BODY);
      expect(bad.headers.get('request-id')).toBeTruthy();
      expect(bad.headers.get('request-id')).not.toMatch(GUID);
      expect(bad.headers.get('request-id')).not.toMatch(/^[0-9a-f]{32}$/i);
    });

    it('create-client-request-id-not-echoed: a fresh GUID instead of the one sent', async () => {
      await use('create-client-request-id-not-echoed');
      const bad = await create(defective, CREATE_BODY, { clientRequestId: CLIENT_REQUEST_ID });
      expect(bad.headers.get('client-request-id')).toMatch(GUID);
      expect(bad.headers.get('client-request-id')).not.toBe(CLIENT_REQUEST_ID);
      expect(bad.headers.get('client-request-id')).not.toBe(bad.headers.get('request-id'));
    });

    it('auth-not-enforced: token-less calls are served; the rest is unchanged', async () => {
      await use('auth-not-enforced');
      const created = await create(defective, CREATE_BODY, { token: null });
      expect(created.status).toBe(201);
      expect((await call(defective, 'GET', `${SET}/${created.json.id}`, { token: null })).status).toBe(200);
    });

    it('invalid-body-accepted: 201 with a schema-valid body for invalid input; media type and JSON syntax still checked', async () => {
      await use('invalid-body-accepted');
      for (const body of [{ name: 12 }, { name: 'x', region: 'mars' }, { name: 'x', colour: 'red' }, {}, [1], { name: 'n'.repeat(300) }]) {
        const answer = await create(defective, body);
        expect(answer.status).toBe(201);
        expect(answer.json).toEqual({
          '@odata.context': ENTITY_CONTEXT,
          id: expect.stringMatching(GUID),
          name: expect.any(String),
          connectorGroupType: 'applicationProxy',
          isDefault: false,
          region: expect.stringMatching(/^(nam|eur|aus|asia|ind)$/),
        });
      }
      expect((await call(defective, 'POST', SET, { rawBody: '{"name":"x"}', contentType: 'text/plain' })).status).toBe(415);
      expect((await call(defective, 'POST', SET, { rawBody: '{' })).status).toBe(400);
      const [id] = defective.groups.keys();
      expect((await call(defective, 'PATCH', `${SET}/${id}`, { body: { region: 'mars' } })).status).toBe(400);
    });

    it("error-envelope-not-graph: {message} with Graph's message, status and headers unchanged", async () => {
      await use('error-envelope-not-graph');
      for (const [method, path, options] of [
        ['GET', SET, { token: null }],
        ['POST', SET, { body: { name: 1 } }],
        ['GET', `${SET}/${randomUUID()}`, {}],
        ['PUT', SET, { body: {} }],
        ['POST', SET, { rawBody: 'x', contentType: 'text/plain' }],
      ] as const) {
        const [bad, good] = [await call(defective, method, path, options), await call(correct, method, path, options)];
        expect(bad.status).toBe(good.status);
        expect(bad.headers.get('content-type')).toBe(GRAPH_JSON);
        expect(bad.json).toEqual({ message: good.json.error.message });
      }
    });
  });
});
