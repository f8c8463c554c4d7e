/**
 * Removes credentials and identifiers from anything about to be written (recordings, reports). It runs
 * on the way to disk, never on what checks see, so a check can still tell whether a header was sent.
 * Replay serves recordings as they are on disk: nothing here runs on the way back.
 *
 * - credentials (./credentials.ts) are removed: credential headers dropped; by value, whatever field
 *   they sit in, JWTs, opaque identity-platform tokens (`0.A…`, `1.A…`), `Bearer …`/`Basic …`
 *   credentials, connection-string keys (`AccountKey=`, `SharedAccessKey=`, `SharedAccessSignature=`),
 *   SAS signatures (`sig=`) and random values of `token=`/`key=`-like parameters; by name, secret values
 *   in forms, query strings and JSON fields. All are replaced by `<redacted>`. OData's `$skiptoken=` and
 *   `$deltatoken=` are paging cursors, not credentials: kept (replay needs them), unless JWT-shaped.
 * - identifiers (./identifiers.ts) are replaced by deterministic pseudonyms (./pseudonyms.ts): every
 *   GUID by `5ca1ab1e-0000-4000-8000-<12 hex>` except the harness's own `5eed0000-…`, addresses and
 *   UPNs by `user-<8 hex>@example.invalid`, tenant domains by `tenant-<8 hex>.example.invalid`, every
 *   other host outside the allow-list by `host-<8 hex>.example.invalid` (./hosts.ts). The same value
 *   always gets the same pseudonym, so a recording replays, and scrubbing twice changes nothing.
 * - Graph's `x-ms-ags-diagnostic` header is reduced to the region it names (DataCenter, Slice, Ring):
 *   RoleInstance and ScaleUnit name the machine that answered, and go.
 *
 * Hosts allowed as they are: graph.microsoft.com, login.microsoftonline.com, *.invalid, loopback, and
 * the run's own: a run makes its list once (`runAllowedHosts(baseUrl)`, held by its plan) and does its
 * work inside `withAllowedHosts(hosts, …)`, so the target's own host stays in its recordings and reports.
 * Without a run in scope the built-in list applies; `allowHosts(...hosts)` extends it.
 */
import type { CapturedRequest, CapturedResponse, Exchange } from '../client/exchange.js';
import { isCredentialHeader, redactCredentials } from './credentials.js';
import { scrubHostHeader, scrubLocationHeader } from './hosts.js';
import { pseudonymiseIdentifiers } from './identifiers.js';

export { REDACTED } from './credentials.js';
export { allowHosts, allowTargetHost, isAllowedHost, resetAllowedHosts, runAllowedHosts, withAllowedHosts } from './hosts.js';
export { harnessGuid, isHarnessGuid, isPseudonymGuid } from './pseudonyms.js';

const HOST_HEADERS = new Set(['host', 'x-forwarded-host', 'x-original-host']);
const LOCATION_HEADERS = new Set(['location', 'content-location']);
const AGS_DIAGNOSTIC = 'x-ms-ags-diagnostic';
/** What stays of x-ms-ags-diagnostic's ServerInfo: where, not which machine. */
const DIAGNOSTIC_KEPT = ['DataCenter', 'Slice', 'Ring'];

export function scrubText(text: string): string {
  return pseudonymiseIdentifiers(redactCredentials(text));
}

export function scrubHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    if (isCredentialHeader(n)) continue;
    if (n === AGS_DIAGNOSTIC) {
      const reduced = reducedDiagnostic(value);
      if (reduced !== undefined) out[name] = scrubText(reduced);
      continue;
    }
    const scrubbed = scrubText(value);
    out[name] = HOST_HEADERS.has(n) ? scrubHostHeader(scrubbed) : LOCATION_HEADERS.has(n) ? scrubLocationHeader(scrubbed) : scrubbed;
  }
  return out;
}

/**
 * `{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5","ScaleUnit":"001","RoleInstance":"AM2…"}}`
 * becomes `{"ServerInfo":{"DataCenter":"West Europe","Slice":"E","Ring":"5"}}`: only the kept ServerInfo
 * members, nothing else. What is not such JSON is dropped (undefined): it cannot be told safe.
 */
function reducedDiagnostic(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const info = (parsed as { ServerInfo?: unknown }).ServerInfo;
  if (info === undefined) return '{}';
  if (info === null || typeof info !== 'object' || Array.isArray(info)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const key of DIAGNOSTIC_KEPT) {
    const v = (info as Record<string, unknown>)[key];
    if (typeof v === 'string' || typeof v === 'number') kept[key] = v;
  }
  return JSON.stringify({ ServerInfo: kept });
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
