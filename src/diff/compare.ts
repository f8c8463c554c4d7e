/**
 * One recorded answer against the target's answer to the same request: the status, the presence and
 * form of Graph's headers, and the body — the same properties with the same JSON types and annotations,
 * and the same values except those a service makes per request (decision diff-per-request-values).
 * Collections are compared by the shape of their items, not by count or order, and a next link or a
 * count not at all: other clients' groups come and go between a recording and a diff.
 */
import type { CapturedResponse } from '../client/exchange.js';
import { isGuid, mediaType } from '../checks/http.js';

export interface Difference {
  /** JSON pointer into the body (`/name`), or `status`, or `header:<name>`. */
  pointer: string;
  recorded: unknown;
  target: unknown;
}

/** Properties whose values a service makes per request: compared by presence and JSON type only. */
export const PER_REQUEST = new Set([
  'id',
  'appId',
  'createdDateTime',
  'date',
  'request-id',
  'requestId',
  'client-request-id',
  '@odata.nextLink',
  '@odata.count',
  '@odata.etag',
]);

/** Present or not depending on how much the collection holds at the time: not compared at all. */
const WITH_THE_DATA = new Set(['@odata.nextLink']);

export interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** `countOnly`: the answer is a count of what the collection holds at the time (a $count): its type is compared, not its value. */
export function compareAnswers(recorded: RecordedAnswer, target: CapturedResponse, sentClientRequestId: string | undefined, countOnly = false): Difference[] {
  const out: Difference[] = [];
  if (recorded.status !== target.status) out.push({ pointer: 'status', recorded: recorded.status, target: target.status });
  out.push(...compareHeaders(recorded.headers, target.headers, sentClientRequestId));
  const targetBody = parseBody(target.body);
  if (recorded.body !== undefined || targetBody !== undefined) compareValues(recorded.body, targetBody, '', countOnly, out);
  return out;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/** Graph's headers by presence and form: the media type, a GUID request-id, the client-request-id echoed. */
function compareHeaders(recorded: Record<string, string>, target: Record<string, string>, sent: string | undefined): Difference[] {
  const out: Difference[] = [];
  const form = {
    'content-type': (v: string | undefined) => mediaType(v),
    'request-id': (v: string | undefined) => (v === undefined ? undefined : isGuid(v) ? 'a GUID' : `not a GUID (${v})`),
    'client-request-id': (v: string | undefined) => (v === undefined ? undefined : v === sent ? 'the one sent' : `another (${v})`),
  };
  for (const [name, describe] of Object.entries(form)) {
    const was = describe(header(recorded, name));
    const is = describe(header(target, name));
    if (was !== is) out.push({ pointer: `header:${name}`, recorded: was ?? 'absent', target: is ?? 'absent' });
  }
  return out;
}

/** A body as JSON, or as its text when it is not JSON; undefined when empty. */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function jsonType(value: unknown): string {
  if (value === undefined) return 'absent';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function compareValues(recorded: unknown, target: unknown, pointer: string, shapeOnly: boolean, out: Difference[]): void {
  const [was, is] = [jsonType(recorded), jsonType(target)];
  if (was !== is) {
    const shown = (type: string, value: unknown) => (type === 'object' || type === 'array' || type === 'absent' ? type : value);
    out.push({ pointer: pointer || '/', recorded: shown(was, recorded), target: shown(is, target) });
    return;
  }
  if (was === 'object') {
    const a = recorded as Record<string, unknown>;
    const b = target as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (WITH_THE_DATA.has(key)) continue;
      compareValues(a[key], b[key], `${pointer}/${escape(key)}`, shapeOnly || PER_REQUEST.has(key), out);
    }
    return;
  }
  if (was === 'array') {
    // Items by shape: the first of each side stands for the collection.
    const [a, b] = [recorded as unknown[], target as unknown[]];
    if (a.length > 0 && b.length > 0) compareValues(a[0], b[0], `${pointer}/0`, true, out);
    return;
  }
  if (!shapeOnly && recorded !== target) out.push({ pointer: pointer || '/', recorded, target });
}
