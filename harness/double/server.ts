// An in-process stand-in for Microsoft Graph's beta connectorGroups API: the conformance suite's known-good
// target, and with defects switched on, its known-bad ones.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { bearerToken, hasBearerToken, refusesToken, tokenRefused } from './auth.js';
import { parseJsonBody, readBody } from './body.js';
import { applyCreateDefects } from './create-defects.js';
import { isDefect, type Defect } from './defects.js';
import { ERRORS } from './errors.js';
import { handle, type GroupStore } from './handlers.js';
import { newGuid } from './ids.js';
import type { ConnectorGroupRecord } from './model.js';
import { failure, render, type Outcome, type Reply } from './response.js';
import { applyReplyDefects } from './reply-defects.js';
import { hasQueryOption, type FilterFunction } from './query.js';
import { ALLOWED_METHODS, matchRoute, takesJsonBody, type Route } from './router.js';

export { DEFECTS, DEFECT_DESCRIPTIONS, isDefect, type Defect } from './defects.js';
export type { ConnectorGroupRecord, ConnectorGroupRegion } from './model.js';

export interface DoubleOptions {
  defects?: readonly Defect[];
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Only loopback addresses are accepted: the double must never face a network. */
  host?: string;
  /** Collection page size when the client sends no $top (default 100); small values exercise paging. */
  pageSize?: number;
  /** Groups that exist before the first request, named `preexisting-<n>` (never `conformance-`). */
  seedGroups?: number;
  /**
   * The service root its URLs name (@odata.context, members/$ref's @odata.id values): `graph` (the default)
   * names Graph's own, as Graph does whatever host served the request; `own` names the double's base URL, as
   * an OData service that is not Graph does (OData 4.01 §10: the context URL starts with the service root).
   */
  serviceRoot?: 'graph' | 'own';
  /**
   * The $filter functions the double offers on connectorGroups (default: every one it knows). Without
   * `startswith`, a filter that calls it is answered 400 Request_UnsupportedQuery in Graph's error envelope
   * while `name eq '…'` still works: a correct server that offers fewer functions (query.ts says why).
   */
  filterFunctions?: readonly FilterFunction[];
  /** Faults of a healthy but busy service, on demand (not defects: a conforming client copes with them). */
  faults?: Faults;
  /**
   * The bearer tokens the double accepts; any other is answered 401 InvalidAuthenticationToken, as Graph
   * answers an expired or foreign token. Unset (the default), any non-empty token is accepted.
   */
  acceptTokens?: readonly string[];
  /**
   * Compressed answers: a body is sent gzip- (or else deflate-) coded, with Content-Encoding and
   * Vary: Accept-Encoding, whenever the request's Accept-Encoding allows it (RFC 9110 §8.4, §12.5.3), as
   * Graph's front ends do; identity otherwise. A client's fetch decodes it before anyone reads the body.
   */
  compression?: boolean;
  /**
   * ETags: a group's answers (get, create, a PATCH answered 200) carry a strong `ETag`, and PATCH and DELETE
   * honour an `If-Match` when one is sent — `*` or the current tag passes, any other tag is answered 412 —
   * while never requiring one (RFC 9110 §13.1.1; Graph hands out ETags on some resources, not on others).
   */
  etags?: boolean;
  /**
   * `readable` (the default): $skiptoken values are base64url of the double's own cursor or offset.
   * `opaque`: random tokens the double keeps a table of, decodable by no one but itself, as Graph's are
   * (Graph's paging page: "treat the entire URL as opaque"; a client that parses or builds one breaks).
   */
  skipTokens?: 'readable' | 'opaque';
  /**
   * The connectorGroups list's order when no $orderby is sent: `creation` (the default) or `newest-first`.
   * Without $orderby the order is the service's to choose (OData 4.01 §11.2.6.2), and may change.
   */
  unorderedAs?: 'creation' | 'newest-first';
  /**
   * What PATCH answers without Prefer: `no-content` (204, the default) or `entity` (200 with the group as
   * patched). Graph's update pages document 204, and decision update-status-200-or-204 allows either.
   */
  patchAnswer?: 'no-content' | 'entity';
  /**
   * Another client of the same tenant: every `everyRequests`-th request, a group `other-client-<n>` is created
   * first, and once more than `keep` (default 3) of them exist the oldest is deleted. It never touches any
   * other group, so whatever a run creates stays the run's own.
   */
  otherClient?: { everyRequests: number; keep?: number };
}

export interface Faults {
  /**
   * `times` requests, after the first `after` (default 0), are refused with 429 or 503 and Retry-After (seconds).
   * With `path`, only requests whose path ends with it (decoded, e.g. `/$count`) are refused: Graph throttles
   * per resource as well as per caller, so one busy endpoint can answer 503 while its neighbours answer.
   */
  throttle?: { status: 429 | 503; times: number; retryAfterSeconds: number; after?: number; path?: string };
  /** Every reply waits this long before it is sent. */
  delayMs?: number;
  /** The first `n` requests' connections are destroyed instead of answered (the client sends each such request once more). */
  resetRequests?: number;
  /** Eventual consistency: a new group answers 404 to its first `n` reads by id. */
  lagReads?: number;
  /** Absolute links (@odata.nextLink) are built on this base instead of the double's own: a leaky target. */
  linkBase?: string;
  /** Creates are answered with this redirect instead of 201 (nothing is created). */
  redirectCreates?: { status: 301 | 302 | 307 | 308; location: string };
  /** Creates are stored at once, but their answer waits this long: a create whose answer never arrives. */
  slowCreateReplyMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path and query string exactly as received. */
  path: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** When it arrived (Date.now()). */
  at: number;
  /** The status it was answered with (once answered). */
  status?: number;
}

export interface RunningDouble {
  /** The root the spec's paths are appended to, e.g. http://127.0.0.1:54321 */
  baseUrl: string;
  /** Closes the server and every socket, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
  groups: ReadonlyMap<string, ConnectorGroupRecord>;
  requests: ReadonlyArray<RecordedRequest>;
}

/** What the request-id-constant defect answers every request with: a well-formed GUID, only never a new one. */
const CONSTANT_REQUEST_ID = '0c0ffee0-0000-4000-8000-000000000001';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Whether the throttle fault applies to a request for `pathname`: every path, or those ending with `suffix`. */
function throttles(suffix: string | undefined, pathname: string): boolean {
  if (suffix === undefined) return true;
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // A path that is not valid percent-encoding is compared as sent.
  }
  return decoded.endsWith(suffix);
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The content coding an Accept-Encoding allows, gzip preferred: a coding (or `*`) listed with a q-value
 * above 0 (RFC 9110 §12.5.3). Undefined: identity.
 */
export function codingFor(acceptEncoding: string | undefined): 'gzip' | 'deflate' | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.map((p) => /^q=([\d.]+)$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name !== '') weights.set(name, q === undefined ? 1 : Number(q));
  }
  return (['gzip', 'deflate'] as const).find((coding) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0);
}

function write(response: ServerResponse, reply: Reply, coding?: 'gzip' | 'deflate'): void {
  const headers: Record<string, string | number> = { ...reply.headers };
  let body: string | Buffer | undefined = reply.body;
  if (coding && body !== undefined && body !== '') {
    body = coding === 'gzip' ? gzipSync(body) : deflateSync(body);
    headers['Content-Encoding'] = coding;
    headers['Vary'] = 'Accept-Encoding';
  }
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  response.writeHead(reply.status, headers);
  response.end(body);
}

/** The list answer with its @odata.nextLink's $skiptoken swapped for an opaque one (DoubleOptions.skipTokens). */
function withOpaqueToken(outcome: Outcome, opaque: (readable: string) => string): Outcome {
  if (outcome.kind !== 'json' || typeof outcome.json !== 'object' || outcome.json === null) return outcome;
  const link = (outcome.json as Record<string, unknown>)['@odata.nextLink'];
  if (typeof link !== 'string') return outcome;
  const url = new URL(link);
  const key = [...url.searchParams.keys()].find((k) => k.toLowerCase() === '$skiptoken');
  if (key === undefined) return outcome;
  url.searchParams.set(key, opaque(url.searchParams.get(key)!));
  return { ...outcome, json: { ...outcome.json, '@odata.nextLink': url.toString() } };
}

export async function startDouble(options: DoubleOptions = {}): Promise<RunningDouble> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The Graph double listens on loopback only; host '${host}' is not allowed.`);
  const unknown = (options.defects ?? []).filter((d) => !isDefect(d));
  if (unknown.length > 0) throw new Error(`Unknown defect(s): ${unknown.join(', ')}`);
  const defects = new Set<Defect>(options.defects);

  const store: GroupStore = new Map();
  for (let n = 1; n <= (options.seedGroups ?? 0); n++) {
    const id = newGuid();
    store.set(id, { id, name: `preexisting-${n}`, connectorGroupType: 'applicationProxy', isDefault: n === 1, region: 'nam' });
  }
  const requests: RecordedRequest[] = [];
  let baseUrl = '';

  const faults = options.faults ?? {};
  let throttleLeft = faults.throttle?.times ?? 0;
  let resetLeft = faults.resetRequests ?? 0;
  const lagging = new Map<string, number>();
  // Opaque $skiptoken → the double's own readable token, for DoubleOptions.skipTokens 'opaque'.
  const opaqueTokens = new Map<string, string>();
  const opaque = (readable: string) => {
    const token = randomBytes(36).toString('base64url');
    opaqueTokens.set(token, readable);
    return token;
  };
  let otherClientGroups = 0;
  /** One write of the other client: a group of its own created, its oldest deleted past `keep`. */
  function otherClientWrites(keep: number): void {
    const id = newGuid();
    store.set(id, { id, name: `other-client-${++otherClientGroups}`, connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur' });
    const its = [...store.values()].filter((g) => g.name.startsWith('other-client-'));
    for (const old of its.slice(0, Math.max(0, its.length - keep))) store.delete(old.id);
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    if (resetLeft > 0) {
      resetLeft--;
      request.socket.destroy();
      return;
    }
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    const method = (request.method ?? 'GET').toUpperCase();
    const rawUrl = request.url ?? '/';
    const headers = flattenHeaders(request);
    const recorded: RecordedRequest = { method, path: rawUrl, headers, body: raw.text, at: Date.now() };
    requests.push(recorded);
    if (options.otherClient && requests.length % Math.max(1, options.otherClient.everyRequests) === 0) otherClientWrites(options.otherClient.keep ?? 3);

    const now = new Date();
    const requestId = defects.has('request-id-constant') ? CONSTANT_REQUEST_ID : newGuid();
    // Graph echoes the caller's correlation id, or reuses its own request-id when there is none.
    const clientRequestId = headers['client-request-id'] || requestId;
    const url = new URL(rawUrl, 'http://double.invalid');
    if (options.skipTokens === 'opaque') {
      // A token the double handed out reads as its own again; any other (a readable one included) is
      // refused as invalid, as a token the server never issued is.
      const key = [...url.searchParams.keys()].find((k) => k.toLowerCase() === '$skiptoken');
      if (key !== undefined) url.searchParams.set(key, opaqueTokens.get(url.searchParams.get(key)!) ?? '');
    }
    const rawQuery = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';

    if (faults.redirectCreates && method === 'POST' && url.pathname.endsWith('/connectorGroups')) {
      write(response, {
        status: faults.redirectCreates.status,
        headers: { Location: faults.redirectCreates.location, 'Content-Type': 'text/plain' },
        body: 'moved',
      });
      return;
    }
    let outcome: Outcome;
    let isCreate = false;
    let answered: Route | undefined;
    const match = matchRoute(url.pathname);
    const lagged = match.ok && match.route.name === 'group' && method === 'GET' ? lagging.get(match.route.groupId) : undefined;
    if (throttleLeft > 0 && faults.throttle && requests.length > (faults.throttle.after ?? 0) && throttles(faults.throttle.path, url.pathname)) {
      throttleLeft--;
      outcome = failure(ERRORS.throttled(faults.throttle.status, faults.throttle.retryAfterSeconds));
    } else if (lagged !== undefined && lagged > 0 && match.ok && match.route.name === 'group') {
      lagging.set(match.route.groupId, lagged - 1);
      outcome = failure(ERRORS.resourceNotFound(match.route.groupId));
    } else if (!defects.has('auth-not-enforced') && !hasBearerToken(headers['authorization'])) {
      outcome = failure(ERRORS.unauthenticated());
    } else if (!defects.has('auth-not-enforced') && refusesToken(bearerToken(headers['authorization'])!, options.acceptTokens)) {
      outcome = failure(tokenRefused());
    } else if (!match.ok) {
      outcome = failure(ERRORS.segmentNotFound(match.unknownSegment));
    } else if (!ALLOWED_METHODS[match.route.name].includes(method)) {
      outcome = failure(ERRORS.methodNotAllowed(ALLOWED_METHODS[match.route.name]));
    } else if (defects.has('query-top-server-error') && hasQueryOption(url.searchParams, '$top')) {
      outcome = failure(ERRORS.internalServerError());
    } else {
      isCreate = match.route.name === 'groups' && method === 'POST';
      answered = match.route;
      const contentType = defects.has('content-type-ignored') ? 'application/json' : headers['content-type'];
      const body = takesJsonBody(match.route, method) ? parseJsonBody(contentType, raw) : { ok: true as const, value: undefined };
      outcome = body.ok
        ? handle({
            method,
            route: match.route,
            profileId: match.profileId,
            search: url.searchParams,
            rawQuery,
            body: body.value,
            ifMatch: headers['if-match'],
            prefer: headers['prefer'],
            store,
            baseUrl: faults.linkBase ?? baseUrl,
            ...(options.serviceRoot === 'own' && { serviceRoot: baseUrl }),
            lenientCreate: defects.has('invalid-body-accepted'),
            defects,
            pageSize: options.pageSize,
            ...(options.filterFunctions && { filterFunctions: options.filterFunctions }),
            etags: options.etags === true,
            patchReturnsEntity: options.patchAnswer === 'entity',
            ...(options.unorderedAs && { unorderedAs: options.unorderedAs }),
          })
        : failure(body.error.status === 400 && defects.has('malformed-json-500') ? { ...body.error, status: 500, code: 'InternalServerError' } : body.error);
    }

    if (options.skipTokens === 'opaque') outcome = withOpaqueToken(outcome, opaque);
    const reply = render(outcome, { requestId, clientRequestId, now, graphErrorEnvelope: !defects.has('error-envelope-not-graph') });
    if (reply.status >= 400 && defects.has('errors-without-request-id')) delete reply.headers['request-id'];
    if (isCreate && reply.status === 201 && faults.lagReads) lagging.set((JSON.parse(reply.body ?? '{}') as { id: string }).id, faults.lagReads);
    const defective = isCreate && reply.status === 201 ? applyCreateDefects(reply, defects) : reply;
    if (isCreate && faults.slowCreateReplyMs) await new Promise((resolve) => setTimeout(resolve, faults.slowCreateReplyMs));
    const final = answered ? applyReplyDefects({ route: answered, method, search: url.searchParams }, defective, defects) : defective;
    recorded.status = final.status;
    write(response, final, options.compression ? codingFor(headers['accept-encoding']) : undefined);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      // A bug in the double must surface as a 500 the test can see, never as a hung request.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(`Graph double failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  });

  // Idle connections stay open longer than any client keeps them, as Graph's front ends do: a server that
  // closes one just as a client reuses it makes a request fail on the wire through no fault of either.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    groups: store,
    requests,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
