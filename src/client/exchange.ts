/**
 * Every request the suite sends goes through this fetch, which keeps a faithful copy of both sides:
 * checks judge the copy, reports show it (scrubbed), and the body the typed client parses is the same
 * text the checks saw.
 */
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

/** A request that never got a response: the message says what went wrong on the wire. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly request: CapturedRequest,
  ) {
    super(message);
  }
}

export function capturingFetch(
  onExchange: (exchange: Exchange) => void,
  timeoutMs: number,
  retry: RetryPolicy = NO_RETRY,
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
      const started = performance.now();
      let response: Response;
      let body: string;
      try {
        // Looked up at call time, so interception installed after the client was made still applies.
        // A fresh request from the captured body: interceptors clone what they get, and a Request whose
        // body stream was handed on cannot be cloned again.
        response = await globalThis.fetch(request.url, {
          method: request.method,
          headers: request.headers,
          body: captured.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = await response.text();
      } catch (error) {
        throw new TransportError(describeTransportError(error, captured, timeoutMs), captured);
      }
      const headers = Object.fromEntries(response.headers);
      const exchange: Exchange = { request: captured, response: { status: response.status, headers, body }, durationMs: performance.now() - started };
      if (attempt > 0) exchange.retries = attempt;
      onExchange(exchange);
      if (THROTTLED.has(response.status) && attempt < retry.max) {
        await sleep(Math.min(retryAfterMs(headers['retry-after']), retry.maxWaitMs) * retry.scale);
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

function describeTransportError(error: unknown, request: CapturedRequest, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return `${request.method} ${request.url}: no response within ${timeoutMs} ms (--timeout)`;
  const cause = err.cause?.code ?? err.cause?.message ?? err.message;
  return `${request.method} ${request.url}: ${cause}`;
}
