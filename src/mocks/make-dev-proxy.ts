/**
 * A Dev Proxy mocks file made from the slice, so a user starts from a correct mock instead of writing one:
 * one mock per operation, answering the operation's documented success status (201 for create, 204 where
 * the slice documents it, the exact code the slice writes beside a `2XX` range — decision
 * exact-status-beside-range) with the slice's own example body (decisions connector-group-example …
 * count-example), `text/plain` for a `$count`. Mocks Dev Proxy tries first come first: it answers with the
 * first mock whose URL matches, and its `*` matches across segments, so longer and more literal paths lead.
 */
import { operationTable, type TableOperation } from '../openapi/operation-table.js';
import { operation, resolveLocal, type OpenApiDocument } from '../openapi/operations.js';
import type { DevProxyMock } from './dev-proxy.js';

/** Graph's service root, the host Dev Proxy intercepts for Graph. */
const GRAPH_BETA = 'https://graph.microsoft.com/beta';
const SCHEMA_URL = 'https://raw.githubusercontent.com/dotnet/dev-proxy/main/schemas/v3.2.0/mockresponseplugin.mocksfile.schema.json';

export interface DevProxyMocksFile {
  $schema: string;
  mocks: DevProxyMock[];
}

export function devProxyMocksFromSlice(doc: OpenApiDocument): DevProxyMocksFile {
  const mocks = operationTable(doc)
    .map((op) => ({ op, url: `${GRAPH_BETA}${op.path.replace(/\{[^}]+\}/g, '*')}` }))
    .sort((a, b) => segments(b.url) - segments(a.url) || stars(a.url) - stars(b.url))
    .map(({ op, url }) => ({ request: { url, method: op.method.toUpperCase() }, response: successOf(doc, op) }));
  return { $schema: SCHEMA_URL, mocks };
}

const segments = (url: string) => url.split('/').length;
const stars = (url: string) => url.split('*').length - 1;

/** The operation's first exact success code, its example body and its media type. */
function successOf(doc: OpenApiDocument, op: TableOperation): NonNullable<DevProxyMock['response']> {
  const responses = (operation(doc, op.path, op.method).responses ?? {}) as Record<string, unknown>;
  // Graph answers a PATCH, a PUT and a DELETE with 204 where the slice documents it (decision update-status-200-or-204).
  const exact = Object.keys(responses).filter((k) => /^2\d\d$/.test(k));
  const key = op.method !== 'get' && op.method !== 'post' && exact.includes('204') ? '204' : exact[0];
  if (key === undefined) throw new Error(`the slice documents no exact success status for ${op.method.toUpperCase()} ${op.path}`);
  const statusCode = Number(key);
  const content = (resolveLocal(doc, responses[key] as Record<string, unknown>).content ?? {}) as Record<
    string,
    { schema?: Record<string, unknown>; example?: unknown }
  >;
  const [mediaType, media] = Object.entries(content)[0] ?? [];
  if (!mediaType || !media) return { statusCode };
  const headers = [{ name: 'Content-Type', value: mediaType === 'application/json' ? 'application/json' : mediaType }];
  const example = media.example ?? exampleOf(doc, media.schema);
  if (example === undefined) return { statusCode, headers };
  // Dev Proxy serves a string body as it is: a $count's integer is its text.
  return { statusCode, headers, body: mediaType.startsWith('text/') ? String(example) : example };
}

function exampleOf(doc: OpenApiDocument, schema: Record<string, unknown> | undefined): unknown {
  if (!schema) return undefined;
  return resolveLocal(doc, schema).example;
}
