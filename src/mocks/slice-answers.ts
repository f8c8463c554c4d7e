/**
 * What a mock made from the slice answers for an operation, in no tool's format: the generators of Dev Proxy
 * mocks files (make-dev-proxy.ts) and Mockoon environments (make-mockoon.ts) both write these, so the two
 * mocks answer alike. A success is the operation's documented success status (201 for create, 204 where the
 * slice documents it, the exact code the slice writes beside a `2XX` range — decision exact-status-beside-range)
 * with the slice's own example body (decisions connector-group-example … count-example); an unknown id is
 * answered 404 with the error envelope the slice documents for the operation (decisions unknown-id-404,
 * error-example).
 */
import type { TableOperation } from '../openapi/operation-table.js';
import { operation, resolveLocal, type OpenApiDocument } from '../openapi/operations.js';

export interface SliceAnswer {
  status: number;
  /** The documented media type; undefined for a response without a body (a 204). */
  mediaType?: string;
  /** The example: a JSON value, or for a `text/*` media type its text; undefined when the slice has none. */
  body?: unknown;
}

type Media = { schema?: Record<string, unknown>; example?: unknown };

/** The operation's first exact success code, its media type and its example body. */
export function successOf(doc: OpenApiDocument, op: TableOperation): SliceAnswer {
  const responses = responsesOf(doc, op);
  // Graph answers a PATCH, a PUT and a DELETE with 204 where the slice documents it (decision update-status-200-or-204).
  const exact = Object.keys(responses).filter((k) => /^2\d\d$/.test(k));
  const key = op.method !== 'get' && op.method !== 'post' && exact.includes('204') ? '204' : exact[0];
  if (key === undefined) throw new Error(`the slice documents no exact success status for ${op.method.toUpperCase()} ${op.path}`);
  const status = Number(key);
  const [mediaType, media] = firstMedia(doc, responses[key]);
  if (!mediaType || !media) return { status };
  const example = exampleOf(doc, media);
  if (example === undefined) return { status, mediaType };
  // A text body is served as it is: a $count's integer is its text.
  return { status, mediaType, body: mediaType.startsWith('text/') ? String(example) : example };
}

/**
 * Graph's answer to a request for an id that does not exist: 404 with the error envelope (decision
 * unknown-id-404), the example of the response the slice documents for a 404 — its exact `404`, else `4XX`,
 * else `default` (where the slice documents its errors, with decision error-example's envelope).
 */
export function notFoundOf(doc: OpenApiDocument, op: TableOperation): SliceAnswer {
  const responses = responsesOf(doc, op);
  const key = ['404', '4XX', 'default'].find((k) => k in responses);
  const where = `${op.method.toUpperCase()} ${op.path}`;
  if (key === undefined) throw new Error(`the slice documents no error response for ${where}`);
  const [mediaType, media] = firstMedia(doc, responses[key]);
  const body = media && exampleOf(doc, media);
  if (mediaType !== 'application/json' || body === undefined)
    throw new Error(`the slice's ${key} response of ${where} has no JSON example to answer a 404 with`);
  return { status: 404, mediaType, body };
}

function responsesOf(doc: OpenApiDocument, op: TableOperation): Record<string, unknown> {
  return (operation(doc, op.path, op.method).responses ?? {}) as Record<string, unknown>;
}

function firstMedia(doc: OpenApiDocument, response: unknown): [string, Media] | [] {
  const content = (resolveLocal(doc, response as Record<string, unknown>).content ?? {}) as Record<string, Media>;
  return Object.entries(content)[0] ?? [];
}

/** The media type's own example, else its schema's (where the decisions put them for mock servers). */
function exampleOf(doc: OpenApiDocument, media: Media): unknown {
  if (media.example !== undefined) return media.example;
  return media.schema ? resolveLocal(doc, media.schema).example : undefined;
}
