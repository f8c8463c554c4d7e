/**
 * How a suite's requests reach its target: the typed client and `send`/`follow` over the capturing fetch,
 * the chains each request is tagged with (`<chain>#<step>`) and the client-request-id derived from that
 * tag, the run's throttle gate, retries, and the pool chains share.
 *
 * Each exchange is complete when its request is sent: the operation it addresses (looked up once from the
 * method and path sent), its chain and step, and what the suite expects of it are fixed then, and the
 * exchange is frozen once its answer comes. Nothing re-derives them later from the URL.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { RunConfig } from '../config/run-config.js';
import { capturingFetch, type CapturedRequest, type CapturedResponse, type Exchange, type RetryPolicy } from '../client/exchange.js';
import type { ThrottleGate } from '../client/throttle-gate.js';
import { destination, relativeToBase, type Destination } from '../client/origin.js';
import { operationOfRequest } from '../openapi/operation-table.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { harnessGuid } from '../scrub/scrub.js';
import { inPool } from './pool.js';
import type { SuiteTarget } from './target.js';

export interface SendOptions {
  headers?: Record<string, string>;
  body?: string;
  /** null sends no Authorization header at all; default: the run's token. */
  token?: string | null;
  /** What the request is meant to get: a 2xx, a 4xx (something that cannot exist), or either. */
  expect?: Exchange['expect'];
}

export interface Transport {
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
  /** Every exchange so far, in the order the answers came. */
  exchanges: readonly Exchange[];
  /** Requests that got no whole answer (timeout, reset): a create among them may have landed unseen. */
  unanswered: readonly CapturedRequest[];
  /**
   * Runs `work` as its own chain of requests: each request gets the tag `<chain>#<step>` and a
   * client-request-id derived from the seed, the suite and that tag, so that recording and replay know
   * every request by its place in the suite, not by when it was sent. Requests outside any chain belong
   * to the chain `main`. Chains run side by side; the steps of one chain run in order.
   */
  inChain<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Runs `work` once per item, at most --concurrency at a time, each in the chain `name(item, i)`. */
  eachInChains<T, R>(items: readonly T[], name: (item: T, index: number) => string, work: (item: T, index: number) => Promise<R>): Promise<R[]>;
  /** The last exchange of the current chain. */
  lastExchange(): Exchange;
  /**
   * A read right after a write: retried while `stale` says the write has not shown yet (404 after a
   * create, 200 after a delete), within consistencyDelaysMs. Returns the last exchange and the retries.
   * With `expect`, the read that settled carries that expectation; the stale reads before it carry none
   * (whether a read settles is known only from its answer).
   */
  readAfterWrite(read: () => Promise<unknown>, stale?: (e: Exchange) => boolean, expect?: Exchange['expect']): Promise<{ exchange: Exchange; retries: number }>;
}

export interface TransportOptions {
  config: RunConfig;
  /** Names the suite: part of every client-request-id. */
  suite: string;
  target: SuiteTarget;
  spec: OpenApiDocument;
  /** The run's throttle gate, shared by every suite of the run. */
  gate: ThrottleGate;
  /** Set when the run was interrupted: requests are refused. */
  signal?: AbortSignal;
  /** The target's own word on answers that are not the target's (replay's "not recorded"). */
  notTheTarget?: (response: CapturedResponse) => string | undefined;
}

/** What is known of a request when it is sent, keyed by its client-request-id until its answer comes. */
interface Stamp {
  operation?: string;
  chain: string;
  tag: string;
  expect?: Exchange['expect'];
}

interface Chain {
  name: string;
  /** The next step's number. */
  step: number;
}

/**
 * The chain a request belongs to, for every transport of the process. One store, not one per suite: on
 * Node 20 an AsyncLocalStorage stays in the process's list of stores until disable(), and every promise
 * created afterwards pays for each one — a long test process slowed down run after run.
 */
const CHAINS = new AsyncLocalStorage<{ owner: object; chain: Chain }>();

export function openTransport({ config, suite, target, spec, gate, signal, notTheTarget }: TransportOptions): Transport {
  const { baseUrl } = target;
  const exchanges: Exchange[] = [];
  const unanswered: CapturedRequest[] = [];
  // This transport's chains live in the one store every transport shares, marked with their owner.
  const owner = {};
  const mainChain: Chain = { name: 'main', step: 0 };
  const currentChain = () => {
    const store = CHAINS.getStore();
    return store?.owner === owner ? store.chain : mainChain;
  };
  const inOwnChain = <T>(name: string, work: () => T): T => CHAINS.run({ owner, chain: { name, step: 0 } }, work);
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const stamps = new Map<string, Stamp>();

  /** Claims the next step of the current chain for a request to `url`; returns its client-request-id. */
  const claim = (method: string, url: string, explicitId: string | undefined, expect: Exchange['expect']): string => {
    const chain = currentChain();
    const tag = `${chain.name}#${chain.step++}`;
    const id = explicitId ?? requestGuid(target.seed, suite, tag);
    const path = new URL(url).pathname;
    const operation = path.startsWith(basePath) ? operationOfRequest(spec, method, path.slice(basePath.length))?.name : undefined;
    stamps.set(id, { ...(operation !== undefined && { operation }), chain: chain.name, tag, ...(expect !== undefined && { expect }) });
    return id;
  };
  const captured = (e: Exchange, { retrying }: { retrying: boolean }) => {
    const stamp = stamps.get(e.request.headers['client-request-id'] ?? '');
    // A throttled answer that is sent again is not the answer the suite expected something of: it is
    // kept (recordings replay it, reports count it) but marked, and checks judge the attempt after it.
    const { expect, ...place } = stamp ?? {};
    exchanges.push(Object.freeze({ ...e, ...place, ...(expect !== undefined && !retrying && { expect }), ...(retrying && { retried: true as const }) }));
  };
  const lastOfChain = (chain: string) => {
    for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]!.chain === chain) return exchanges[i];
    return undefined;
  };
  const fetch = capturingFetch(captured, config, retryPolicy(config), {
    onUnanswered: (r) => unanswered.push(r),
    gate,
    ...(signal && { signal }),
    ...(notTheTarget && { notTheTarget }),
  });
  const authorization = (token: string | null | undefined): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  const client = createClient<paths>({ baseUrl, fetch, headers: authorization(config.token) });
  // Graph correlates by client-request-id; every request carries one, derived from its chain and step.
  client.use({
    onRequest({ request }) {
      request.headers.set('client-request-id', claim(request.method, request.url, request.headers.get('client-request-id') ?? undefined, undefined));
      return request;
    },
  });
  const origin = new URL(baseUrl).origin;
  async function sendTo(url: string, method: string, options: SendOptions = {}): Promise<Exchange> {
    // The run's token goes to the target's own origin and nowhere else, whatever a response links to.
    const token = new URL(url).origin !== origin ? null : options.token === undefined ? config.token : options.token;
    const explicit = Object.entries(options.headers ?? {}).find(([k]) => k.toLowerCase() === 'client-request-id')?.[1];
    const id = claim(method, url, explicit, options.expect);
    const headers = { ...authorization(token), ...options.headers, 'client-request-id': id };
    await fetch(new Request(url, { method, headers, body: options.body }));
    // The latest answer to this very request (a throttled one is retried under the same id).
    for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i]!.request.headers['client-request-id'] === id) return exchanges[i]!;
    throw new Error(`${method} ${url}: answered, but its exchange was not captured`);
  }
  const linkTarget = (link: string) => destination(followable(link, target.linkBase, baseUrl), baseUrl);
  return {
    client,
    exchanges,
    unanswered,
    linkBase: target.linkBase,
    inChain: (chain, work) => inOwnChain(chain, work),
    eachInChains: (items, chain, work) => inPool(items, config.concurrency, (item, i) => inOwnChain(chain(item, i), () => work(item, i))),
    lastExchange() {
      const last = lastOfChain(currentChain().name);
      if (!last) throw new Error('no request has been sent yet');
      return last;
    },
    send: (method, path, options = {}) => sendTo(`${baseUrl}${path}`, method, options),
    linkTarget,
    follow(link) {
      const where = linkTarget(link);
      // Suites ask linkTarget first and name a refused link in their verdict; this is the backstop.
      if (!where.ok) return Promise.reject(new Error(`a link the target handed out was not requested: ${where.why}`));
      return sendTo(where.url, 'GET');
    },
    async readAfterWrite(read, stale = (e) => e.response.status === 404, expect) {
      const delays = consistencyDelaysMs(config);
      for (let retries = 0; ; retries++) {
        await read();
        const exchange = lastOfChain(currentChain().name)!;
        if (!stale(exchange) || retries >= delays.length) return { exchange: expect === undefined ? exchange : settled(exchange, expect), retries };
        await new Promise((resolve) => setTimeout(resolve, delays[retries]));
      }
    },
  };

  /** The read that settled, with its expectation: it takes the place of the exchange as captured. */
  function settled(exchange: Exchange, expect: Exchange['expect']): Exchange {
    const at = exchanges.lastIndexOf(exchange);
    const stamped = Object.freeze({ ...exchange, expect });
    if (at >= 0) exchanges[at] = stamped;
    return stamped;
  }
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
 * The client-request-id of the request at `tag` in `suite` under `seed`: a harness GUID (5eed0000-…),
 * the same in every run of that seed, so a recording and its replay name each request alike.
 */
export function requestGuid(seed: number, suite: string, tag: string): string {
  const hex = createHash('sha256').update(`${seed}/${suite}/${tag}`).digest('hex');
  return harnessGuid(() => hex.slice(0, 32));
}
