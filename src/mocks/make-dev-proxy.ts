/**
 * A Dev Proxy mocks file made from the slice, so a user starts from a correct mock instead of writing one.
 * For each operation, a mock whose URL carries the slice's example ids (example-ids.ts) answers the
 * operation's success with the slice's example (slice-answers.ts); a mock with `*` for each path parameter
 * answers any other id with 404 and Graph's error envelope, as Graph does (decision unknown-id-404).
 *
 * Dev Proxy answers with the first mock whose method matches and whose URL equals the request's URL, the query
 * included, or, for a URL with `*`, matches it as a pattern (`*` is `.*`, across segments, the whole URL
 * anchored). So every literal mock leads, then the 404 mocks; within each, longer and more literal paths
 * first. A literal URL answers no request with a query string, so an operation that documents query
 * parameters also gets `URL?*` (a `*` after the `?` can only reach into the query, never into another path).
 */
import { operationTable, type TableOperation } from '../openapi/operation-table.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import type { DevProxyMock } from './dev-proxy.js';
import { exampleIdFor, pathParameters } from './example-ids.js';
import { notFoundOf, successOf, type SliceAnswer } from './slice-answers.js';

/** Graph's service root, the host Dev Proxy intercepts for Graph. */
const GRAPH_BETA = 'https://graph.microsoft.com/beta';
const SCHEMA_URL = 'https://raw.githubusercontent.com/dotnet/dev-proxy/main/schemas/v3.2.0/mockresponseplugin.mocksfile.schema.json';

export interface DevProxyMocksFile {
  $schema: string;
  mocks: DevProxyMock[];
}

export function devProxyMocksFromSlice(doc: OpenApiDocument): DevProxyMocksFile {
  const table = operationTable(doc);
  const literal = table.flatMap((op) => {
    const url = `${GRAPH_BETA}${op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(exampleIdFor(doc, name)))}`;
    return withQuery(op, url).map((u) => mock(op, u, successOf(doc, op)));
  });
  const unknown = table
    .filter((op) => pathParameters(op.path).length > 0)
    .flatMap((op) => {
      const url = `${GRAPH_BETA}${op.path.replace(/\{[^}]+\}/g, '*')}`;
      // A URL ending in `*` takes any query already.
      return (url.endsWith('*') ? [url] : withQuery(op, url)).map((u) => mock(op, u, notFoundOf(doc, op)));
    });
  return { $schema: SCHEMA_URL, mocks: [...ordered(literal), ...ordered(unknown)] };
}

function withQuery(op: TableOperation, url: string): string[] {
  return op.query.length > 0 ? [url, `${url}?*`] : [url];
}

function mock(op: TableOperation, url: string, answer: SliceAnswer): DevProxyMock {
  return { request: { url, method: op.method.toUpperCase() }, response: devProxyResponse(answer) };
}

/** Longer paths first, then the more literal; a sort is stable, so the table's order otherwise. */
function ordered(mocks: DevProxyMock[]): DevProxyMock[] {
  const path = (m: DevProxyMock) => m.request.url.split('?')[0]!;
  const segments = (m: DevProxyMock) => path(m).split('/').length;
  const stars = (m: DevProxyMock) => path(m).split('*').length - 1;
  return [...mocks].sort((a, b) => segments(b) - segments(a) || stars(a) - stars(b));
}

function devProxyResponse(answer: SliceAnswer): NonNullable<DevProxyMock['response']> {
  const statusCode = answer.status;
  if (answer.mediaType === undefined) return { statusCode };
  const headers = [{ name: 'Content-Type', value: answer.mediaType }];
  // Dev Proxy serves a string body as it is (a $count's text), an object as its JSON.
  return answer.body === undefined ? { statusCode, headers } : { statusCode, headers, body: answer.body };
}
