/** Judgements on HTTP-level facts that every operation's checks share. */
import type { Exchange } from '../client/exchange.js';
import { failed, PASSED, type Verdict } from './check.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Media type without parameters, lower-cased: `application/json;odata.metadata=minimal` → `application/json`. */
export function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

export function checkContentType(exchange: Exchange, documented: readonly string[]): Verdict {
  const header = exchange.response.headers['content-type'];
  const type = mediaType(header);
  if (type && documented.some((d) => d.toLowerCase() === type)) return PASSED;
  return failed(`expected ${documented.join(' or ')}, got ${header === undefined ? 'no Content-Type header' : JSON.stringify(header)}`, header);
}

export function checkRequestId(exchange: Exchange): Verdict {
  const value = exchange.response.headers['request-id'];
  if (value === undefined) return failed('no request-id header');
  return isGuid(value) ? PASSED : failed(`request-id ${JSON.stringify(value)} is not a GUID`, value);
}

export function checkClientRequestIdEcho(exchange: Exchange): Verdict {
  const sent = exchange.request.headers['client-request-id'];
  const got = exchange.response.headers['client-request-id'];
  if (sent === undefined) return failed('the suite sent no client-request-id (harness defect)');
  if (got === sent) return PASSED;
  return failed(`sent client-request-id ${sent}, got ${got === undefined ? 'no client-request-id header' : JSON.stringify(got)}`, got);
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonBody(exchange: Exchange): ParsedBody {
  const text = exchange.response.body;
  if (text.trim() === '') return { ok: false, message: 'the response has no body' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `the body is not JSON (${(error as Error).message}): ${text.slice(0, 120)}` };
  }
}

/** Code and message of Graph's error envelope (`{"error": {code, message}}`), each where the body has a string. */
export function graphError(body: string): { code?: string; message?: string } {
  try {
    const error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    return {
      ...(typeof error?.code === 'string' && { code: error.code }),
      ...(typeof error?.message === 'string' && { message: error.message }),
    };
  } catch {
    return {};
  }
}

/** The target's words for a refusal: `Code "message"` from Graph's envelope, else the body's start as sent. */
export function errorWords(exchange: Exchange): string {
  const { code, message } = graphError(exchange.response.body);
  if (code === undefined) return JSON.stringify(exchange.response.body.slice(0, 160));
  return `${code}${message === undefined ? '' : ` ${JSON.stringify(message.slice(0, 200))}`}`;
}

/** The id a successful create answered with, if any: what the suite must delete afterwards. */
export function createdId(exchange: Exchange): string | undefined {
  if (exchange.response.status < 200 || exchange.response.status > 299) return undefined;
  const parsed = parseJsonBody(exchange);
  const id = parsed.ok ? (parsed.value as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The `value` array of a collection response; undefined when the body is not a collection. */
export function collectionValue(exchange: Exchange): unknown[] | undefined {
  const parsed = parseJsonBody(exchange);
  const value = parsed.ok ? (parsed.value as { value?: unknown } | null)?.value : undefined;
  return Array.isArray(value) ? value : undefined;
}

/**
 * Whether a read shows every property of `expected` with the value given (compared as JSON, so `null` is a
 * value): what the suites wait for after a write, while the store may not show it yet.
 */
export function readShows(exchange: Exchange, expected: Readonly<Record<string, unknown>>): boolean {
  const parsed = parseJsonBody(exchange);
  const body = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? (parsed.value as Record<string, unknown>) : undefined;
  return body !== undefined && Object.entries(expected).every(([key, value]) => sameJson(body[key], value));
}

/** The same JSON value: arrays in order, an object's members in any order (JSON gives them no order). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameJson(item, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}
