/**
 * Removes credentials and identifiers from anything about to be written (recordings, reports). It runs
 * on the way to disk, never on what checks see, so a check can still tell whether a header was sent.
 *
 * - credentials (./credentials.ts) are removed: credential headers dropped, JWTs and secret values
 *   (forms, query strings, JSON fields) replaced by `<redacted>`;
 * - identifiers (./identifiers.ts) are replaced by deterministic pseudonyms (./pseudonyms.ts): every
 *   GUID by `5ca1ab1e-0000-4000-8000-<12 hex>` except the harness's own `5eed0000-…`, addresses and
 *   UPNs by `user-<8 hex>@example.invalid`, tenant domains by `tenant-<8 hex>.example.invalid`. The same
 *   value always gets the same pseudonym, so a recording replays, and scrubbing twice changes nothing.
 */
import type { CapturedRequest, CapturedResponse, Exchange } from '../client/exchange.js';
import { isCredentialHeader, redactCredentials } from './credentials.js';
import { pseudonymiseIdentifiers } from './identifiers.js';

export { REDACTED } from './credentials.js';
export { harnessGuid, isHarnessGuid, isPseudonymGuid } from './pseudonyms.js';

export function scrubText(text: string): string {
  return pseudonymiseIdentifiers(redactCredentials(text));
}

export function scrubHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (isCredentialHeader(name)) continue;
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
