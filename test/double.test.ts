// The Graph double: its correct behaviour, and that each defect changes exactly the behaviour it names.
import { groupMap } from './support/emulator.js';
import { randomUUID } from 'node:crypto';
import { request as httpRequest, Agent } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFECT_DESCRIPTIONS,
  DEFECTS,
  EMPTY_SEED,
  startEmulator as startSeeded,
  type Defect,
  type EmulatorOptions,
  type RunningEmulator,
} from '../src/emulator/index.js';

/** A connector in no group, for the scenario's member that exists. */
const CONNECTOR_ID = '0c0ec702-0000-4000-8000-00000000c0de';

/** These tests read the emulator's behaviour on a tenant with nothing in it but the profile and one connector. */
const startEmulator = (options: EmulatorOptions = {}) =>
  startSeeded({
    seed: {
      ...EMPTY_SEED,
      'onPremisesPublishingProfiles/applicationProxy/connectors': [
        { '@odata.type': '#microsoft.graph.connector', id: CONNECTOR_ID, machineName: 'probe', externalIp: '192.0.2.1', status: 'active', version: '1.0' },
      ],
    },
    ...options,
  });

const SET = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const COUNT_TEXT = 'text/plain;charset=utf-8';
const ENTITY_CONTEXT = "https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups/$entity";
const COLLECTION_CONTEXT = "https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INNER_ERROR_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

interface CallOptions {
  body?: unknown;
  /** Sent as is when a string; JSON-encoded otherwise. */
  rawBody?: string;
  /** A binary body (a logo), sent as is. */
  bytes?: Uint8Array;
  token?: string | null;
  contentType?: string | null;
  clientRequestId?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // The double's answers, read freely by the assertions below: a wrong shape fails them anyway.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(double: RunningEmulator, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? 'test-token' : options.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.clientRequestId) headers['client-request-id'] = options.clientRequestId;
  const body = options.bytes ?? options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
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

const create = (double: RunningEmulator, body: unknown, options: CallOptions = {}) => call(double, 'POST', SET, { body, ...options });

async function createdId(double: RunningEmulator, name: string): Promise<string> {
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
  let double: RunningEmulator;
  beforeEach(async () => {
    double = await startEmulator();
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
      // The slice's (and the CSDL's) property order: the key, then the type's own properties.
      expect(answer.headers.get('request-id')).not.toBe(clientRequestId);
      expect(Object.keys(answer.json)).toEqual(['@odata.context', 'id', 'connectorGroupType', 'isDefault', 'name', 'region']);
      expect(answer.json).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id: expect.stringMatching(GUID),
        name: 'Connector Group Demo',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
      });
      expect(groupMap(double).get(answer.json.id)).toEqual({
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
        {
          '@odata.type': '#microsoft.graph.connectorGroup',
          id: 'chosen-by-client',
          name: 'g',
          region: 'eur',
          isDefault: true,
          connectorGroupType: 'applicationProxy',
        },
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
      expect(groupMap(double).size).toBe(0);
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

  it('accepts region null, which the CSDL makes nullable (decision region-nullable), and stores it', async () => {
    const created = await call(double, 'POST', SET, { body: { name: 'nullable-region', region: null } });
    expect(created.status).toBe(201);
    expect((created.json as { region?: unknown }).region).toBeNull();
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
      expect(groupMap(double).size).toBe(0);
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
      expect(groupMap(double).size).toBe(0);
    });
  });

  describe('read, update, delete', () => {
    it('gets a group by id, and 404s an unknown one', async () => {
      const id = await createdId(double, 'readable');
      const got = await call(double, 'GET', `${SET}/${id}`);
      expect(got.status).toBe(200);
      expectGraphHeaders(got);
      expect(got.json).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id,
        name: 'readable',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
      });

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
      expectEnvelope(
        await call(double, 'POST', '/onPremisesPublishingProfiles/other/connectorGroups', { body: { name: 'g' } }),
        404,
        'Request_ResourceNotFound',
      );
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

      for (const query of [
        '$top=-1',
        '$top=two',
        '$skip=-1',
        '$skiptoken=garbage',
        "$filter=region eq 'nam'",
        '$count=maybe',
        '$format=json',
        '$apply=groupby((name))',
      ]) {
        expectEnvelope(await call(double, 'GET', `${SET}?${query}`), 400, 'BadRequest');
      }
      expect((await call(double, 'GET', `${SET}?custom=ignored`)).status).toBe(200);
    });

    it('counts groups as text/plain', async () => {
      await createdId(double, 'one');
      await createdId(double, 'two');
      const count = await call(double, 'GET', `${SET}/$count`);
      expect(count.status).toBe(200);
      expectGraphHeaders(count, COUNT_TEXT);
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
      expect(groupMap(double).get(id)).toMatchObject({ name: 'after', region: 'asia' });
    });

    it('validates PATCH bodies like create, with every field optional', async () => {
      const id = await createdId(double, 'kept');
      for (const body of [{ name: '' }, { region: 'unknownFutureValue' }, { isDefault: 1 }, { colour: 'red' }, [1]]) {
        expectEnvelope(await call(double, 'PATCH', `${SET}/${id}`, { body }), 400, 'BadRequest');
      }
      expectEnvelope(await call(double, 'PATCH', `${SET}/${id}`, { rawBody: '{', contentType: 'application/json' }), 400, 'BadRequest');
      expectEnvelope(
        await call(double, 'PATCH', `${SET}/${id}`, { rawBody: 'name=x', contentType: 'application/x-www-form-urlencoded' }),
        415,
        'UnsupportedMediaType',
      );
      expectEnvelope(await call(double, 'PATCH', `${SET}/${randomUUID()}`, { body: { name: 'x' } }), 404, 'Request_ResourceNotFound');
      expect(groupMap(double).get(id)).toMatchObject({ name: 'kept', region: 'nam' });
    });

    it('deletes with 204, after which the group is gone', async () => {
      const id = await createdId(double, 'doomed');
      const deleted = await call(double, 'DELETE', `${SET}/${id}`);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expectGraphHeaders(deleted, null);
      expect(groupMap(double).has(id)).toBe(false);
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
        expect([count.status, count.text, count.headers.get('content-type')]).toEqual([200, '0', COUNT_TEXT]);
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
      expectEnvelope(
        await call(double, 'DELETE', `${SET}/${id}/members/$ref?@id=${encodeURIComponent(`https://x/connectors/${connector}`)}`),
        404,
        'Request_ResourceNotFound',
      );
      expectEnvelope(await call(double, 'GET', `${SET}/${id}/applications/${randomUUID()}`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'GET', `${SET}/${randomUUID()}/members`), 404, 'Request_ResourceNotFound');
    });

    it('answers 404 for unknown routes and 405 (with Allow) for unsupported methods', async () => {
      // `/onPremisesPublishingProfiles` (and its $count) is Graph's, but above the slice's root (specs/selection.yaml).
      for (const path of ['/', '/users', '/onPremisesPublishingProfiles', '/onPremisesPublishingProfiles/$count', `${SET}/x/owners`, `${SET}/x/members/y/z`]) {
        expectEnvelope(await call(double, 'GET', path), 404, 'Request_ResourceNotFound');
      }
      const put = await call(double, 'PUT', SET, { body: { name: 'g' } });
      expectEnvelope(put, 405, 'MethodNotAllowed');
      expect(put.headers.get('allow')).toBe('GET, POST');
      expectEnvelope(await call(double, 'POST', `${SET}/${randomUUID()}`, { body: { name: 'g' } }), 405, 'MethodNotAllowed');
      // The profile is read, never changed or removed: the slice leaves out its PATCH and DELETE (specs/selection.yaml).
      for (const method of ['PATCH', 'DELETE']) {
        const profile = await call(double, method, '/onPremisesPublishingProfiles/applicationProxy', method === 'PATCH' ? { body: {} } : {});
        expectEnvelope(profile, 405, 'MethodNotAllowed');
        expect(profile.headers.get('allow')).toBe('GET');
      }
    });
  });

  describe('query options', () => {
    const q = encodeURIComponent;
    const names = (answer: Answer) => answer.json.value.map((g: { name: string }) => g.name);
    let ids: string[];
    beforeEach(async () => {
      ids = [];
      for (const name of ['conformance-b', 'other', "conformance-a'x"]) ids.push(await createdId(double, name));
    });

    it('$skip skips, after $filter/$search and $orderby, before paging', async () => {
      expect(names(await call(double, 'GET', `${SET}?$skip=1`))).toEqual(['other', "conformance-a'x"]);
      expect(names(await call(double, 'GET', `${SET}?$skip=5`))).toEqual([]);
      const paged = await call(double, 'GET', `${SET}?$skip=1&$top=1&$count=true`);
      expect(names(paged)).toEqual(['other']);
      expect(paged.json['@odata.count']).toBe(3);
      const next = await call(double, 'GET', paged.json['@odata.nextLink']);
      expect(names(next)).toEqual(["conformance-a'x"]);
      expect(next.json['@odata.nextLink']).toBeUndefined();
    });

    it('$filter compares id and name with eq (quotes doubled), ignoring case', async () => {
      expect(names(await call(double, 'GET', `${SET}?$filter=${q(`id eq '${ids[1]}'`)}`))).toEqual(['other']);
      expect(names(await call(double, 'GET', `${SET}?$filter=${q(`id eq '${randomUUID()}'`)}`))).toEqual([]);
      expect(names(await call(double, 'GET', `${SET}?$filter=${q("name eq 'CONFORMANCE-A''X'")}`))).toEqual(["conformance-a'x"]);
      expect(names(await call(double, 'GET', `${SET}?$filter=${q("startswith(id,'" + ids[0]?.slice(0, 8) + "')")}`))).toEqual(['conformance-b']);
      for (const filter of ["colour eq 'x'", "name eq 'x' and region eq 'nam'", 'name eq x', "members eq 'x'"]) {
        expectEnvelope(await call(double, 'GET', `${SET}?$filter=${q(filter)}`), 400, 'BadRequest');
      }
      expect((await call(double, 'GET', `${SET}?$filter=${q("colour eq 'x'")}`)).json.error.message).toContain("'colour'");
    });

    it('$search matches "property:value" as a substring, ignoring case; AND binds tighter than OR', async () => {
      expect(names(await call(double, 'GET', `${SET}?$search=${q('"name:conformance"')}`))).toEqual(['conformance-b', "conformance-a'x"]);
      expect(names(await call(double, 'GET', `${SET}?$search=${q('"name:THER"')}`))).toEqual(['other']);
      expect(names(await call(double, 'GET', `${SET}?$search=${q('"name:conformance" AND "name:-b"')}`))).toEqual(['conformance-b']);
      expect(names(await call(double, 'GET', `${SET}?$search=${q('"name:other" OR "name:-b"')}`))).toEqual(['conformance-b', 'other']);
      for (const search of ['name:x', '"name"', '"colour:x"', '"name:x" NOT "name:y"', '"name:x" "name:y"']) {
        expectEnvelope(await call(double, 'GET', `${SET}?$search=${q(search)}`), 400, 'BadRequest');
      }
    });

    it('$orderby sorts ascending by default and descending on request, by several keys', async () => {
      expect(names(await call(double, 'GET', `${SET}?$orderby=name`))).toEqual(["conformance-a'x", 'conformance-b', 'other']);
      expect(names(await call(double, 'GET', `${SET}?$orderby=${q('name desc')}`))).toEqual(['other', 'conformance-b', "conformance-a'x"]);
      expect((await call(double, 'GET', `${SET}?$orderby=id`)).json.value.map((g: { id: string }) => g.id)).toEqual([...ids].sort());
      expect(names(await call(double, 'GET', `${SET}?$orderby=${q('region asc,name desc')}`))).toEqual(['other', 'conformance-b', "conformance-a'x"]);
      for (const orderby of ['colour', 'members', 'name sideways', 'name desc desc']) {
        expectEnvelope(await call(double, 'GET', `${SET}?$orderby=${q(orderby)}`), 400, 'BadRequest');
      }
    });

    it('$select keeps the selected properties and the key; navigation properties and * are accepted', async () => {
      const list = await call(double, 'GET', `${SET}?$select=id,name`);
      expect(list.json.value[0]).toEqual({ id: ids[0], name: 'conformance-b' });
      expect((await call(double, 'GET', `${SET}?$select=region`)).json.value[0]).toEqual({ id: ids[0], region: 'nam' });
      expect(Object.keys((await call(double, 'GET', `${SET}?$select=*`)).json.value[0])).toEqual(['id', 'connectorGroupType', 'isDefault', 'name', 'region']);
      expect((await call(double, 'GET', `${SET}?$select=members`)).json.value[0]).toEqual({ id: ids[0] });
      expectEnvelope(await call(double, 'GET', `${SET}?$select=id,colour`), 400, 'BadRequest');
    });

    it('$expand renders members and applications (empty), * meaning both', async () => {
      const all = await call(double, 'GET', `${SET}?$expand=*`);
      expect(all.status).toBe(200);
      expect(all.json.value[0]).toEqual({
        id: ids[0],
        name: 'conformance-b',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
        applications: [],
        members: [],
      });
      expect(Object.keys((await call(double, 'GET', `${SET}?$expand=members`)).json.value[0]).at(-1)).toBe('members');
      expect((await call(double, 'GET', `${SET}?$select=name&$expand=${q('applications($select=id)')}`)).json.value[0]).toEqual({
        id: ids[0],
        name: 'conformance-b',
        applications: [],
      });
      expectEnvelope(await call(double, 'GET', `${SET}?$expand=owners`), 400, 'BadRequest');
      expectEnvelope(await call(double, 'GET', `${SET}?$expand=name`), 400, 'BadRequest');
    });

    it('get takes $select and $expand, nothing else', async () => {
      const id = ids[0];
      expect((await call(double, 'GET', `${SET}/${id}?$select=name`)).json).toEqual({ '@odata.context': ENTITY_CONTEXT, id, name: 'conformance-b' });
      const expanded = await call(double, 'GET', `${SET}/${id}?$expand=members`);
      expect(expanded.status).toBe(200);
      expectGraphHeaders(expanded);
      expect(expanded.json).toEqual({
        '@odata.context': ENTITY_CONTEXT,
        id,
        name: 'conformance-b',
        connectorGroupType: 'applicationProxy',
        isDefault: false,
        region: 'nam',
        members: [],
      });
      for (const query of ['$expand=owners', '$top=1', '$filter=' + q("name eq 'x'")]) {
        expectEnvelope(await call(double, 'GET', `${SET}/${id}?${query}`), 400, 'BadRequest');
      }
    });

    it('$count applies $filter and $search and refuses the other options', async () => {
      const count = async (query: string) => {
        const answer = await call(double, 'GET', `${SET}/$count?${query}`);
        expect(answer.status).toBe(200);
        expectGraphHeaders(answer, COUNT_TEXT);
        return answer.text;
      };
      expect(await count(`$search=${q('"name:conformance"')}`)).toBe('2');
      expect(await count(`$filter=${q(`id eq '${randomUUID()}'`)}`)).toBe('0');
      expect(await count(`$filter=${q("name eq 'other'")}`)).toBe('1');
      for (const query of ['$top=1', '$orderby=name', `$filter=${q("colour eq 'x'")}`]) {
        expectEnvelope(await call(double, 'GET', `${SET}/$count?${query}`), 400, 'BadRequest');
      }
    });
  });

  describe('members, applications and their operations', () => {
    const q = encodeURIComponent;
    const connectorUrl = (id: string) => `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${id}`;
    let id: string;
    let group: string;
    beforeEach(async () => {
      id = await createdId(double, 'conformance-navigation');
      group = `${SET}/${id}`;
    });

    it.each([
      ['members', 'machineName', 'id,machineName'],
      ['applications', 'displayName', 'id,deletedDateTime'],
    ])('%s takes every list option and stays an empty collection', async (navigation, property, select) => {
      for (const query of [
        '$top=1',
        '$skip=1',
        `$search=${q(`"${property}:conformance"`)}`,
        `$filter=${q(`id eq '${randomUUID()}'`)}`,
        `$filter=${q(`${property} eq 'x'`)}`,
        '$orderby=id',
        `$orderby=${q(`${property} desc`)}`,
        `$select=${select}`,
        '$expand=*',
      ]) {
        const list = await call(double, 'GET', `${group}/${navigation}?${query}`);
        expect(list.status, query).toBe(200);
        expectGraphHeaders(list);
        expect(list.json, query).toEqual({ '@odata.context': `${COLLECTION_CONTEXT}('${id}')/${navigation}`, value: [] });
      }
      expect((await call(double, 'GET', `${group}/${navigation}?$count=true`)).json['@odata.count']).toBe(0);
      for (const query of ['$select=colour', '$orderby=colour', `$filter=${q("colour eq 'x'")}`, `$search=${q('"colour:x"')}`, '$expand=colour']) {
        expectEnvelope(await call(double, 'GET', `${group}/${navigation}?${query}`), 400, 'BadRequest');
      }
      expectEnvelope(await call(double, 'GET', `${SET}/${randomUUID()}/${navigation}?$top=1`), 404, 'Request_ResourceNotFound');
    });

    it.each(['members', 'applications'])('%s/$count is text/plain 0, with $search and $filter', async (navigation) => {
      const property = navigation === 'members' ? 'machineName' : 'displayName';
      for (const query of ['', `?$search=${q(`"${property}:x"`)}`, `?$filter=${q(`id eq '${randomUUID()}'`)}`]) {
        const count = await call(double, 'GET', `${group}/${navigation}/$count${query}`);
        expect([count.status, count.text]).toEqual([200, '0']);
        expectGraphHeaders(count, COUNT_TEXT);
      }
      expectEnvelope(await call(double, 'GET', `${group}/${navigation}/$count?$top=1`), 400, 'BadRequest');
      expectEnvelope(await call(double, 'GET', `${SET}/${randomUUID()}/${navigation}/$count`), 404, 'Request_ResourceNotFound');
    });

    it('members/$ref lists connector URLs as a string collection, with its options', async () => {
      const refs = await call(double, 'GET', `${group}/members/$ref`);
      expect(refs.status).toBe(200);
      expectGraphHeaders(refs);
      expect(refs.json).toEqual({ '@odata.context': 'https://graph.microsoft.com/beta/$metadata#Collection(string)', value: [] });
      for (const query of ['$top=1', '$skip=1', `$search=${q('"machineName:x"')}`, `$filter=${q(`id eq '${randomUUID()}'`)}`, '$orderby=id']) {
        expect((await call(double, 'GET', `${group}/members/$ref?${query}`)).json, query).toEqual(refs.json);
      }
      expect((await call(double, 'GET', `${group}/members/$ref?$count=true`)).json['@odata.count']).toBe(0);
      for (const query of ['$select=id', '$expand=*', '$orderby=colour']) {
        expectEnvelope(await call(double, 'GET', `${group}/members/$ref?${query}`), 400, 'BadRequest');
      }
    });

    it('members/$ref DELETE: 404 for a connector that is not a member (If-Match accepted), 400 without @id', async () => {
      const connector = randomUUID();
      const byUrl = await call(double, 'DELETE', `${group}/members/$ref?@id=${q(connectorUrl(connector))}`, { headers: { 'If-Match': '*' } });
      expectEnvelope(byUrl, 404, 'Request_ResourceNotFound');
      expect(byUrl.json.error.message).toContain(connector);
      expectEnvelope(await call(double, 'DELETE', `${group}/members/$ref`), 400, 'BadRequest');
      expectEnvelope(await call(double, 'DELETE', `${group}/members/${connector}/$ref`, { headers: { 'If-Match': '*' } }), 404, 'Request_ResourceNotFound');
    });

    it('an application by id or by alternate key is not found; $select/$expand are still checked', async () => {
      const appId = randomUUID();
      for (const path of [
        `applications/${appId}`,
        `applications/${appId}?$select=id,displayName&$expand=*`,
        `applications(appId='${appId}')`,
        `applications(appId=%27${appId}%27)?$select=id,appId`,
        `applications(uniqueName='conformance-x')`,
        `applications(uniqueName=%27conformance-x%27)?$expand=owners`,
        `applications(uniqueName='o''brien')`,
      ]) {
        const answer = await call(double, 'GET', `${group}/${path}`);
        expectEnvelope(answer, 404, 'Request_ResourceNotFound');
      }
      expect((await call(double, 'GET', `${group}/applications(uniqueName='o''brien')`)).json.error.message).toContain("'o'brien'");
      expect((await call(double, 'GET', `${group}/applications(appId='${appId}')`)).json.error.message).toContain(appId);
      for (const path of [`applications/${appId}?$select=colour`, `applications(appId='${appId}')?$expand=name`, `applications(uniqueName='x')?$top=1`]) {
        expectEnvelope(await call(double, 'GET', `${group}/${path}`), 400, 'BadRequest');
      }
      expectEnvelope(await call(double, 'GET', `${SET}/${randomUUID()}/applications(appId='${appId}')`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'POST', `${group}/applications(appId='${appId}')`, { body: {} }), 405, 'MethodNotAllowed');
    });

    it('an application logo cannot be read, set or removed: 404', async () => {
      const logo = `${group}/applications/${randomUUID()}/logo`;
      expectEnvelope(await call(double, 'GET', logo), 404, 'Request_ResourceNotFound');
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expectEnvelope(await call(double, 'PUT', logo, { bytes: png, contentType: 'application/octet-stream' }), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(double, 'DELETE', logo, { headers: { 'If-Match': '*' } }), 404, 'Request_ResourceNotFound');
      const post = await call(double, 'POST', logo, { body: {} });
      expectEnvelope(post, 405, 'MethodNotAllowed');
      expect(post.headers.get('allow')).toBe('GET, PUT, DELETE');
    });

    it('DELETE honours If-Match: * deletes, any other value (there is no ETag) is 412 and keeps the group', async () => {
      const stale = await call(double, 'DELETE', group, { headers: { 'If-Match': 'W/"1"' } });
      expectEnvelope(stale, 412, 'PreconditionFailed');
      expect(groupMap(double).has(id)).toBe(true);
      const deleted = await call(double, 'DELETE', group, { headers: { 'If-Match': '*' } });
      expect(deleted.status).toBe(204);
      expect(groupMap(double).has(id)).toBe(false);
      expectEnvelope(await call(double, 'DELETE', group, { headers: { 'If-Match': '*' } }), 404, 'Request_ResourceNotFound');
    });

    it('matches the literal $count and $ref segments before ids, and nothing may follow them', async () => {
      for (const path of [
        `${SET}/$count/members`,
        `${group}/members/$count/x`,
        `${group}/members/$ref/x`,
        `${group}/applications/$count/x`,
        `${group}/applications/x/owners`,
        `${group}/applications(colour='x')`,
        `${group}/applications(appId='x')/logo`,
      ]) {
        expectEnvelope(await call(double, 'GET', path), 404, 'Request_ResourceNotFound');
      }
      expect((await call(double, 'GET', `${SET}/$COUNT`)).text).toBe('1');
      expect((await call(double, 'GET', `${group}/members/$REF`)).json.value).toEqual([]);
    });
  });

  describe('harness', () => {
    it('records every request', async () => {
      await create(double, { name: 'logged' }, { clientRequestId: 'trace-1' });
      await call(double, 'GET', `${SET}?$top=1`, { token: null });
      expect(double.requests).toEqual([
        {
          method: 'POST',
          path: SET,
          headers: expect.objectContaining({ 'client-request-id': 'trace-1', 'content-type': 'application/json' }),
          body: '{"name":"logged"}',
          at: expect.any(Number),
          status: 201,
        },
        {
          method: 'GET',
          path: `${SET}?$top=1`,
          headers: expect.not.objectContaining({ authorization: expect.anything() }),
          body: '',
          at: expect.any(Number),
          status: 401,
        },
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
      await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
      await expect(startEmulator({ defects: ['no-such-defect' as Defect] })).rejects.toThrow(/no-such-defect/);
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

async function createFacets(double: RunningEmulator): Promise<Facets> {
  const before = new Set(groupMap(double).keys());
  const answer = await create(double, CREATE_BODY, { clientRequestId: CLIENT_REQUEST_ID });
  const stored = [...groupMap(double).values()].filter((g) => !before.has(g.id));
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
async function scenarioFacets(double: RunningEmulator): Promise<Record<string, Facets>> {
  const steps: Record<string, Facets> = {};
  const step = async (name: string, method: string, path: string, options: CallOptions = {}) => {
    const clientRequestId = randomUUID();
    const answer = await call(double, method, path, { clientRequestId, ...options });
    steps[name] = { ...headerFacets(answer, clientRequestId), body: normalise(answer.json ?? answer.text, double.baseUrl) };
    return answer;
  };
  for (const name of ['alpha', 'beta', 'gamma']) await create(double, { name });
  const [id, second, third] = groupMap(double).keys();
  const group = `${SET}/${id}`;
  const q = encodeURIComponent;
  const unknown = randomUUID();
  const logo = `${group}/applications/${unknown}/logo`;

  await step('get', 'GET', group);
  await step('get.select', 'GET', `${group}?$select=name`);
  await step('get.expand', 'GET', `${group}?$expand=members`);
  // The query options read the three groups as created, before the patch renames one of them.
  await step('list.top', 'GET', `${SET}?$top=1`);
  await step('list.skip', 'GET', `${SET}?$skip=1`);
  await step('list.search', 'GET', `${SET}?$search=${q('"name:amm"')}`);
  await step('list.filter.id', 'GET', `${SET}?$filter=${q(`id eq '${second}'`)}`);
  await step('list.filter.name', 'GET', `${SET}?$filter=${q("name eq 'beta'")}`);
  await step('list.count', 'GET', `${SET}?$count=true`);
  await step('list.orderby', 'GET', `${SET}?$orderby=${q('name desc')}`);
  await step('list.select', 'GET', `${SET}?$select=id,name`);
  await step('list.expand', 'GET', `${SET}?$expand=*`);
  await step('list.unknown-property', 'GET', `${SET}?$orderby=colour`);
  await step('count.filter', 'GET', `${SET}/$count?$filter=${q(`id eq '${unknown}'`)}`);
  await step('count.search', 'GET', `${SET}/$count?$search=${q('"name:a"')}`);
  await step('patch', 'PATCH', group, { body: { name: 'alpha-2', region: 'aus' } });
  await step('get.after-patch', 'GET', group);
  const first = await step('list.page-1', 'GET', `${SET}?$top=2&$count=true`);
  // Where a defect loses page 1 (and its nextLink), page 2 is asked for anyway, so its step is still compared.
  await step('list.page-2', 'GET', first.json?.['@odata.nextLink'] ?? `${SET}?$top=2&$count=true`);
  await step('count', 'GET', `${SET}/$count`);
  await step('members', 'GET', `${group}/members`);
  await step('members.top', 'GET', `${group}/members?$top=1`);
  await step(
    'members.query',
    'GET',
    `${group}/members?$skip=1&$search=${q('"machineName:x"')}&$filter=${q(`id eq '${unknown}'`)}&$count=true&$orderby=id&$select=id,machineName&$expand=*`,
  );
  await step('members.count', 'GET', `${group}/members/$count?$search=${q('"machineName:x"')}`);
  await step('members.refs', 'GET', `${group}/members/$ref`);
  await step(
    'members.refs.query',
    'GET',
    `${group}/members/$ref?$top=1&$skip=1&$search=${q('"machineName:x"')}&$filter=${q(`id eq '${unknown}'`)}&$count=true&$orderby=id`,
  );
  await step('applications', 'GET', `${group}/applications`);
  await step(
    'applications.query',
    'GET',
    `${group}/applications?$skip=1&$search=${q('"displayName:x"')}&$filter=${q(`appId eq '${unknown}'`)}&$count=true&$orderby=displayName&$select=id,displayName&$expand=*`,
  );
  await step('applications.count', 'GET', `${group}/applications/$count?$filter=${q(`id eq '${unknown}'`)}`);
  await step('members.add', 'POST', `${group}/members/$ref`, { body: { '@odata.id': `https://graph.microsoft.com/beta/connectors/${randomUUID()}` } });
  const existing = `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${CONNECTOR_ID}`;
  await step('members.add-existing', 'POST', `${group}/members/$ref`, { body: { '@odata.id': existing } });
  await step('members.after-add-existing', 'GET', `${group}/members`);
  await step('members.remove-existing', 'DELETE', `${group}/members/${CONNECTOR_ID}/$ref`);
  await step('members.remove', 'DELETE', `${group}/members/${randomUUID()}/$ref`);
  await step(
    'members.remove-by-url',
    'DELETE',
    `${group}/members/$ref?@id=${q(`https://graph.microsoft.com/beta/onPremisesPublishingProfiles/applicationProxy/connectors/${unknown}`)}`,
    {
      headers: { 'If-Match': '*' },
    },
  );
  await step('members.remove-without-url', 'DELETE', `${group}/members/$ref`);
  await step('applications.unknown', 'GET', `${group}/applications/${randomUUID()}`);
  await step('applications.unknown.query', 'GET', `${group}/applications/${unknown}?$select=id,displayName&$expand=owners`);
  await step('applications.by-app-id', 'GET', `${group}/applications(appId='${unknown}')`);
  await step('applications.by-unique-name', 'GET', `${group}/applications(uniqueName=%27conformance-x%27)?$select=id`);
  await step('logo.get', 'GET', logo);
  await step('logo.put', 'PUT', logo, { bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), contentType: 'application/octet-stream' });
  await step('logo.delete', 'DELETE', logo, { headers: { 'If-Match': '*' } });
  await step('create.region-ind', 'POST', SET, { body: { name: 'delta', region: 'ind' } });
  await step('delete', 'DELETE', group);
  await step('delete.if-match', 'DELETE', `${SET}/${second}`, { headers: { 'If-Match': '*' } });
  await step('delete.if-match-stale', 'DELETE', `${SET}/${third}`, { headers: { 'If-Match': 'W/"stale"' } });
  await step('get.deleted', 'GET', group);
  // A route of Graph's outside the slice: the profiles' own collection, above the slice's root (specs/selection.yaml).
  await step('route.unknown', 'GET', '/onPremisesPublishingProfiles');
  await step('method.unsupported', 'PUT', SET, { body: { name: 'x' } });
  await step('create.unsupported-media-type', 'POST', SET, { rawBody: '{"name":"x"}', contentType: 'text/plain' });
  await step('create.malformed-json', 'POST', SET, { rawBody: '{"name":' });
  await step('patch.invalid', 'PATCH', `${SET}/${[...groupMap(double).keys()].at(-1)}`, { body: { region: 'mars' } });
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
  'list.unknown-property',
  'members.add',
  'members.remove',
  'members.remove-by-url',
  'members.remove-without-url',
  'applications.unknown',
  'applications.unknown.query',
  'applications.by-app-id',
  'applications.by-unique-name',
  'logo.get',
  'logo.put',
  'logo.delete',
  'delete.if-match-stale',
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
const GROUP_READS = ['get', 'get.after-patch', 'get.expand', 'get.select'];

/** The successful reads of the connectorGroups collection; none of them is empty. */
const LIST_READS = [
  'list.count',
  'list.expand',
  'list.filter.id',
  'list.filter.name',
  'list.orderby',
  'list.page-1',
  'list.page-2',
  'list.search',
  'list.select',
  'list.skip',
  'list.top',
];

const COUNTS = ['count', 'count.filter', 'count.search'];

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
  'list-status-203': { create: [], scenario: LIST_READS },
  'list-body-schema': { create: [], scenario: LIST_READS },
  'list-no-value': { create: [], scenario: LIST_READS },
  'list-next-link-loop': { create: [], scenario: ['list.page-2'] },
  'update-ignored': { create: [], scenario: ['get.after-patch', 'list.page-1'] },
  'update-status-202': { create: [], scenario: ['patch'] },
  'update-200-invalid-body': { create: [], scenario: ['patch'] },
  'delete-not-deleting': { create: [], scenario: ['get.deleted'] },
  'delete-status-200': { create: [], scenario: ['delete', 'delete.if-match'] },
  'unknown-id-400': { create: [], scenario: ['get.deleted'] },
  'members-list-not-collection': { create: [], scenario: ['members', 'members.after-add-existing', 'members.query', 'members.top'] },
  'members-add-accepts-unknown': { create: [], scenario: ['members.add'] },
  'members-add-not-stored': { create: [], scenario: ['members.after-add-existing', 'members.remove-existing'] },
  'members-remove-unknown-204': { create: [], scenario: ['members.remove'] },
  'applications-list-not-collection': { create: [], scenario: ['applications', 'applications.query'] },
  'applications-get-unknown-200': { create: [], scenario: ['applications.unknown', 'applications.unknown.query'] },
  'content-type-ignored': { create: [], scenario: ['create.unsupported-media-type'] },
  'malformed-json-500': { create: [], scenario: ['create.malformed-json'] },
  'region-ind-rejected': { create: [], scenario: ['create.region-ind'] },
  'count-json': { create: [], scenario: [...COUNTS, 'applications.count', 'members.count'].sort() },
  'count-server-error': { create: [], scenario: COUNTS },
  'query-top-server-error': { create: [], scenario: ['list.page-1', 'list.page-2', 'list.top', 'members.refs.query', 'members.top'] },
  'members-ref-list-not-collection': { create: [], scenario: ['members.refs', 'members.refs.query'] },
  'logo-get-server-error': { create: [], scenario: ['logo.get'] },
  'by-app-id-html': { create: [], scenario: ['applications.by-app-id'] },
  'delete-if-match-refused': { create: [], scenario: ['delete.if-match'] },
  'select-breaks-schema': { create: [], scenario: ['get.select'] },
  'query-top-ignored': { create: [], scenario: ['list.page-1', 'list.page-2', 'list.top'] },
  'query-skip-ignored': { create: [], scenario: ['list.skip'] },
  'query-orderby-ignored': { create: [], scenario: ['list.orderby'] },
  // The scenario sends no quoted literal, no $filter with $count, no Prefer, no second DELETE and no PATCH
  // of a deleted group: these five change none of its steps; the query and lifecycle suites' self-proof shows each.
  'query-filter-quotes': { create: [], scenario: [] },
  'query-filter-ignored': { create: [], scenario: ['count.filter', 'list.filter.id', 'list.filter.name'] },
  'query-count-ignores-filter': { create: [], scenario: [] },
  'query-select-ignored': { create: [], scenario: ['get.select'] },
  'query-expand-ignored': { create: [], scenario: ['get.expand'] },
  'query-search-ignored': { create: [], scenario: ['list.search'] },
  'count-segment-ignores-filter': { create: [], scenario: ['count.filter'] },
  'update-200-stale': { create: [], scenario: [] },
  'delete-twice-204': { create: [], scenario: [] },
  'patch-unknown-204': { create: [], scenario: [] },
  'logo-delete-unknown-400': { create: [], scenario: ['logo.delete'] },
  'errors-without-request-id': { create: [], scenario: ERROR_STEPS },
  // A constant request-id is still a GUID, and each step is compared alone: no facet sees it (the test below does).
  'request-id-constant': { create: [], scenario: [] },
  // Every successful JSON answer of the scenario; errors, $count text and the 204s carry no context to lose.
  'odata-context-missing': {
    create: ['body.@odata.context', 'body.keys'],
    scenario: [
      ...CREATE_STEPS,
      ...GROUP_READS,
      ...LIST_READS,
      'applications',
      'applications.query',
      'members',
      'members.after-add-existing',
      'members.query',
      'members.refs',
      'members.refs.query',
      'members.top',
    ].sort(),
  },
  // The scenario's names are ASCII and short, and it never sends region null: the property suite's
  // input classes show these four.
  'non-ascii-mangled': { create: [], scenario: [] },
  'store-ascii-only': { create: [], scenario: [] },
  // Acts on the other sets' creates only: nothing this scenario of one group sends.
  'create-stores-names-empty': { create: [], scenario: [] },
  'long-name-500': { create: [], scenario: [] },
  'region-null-refused': { create: [], scenario: [] },
  // Every read that shows the region of a group created without one; $select=name shows no region.
  'default-region-eur': { create: [], scenario: ['get', 'get.expand', ...LIST_READS.filter((r) => r !== 'list.select')] },
  'update-200-always': { create: [], scenario: ['patch'] },
  // The scenario's PATCH sends name and region together, and its paged read carries no $filter or $orderby:
  // the lifecycle suite's partial PATCHes and the query suite's $top pages show these two.
  'update-replaces': { create: [], scenario: [] },
  // The scenario's PATCH asks for no representation: only a read after one that does shows the loss.
  'patch-representation-not-stored': { create: [], scenario: [] },
  'next-link-drops-query': { create: [], scenario: [] },
  // Only pages reached by a next link lose their context URL: the scenario's second page.
  'next-page-no-odata-context': { create: [], scenario: ['list.page-2'] },
  // The scenario's one list read with $select fits a page, and its paged read carries no $select: the
  // query suite's $select=name&$top=1 pages show this one.
  'next-link-drops-select': { create: [], scenario: [] },
};

describe('graph double: defects', () => {
  const doubles: RunningEmulator[] = [];
  let goodCreate: Facets;
  let goodScenario: Record<string, Facets>;
  beforeAll(async () => {
    const [forCreate, forScenario] = [await startEmulator(), await startEmulator()];
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
    const again = await startEmulator();
    doubles.push(again);
    expect(differingKeys(await createFacets(again), goodCreate)).toEqual([]);
    const fresh = await startEmulator();
    doubles.push(fresh);
    expect(differingKeys(await scenarioFacets(fresh), goodScenario)).toEqual([]);
  });

  it.each(DEFECTS.map((d) => [d]))('%s changes exactly the behaviour it names', async (defect) => {
    const forCreate = await startEmulator({ defects: [defect] });
    const forScenario = await startEmulator({ defects: [defect] });
    doubles.push(forCreate, forScenario);
    const expected = EXPECTED_CHANGES[defect];
    expect(differingKeys(await createFacets(forCreate), goodCreate)).toEqual(expected.create);
    expect(differingKeys(await scenarioFacets(forScenario), goodScenario)).toEqual(expected.scenario);
  });

  describe('what each defect sends instead', () => {
    let defective: RunningEmulator;
    let correct: RunningEmulator;
    const use = async (defect: Defect) => {
      defective = await startEmulator({ defects: [defect] });
      correct = await startEmulator();
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
      const [stored] = groupMap(defective).values();
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

    it('request-id-constant: one GUID for every request, errors and their envelopes included', async () => {
      await use('request-id-constant');
      const made = await create(defective, CREATE_BODY, { clientRequestId: CLIENT_REQUEST_ID });
      const listed = await call(defective, 'GET', SET);
      const missing = await call(defective, 'GET', `${SET}/${randomUUID()}`);
      const shared = made.headers.get('request-id');
      expect(shared).toMatch(GUID);
      expect([listed.headers.get('request-id'), missing.headers.get('request-id')]).toEqual([shared, shared]);
      expect(missing.json.error.innerError['request-id']).toBe(shared);
      expect(made.headers.get('client-request-id')).toBe(CLIENT_REQUEST_ID);
      const [first, second] = [await call(correct, 'GET', SET), await call(correct, 'GET', SET)];
      expect(first.headers.get('request-id')).not.toBe(second.headers.get('request-id'));
    });

    it('odata-context-missing: successful JSON bodies lose @odata.context, nothing else changes', async () => {
      await use('odata-context-missing');
      const made = await create(defective, CREATE_BODY);
      expect(made.headers.get('content-type')).toBe(GRAPH_JSON);
      expect(made.json).not.toHaveProperty('@odata.context');
      expect(made.json.name).toBe(CREATE_BODY.name);
      const listed = await call(defective, 'GET', SET);
      expect(listed.json).not.toHaveProperty('@odata.context');
      expect(listed.json.value).toHaveLength(1);
      expect((await call(defective, 'GET', `${SET}/$count`)).text).toBe('1');
      expect((await call(defective, 'GET', `${SET}/${randomUUID()}`)).json.error.code).toBe('Request_ResourceNotFound');
      expect((await create(correct, CREATE_BODY)).json).toHaveProperty('@odata.context');
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
      const [id] = groupMap(defective).keys();
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

    it('count-json: every $count answers {"value": n} as Graph JSON, with the same status', async () => {
      await use('count-json');
      const [badId, goodId] = [await createdId(defective, 'one'), await createdId(correct, 'one')];
      for (const [bad, good] of [
        [`${SET}/$count`, `${SET}/$count`],
        [`${SET}/${badId}/members/$count`, `${SET}/${goodId}/members/$count`],
        [`${SET}/${badId}/applications/$count?$filter=${encodeURIComponent(`id eq '${randomUUID()}'`)}`, `${SET}/${goodId}/applications/$count`],
      ]) {
        const [badCount, goodCount] = [await call(defective, 'GET', bad ?? ''), await call(correct, 'GET', good ?? '')];
        expect([badCount.status, goodCount.status]).toEqual([200, 200]);
        expectGraphHeaders(badCount);
        expectGraphHeaders(goodCount, COUNT_TEXT);
        expect(badCount.json).toEqual({ value: Number(goodCount.text) });
      }
      expect((await call(defective, 'GET', SET)).json.value).toHaveLength(1);
    });

    it("count-server-error: the set's $count is 500 with the envelope; the navigation counts still answer", async () => {
      await use('count-server-error');
      const id = await createdId(defective, 'one');
      expectEnvelope(await call(defective, 'GET', `${SET}/$count`), 500, 'InternalServerError');
      expectEnvelope(await call(defective, 'GET', `${SET}/$count?$search=${encodeURIComponent('"name:one"')}`), 500, 'InternalServerError');
      expect((await call(correct, 'GET', `${SET}/$count`)).text).toBe('0');
      expect((await call(defective, 'GET', `${SET}/${id}/members/$count`)).text).toBe('0');
      expect((await call(defective, 'GET', SET)).status).toBe(200);
    });

    it('query-top-server-error: $top anywhere is 500 with the envelope; the same requests without it answer', async () => {
      await use('query-top-server-error');
      const id = await createdId(defective, 'one');
      for (const path of [`${SET}?$top=1`, `${SET}?$TOP=0`, `${SET}/${id}/members?$top=5`, `${SET}/${id}/members/$ref?$top=1`]) {
        expectEnvelope(await call(defective, 'GET', path), 500, 'InternalServerError');
      }
      expect((await call(correct, 'GET', `${SET}?$top=1`)).status).toBe(200);
      for (const path of [SET, `${SET}?$skip=1`, `${SET}/${id}/members`, `${SET}/${id}/members/$ref`]) {
        expect((await call(defective, 'GET', path)).status, path).toBe(200);
      }
    });

    it('members-ref-list-not-collection: members/$ref is a bare [] under the Graph JSON type; members is unchanged', async () => {
      await use('members-ref-list-not-collection');
      const [badId, goodId] = [await createdId(defective, 'one'), await createdId(correct, 'one')];
      const bad = await call(defective, 'GET', `${SET}/${badId}/members/$ref?$count=true`);
      expect(bad.status).toBe(200);
      expectGraphHeaders(bad);
      expect(bad.text).toBe('[]');
      expect(Array.isArray((await call(correct, 'GET', `${SET}/${goodId}/members/$ref`)).json.value)).toBe(true);
      expect((await call(defective, 'GET', `${SET}/${badId}/members`)).json.value).toEqual([]);
    });

    it('logo-get-server-error: reading a logo is 500 with the envelope; setting and removing one are still 404', async () => {
      await use('logo-get-server-error');
      const [badId, goodId] = [await createdId(defective, 'one'), await createdId(correct, 'one')];
      const application = randomUUID();
      expectEnvelope(await call(defective, 'GET', `${SET}/${badId}/applications/${application}/logo`), 500, 'InternalServerError');
      expectEnvelope(await call(correct, 'GET', `${SET}/${goodId}/applications/${application}/logo`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(defective, 'DELETE', `${SET}/${badId}/applications/${application}/logo`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(defective, 'GET', `${SET}/${badId}/applications/${application}`), 404, 'Request_ResourceNotFound');
    });

    it("by-app-id-html: the appId key's 404 is an HTML page; the uniqueName key keeps Graph's envelope", async () => {
      await use('by-app-id-html');
      const [badId, goodId] = [await createdId(defective, 'one'), await createdId(correct, 'one')];
      const appId = randomUUID();
      const bad = await call(defective, 'GET', `${SET}/${badId}/applications(appId=%27${appId}%27)`);
      expect(bad.status).toBe(404);
      expect(bad.headers.get('content-type')).toBe('text/html');
      expect(bad.text).toMatch(/^<!DOCTYPE html>/);
      expect(bad.json).toBeUndefined();
      expect(bad.headers.get('request-id')).toMatch(GUID);
      expectEnvelope(await call(correct, 'GET', `${SET}/${goodId}/applications(appId='${appId}')`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(defective, 'GET', `${SET}/${badId}/applications(uniqueName='x')`), 404, 'Request_ResourceNotFound');
      expectEnvelope(await call(defective, 'GET', `${SET}/${badId}/applications/${appId}`), 404, 'Request_ResourceNotFound');
    });

    it('delete-if-match-refused: If-Match: * is 412 and the group stays; without If-Match the group is deleted', async () => {
      await use('delete-if-match-refused');
      const [badId, goodId] = [await createdId(defective, 'one'), await createdId(correct, 'one')];
      expectEnvelope(await call(defective, 'DELETE', `${SET}/${badId}`, { headers: { 'If-Match': '*' } }), 412, 'PreconditionFailed');
      expect(groupMap(defective).has(badId)).toBe(true);
      expect((await call(correct, 'DELETE', `${SET}/${goodId}`, { headers: { 'If-Match': '*' } })).status).toBe(204);
      expect((await call(defective, 'DELETE', `${SET}/${badId}`)).status).toBe(204);
      expect(groupMap(defective).has(badId)).toBe(false);
    });

    it('select-breaks-schema: get with $select carries connectorGroupType 42; without $select, and lists, are right', async () => {
      await use('select-breaks-schema');
      const id = await createdId(defective, 'one');
      const bad = await call(defective, 'GET', `${SET}/${id}?$select=name`);
      expect(bad.status).toBe(200);
      expect(bad.json).toEqual({ '@odata.context': ENTITY_CONTEXT, id, name: 'one', connectorGroupType: 42 });
      expect((await call(defective, 'GET', `${SET}/${id}?$SELECT=id,connectorGroupType`)).json.connectorGroupType).toBe(42);
      expect((await call(defective, 'GET', `${SET}/${id}`)).json.connectorGroupType).toBe('applicationProxy');
      expect((await call(defective, 'GET', `${SET}/${id}?$expand=members`)).json.connectorGroupType).toBe('applicationProxy');
      expect((await call(defective, 'GET', `${SET}?$select=name,connectorGroupType`)).json.value[0].connectorGroupType).toBe('applicationProxy');
      const goodId = await createdId(correct, 'one');
      expect((await call(correct, 'GET', `${SET}/${goodId}?$select=name`)).json).toEqual({ '@odata.context': ENTITY_CONTEXT, id: goodId, name: 'one' });
    });
  });
});
