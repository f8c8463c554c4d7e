/**
 * Every request the suite sends goes through this fetch, which keeps a faithful copy of both sides:
 * checks judge the copy, reports show it (scrubbed), and the body the typed client parses is the same
 * text the checks saw.
 */
import { setMaxListeners } from 'node:events';
import { maxHeaderSize } from 'node:http';
import type { ThrottleGate } from './throttle-gate.js';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Exchange {
  request: CapturedRequest;
  response: CapturedResponse;
  durationMs: number;
  /** Throttled answers (429/503) waited out and retried before this one. */
  retries?: number;
  /**
   * The first attempt's connection was reset or closed before a byte of an answer came, and the request was
   * sent once more (see STALE_CONNECTION_PAUSE_MS): this answer is the second attempt's.
   */
  resentAfter?: 'reset' | 'closed';
  /**
   * Set on a throttled answer (429/503) that was waited out and sent again: evidence that the target
   * throttled, never the answer to the request, so no check judges it (the next attempt is judged).
   */
  readonly retried?: true;
  /**
   * The slice operation the request addressed (operation-table name), when it addressed one. This and
   * the fields below are known when the request is sent (runtime/transport.ts), never filled in later.
   */
  readonly operation?: string;
  /** What the request was meant to get: a 2xx, a 4xx (something that cannot exist), or either. */
  readonly expect?: 'success' | 'error' | 'any';
  /** The chain of requests it belongs to, and its place there (`<chain>#<step>`): how replay knows it. */
  readonly chain?: string;
  readonly tag?: string;
}

/** How throttling is waited out: at most `max` retries, each after Retry-After (capped), times `scale`. */
export interface RetryPolicy {
  max: number;
  maxWaitMs: number;
  /** 0 in replay: the recorded throttling is replayed without the wait. */
  scale: number;
}

export const NO_RETRY: RetryPolicy = { max: 0, maxWaitMs: 0, scale: 0 };

const THROTTLED = new Set([429, 503]);

/**
 * A request whose connection is reset or closed before a byte of the answer arrives is sent once more,
 * after this pause. The common cause is a stale keep-alive connection, not a broken target: a server busy
 * past its keep-alive timeout (Node's default is 5 s; a mock on a loaded CI machine stalls that long) wakes,
 * closes its idle connections, and resets the one carrying a request it never read. RFC 9112 §9.3.1 lets a
 * client send again what a closed connection aborted; every method is sent again, since the request was
 * not answered, and a create that did land is swept by its run-tagged name like any unanswered create.
 * The pause lets the closes of the other stale connections arrive first, so the second attempt takes a
 * live one. A target that resets twice is reported as resetting; the report says when a resend was needed.
 */
const STALE_CONNECTION_PAUSE_MS = 100;

/** How a request failed on the wire, for the engine to tell a slow target from a broken one. */
export type TransportFailure =
  | 'timeout'
  | 'refused'
  | 'reset'
  | 'closed'
  | 'dns'
  | 'unrecorded'
  | 'interrupted'
  /** The answer came but cannot be read as one: a body past --max-body-bytes, JSON nested past MAX_JSON_DEPTH, headers past Node's limit. */
  | 'unreadable'
  /** The target throttled the run for longer than --throttle-budget allows. */
  | 'throttled'
  | 'other';

/** How long a request may take and how large its answer may be: both bound every request, headers and body. */
export interface TransportLimits {
  timeoutMs: number;
  maxBodyBytes: number;
}

/**
 * Deeper JSON than any Graph body (they nest a handful of levels) and shallow enough that every walk over
 * a parsed body (validation, scrubbing, JSON.stringify) stays far from the call stack's limit.
 */
export const MAX_JSON_DEPTH = 512;

export interface TransportHooks {
  /** Told of every request that got no whole answer: a create among them may still have landed. */
  onUnanswered?: (request: CapturedRequest) => void;
  /**
   * Says why an answer is not the target's at all (replay: the interceptor's own "no match" reply), so
   * it is reported as a transport failure instead of being judged.
   */
  notTheTarget?: (response: CapturedResponse) => string | undefined;
  /** Aborts requests in flight and refuses new ones: the run was interrupted. */
  signal?: AbortSignal;
  /** The run's throttle gate: every attempt waits at it, a throttled answer closes it. */
  gate?: ThrottleGate;
}

/** A request that never got a (whole) response: the message says in words what went wrong on the wire. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly request: CapturedRequest,
    readonly kind: TransportFailure = 'other',
  ) {
    super(message);
  }
}

export function capturingFetch(
  /** Told of every answer; `retrying` when it is a throttled answer about to be waited out and sent again. */
  onExchange: (exchange: Exchange, attempt: { retrying: boolean }) => void,
  limits: TransportLimits,
  retry: RetryPolicy = NO_RETRY,
  hooks: TransportHooks = {},
): (request: Request) => Promise<Response> {
  const { timeoutMs, maxBodyBytes } = limits;
  // Each request in flight listens to the run's signal until it ends (and removes itself then): as many
  // listeners as --concurrency allows, which is no leak, so Node's warning past ten would only mislead.
  if (hooks.signal) setMaxListeners(0, hooks.signal);
  return async (request) => {
    const captured: CapturedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      // Read once, here: every attempt below sends a fresh request built from this copy.
      body: request.body === null ? undefined : await request.text(),
    };
    let resentAfter: 'reset' | 'closed' | undefined;
    // Once per request: a create sent twice is still one request that may have landed.
    let told = false;
    const tellUnanswered = () => {
      if (!told) hooks.onUnanswered?.(captured);
      told = true;
    };
    for (let attempt = 0; ; attempt++) {
      await hooks.gate?.pass(hooks.signal);
      const started = performance.now();
      let response: Response | undefined;
      const received = { bytes: 0 };
      let body: string;
      // One controller per attempt, aborted by our own timer: it bounds the headers and the body alike. The
      // timer holds the controller strongly; AbortSignal.timeout combined through AbortSignal.any can be
      // collected on Node 20 and never fire (nodejs/node#57736), which let a silent target hang a run.
      const attemptAbort = new AbortController();
      const timer = setTimeout(() => attemptAbort.abort(new DOMException(`no whole answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
      const onRunAbort = () => attemptAbort.abort(hooks.signal?.reason);
      hooks.signal?.addEventListener('abort', onRunAbort, { once: true });
      if (hooks.signal?.aborted) onRunAbort();
      try {
        // Looked up at call time, so interception installed after the client was made still applies.
        // A fresh request from the captured body: interceptors clone what they get, and a Request whose
        // body stream was handed on cannot be cloned again. Redirects are never followed: a 3xx is the
        // answer judged (following one would turn a POST into a GET on another server, unseen).
        response = await globalThis.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: captured.body,
          redirect: 'manual',
          signal: attemptAbort.signal,
        });
        body = await readBody(response, received, attemptAbort.signal, maxBodyBytes);
      } catch (error) {
        tellUnanswered();
        if (hooks.signal?.aborted) throw new TransportError(`${request.method} ${request.url}: not answered, the run was interrupted`, captured, 'interrupted');
        const failure =
          error instanceof UnreadableAnswer
            ? { kind: 'unreadable' as const, message: `${request.method} ${request.url}: ${error.message}` }
            : describeTransportError(error, captured, timeoutMs, response, received.bytes);
        const endedUnanswered = response === undefined && (failure.kind === 'reset' || failure.kind === 'closed');
        if (endedUnanswered && resentAfter === undefined) {
          resentAfter = failure.kind as 'reset' | 'closed';
          await sleep(STALE_CONNECTION_PAUSE_MS);
          if (hooks.signal?.aborted)
            throw new TransportError(`${request.method} ${request.url}: not answered, the run was interrupted`, captured, 'interrupted');
          continue;
        }
        const again = endedUnanswered && resentAfter !== undefined ? ', also when sent a second time' : '';
        throw new TransportError(failure.message + again, captured, failure.kind);
      } finally {
        clearTimeout(timer);
        hooks.signal?.removeEventListener('abort', onRunAbort);
      }
      const depth = jsonDepthBeyond(body, MAX_JSON_DEPTH);
      if (depth !== undefined) {
        tellUnanswered();
        throw new TransportError(
          `${request.method} ${request.url}: answered ${response.status} with JSON nested more than ${MAX_JSON_DEPTH} levels deep (at byte ${depth}); no Graph body nests like that, and it is not judged further`,
          captured,
          'unreadable',
        );
      }
      const headers = Object.fromEntries(response.headers);
      const foreign = hooks.notTheTarget?.({ status: response.status, headers, body });
      if (foreign !== undefined) {
        tellUnanswered();
        throw new TransportError(`${request.method} ${request.url}: ${foreign}`, captured, 'unrecorded');
      }
      const exchange: Exchange = { request: captured, response: { status: response.status, headers, body }, durationMs: performance.now() - started };
      const throttled = attempt - (resentAfter ? 1 : 0);
      if (throttled > 0) exchange.retries = throttled;
      if (resentAfter) exchange.resentAfter = resentAfter;
      const retrying = THROTTLED.has(response.status) && throttled < retry.max;
      onExchange(exchange, { retrying });
      if (retrying) {
        const asked = retryAfterMs(headers['retry-after']);
        const wait = Math.min(asked, retry.maxWaitMs) * retry.scale;
        const why = `the target answered ${response.status} to ${request.method} ${request.url} (Retry-After: ${headers['retry-after'] ?? 'none, 1 s assumed'}${asked > retry.maxWaitMs ? `, capped at ${retry.maxWaitMs / 1000} s` : ''})`;
        // The whole run waits, not only this request: the target throttles the caller, not one call.
        if (hooks.gate) {
          if (!hooks.gate.pause(wait, why)) {
            const { budgetMs, waitedMs } = hooks.gate;
            throw new TransportError(
              `${why}; waiting ${(wait / 1000).toFixed(1)} s more would pass the run's throttle budget of ${(budgetMs / 1000).toFixed(1)} s (--throttle-budget; ${(waitedMs / 1000).toFixed(1)} s waited already): the target throttled the run out`,
              captured,
              'throttled',
            );
          }
        } else await sleep(wait);
        continue;
      }
      const nullBody = response.status === 204 || response.status === 304 || response.status === 101;
      return new Response(nullBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
  };
}

/** Retry-After in seconds or as an HTTP date; one second when the service gives none. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (value === undefined || value.trim() === '') return 1000;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** An answer that arrived but is not read further: the message says why, in words. */
class UnreadableAnswer extends Error {}

/**
 * The body as text, counting the bytes that arrived, so a cut-off answer can say how much came. Stops
 * at `maxBytes` (announced or arrived): a target that never stops sending cannot fill the memory.
 */
async function readBody(response: Response, received: { bytes: number }, signal: AbortSignal, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const announced = response.headers.get('content-length');
  if (announced && /^\d+$/.test(announced) && Number(announced) > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new UnreadableAnswer(
      `answered ${response.status} announcing a ${count(Number(announced))}-byte body, more than --max-body-bytes ${count(maxBytes)}; judged as too large, not read`,
    );
  }
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  // A body that trickles in must stop when the attempt's timer fires, whether or not fetch passes the abort on.
  const onAbort = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      received.bytes += value.byteLength;
      if (received.bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new UnreadableAnswer(
          `answered ${response.status} with a body past --max-body-bytes ${count(maxBytes)} (stopped reading after ${count(received.bytes)} bytes); judged as too large`,
        );
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The byte offset where `text`, read as JSON, first nests deeper than `limit`, or undefined. One linear
 * pass that skips strings; it runs before anything parses the body, since every walk over a parsed value
 * (Ajv, the scrubber, JSON.stringify) recurses and would overflow the stack on a hostile body.
 */
export function jsonDepthBeyond(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What went wrong, in words a reader of the report understands; the undici code only in brackets. */
export function describeTransportError(
  error: unknown,
  request: CapturedRequest,
  timeoutMs: number,
  response?: Response,
  receivedBytes = 0,
): { kind: TransportFailure; message: string } {
  const err = error as Error & { cause?: { code?: string; message?: string; cause?: { code?: string } } };
  const where = `${request.method} ${request.url}`;
  const timedOut = err.name === 'TimeoutError' || (err.cause as { name?: string } | undefined)?.name === 'TimeoutError';
  if (timedOut || err.cause?.code === 'UND_ERR_HEADERS_TIMEOUT' || err.cause?.code === 'UND_ERR_BODY_TIMEOUT') {
    const what = response
      ? `the response body did not finish within ${timeoutMs} ms (${count(receivedBytes)} bytes arrived)`
      : `no response within ${timeoutMs} ms`;
    return { kind: 'timeout', message: `${where}: ${what} (--timeout)` };
  }
  const code = err.cause?.code ?? err.cause?.cause?.code;
  const detail = code ? ` [${code}]` : '';
  if (response) {
    const length = response.headers.get('content-length');
    const of = length && /^\d+$/.test(length) ? ` of ${count(Number(length))}` : '';
    return { kind: 'closed', message: `${where}: the connection closed after ${count(receivedBytes)}${of} bytes of the response body${detail}` };
  }
  switch (code) {
    case 'UND_ERR_HEADERS_OVERFLOW':
      return {
        kind: 'unreadable',
        message: `${where}: the response headers are larger than Node's limit (${count(maxHeaderSize)} bytes, --max-http-header-size); the answer is not read${detail}`,
      };
    case 'ECONNREFUSED':
      return { kind: 'refused', message: `${where}: the target refused the connection (nothing listens there)${detail}` };
    case 'ECONNRESET':
      return { kind: 'reset', message: `${where}: the target reset the connection before answering${detail}` };
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { kind: 'closed', message: `${where}: the target closed the connection before answering${detail}` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { kind: 'dns', message: `${where}: the host name does not resolve${detail}` };
    default: {
      const cause = err.cause?.message ?? err.message;
      return { kind: 'other', message: `${where}: ${cause}${detail}` };
    }
  }
}

/**
 * Exchanges in the order of their places (chain, then step), not of their answers: concurrent requests
 * finish in any order, and a check that names its first failing request must name the same one each run.
 * Untagged exchanges keep their relative order after the tagged ones.
 */
export function inSendingOrder(exchanges: readonly Exchange[]): Exchange[] {
  const place = (e: Exchange): [string, number] | undefined => {
    const at = e.tag?.lastIndexOf('#') ?? -1;
    return e.tag && at >= 0 ? [e.tag.slice(0, at), Number(e.tag.slice(at + 1))] : undefined;
  };
  return exchanges
    .map((e, index) => ({ e, index, at: place(e) }))
    .sort((a, b) => {
      if (!a.at || !b.at) return a.at ? -1 : b.at ? 1 : a.index - b.index;
      if (a.at[0] !== b.at[0]) return a.at[0] < b.at[0] ? -1 : 1;
      return a.at[1] - b.at[1] || a.index - b.index;
    })
    .map(({ e }) => e);
}
