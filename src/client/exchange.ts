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
}

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

export function capturingFetch(onExchange: (exchange: Exchange) => void, timeoutMs: number): (request: Request) => Promise<Response> {
  return async (request) => {
    const captured: CapturedRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body === null ? undefined : await request.clone().text(),
    };
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
    onExchange({ request: captured, response: { status: response.status, headers, body }, durationMs: performance.now() - started });
    const nullBody = response.status === 204 || response.status === 304 || response.status === 101;
    return new Response(nullBody ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function describeTransportError(error: unknown, request: CapturedRequest, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError') return `${request.method} ${request.url}: no response within ${timeoutMs} ms (--timeout)`;
  const cause = err.cause?.code ?? err.cause?.message ?? err.message;
  return `${request.method} ${request.url}: ${cause}`;
}
