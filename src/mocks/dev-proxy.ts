/**
 * Dev Proxy mocks files (dotnet/dev-proxy MockResponsePlugin, specs/upstream/dev-proxy/): reading one
 * against the vendored JSON Schema, what Dev Proxy serves for each mock (`served`), and which operations
 * of the slice a mock's URL addresses (`addressedOperations`), as entries (entry.ts). Nothing here judges:
 * src/cli/check-mocks.ts hands what is served to the derived checks, as a run hands them what a target answered.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { fromRoot } from '../project-root.js';
import { operationOfRequest, operationTable, type TableOperation } from '../openapi/operation-table.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { MocksFileError, type Addressed, type MocksSource, type Served } from './entry.js';

/** The vendored schema of a mocks file (v3.2.0, dotnet/dev-proxy schemas/). */
export const MOCKS_SCHEMA_FILE = fromRoot('specs', 'upstream', 'dev-proxy', 'mockresponseplugin.mocksfile.schema.v3.2.0.json');

export interface DevProxyMock {
  request: { url: string; method?: string; nth?: number; bodyFragment?: string };
  response?: { statusCode?: number; headers?: { name: string; value: string }[]; body?: unknown };
}

/** Why client-request-id is never judged on a Dev Proxy mock: what Dev Proxy does, not what the mock says. */
export const DEV_PROXY_CLIENT_REQUEST_ID = "Dev Proxy's limit: it sets client-request-id to its own request-id, never the client's";

/** The mocks of `value` (the parsed `file`), validated against Dev Proxy's schema; throws MocksFileError with the first problem. */
export function devProxyMocks(file: string, value: unknown): DevProxyMock[] {
  const older = olderShape(value);
  if (older) return older;
  const validate = mocksSchema();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath ? first.instancePath : '(the root)';
    throw new MocksFileError(`${file}: not a Dev Proxy mocks file: ${where} ${first?.message ?? 'is invalid'}`);
  }
  return (value as { mocks: DevProxyMock[] }).mocks;
}

/** A Dev Proxy mocks file as entries: one per mock, `mock.<index>`. */
export function devProxySource(file: string, value: unknown, doc: OpenApiDocument): MocksSource {
  const mocks = devProxyMocks(file, value);
  const entries = mocks.map((mock, index) => ({
    id: `mock.${index}`,
    method: (mock.request.method ?? 'GET').toUpperCase(),
    url: mock.request.url,
    addressed: addressedOperations(mock, doc),
    served: served(mock, file),
    limits: { 'header.client-request-id': DEV_PROXY_CLIENT_REQUEST_ID },
  }));
  return { tool: 'dev-proxy', file, entries, units: `${mocks.length} mock${mocks.length === 1 ? '' : 's'}` };
}

/**
 * The shape Dev Proxy's mocks files had before `mocks[]` (public Graph mock collections still use it):
 * `{ responses: [ { url, method?, responseCode?, responseHeaders?: { name: value }, responseBody? } ] }`.
 * Read as the same mocks, or undefined when the file is not of that shape (then the current schema judges it).
 */
function olderShape(value: unknown): DevProxyMock[] | undefined {
  if (value === null || typeof value !== 'object' || 'mocks' in value || !Array.isArray((value as { responses?: unknown }).responses)) return undefined;
  const responses = (value as { responses: unknown[] }).responses;
  return responses.map((item, i) => {
    const r = (item ?? {}) as { url?: unknown; method?: unknown; responseCode?: unknown; responseHeaders?: unknown; responseBody?: unknown };
    if (typeof r.url !== 'string') throw new MocksFileError(`not a Dev Proxy mocks file: /responses/${i}/url must be a string`);
    const headers = r.responseHeaders && typeof r.responseHeaders === 'object' ? Object.entries(r.responseHeaders as Record<string, unknown>) : [];
    return {
      request: { url: r.url, ...(typeof r.method === 'string' && { method: r.method }) },
      response: {
        ...(typeof r.responseCode === 'number' && { statusCode: r.responseCode }),
        ...(headers.length > 0 && { headers: headers.map(([name, v]) => ({ name, value: String(v) })) }),
        ...(r.responseBody !== undefined && { body: r.responseBody }),
      },
    };
  });
}

let compiled: ReturnType<Ajv2020['compile']> | undefined;

function mocksSchema(): ReturnType<Ajv2020['compile']> {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(MOCKS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    // The vendored schema as Dev Proxy publishes it: not strict-mode clean (descriptions beside $ref and the like).
    compiled = new Ajv2020({ allErrors: false, strict: false }).compile(schema);
  }
  return compiled;
}

/**
 * What Dev Proxy serves for `mock`, whose file is `mocksFile` (an `@path` body is relative to it):
 * - MockResponsePlugin: a response without `statusCode` answers 200 (so a mocked create answers 200, not
 *   Graph's 201); a body that is a string starting with `@` is the content of that file, relative to the
 *   mocks file; any other string is served as written; an object or array is served as its JSON.
 * - ProxyUtils.BuildGraphResponseHeaders, for a request to a Graph host: `Cache-Control: no-store`,
 *   `request-id` and `client-request-id` both set to one new GUID (so the client's own client-request-id
 *   is never echoed), `Date`, and `Content-Type: application/json` unless the mock sets a Content-Type;
 *   the mock's own headers are added after them, a name it sets replacing the generated one.
 */
export function served(mock: DevProxyMock, mocksFile: string): Served {
  const response = mock.response ?? {};
  const status = response.statusCode ?? 200;
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'cache-control': 'no-store',
    'request-id': requestId,
    'client-request-id': requestId,
    date: new Date().toUTCString(),
  };
  for (const { name, value } of response.headers ?? []) headers[name.toLowerCase()] = value;
  headers['content-type'] ??= 'application/json';
  const { body } = response;
  if (body === undefined || body === null) return { status, headers, body: '' };
  if (typeof body === 'string') {
    if (!body.startsWith('@')) return { status, headers, body };
    const target = path.resolve(path.dirname(mocksFile), body.slice(1));
    if (!existsSync(target)) return { status, headers, body: '', bodyProblem: `the @file ${body.slice(1)} does not exist (${target})` };
    return { status, headers, body: readFileSync(target, 'utf8') };
  }
  return { status, headers, body: JSON.stringify(body) };
}

/** Hosts Microsoft Graph answers on (the national clouds' too). */
export const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'canary.graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
]);

/**
 * The operations of the slice a mock addresses, or why it addresses none. The URL must be on a Graph
 * host under `/beta/`; its path (without the query) is matched against each operation's path template,
 * where `{param}` stands for one segment and the mock's `*` for any characters (Dev Proxy's wildcard).
 *
 * A URL without `*` is one request, addressed as a run addresses it. A `*` can match far more than its author meant (`…/connectorGroups/*` also matches `…/members`), so the
 * operations are those of the narrowest reading that matches any: every `*` standing within a parameter
 * (an id); else within one segment; else across segments — in those two, a parameter is matched by a
 * wildcard only, never by the mock's own characters. Every operation of that reading is addressed.
 */
export function addressedOperations(mock: DevProxyMock, doc: OpenApiDocument): Addressed {
  const match = /^https?:\/\/([^/?#]+)(\/[^?#]*)?/i.exec(mock.request.url);
  if (!match) return { outside: 'not an absolute http(s) URL' };
  const host = match[1]!.toLowerCase().replace(/:443$/, '');
  if (!GRAPH_HOSTS.has(host)) return { outside: `not a Microsoft Graph host (${host})` };
  const urlPath = safeDecode(match[2] ?? '/');
  if (!urlPath.startsWith('/beta/')) return { outside: 'not Graph beta' };
  const mockPath = urlPath.slice('/beta'.length).replace(/(?<=.)\/$/, '');
  const method = (mock.request.method ?? 'GET').toLowerCase();
  // No wildcard: one request, addressed as a run's request is (a literal $count wins over an {id}).
  if (!mockPath.includes('*')) {
    const op = operationOfRequest(doc, method, mockPath);
    return op ? { operations: [op] } : { outside: 'no operation of the slice' };
  }
  const candidates = operationTable(doc).filter((op) => op.method === method);
  for (const reading of ['parameter', 'segment', 'any'] as const) {
    const operations = candidates.filter((op) => intersects(mockPath, op.path, reading));
    if (operations.length === 0) continue;
    // A literal segment of the mock (`$count`) may fill a parameter of one template and match another's
    // literal: as for a request, the more literal template is the one meant (fewest parameters).
    const fewest = Math.min(...operations.map(parameterCount));
    return { operations: operations.filter((op) => parameterCount(op) === fewest) };
  }
  return { outside: 'no operation of the slice' };
}

type Reading = 'parameter' | 'segment' | 'any';

const parameterCount = (op: TableOperation) => (op.path.match(/\{[^}]+\}/g) ?? []).length;

/**
 * Whether some request path matches both the mock's path (literal characters and `*`) and the slice's
 * template (literal characters and `{param}`: one or more characters but `/` and `'`), a `*` consuming
 * template literals only as `reading` allows. A walk over the pair of positions, one character at a time.
 */
function intersects(mockPath: string, template: string, reading: Reading): boolean {
  type Token = { literal: string } | { param: true };
  const tokens: Token[] = [];
  for (const part of template.split(/(\{[^}]+\})/)) {
    if (/^\{[^}]+\}$/.test(part)) tokens.push({ param: true });
    else for (const c of part) tokens.push({ literal: c });
  }
  const m = [...mockPath];
  // State: i in the mock path, j in the template, inParam: at least one character of token j's parameter consumed.
  const seen = new Set<string>();
  const stack: [number, number, boolean][] = [[0, 0, false]];
  while (stack.length > 0) {
    const [i, j, inParam] = stack.pop()!;
    const key = `${i},${j},${inParam}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const token = tokens[j];
    if (i === m.length && (j === tokens.length || (j === tokens.length - 1 && inParam))) return true;
    // A parameter with a character consumed may end here.
    if (inParam) stack.push([i, j + 1, false]);
    const c = m[i];
    if (c === '*') {
      // The wildcard may match nothing more,
      stack.push([i + 1, j, inParam]);
      // or the template's next character.
      if (token === undefined) continue;
      if ('param' in token) stack.push([i, j, true]);
      else if (reading === 'any' || (reading === 'segment' && token.literal !== '/')) stack.push([i, j + 1, false]);
      continue;
    }
    if (c === undefined || token === undefined) continue;
    if ('param' in token) {
      // Only the narrowest reading lets the mock's own characters stand for an id: in the wider ones a
      // parameter is the wildcard's, or `…/profiles/*/<another set>` would read as a group by its id.
      if (c !== '/' && c !== "'" && reading === 'parameter') stack.push([i + 1, j, true]);
    } else if (token.literal === c) stack.push([i + 1, j + 1, false]);
  }
  return false;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
