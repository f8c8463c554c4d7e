/**
 * Serves a cassette through nock with the network disabled: a request that the cassette does not
 * hold fails loudly instead of reaching anything real. Each request is known by its client-request-id,
 * which the engine derives from the request's chain and step (requestGuid in context.ts): so requests
 * sent side by side, or twenty-five creates of the same shape, each find their own answer, whatever the
 * order they arrive in. The method, the path and the body (after the recording's scrubbing) must then
 * be the recorded ones too. Recordings made before requests were tagged are matched in order, by shape.
 */
import nock, { type Interceptor } from 'nock';
import type { Cassette, Interaction } from './cassette.js';
import { scrubText } from '../scrub/scrub.js';

let installed = 0;

export interface Replay {
  /** Removes this cassette's interceptors; the network stays disabled while any cassette is installed. */
  stop(): void;
}

export function installReplay(cassette: Cassette, baseUrl: string): Replay {
  nock.disableNetConnect();
  installed++;
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const scope = nock(base.origin);
  const interceptors: Interceptor[] = [];
  for (const interaction of cassette.interactions) {
    const { request, response } = interaction;
    const id = clientRequestId(interaction);
    const interceptor = scope.intercept(`${basePath}${request.path}`, request.method, bodyMatcher(request.body, id !== undefined));
    if (id !== undefined) interceptor.matchHeader('client-request-id', id);
    interceptor.reply(response.status, serialise(response.body), response.headers);
    interceptors.push(interceptor);
  }
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      if (--installed === 0) {
        nock.cleanAll();
        nock.enableNetConnect();
      }
    },
  };
}

function clientRequestId({ request }: Interaction): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === 'client-request-id');
  return key === undefined ? undefined : request.headers[key];
}

/** Tagged: the body as sent, scrubbed as the recording was, equals the recorded one. Untagged: the same shape. */
function bodyMatcher(recorded: unknown, exact: boolean): (body: unknown) => boolean {
  if (!exact) {
    const expected = JSON.stringify(shapeOf(recorded));
    return (body) => JSON.stringify(shapeOf(body)) === expected;
  }
  const expected = canonical(recorded);
  return (body) => canonical(scrubbed(body)) === expected;
}

function scrubbed(body: unknown): unknown {
  if (body === undefined || body === '') return undefined;
  const text = scrubText(typeof body === 'string' ? body : JSON.stringify(body));
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function canonical(value: unknown): string {
  if (value === undefined || value === '') return 'none';
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Keys and JSON types, recursively; what a seeded factory reproduces even when values drift. */
export function shapeOf(value: unknown): unknown {
  if (value === undefined || value === '') return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

function serialise(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}
