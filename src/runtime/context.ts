/**
 * What a suite talks to the target with: the typed client, a raw `send` for requests the typed client
 * cannot express (no token, malformed JSON, a wrong content type), the seeded faker, the slice and its
 * validator, and the register of what the suite created so that it is deleted whatever happens.
 * The target — replay from a cassette, or a URL, optionally recorded — is set up here and nowhere else.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { seededFaker } from '../../fixtures/factories/seeded-faker.js';
import type { Faker } from '@faker-js/faker';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { RunConfig } from '../config/run-config.js';
import { capturingFetch, type CapturedRequest, type Exchange, type RetryPolicy } from '../client/exchange.js';
import { throttleGateFor } from '../client/throttle-gate.js';
import { loadSlice } from '../openapi/load.js';
import { operationOfRequest } from '../openapi/operation-table.js';
import { validatorFor, type SpecValidator } from '../openapi/validator.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { sliceSha256 } from '../openapi/hash.js';
import { readCassette, REFERENCE_DOUBLE_HEADER, writeCassette, type RecordingSource } from './cassette.js';
import { cassetteOf } from './record.js';
import { notRecorded } from './unrecorded.js';
import { createHash } from 'node:crypto';
import { allowTargetHost, harnessGuid } from '../scrub/scrub.js';
import { GROUP_PATH, PROFILE_ID } from '../openapi/paths.js';
import { inPool } from './pool.js';
import { destination, relativeToBase, type Destination } from '../client/origin.js';

export { PROFILE_ID } from '../openapi/paths.js';

export interface SendOptions {
  headers?: Record<string, string>;
  body?: string;
  /** null sends no Authorization header at all; default: the run's token. */
  token?: string | null;
}

export interface SuiteContext {
  config: RunConfig;
  /** Set when the run was interrupted: requests are refused, and nothing is recorded. */
  signal?: AbortSignal;
  /** Names the suite's recording. */
  name: string;
  seed: number;
  runId: string;
  faker: Faker;
  spec: OpenApiDocument;
  validator: SpecValidator;
  client: Client<paths>;
  /** A request outside the typed client; `path` is appended to the base URL. */
  send(method: string, path: string, options?: SendOptions): Promise<Exchange>;
  /**
   * GETs an absolute link the target handed out (@odata.nextLink). In replay, links recorded under the
   * recorded base URL are served from the recording. A link to another origin gets no credentials.
   */
  follow(link: string): Promise<Exchange>;
  /**
   * Where a link the target handed out would be requested (recorded links mapped onto the replay base),
   * or why it will not be: the one origin rule (client/origin.ts). `follow` refuses what this refuses.
   */
  linkTarget(link: string): Destination;
  /** The base URL absolute links in responses start with: the recorded one in replay, else the target's. */
  linkBase: string;
  /** Replay: true when the recording was made against another version of specs/openapi.yaml. */
  staleRecording: boolean;
  /** Every exchange of this suite so far, in the order the answers came. */
  exchanges: readonly Exchange[];
  /**
   * Runs `work` as its own chain of requests: each request gets the tag `<chain>#<step>` and a
   * client-request-id derived from the seed, the suite and that tag, so that recording and replay know
   * every request by its place in the suite, not by when it was sent. Requests outside any chain belong
   * to the chain `main`. Chains run side by side; the steps of one chain run in order.
   */
  inChain<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Runs `work` once per item, at most --concurrency at a time, each in the chain `name(item, i)`. */
  eachInChains<T, R>(items: readonly T[], name: (item: T, index: number) => string, work: (item: T, index: number) => Promise<R>): Promise<R[]>;
  /** Requests that got no whole answer (timeout, reset): a create among them may have landed unseen. */
  unanswered: readonly CapturedRequest[];
  /** The last exchange of the current chain. */
  lastExchange(): Exchange;
  /**
   * A read right after a write: retried while `stale` says the write has not shown yet (404 after a
   * create, 200 after a delete), within consistencyDelaysMs. Returns the last exchange and the retries.
   */
  readAfterWrite(read: () => Promise<unknown>, stale?: (e: Exchange) => boolean): Promise<{ exchange: Exchange; retries: number }>;
  /** Registers a created group for deletion when the suite ends. */
  track(id: string): void;
  /** Forgets a group the suite deleted itself. */
  untrack(id: string): void;
  /** Groups created and not yet deleted, oldest first. */
  created: ReadonlySet<string>;
  /** Replay: removes this suite's recording from the interceptor. */
  stopReplay?: () => void;
}

export async function openContext(config: RunConfig, name: string, signal?: AbortSignal, spec: OpenApiDocument = loadSlice()): Promise<SuiteContext> {
  // Scrubbing keeps the target's own host (and so its recorded links) readable; suites run in workers.
  allowTargetHost(config.baseUrl);
  let seed = config.seed;
  let runId = config.runId;
  let linkBase = config.baseUrl;
  let staleRecording = false;
  let replay: { stop(): void } | undefined;
  if (config.target === 'replay') {
    const cassette = readCassette(config.fixturesDir, name);
    // The recorded requests were built from this seed; replaying them needs the same bodies.
    seed = cassette.meta.seed;
    runId = cassette.meta.runId;
    linkBase = cassette.meta.baseUrl ?? linkBase;
    staleRecording = cassette.meta.sliceSha256 !== sliceSha256();
    // Loaded only here: importing nock patches fetch for the whole process (see record.ts).
    const { installReplay } = await import('./replay.js');
    replay = installReplay(cassette, config.baseUrl);
  }
  const faker = seededFaker(seed);
  const exchanges: Exchange[] = [];
  const chains = new AsyncLocalStorage<Chain>();
  const mainChain: Chain = { name: 'main', step: 0 };
  const currentChain = () => chains.getStore() ?? mainChain;
  /** The tag of each client-request-id this suite sent, to tag its exchange when the answer comes. */
  const tagOf = new Map<string, { chain: string; tag: string }>();
  const claimTag = (explicitId?: string): string => {
    const chain = currentChain();
    const tag = `${chain.name}#${chain.step++}`;
    const id = explicitId ?? requestGuid(seed, name, tag);
    tagOf.set(id, { chain: chain.name, tag });
    return id;
  };
  const unanswered: CapturedRequest[] = [];
  const basePath = new URL(config.baseUrl).pathname.replace(/\/+$/, '');
  const tagged = (e: Exchange) => {
    const path = new URL(e.request.url).pathname;
    const op = path.startsWith(basePath) ? operationOfRequest(spec, e.request.method, path.slice(basePath.length)) : undefined;
    if (op) e.operation = op.name;
    const place = tagOf.get(e.request.headers['client-request-id'] ?? '');
    if (place) Object.assign(e, place);
    exchanges.push(e);
  };
  const lastOfChain = (chain: string) => {
    for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]!.chain === chain) return exchanges[i];
    return undefined;
  };
  const transport = capturingFetch(tagged, config, retryPolicy(config), {
    onUnanswered: (r) => unanswered.push(r),
    gate: throttleGateFor(runId, config.baseUrl, config.throttleBudgetMs),
    ...(signal && { signal }),
    ...(config.target === 'replay' && { notTheTarget: notRecorded }),
  });
  const authorization = (token: string | null | undefined): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  const client = createClient<paths>({ baseUrl: config.baseUrl, fetch: transport, headers: authorization(config.token) });
  // Graph correlates by client-request-id; every request carries one, derived from its chain and step.
  client.use({
    onRequest({ request }) {
      request.headers.set('client-request-id', claimTag(request.headers.get('client-request-id') ?? undefined));
      return request;
    },
  });
  const origin = new URL(config.baseUrl).origin;
  async function sendTo(url: string, method: string, options: SendOptions = {}): Promise<Exchange> {
    // The run's token goes to the target's own origin and nowhere else, whatever a response links to.
    const token = new URL(url).origin !== origin ? null : options.token === undefined ? config.token : options.token;
    const explicit = Object.entries(options.headers ?? {}).find(([k]) => k.toLowerCase() === 'client-request-id')?.[1];
    const id = claimTag(explicit);
    const headers = { ...authorization(token), ...options.headers, 'client-request-id': id };
    await transport(new Request(url, { method, headers, body: options.body }));
    // The latest answer to this very request (a throttled one is retried under the same id).
    for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]!.request.headers['client-request-id'] === id) return exchanges[i]!;
    throw new Error(`${method} ${url}: answered, but its exchange was not captured`);
  }
  const created = new Set<string>();
  return {
    config,
    ...(signal && { signal }),
    name,
    seed,
    runId,
    faker,
    spec,
    validator: validatorFor(spec),
    client,
    exchanges,
    unanswered,
    linkBase,
    staleRecording,
    inChain: (chain, work) => chains.run({ name: chain, step: 0 }, work),
    eachInChains: (items, chain, work) =>
      inPool(items, config.concurrency, (item, i) => chains.run({ name: chain(item, i), step: 0 }, () => work(item, i))),
    lastExchange() {
      const last = lastOfChain(currentChain().name);
      if (!last) throw new Error('no request has been sent yet');
      return last;
    },
    send(method, path, options = {}) {
      return sendTo(`${config.baseUrl}${path}`, method, options);
    },
    linkTarget: (link) => destination(followable(link, linkBase, config.baseUrl), config.baseUrl),
    follow(link) {
      const where = destination(followable(link, linkBase, config.baseUrl), config.baseUrl);
      // Suites ask linkTarget first and name a refused link in their verdict; this is the backstop.
      if (!where.ok) return Promise.reject(new Error(`a link the target handed out was not requested: ${where.why}`));
      return sendTo(where.url, 'GET');
    },
    async readAfterWrite(read, stale = (e) => e.response.status === 404) {
      const delays = consistencyDelaysMs(config);
      for (let retries = 0; ; retries++) {
        await read();
        const exchange = lastOfChain(currentChain().name)!;
        if (!stale(exchange) || retries >= delays.length) return { exchange, retries };
        await new Promise((resolve) => setTimeout(resolve, delays[retries]));
      }
    },
    ...(replay && { stopReplay: () => replay!.stop() }),
    track: (id) => void created.add(id),
    untrack: (id) => void created.delete(id),
    created,
  };
}

/** 429 and 503 are waited out (Retry-After, at most a minute each, three times); replay does not wait. */
export function retryPolicy(config: RunConfig): RetryPolicy {
  return { max: 3, maxWaitMs: 60_000, scale: config.target === 'replay' ? 0 : 1 };
}

/**
 * Graph is eventually consistent: a group just created may not be readable at once. Reads right after
 * a write are retried on 404 this many times, after these waits (none in replay, where the recorded
 * 404s come back in order).
 */
export function consistencyDelaysMs(config: RunConfig): readonly number[] {
  const wait = config.target === 'replay' ? 0 : config.settleMs;
  return [1, 2, 4, 8].map((share) => Math.round((wait * share) / 15));
}

/** Where a link the target handed out is fetched: recorded links map onto the replay base. */
export function followable(link: string, linkBase: string, baseUrl: string): string {
  const rest = relativeToBase(link, linkBase);
  return rest === undefined ? link : `${baseUrl}${rest}`;
}

/**
 * Deletes what the suite created (newest first) — and, when a create got no answer, the group it may
 * have made anyway, found by the name it sent — then stops replay or writes the recording. Never
 * throws: it returns what it could not delete, with why, so the command can point to a sweep.
 */
export async function closeContext(ctx: SuiteContext): Promise<{ id: string; why: string }[]> {
  const left: { id: string; why: string }[] = [];
  const remove = async (id: string) => {
    try {
      await ctx.client.DELETE(GROUP_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID, 'connectorGroup-id': id } } });
      const { status } = ctx.lastExchange().response;
      if (status >= 300 && status !== 404) left.push({ id, why: `DELETE answered ${status}` });
      ctx.untrack(id);
    } catch (error) {
      left.push({ id, why: (error as Error).message });
    }
  };
  for (const id of [...ctx.created].reverse()) await remove(id);
  if (ctx.config.target !== 'replay') {
    const names = unansweredCreates(ctx.unanswered);
    if (names.size > 0) {
      try {
        const { findGroups } = await import('../hygiene/sweep.js');
        for (const group of await findGroups(ctx.config, `conformance-${ctx.runId}-`)) if (names.has(group.name)) await remove(group.id);
      } catch (error) {
        left.push({ id: [...names].join(', '), why: `a create got no answer and the groups could not be listed to find it: ${(error as Error).message}` });
      }
    }
  }
  try {
    await finishTarget(ctx);
  } catch (error) {
    left.push({ id: '(recording)', why: `the recording could not be written: ${(error as Error).message}` });
  }
  // Replay creates nothing anywhere: a clean-up the recording does not hold leaves nothing behind.
  return ctx.config.target === 'replay' ? [] : left;
}

/** The names sent by creates that never got an answer. */
function unansweredCreates(requests: readonly CapturedRequest[]): Set<string> {
  const names = new Set<string>();
  for (const request of requests) {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/connectorGroups') || !request.body) continue;
    try {
      const name = (JSON.parse(request.body) as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
    } catch {
      // Not JSON: a malformed-body probe, which creates nothing.
    }
  }
  return names;
}

async function finishTarget(ctx: SuiteContext): Promise<void> {
  const { config } = ctx;
  if (config.target === 'replay') {
    ctx.stopReplay?.();
    return;
  }
  if (!config.record || ctx.signal?.aborted) return;
  const source = recordingSource(config, ctx.exchanges);
  const cassette = cassetteOf(ctx.exchanges, config.baseUrl, {
    operation: ctx.name,
    source,
    target: config.target === 'live' ? 'live' : 'url',
    recordedAt: new Date().toISOString(),
    sliceSha256: sliceSha256(),
    seed: ctx.seed,
    runId: ctx.runId,
    profile: config.profile,
    baseUrl: config.baseUrl,
    note: SOURCE_NOTES[source],
  });
  writeCassette(config.fixturesDir, cassette);
}

/** The project's reference double says so in a header; only `live` recordings come from Graph. */
function recordingSource(config: RunConfig, exchanges: readonly Exchange[]): RecordingSource {
  if (exchanges.some((e) => e.response.headers[REFERENCE_DOUBLE_HEADER] !== undefined)) return 'reference-double';
  return config.target === 'live' ? 'graph-tenant' : 'url-target';
}

const SOURCE_NOTES: Record<RecordingSource, string> = {
  'reference-double': "Recorded against graph-conformance's own reference double (src/double), not against Microsoft Graph.",
  'graph-tenant': 'Recorded against Microsoft Graph with a real tenant; scrubbed before writing.',
  'url-target': 'Recorded against a URL target (a mock, emulator or proxy), not against Microsoft Graph.',
};

interface Chain {
  name: string;
  /** The next step's number. */
  step: number;
}

/**
 * The client-request-id of the request at `tag` in `suite` under `seed`: a harness GUID (5eed0000-…),
 * the same in every run of that seed, so a recording and its replay name each request alike.
 */
export function requestGuid(seed: number, suite: string, tag: string): string {
  const hex = createHash('sha256').update(`${seed}/${suite}/${tag}`).digest('hex');
  return harnessGuid(() => hex.slice(0, 32));
}
