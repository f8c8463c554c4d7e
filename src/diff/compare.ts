/**
 * One recorded answer against the target's answer to the same request: the status, the presence and
 * form of Graph's headers, and the body — the same properties with the same JSON types and annotations,
 * and the same values except those a service makes per request (decision diff-per-request-values).
 * Collections are compared by the shape of their items, not by count or order, and a next link or a
 * count not at all: other clients' groups come and go between a recording and a diff.
 * A URL a server wrote is read from its own side's roots (`readFromRoot`): a recording made on one host and a
 * target on another name the same resource by different absolute URLs, and only what follows the root is
 * the server's behaviour.
 */
import { scrubText } from '../scrub/scrub.js';
import type { CapturedResponse } from '../client/exchange.js';
import { isGuid, mediaType } from '../checks/http.js';
import { isAbsoluteHttpUrl, relativeToBase } from '../client/origin.js';

export interface Difference {
  /** JSON pointer into the body (`/name`), or `status`, or `header:<name>`. */
  pointer: string;
  recorded: unknown;
  target: unknown;
}

/**
 * What part of an answer a difference is in, by its pointer alone, so that every difference of one id is of
 * one kind: the status, a header, an annotation (`@odata.context`, …), a property, or the body as a whole.
 */
export type DifferenceKind = 'status' | 'header' | 'annotation' | 'property' | 'body';

export function kindOf(pointer: string): DifferenceKind {
  if (pointer === 'status') return 'status';
  if (pointer.startsWith('header:')) return 'header';
  if (pointer === '/' || pointer === '') return 'body';
  return (pointer.split('/').at(-1) ?? '').includes('@') ? 'annotation' : 'property';
}

/**
 * Microsoft Graph's beta service root. Graph names it in the URLs it writes (`@odata.context`, `@odata.id`)
 * whatever host served the request, and so do mocks and recordings of it: on either side a URL under it is
 * read from it, as one under that side's base URL is.
 */
export const GRAPH_SERVICE_ROOT = 'https://graph.microsoft.com/beta';

/** The roots each side's URLs are read from: the recording's base URL and Graph's; the target's base URL and Graph's. */
export interface UrlRoots {
  recorded: readonly string[];
  target: readonly string[];
}

const METADATA = '/$metadata';

/**
 * A URL a server wrote, read from the deepest of its side's roots it lies under (on that root's origin, at a
 * segment boundary: relativeToBase): the part after the root, fragment kept; an OData context URL
 * `<root>/$metadata#…` by the part after `$metadata`. Undefined when the value is not an absolute URL under
 * any of the roots: then it is compared as written, so a URL on a third host still differs.
 */
export function readFromRoot(value: string, roots: readonly string[]): string | undefined {
  if (!isAbsoluteHttpUrl(value)) return undefined;
  let read: string | undefined;
  for (const root of roots) {
    const rest = root === '' ? undefined : relativeToBase(value, root);
    if (rest !== undefined && (read === undefined || rest.length < read.length)) read = rest;
  }
  if (read === undefined) return undefined;
  const full = `${read}${new URL(value).hash}`;
  return full === METADATA || full.startsWith(`${METADATA}#`) ? full.slice(METADATA.length) : full;
}

/** One form for comparing: a URL under its side's roots by what follows the root, anything else as written. */
function comparable(value: string, roots: readonly string[]): string {
  const read = readFromRoot(value, roots);
  return read === undefined ? `as written: ${value}` : `from the root: ${read}`;
}

const NO_ROOTS: UrlRoots = { recorded: [], target: [] };

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

/**
 * `countOnly`: the answer is a count of what the collection holds at the time (a $count): its type is
 * compared, not its value. `roots`: where each side's URLs are read from (none: every URL as written).
 */
export function compareAnswers(
  recorded: RecordedAnswer,
  target: CapturedResponse,
  sentClientRequestId: string | undefined,
  countOnly = false,
  roots: UrlRoots = NO_ROOTS,
): Difference[] {
  const out: Difference[] = [];
  if (recorded.status !== target.status) out.push({ pointer: 'status', recorded: recorded.status, target: target.status });
  out.push(...compareHeaders(recorded.headers, target.headers, sentClientRequestId, roots));
  const targetBody = parseBody(target.body);
  if (recorded.body !== undefined || targetBody !== undefined) compareValues(recorded.body, targetBody, '', countOnly, roots, out);
  return out;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * Graph's headers by presence and form: the media type, a GUID request-id, the client-request-id echoed;
 * and a `Location` both sides sent, by what it names from its side's root (the slice documents no Location,
 * so one side's alone is not a difference).
 */
function compareHeaders(recorded: Record<string, string>, target: Record<string, string>, sent: string | undefined, roots: UrlRoots): Difference[] {
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
  const [was, is] = [header(recorded, 'location'), header(target, 'location')];
  if (was !== undefined && is !== undefined && comparable(was, roots.recorded) !== comparable(is, roots.target)) {
    out.push({ pointer: 'header:location', recorded: was, target: is });
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

/** Equal values; two strings also when both are URLs naming the same thing from their own side's roots. */
function sameValue(recorded: unknown, target: unknown, roots: UrlRoots): boolean {
  if (typeof recorded !== 'string' || typeof target !== 'string') return recorded === target;
  return comparable(recorded, roots.recorded) === comparable(target, roots.target);
}

function compareValues(recorded: unknown, target: unknown, pointer: string, shapeOnly: boolean, roots: UrlRoots, out: Difference[]): void {
  const [was, is] = [jsonType(recorded), jsonType(target)];
  // Items standing for their collection are different items: a nullable property may be null on one and
  // set on the other (whether null is allowed is the schema checks' to judge, not a difference of shape).
  if (shapeOnly && was !== is && (was === 'null' || is === 'null')) return;
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
      compareValues(a[key], b[key], `${pointer}/${escape(key)}`, shapeOnly || PER_REQUEST.has(key), roots, out);
    }
    return;
  }
  if (was === 'array') {
    // Items by shape: the first of each side stands for the collection.
    const [a, b] = [recorded as unknown[], target as unknown[]];
    if (a.length > 0 && b.length > 0) compareValues(a[0], b[0], `${pointer}/0`, true, roots, out);
    return;
  }
  // A recording holds what the scrubber wrote in place of a host or an address: the target's value, scrubbed the same way, is the same value.
  if (!shapeOnly && !sameValue(recorded, target, roots) && !(typeof target === 'string' && scrubText(target) === recorded))
    out.push({ pointer: pointer || '/', recorded, target });
}
