/**
 * Removes credentials from anything about to be written (recordings, reports). It runs on the way to
 * disk, never on what checks see, so a check can still tell whether a header was sent.
 */
import type { CapturedRequest, CapturedResponse, Exchange } from '../client/exchange.js';

const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-ms-client-secret']);
const JWT = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
const CLIENT_SECRET_FORM = /(client_secret|client_assertion|refresh_token|access_token|password)=[^&\s"]+/gi;

export const REDACTED = '<redacted>';

export function scrubText(text: string): string {
  return text.replace(JWT, `${REDACTED}:jwt`).replace(CLIENT_SECRET_FORM, `$1=${REDACTED}`);
}

export function scrubHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    out[name] = scrubText(value);
  }
  return out;
}

export function scrubRequest(request: CapturedRequest): CapturedRequest {
  return {
    method: request.method,
    url: scrubText(request.url),
    headers: scrubHeaders(request.headers),
    ...(request.body === undefined ? {} : { body: scrubText(request.body) }),
  };
}

export function scrubResponse(response: CapturedResponse): CapturedResponse {
  return { status: response.status, headers: scrubHeaders(response.headers), body: scrubText(response.body) };
}

export function scrubExchange(exchange: Exchange): Exchange {
  return { request: scrubRequest(exchange.request), response: scrubResponse(exchange.response), durationMs: exchange.durationMs };
}
