/**
 * The emulator: an in-memory stand-in for Microsoft Graph that serves every operation of the slice it is
 * given (the project's own by default) — entity sets, navigation properties and their `$ref` links,
 * `$count`, the OData query options each operation declares, server-driven paging, Graph's headers,
 * envelope and statuses — from seed data and what clients write. With defects switched on it is a
 * known-bad target; with variant options, a correct one that makes another choice Graph allows.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { loadSlice } from '../openapi/load.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { bearerToken, hasBearerToken, refusesToken, tokenRefused } from './auth.js';
import { mergeBehaviours, type Behaviour } from './behaviour.js';
import { parseJsonBody, readBody } from './body.js';
import { DEFECT_RECORDS, isDefect, type Defect, type DefectRecord } from './defects.js';
import { ERRORS } from './errors.js';
import { checkBody, GRAPH_SERVICE_ROOT, handle, referenceParameter, type Request, type Settings } from './handlers.js';
import { newGuid } from './ids.js';
import { parseCollectionQuery, parseEntityQuery, type CollectionQuery, type EntityQuery, type FilterFunction } from './query.js';
import { allowedMethods, matchPath, operationAt, resolve, type TypedStep } from './resolve.js';
import { failure, render, type Outcome, type Reply } from './response.js';
import { DEFAULT_SEED } from './seed.js';
import { ENTITY_FACTS } from './entity-facts.js';
import { sliceModel, type Segment, type SliceModel } from './slice-model.js';
import { collectionKey, entityKey, Store, type Entity, type SeedData } from './store.js';

export interface EmulatorOptions {
  /** The slice to serve; the project's own (specs/openapi.yaml) when not given. */
  spec?: OpenApiDocument;
  /** The tenant it starts with (DEFAULT_SEED when not given). */
  seed?: SeedData;
  defects?: readonly Defect[];
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. Only loopback addresses are accepted: the emulator must never face a network. */
  host?: string;
  /** Collection page size when the client sends no $top (default 100); small values exercise paging. */
  pageSize?: number;
  /**
   * The service root its URLs name (@odata.context, @odata.id values): `graph` (the default) names Graph's
   * own, as Graph does whatever host served the request; `own` names the emulator's base URL, as an OData
   * service that is not Graph does (OData 4.01 §10: the context URL starts with the service root).
   */
  serviceRoot?: 'graph' | 'own';
  /**
   * The $filter functions offered (default: every one it knows). Without `startswith`, a filter that calls
   * it is answered 400 Request_UnsupportedQuery while `eq` still works: a correct server that offers fewer.
   */
  filterFunctions?: readonly FilterFunction[];
  /** Faults of a healthy but busy service, on demand (not defects: a conforming client copes with them). */
  faults?: Faults;
  /** The bearer tokens accepted; any other is answered 401. Unset, any non-empty token is accepted. */
  acceptTokens?: readonly string[];
  /** Bodies gzip- (or deflate-) coded whenever the request's Accept-Encoding allows (RFC 9110 §8.4, §12.5.3). */
  compression?: boolean;
  /** Entities carry a strong ETag; PATCH and DELETE honour If-Match against it, never requiring one (RFC 9110 §13.1.1). */
  etags?: boolean;
  /** `readable` (the default): $skiptoken is base64url of a cursor or offset; `opaque`: random tokens only the emulator can read. */
  skipTokens?: 'readable' | 'opaque';
  /** A list's order when no $orderby is sent: `creation` (the default) or `newest-first` (OData 4.01 §11.2.6.2). */
  unorderedAs?: 'creation' | 'newest-first';
  /** What PATCH answers without Prefer: `no-content` (204, the default) or `entity` (200 with the entity as patched). */
  patchAnswer?: 'no-content' | 'entity';
  /**
   * Another client of the same tenant: every `everyRequests`-th request it creates an entity `make(n)` in
   * `collection` (a path from the service root), and deletes its oldest once more than `keep` (default 3)
   * of its own exist. It never touches anything else, so whatever a run creates stays the run's own.
   */
  otherClient?: { everyRequests: number; keep?: number; collection: string; make: (n: number) => Record<string, unknown> };
  /** Keep every request in `requests` (the default, for tests); `false` for a long-running emulator, whose memory must not grow. */
  recordRequests?: boolean;
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
  /** Eventual consistency: a new entity answers 404 to its first `n` reads by key. */
  lagReads?: number;
  /** Absolute links (@odata.nextLink) are built on this base instead of the emulator's own: a leaky target. */
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

export interface RunningEmulator {
  /** The root the slice's paths are appended to, e.g. http://127.0.0.1:54321 */
  baseUrl: string;
  /** Closes the server and every socket, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
  /** The entities a collection holds now, by its path from the service root (`a/b/c`). */
  entities(collection: string): Entity[];
  requests: ReadonlyArray<RecordedRequest>;
}

/** The hosts the emulator may listen on: loopback only, so it never faces a network. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1']);

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

/** The content coding an Accept-Encoding allows, gzip preferred: a coding (or `*`) with a q-value above 0 (RFC 9110 §12.5.3). */
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
  if (coding && body !== undefined && body.length > 0) {
    body = coding === 'gzip' ? gzipSync(body) : deflateSync(body);
    headers['Content-Encoding'] = coding;
    headers['Vary'] = 'Accept-Encoding';
  }
  if (body !== undefined) headers['Content-Length'] = Buffer.byteLength(body);
  response.writeHead(reply.status, headers);
  response.end(body);
}

/** The answer with its @odata.nextLink's $skiptoken swapped for an opaque one (EmulatorOptions.skipTokens). */
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

/** Puts seed data into the store: entities first, then the links their navigation properties name. */
export function loadSeed(model: SliceModel, store: Store, seed: SeedData): void {
  const links: { owner: string; name: string; ids: string[] }[] = [];
  for (const [path, items] of Object.entries(seed)) {
    const placed = placeOf(model, store, path);
    for (const item of items) {
      const typeName = typeof item['@odata.type'] === 'string' ? item['@odata.type'].replace(/^#/, '') : placed.typeName;
      if (typeName === undefined) {
        throw new Error(
          `seed '${path}': the slice has no collection at this path, so the item's type cannot be known; give each item an @odata.type ('#<namespace>.<type>', as the slice's schemas name them), or check the path's spelling`,
        );
      }
      const type = model.typeOf(typeName);
      const entity: Entity = { id: String(item.id) };
      for (const [property, value] of Object.entries(item)) {
        if (property === '@odata.type' || property === 'id') continue;
        if (type.navigation[property] !== undefined) {
          if (!Array.isArray(value)) throw new Error(`seed '${path}' ${entity.id}: ${property} lists the ids it links to`);
          links.push({ owner: entityKey(type.name, entity.id), name: property, ids: value.map(String) });
        } else entity[property] = value;
      }
      store.put(type.name, entity, placed.collection, path);
    }
  }
  for (const { owner, name, ids } of links) for (const id of ids) store.link(collectionKey(owner, name), id);
}

/** A defect record's operation: a name of the operation table, or a pattern with `*` (`*.count`: every $count of a navigation or set). */
function namesOperation(entry: string, operation: string): boolean {
  if (!entry.includes('*')) return entry === operation;
  return new RegExp(
    `^${entry
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(operation);
}

/** Navigation properties the facts declare one link seen from both ends, paired in the store. */
function pairNavigations(model: SliceModel, store: Store): void {
  for (const [name, facts] of Object.entries(ENTITY_FACTS)) {
    if (!facts.partners || !model.doc.components?.schemas?.[name]) continue;
    const type = model.typeOf(name);
    for (const [navigation, partner] of Object.entries(facts.partners)) {
      const target = type.info.get(navigation)?.target;
      if (target === undefined || model.typeOf(target).info.get(partner)?.kind !== 'navigation')
        throw new Error(`entity facts: ${name}.${navigation} and its partner ${partner} are not navigation properties of the slice`);
      store.pair(name, navigation, target, partner);
    }
  }
}

/** The collection a seed path names, and the type the slice says it holds. */
function placeOf(model: SliceModel, store: Store, path: string): { collection: string; typeName?: string } {
  const segments = path.split('/').filter(Boolean);
  let owner = '';
  let node: SliceModel['root'] | undefined = model.root;
  let typeName: string | undefined;
  for (let i = 0; i < segments.length; i += 2) {
    const name = segments[i]!;
    node = node?.children.find((c) => c.segment.kind === 'literal' && c.segment.name.toLowerCase() === name.toLowerCase());
    const keyed: Segment | undefined = node?.children.find((c) => c.segment.kind === 'key')?.segment;
    typeName = node?.typeName ?? (keyed?.kind === 'key' && keyed.keyType ? `microsoft.graph.${keyed.keyType}` : undefined);
    const id = segments[i + 1];
    if (id === undefined) return { collection: collectionKey(owner, name), ...(typeName !== undefined && { typeName }) };
    if (typeName === undefined) throw new Error(`seed '${path}': the slice does not say what '${name}' holds`);
    if (!store.entity(typeName, id)) throw new Error(`seed '${path}': ${id} is not in '${segments.slice(0, i + 1).join('/')}' (seed it first)`);
    owner = entityKey(typeName, id);
    node = keyed ? node?.children.find((c) => c.segment.kind === 'key') : undefined;
  }
  throw new Error(`seed '${path}' names an entity, not a collection`);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error(`The emulator listens on loopback only; host '${host}' is not allowed.`);
  const unknown = (options.defects ?? []).filter((d) => !isDefect(d));
  if (unknown.length > 0) throw new Error(`Unknown defect(s): ${unknown.join(', ')}`);
  const records: DefectRecord[] = [...new Set(options.defects)].map((d) => DEFECT_RECORDS[d]);
  const model = sliceModel(options.spec ?? loadSlice());
  const store = new Store();
  pairNavigations(model, store);
  loadSeed(model, store, options.seed ?? DEFAULT_SEED);
  const settings: Settings = {
    model,
    store,
    ...(options.pageSize !== undefined && { pageSize: options.pageSize }),
    ...(options.filterFunctions && { filterFunctions: options.filterFunctions }),
    etags: options.etags === true,
    patchReturnsEntity: options.patchAnswer === 'entity',
    ...(options.unorderedAs && { unorderedAs: options.unorderedAs }),
  };
  // What every request meets before it is routed: the records that name no operation.
  const front = mergeBehaviours(records.filter((r) => r.stage === 'request' && !r.operations).map((r) => r.behaviour ?? {}));
  const requests: RecordedRequest[] = [];
  /** Requests served so far, recorded or not: the throttle and the other client count them. */
  let served = 0;
  let baseUrl = '';

  const faults = options.faults ?? {};
  let throttleLeft = faults.throttle?.times ?? 0;
  let resetLeft = faults.resetRequests ?? 0;
  const lagging = new Map<string, number>();
  const opaqueTokens = new Map<string, string>();
  const opaque = (readable: string) => {
    const token = randomBytes(36).toString('base64url');
    opaqueTokens.set(token, readable);
    return token;
  };
  let otherWrites = 0;
  const otherOwn: string[] = [];
  function otherClientWrites(other: NonNullable<EmulatorOptions['otherClient']>): void {
    const { collection, typeName } = placeOf(model, store, other.collection);
    const id = newGuid();
    store.put(typeName!, { ...other.make(++otherWrites), id }, collection, other.collection);
    otherOwn.push(id);
    while (otherOwn.length > (other.keep ?? 3)) store.remove(typeName!, otherOwn.shift()!);
  }

  /** The records that act on this operation and request. */
  const acting = (operation: string, search: URLSearchParams) =>
    records.filter((r) => (!r.operations || r.operations.some((o) => namesOperation(o, operation))) && (!r.when || r.when({ search })));

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
    served++;
    if (options.recordRequests !== false) requests.push(recorded);
    if (options.otherClient && served % Math.max(1, options.otherClient.everyRequests) === 0) otherClientWrites(options.otherClient);

    const now = new Date();
    const requestId = front.constantRequestId ?? newGuid();
    // Graph echoes the caller's correlation id, or reuses its own request-id when there is none.
    const clientRequestId = headers['client-request-id'] || requestId;
    const url = new URL(rawUrl, 'http://emulator.invalid');
    if (options.skipTokens === 'opaque') {
      // A token the emulator handed out reads as its own again; any other is refused as one it never issued.
      const key = [...url.searchParams.keys()].find((k) => k.toLowerCase() === '$skiptoken');
      if (key !== undefined) url.searchParams.set(key, opaqueTokens.get(url.searchParams.get(key)!) ?? '');
    }
    const rawQuery = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
    const matched = matchPath(model, url.pathname);
    const operation = matched.ok ? operationAt(matched.node, method) : undefined;
    const isCreate = matched.ok && method === 'POST' && matched.steps.at(-1)?.role === 'collection';

    if (faults.redirectCreates && isCreate) {
      write(response, {
        status: faults.redirectCreates.status,
        headers: { Location: faults.redirectCreates.location, 'Content-Type': 'text/plain' },
        body: 'moved',
      });
      return;
    }
    const lagKey = matched.ok && method === 'GET' && matched.steps.at(-1)?.role === 'entity' ? matched.steps.at(-1)!.text : undefined;
    const lagged = lagKey !== undefined ? lagging.get(lagKey) : undefined;
    const active = operation ? acting(operation.name, url.searchParams) : [];
    const behaviour = mergeBehaviours([front, ...active.map((r) => r.behaviour ?? {})]);
    let outcome: Outcome;
    if (throttleLeft > 0 && faults.throttle && served > (faults.throttle.after ?? 0) && throttles(faults.throttle.path, url.pathname)) {
      throttleLeft--;
      outcome = failure(ERRORS.throttled(faults.throttle.status, faults.throttle.retryAfterSeconds));
    } else if (lagged !== undefined && lagged > 0) {
      lagging.set(lagKey!, lagged - 1);
      outcome = failure(ERRORS.resourceNotFound(lagKey!));
    } else if (!front.skipAuth && !hasBearerToken(headers['authorization'])) {
      outcome = failure(ERRORS.unauthenticated());
    } else if (!front.skipAuth && refusesToken(bearerToken(headers['authorization'])!, options.acceptTokens)) {
      outcome = failure(tokenRefused());
    } else if (!matched.ok) {
      outcome = failure(matched.error);
    } else if (!operation) {
      outcome = failure(ERRORS.methodNotAllowed(allowedMethods(matched.node)));
    } else {
      const answered = active.find((r) => r.answer);
      outcome = answered
        ? failure(answered.answer!())
        : perform({
            method,
            steps: matched.steps,
            operation,
            search: url.searchParams,
            rawQuery,
            raw,
            contentType: behaviour.anyContentType ? 'application/json' : headers['content-type'],
            ifMatch: headers['if-match'],
            prefer: headers['prefer'],
            behaviour,
          });
    }

    if (options.skipTokens === 'opaque') outcome = withOpaqueToken(outcome, opaque);
    let reply = render(outcome, { requestId, clientRequestId, now, graphErrorEnvelope: true });
    if (isCreate && reply.status === 201 && faults.lagReads) lagging.set((JSON.parse(String(reply.body ?? '{}')) as { id: string }).id, faults.lagReads);
    reply = applyReplies(operation ? active : records.filter((r) => !r.operations && !r.when), reply);
    if (isCreate && faults.slowCreateReplyMs) await new Promise((resolve) => setTimeout(resolve, faults.slowCreateReplyMs));
    recorded.status = reply.status;
    write(response, reply, options.compression ? codingFor(headers['accept-encoding']) : undefined);
  }

  interface Incoming {
    method: string;
    steps: readonly TypedStep[];
    operation: NonNullable<ReturnType<typeof operationAt>>;
    search: URLSearchParams;
    rawQuery: string;
    raw: Awaited<ReturnType<typeof readBody>>;
    contentType: string | undefined;
    ifMatch: string | undefined;
    prefer: string | undefined;
    behaviour: Behaviour;
  }

  /** Query, then body, then lookups, then the operation: the order Graph's front end and workload work in. */
  function perform(incoming: Incoming): Outcome {
    const { method, steps, operation, search, behaviour } = incoming;
    const last = steps.at(-1)!;
    const type = last.type;
    const declared = operation.query.map((q) => q.name.toLowerCase()).filter((n) => n.startsWith('$'));
    const supported = declared.includes('$top') ? [...declared, '$skiptoken'] : declared;
    let collectionQuery: CollectionQuery | undefined;
    let entityQuery: EntityQuery | undefined;
    if (supported.length > 0) {
      if (last.role === 'entity') {
        const parsed = parseEntityQuery(search, type, supported);
        if (!parsed.ok) return failure(parsed.error);
        entityQuery = parsed.query;
      } else {
        const parsed = parseCollectionQuery(search, type, supported, settings.filterFunctions);
        if (!parsed.ok) return failure(parsed.error);
        collectionQuery = parsed.query;
      }
    }
    if (last.role === 'refs' && method === 'DELETE' && !referenceParameter(search)) {
      return failure(ERRORS.badRequest("The '@id' query parameter naming the entity to remove is required."));
    }
    let body: unknown;
    let bytes: Request['bytes'];
    if (last.role === 'stream') {
      if (method === 'PUT') bytes = { data: incoming.raw.bytes, contentType: incoming.contentType ?? 'application/octet-stream' };
    } else if (operation.hasRequestBody) {
      const parsed = parseJsonBody(incoming.contentType, incoming.raw);
      if (!parsed.ok) return failure(behaviour.bodyError ? behaviour.bodyError(parsed.error) : parsed.error);
      const checked = checkBody({ method, role: last.role, type, behaviour }, parsed.value);
      if (!checked.ok) return checked.outcome;
      body = checked.value;
    }
    const resolved = resolve(store, steps);
    if (!resolved.ok) return failure(resolved.error);
    return handle(settings, {
      method,
      operation,
      addressed: resolved.addressed,
      search,
      rawQuery: incoming.rawQuery,
      ...(collectionQuery && { collectionQuery }),
      ...(entityQuery && { entityQuery }),
      body,
      ...(bytes && { bytes }),
      ifMatch: incoming.ifMatch,
      prefer: incoming.prefer,
      baseUrl: faults.linkBase ?? baseUrl,
      serviceRoot: options.serviceRoot === 'own' ? baseUrl : GRAPH_SERVICE_ROOT,
      behaviour,
    });
  }

  /** The reply stage: each record that acts on this request changes the reply it starts from. */
  function applyReplies(acting: readonly DefectRecord[], reply: Reply): Reply {
    for (const record of acting) {
      const change = record.reply;
      if (!change) continue;
      const from = change.from;
      const applies = from === 'error' ? reply.status >= 400 : from === 'success' ? reply.status >= 200 && reply.status < 300 : reply.status === from;
      if (applies) change.apply(reply);
    }
    return reply;
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      // A bug in the emulator must surface as a 500 the test can see, never as a hung request.
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(`Graph emulator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
    requests,
    entities(path: string) {
      const { collection, typeName } = placeOf(model, store, path);
      return store
        .ids(collection)
        .map((id) => store.entity(typeName!, id))
        .filter((e): e is Entity => e !== undefined);
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
