/**
 * Serves a cassette through nock with the network disabled: a request that the cassette does not
 * hold fails loudly instead of reaching anything real. Each request is known by its client-request-id,
 * which the engine derives from the request's chain and step (requestGuid in transport.ts): so requests
 * sent side by side, or twenty-five creates of the same shape, each find their own answer, whatever the
 * order they arrive in. The method, the path and the body (after the recording's scrubbing) must then
 * be the recorded ones too. Recordings made before requests were tagged are matched in order, by shape.
 */
import type { Interceptor, Scope } from 'nock';
import type { Cassette, Interaction } from './cassette.js';
import { scrubText } from '../scrub/scrub.js';

/** Replays and interception self-tests using nock in this process now. */
let users = 0;

export interface NockUse {
  readonly nock: typeof import('nock');
  /** Ends this use; the last one restores the process's own fetch. */
  release(): void;
}

/**
 * nock, active for as long as a replay (or replay's interception self-test) needs it, network refused
 * meanwhile. Loading nock patches the process's fetch, and that patch stays after its interceptors are
 * gone — a run against a URL later in the same process would send through it (and POSTs fail there) — so
 * the last use ends with `nock.restore()`, and the next one activates it again.
 */
export async function useNock(): Promise<NockUse> {
  const { default: nock } = await import('nock');
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  users++;
  let released = false;
  return {
    nock,
    release() {
      if (released) return;
      released = true;
      if (--users > 0) return;
      nock.cleanAll();
      nock.enableNetConnect();
      nock.restore();
    },
  };
}

export interface Replay {
  /** Removes this cassette's interceptors; the network stays disabled while any cassette is installed. */
  stop(): void;
}

/**
 * nock is loaded here, when a replay starts, never before: loading it patches the process's fetch, which
 * a run against a URL or Graph must not have (and the command, bundled into one file, would otherwise
 * load it with everything else).
 */
export async function installReplay(cassette: Cassette, baseUrl: string): Promise<Replay> {
  const { nock, release } = await useNock();
  const base = new URL(baseUrl);
  const basePath = base.pathname.replace(/\/+$/, '');
  const scope = nock(base.origin);
  const tagged = cassette.interactions.every((i) => clientRequestId(i) !== undefined);
  const interceptors = tagged ? byClientRequestId(scope, basePath, cassette.interactions) : inOrder(scope, basePath, cassette.interactions);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      for (const interceptor of interceptors) nock.removeInterceptor(interceptor);
      release();
    },
  };
}

/**
 * One interceptor per method, answering each request with the recorded interaction of its
 * client-request-id whose path and body match (the same id twice: a throttled request and its retry, in
 * recorded order). nock then weighs a handful of interceptors per request, not every recorded one.
 */
function byClientRequestId(scope: Scope, basePath: string, interactions: readonly Interaction[]): Interceptor[] {
  const byMethod = new Map<string, Interaction[]>();
  for (const interaction of interactions) byMethod.set(interaction.request.method, [...(byMethod.get(interaction.request.method) ?? []), interaction]);
  return [...byMethod].map(([method, recorded]) => {
    // The recorded bodies, canonical once: every request of the method is weighed against them.
    const left = recorded.map((interaction) => ({ interaction, body: canonical(interaction.request.body) }));
    // Other suites replay side by side on the same origin: only this recording's requests are this interceptor's.
    const ids = new Set(recorded.map(clientRequestId));
    const canonicalScrubbed = canonicalScrubber();
    const interceptor = scope
      .intercept(() => true, method)
      .matchHeader('client-request-id', (value: string) => ids.has(value))
      .times(recorded.length);
    // nock 15 hands a reply function the request itself (a fetch Request), whatever its typings say.
    const answer = async (request: Request): Promise<[number, string, Record<string, string>]> => {
      const id = request.headers.get('client-request-id') ?? '';
      const url = new URL(request.url);
      const path = `${url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname}${url.search}`;
      const sent = canonicalScrubbed(await request.text());
      const index = left.findIndex(
        ({ interaction: i, body: recordedBody }) => clientRequestId(i) === id && samePath(i.request.path, path) && recordedBody === sent,
      );
      if (index < 0)
        return [501, JSON.stringify({ code: 'ERR_NOCK_NO_MATCH', message: `no recorded ${method} ${path} with client-request-id ${id} and this body` }), {}];
      const { response } = left.splice(index, 1)[0]!.interaction;
      return [response.status, serialise(response.body), response.headers];
    };
    interceptor.reply(answer as unknown as Parameters<Interceptor['reply']>[0]);
    return interceptor;
  });
}

/** The recorded path was scrubbed before it was written; the one sent is compared as sent, then scrubbed alike. */
function samePath(recorded: string, sent: string): boolean {
  return recorded === sent || recorded === scrubText(sent);
}

/** Recordings made before requests were tagged: each interaction once, matched in order by shape. */
function inOrder(scope: Scope, basePath: string, interactions: readonly Interaction[]): Interceptor[] {
  return interactions.map(({ request, response }) => {
    const expected = JSON.stringify(shapeOf(request.body));
    const interceptor = scope.intercept(`${basePath}${request.path}`, request.method, (body: unknown) => JSON.stringify(shapeOf(body)) === expected);
    interceptor.reply(response.status, serialise(response.body), response.headers);
    return interceptor;
  });
}

function clientRequestId({ request }: Interaction): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === 'client-request-id');
  return key === undefined ? undefined : request.headers[key];
}

/**
 * Scrubbed once per body text, for one installed recording (the scrubbing depends on the run's allowed
 * hosts, so the memory ends with the replay): retried and repeated requests send the same bodies.
 */
function canonicalScrubber(): (body: unknown) => string {
  const seenBodies = new Map<unknown, string>();
  return (body) => {
    const key = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
    let value = seenBodies.get(key);
    if (value === undefined) seenBodies.set(key, (value = canonical(scrubbed(body))));
    return value;
  };
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
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]),
    );
  }
  return typeof value;
}

function serialise(body: unknown): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : JSON.stringify(body);
}
