/**
 * Every request the suite sends goes through this fetch, which keeps a faithful copy of both sides:
 * checks judge the copy, reports show it (scrubbed), and the body the typed client parses is the same
 * text the checks saw.
 */
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
  /** The slice operation the request addressed (operation-table name), when it addressed one. */
  operation?: string;
  /** What the request was meant to get: a 2xx, a 4xx (something that cannot exist), or either. */
  expect?: 'success' | 'error' | 'any';
  /** The chain of requests it belongs to, and its place there (`<chain>#<step>`): how replay knows it. */
  chain?: string;
  tag?: string;
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

/** How a request failed on the wire, for the engine to tell a slow target from a broken one. */
export type TransportFailure = 'timeout' | 'refused' | 'reset' | 'closed' | 'dns' | 'unrecorded' | 'interrupted' | 'other';

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
  onExchange: (exchange: Exchange) => void,
  timeoutMs: number,
  retry: RetryPolicy = NO_RETRY,
  hooks: TransportHooks = {},
): (request: Request) => Promise<Response> {
  return async (request) => {
    const captured: CapturedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      // Read once, here: every attempt below sends a fresh request built from this copy.
      body: request.body === null ? undefined : await request.text(),
    };
    for (let attempt = 0; ; attempt++) {
      await hooks.gate?.pass(hooks.signal);
      const started = performance.now();
      let response: Response | undefined;
      const received = { bytes: 0 };
      let body: string;
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
          signal: hooks.signal ? AbortSignal.any([hooks.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs),
        });
        body = await readBody(response, received);
      } catch (error) {
        hooks.onUnanswered?.(captured);
        if (hooks.signal?.aborted) throw new TransportError(`${request.method} ${request.url}: not answered, the run was interrupted`, captured, 'interrupted');
        const failure = describeTransportError(error, captured, timeoutMs, response, received.bytes);
        throw new TransportError(failure.message, captured, failure.kind);
      }
      const headers = Object.fromEntries(response.headers);
      const foreign = hooks.notTheTarget?.({ status: response.status, headers, body });
      if (foreign !== undefined) {
        hooks.onUnanswered?.(captured);
        throw new TransportError(`${request.method} ${request.url}: ${foreign}`, captured, 'unrecorded');
      }
      const exchange: Exchange = { request: captured, response: { status: response.status, headers, body }, durationMs: performance.now() - started };
      if (attempt > 0) exchange.retries = attempt;
      onExchange(exchange);
      if (THROTTLED.has(response.status) && attempt < retry.max) {
        const wait = Math.min(retryAfterMs(headers['retry-after']), retry.maxWaitMs) * retry.scale;
        // The whole run waits, not only this request: the target throttles the caller, not one call.
        if (hooks.gate) hooks.gate.pause(wait);
        else await sleep(wait);
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

/** The body as text, counting the bytes that arrived, so a cut-off answer can say how much came. */
async function readBody(response: Response, received: { bytes: number }): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received.bytes += value.byteLength;
  }
  return Buffer.concat(chunks).toString('utf8');
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
  if (err.name === 'TimeoutError' || err.cause?.code === 'UND_ERR_HEADERS_TIMEOUT' || err.cause?.code === 'UND_ERR_BODY_TIMEOUT') {
    const what = response ? `the response body did not finish within ${timeoutMs} ms (${count(receivedBytes)} bytes arrived)` : `no response within ${timeoutMs} ms`;
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
