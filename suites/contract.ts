/**
 * The contract suite: every operation of the slice is sent at least once, and once more with its query
 * parameters, and the generic checks derived from the operation table judge every answer. Nothing here
 * names an operation or an entity set: what it sends comes from the table.
 *
 * Phases, each side by side within itself:
 * 1. creates (POST to a collection), parents before what they contain: each gives the id its collection's
 *    key takes in every other path (a create a live run may not make is not sent — decision per set);
 * 2. each created entity read back (a tenant is eventually consistent): that read is its GET, and what
 *    create.read-back holds to the body the create sent;
 * 3. every other operation once as it is and once with all its optional query parameters (one request per
 *    parameter only when that one is refused, so a failure names the parameter); a key no create gave is an
 *    existing entity of the set (listed once) for a read, an unknown GUID otherwise (the answer is then a
 *    documented error); the end of a link (`…/{id}/$ref`, `@id`) is always unknown, so no link the run did
 *    not make is ever removed; a PATCH leaves out one property its create set (update.partial: kept) and,
 *    when it succeeded, is read back;
 * 4. the entities it created deleted, deepest first (their DELETE operations; `If-Match: *` where declared).
 */
import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import { createStop, selectedBy, type Check, type Stop } from '../src/checks/check.js';
import { derivedChecks, type DerivedSubject } from '../src/checks/derived.js';
import { CONVENTION_CHECKS } from '../src/checks/conventions.js';
import { createReadBack } from '../src/checks/update-read-back.js';
import { collectionValue, createdId, readShows } from '../src/checks/http.js';
import type { Exchange } from '../src/client/exchange.js';
import { loadDecisions } from '../src/openapi/decisions.js';
import { liveMayWrite } from '../src/openapi/live-writes.js';
import { loadSlice } from '../src/openapi/load.js';
import { operationOfRequest, operationTable, type TableOperation } from '../src/openapi/operation-table.js';
import { requestSchema, type OpenApiDocument } from '../src/openapi/operations.js';
import { harnessGuid } from '../src/scrub/scrub.js';
import { allOrFirstError, lanes } from '../src/engine/pool.js';
import { bodyFactory } from '../fixtures/factories/index.js';
import { NAME_LIKE } from '../fixtures/factories/schema-body.js';
import { fillKeys, isKeySegment, queryValue, referenceOrMediaBody, type Known } from './contract-values.js';

/** The contract suite of a document: the committed slice's below; a test builds one of an edited copy. */
export function contractSuiteFor(spec: OpenApiDocument): SuiteDefinition<DerivedSubject> {
  const table = operationTable(spec);
  return {
    name: 'contract',
    spec,
    checks: [...table.flatMap(derivedChecks), ...RUN_CHECKS],
    produce: (ctx) => produce(ctx, table),
  };
}

/** The contract suite's own rules beside the derived checks: Graph's conventions, and what a create stored. */
const RUN_CHECKS: readonly Check<DerivedSubject>[] = [...CONVENTION_CHECKS, createReadBack];

export const contractSuite = contractSuiteFor(loadSlice());
export const CONTRACT_CHECKS: readonly Check<DerivedSubject>[] = contractSuite.checks;

const lastSegment = (path: string) => path.split('/').at(-1) ?? '';
const keyCount = (path: string) => path.split('/').filter(isKeySegment).length;
/** POST to a collection (not a link): it makes an entity the collection's key then names. */
export const isCreate = (o: TableOperation): boolean =>
  o.method === 'post' && o.hasRequestBody && !isKeySegment(lastSegment(o.path)) && lastSegment(o.path) !== '$ref';
const collectionOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

/** Whether the suite writes as it would on a tenant: a live run, its dry run, or the replay of a live recording. */
export function writesAsLive(ctx: Pick<SuiteContext, 'config' | 'target'>): boolean {
  return ctx.config.target === 'live' || ctx.config.dryRun || ctx.target.recording?.meta.target === 'live';
}

interface Made {
  id: string;
  /** The create that made it. */
  op: TableOperation;
  /** Its request path (collection + id). */
  path: string;
  body: Record<string, unknown>;
}

async function produce(ctx: SuiteContext, table: readonly TableOperation[]): Promise<DerivedSubject> {
  const notSent = new Map<string, string>();
  const blocked = new Map<string, Stop>();
  const subject: DerivedSubject = { spec: ctx.spec, validator: ctx.validator, exchanges: ctx.exchanges, notSent, blocked };
  const known: Known = { unknownId: harnessGuid(() => ctx.faker.string.uuid()), unknownName: `conformance-${ctx.runId}-unknown` };
  // Every body drawn before anything is sent, in table order and for every operation whatever --only
  // selects: the same seed gives the same bodies however the answers interleave (replay matches them).
  const bodies = drawBodies(ctx, table);
  const decisions = loadDecisions();
  const live = writesAsLive(ctx);
  const mayNotSend = (op: TableOperation): string | undefined => {
    if (!live) return undefined;
    const verdict = liveMayWrite(decisions, op);
    return verdict.allowed ? undefined : `not sent: ${verdict.why}; it runs against url targets`;
  };

  /** Filled collection path → what the suite created there, or why it could not. */
  const made = new Map<string, Made>();
  const failed = new Map<string, Stop>();
  const creatable = new Set(table.filter((o) => isCreate(o) && mayNotSend(o) === undefined).map((o) => o.path));
  const listed = new Map<string, Promise<string | undefined>>();

  /** The id of an entity that exists in `collection`, read once with a GET of it (its first item). */
  const existing = (collection: string): Promise<string | undefined> => {
    let found = listed.get(collection);
    if (!found) {
      found = ctx.inChain(`ids ${collection}`, async () => {
        const answer = await ctx.send('GET', collection, { expect: 'success' });
        const first = collectionValue(answer)?.[0] as { id?: unknown } | undefined;
        return typeof first?.id === 'string' && first.id !== '' ? first.id : undefined;
      });
      listed.set(collection, found);
    }
    return found;
  };

  /**
   * The request path of `op`: each key the id of what the suite created in that collection; for a read,
   * where nothing was created there and no key before it was, an existing entity's; unknown otherwise.
   */
  const pathOf = async (op: TableOperation): Promise<{ path: string; unknown: boolean; stop?: Stop }> => {
    const segments = op.path.split('/').filter(Boolean);
    const ids = new Map<number, string | undefined>();
    let stop: Stop | undefined;
    let underCreated = false;
    // Keys are resolved left to right: a listed key's collection may need the key before it.
    for (let i = 0, keysSeen = 0; i < segments.length; i++) {
      if (!isKeySegment(segments[i]!)) continue;
      if (keysSeen++ === 0) continue; // the profile's key
      if (segments[i + 1] === '$ref') continue; // a link's far end: never one the run did not make
      const collection = fillKeys(`/${segments.slice(0, i).join('/')}`, known, (_c, at) => ids.get(at)).path;
      const template = `/${segments.slice(0, i).join('/')}`;
      const mine = made.get(collection);
      if (mine) {
        ids.set(i, mine.id);
        underCreated = true;
      } else if (failed.has(collection)) {
        stop = failed.get(collection);
        break;
      } else if (op.method === 'get' && !underCreated && !creatable.has(template) && table.some((o) => o.method === 'get' && o.path === template)) {
        ids.set(i, await existing(collection));
      }
      // Below an entity no one can name, nothing exists to list: the keys after it stay unknown.
      if (ids.get(i) === undefined) break;
    }
    const filled = fillKeys(op.path, known, (_c, at) => ids.get(at));
    return stop ? { ...filled, stop } : filled;
  };

  // Each request waits for the creates its path needs, and for nothing else: what lies below a group is
  // asked as soon as that group shows, while deeper creates go on. At most --concurrency at a time.
  const lane = lanes(ctx.config.concurrency);
  // With --only, what no selected check judges is not sent, but for the creates what is sent needs.
  const judgesAll = CONVENTION_CHECKS.some((c) => selectedBy(ctx.config.only, c.id));
  // create.read-back judges the creates and the reads the create phase makes of them: nothing else.
  const judgesCreates = selectedBy(ctx.config.only, createReadBack.id);
  const wanted = (op: TableOperation) => judgesAll || (judgesCreates && isCreate(op)) || derivedChecks(op).some((c) => selectedBy(ctx.config.only, c.id));
  const others = table.filter((op) => !isCreate(op) && wanted(op));
  const needed = table.filter(wanted);
  const creates = table.filter((o) => isCreate(o) && needed.some((op) => op === o || createsAbove(op.path, new Map([[o.path, 0]])).length > 0));
  const sendable = creates.filter((o) => mayNotSend(o) === undefined);
  /** Create path → done: made and read back (or failed, or not sent). */
  const settled = new Map<string, Promise<void>>();
  const ready = (path: string) => Promise.all(createsAbove(path, settled).map((p) => settled.get(p)));
  // The GET of what a create makes is its read back: sent there, not again with the others.
  const readBackOps = new Set(sendable.map((o) => getOf(table, o)?.name).filter((n): n is string => n !== undefined));
  for (const op of [...creates].sort((x, y) => keyCount(x.path) - keyCount(y.path))) {
    const done = ready(op.path).then(() =>
      lane(() =>
        ctx.inChain(op.name, async () => {
          const why = mayNotSend(op);
          if (why) return void notSent.set(op.name, why);
          const target = await pathOf(op);
          if (target.stop) return void blocked.set(op.name, target.stop);
          const body = bodies.get(op.name)!;
          const answer = await send(ctx, op, target.path, { json: body }, target.unknown ? 'error' : 'success');
          if (target.unknown) return;
          const id = createdId(answer);
          if (id === undefined) return void failed.set(target.path, createStop(op.name, answer.response.status, op.name));
          const entity = `${target.path}/${encodeURIComponent(id)}`;
          made.set(target.path, { id, op, path: entity, body });
          // The clean-up deletes it by its own DELETE, else by the DELETE of the set that holds its type (an
          // entity made below another is still one of its set's); as the clean-up always has, without If-Match.
          const removal = removalOf(ctx.spec, table, op, target.path, id);
          if (removal) ctx.track(id, removal);
          // Read until it shows (a tenant is eventually consistent); that read is the GET of its path.
          const get = getOf(table, op);
          if (get) await ctx.inChain(get.name, () => ctx.readAfterWrite(() => ctx.send('GET', entity), undefined, 'success'));
        }),
      ),
    );
    // Awaited by what needs it and at the end; a failure before then is not unhandled.
    done.catch(() => undefined);
    settled.set(op.path, done);
  }

  // 3. Every other operation, as it is and with its query parameters.
  const finalDeletes = new Set(sendable.map((o) => deleteOf(table, o)).filter((o): o is TableOperation => o !== undefined));
  const rest = others.filter((op) => !finalDeletes.has(op));
  const variants = async (op: TableOperation) => {
    const why = mayNotSend(op);
    if (why) return void notSent.set(op.name, why);
    const target = await pathOf(op);
    if (target.stop) return void blocked.set(op.name, target.stop);
    const body = bodyFor(ctx, table, op, known, bodies);
    if (body === null) return void notSent.set(op.name, `the suite has no valid body for ${op.method.toUpperCase()} ${op.path}`);
    const unknown = target.unknown || (body?.unknown ?? false) || op.query.some((q) => q.required && q.name === '@id');
    const payload: Payload = { ...body, headers: op.method === 'delete' ? ifMatch(op) : {} };
    const query = (extra: typeof op.query) => {
      const pairs = [...op.query.filter((q) => q.required), ...extra].map((q) => `${q.name}=${encodeURIComponent(queryValue(ctx.spec, table, op, q, known))}`);
      return pairs.length > 0 ? `?${pairs.join('&')}` : '';
    };
    const plain = async () => {
      if (readBackOps.has(op.name)) return;
      const answer = await send(ctx, op, `${target.path}${query([])}`, payload, unknown ? 'error' : 'success');
      if (op.method === 'patch' && !unknown) await readBack(ctx, target.path, payload.json, answer);
    };
    const optional = op.query.filter((q) => !q.required);
    const withOptions = async () => {
      if (optional.length === 0) return;
      const all = await ctx.inChain(`${op.name}?`, () => send(ctx, op, `${target.path}${query(optional)}`, payload, unknown ? 'error' : 'any'));
      const { status } = all.response;
      // Refused together: once each, so the failure names the parameter the target refused.
      if (unknown || optional.length === 1 || (status >= 200 && status < 300)) return;
      await Promise.all(optional.map((q) => ctx.inChain(`${op.name}?${q.name}`, () => send(ctx, op, `${target.path}${query([q])}`, payload, 'any'))));
    };
    // Reads side by side (each in its own chain); a write's variants one after the other.
    if (op.method === 'get') await Promise.all([plain(), withOptions()]);
    else {
      await plain();
      await withOptions();
    }
  };
  await allOrFirstError([...rest.map((op) => ready(op.path).then(() => lane(() => ctx.inChain(op.name, () => variants(op))))), ...settled.values()]);
  // A create that failed stops every request that needed what it would have made.
  if (failed.size > 0) subject.stoppedBecause = [...failed.values()][0];

  // 4. What the suite created, deepest first; what has no DELETE of its own by its set's, in the first wave.
  const removals = [...made.values()].flatMap((m) => {
    const own = deleteOf(table, m.op);
    const path = own ? m.path : removalOf(ctx.spec, table, m.op, collectionOf(m.path), m.id)?.path;
    const op = own ?? (path === undefined ? undefined : operationOfRequest(ctx.spec, 'DELETE', path));
    return op && path ? [{ m, op, path, depth: own ? keyCount(m.op.path) : Infinity }] : [];
  });
  // A removal by the set's path goes through no other entity: it joins the deepest wave.
  const deepest = Math.max(0, ...removals.filter((r) => r.depth !== Infinity).map((r) => r.depth));
  for (const r of removals) if (r.depth === Infinity) r.depth = deepest;
  for (const depth of [...new Set(removals.map((r) => r.depth))].sort((x, y) => y - x)) {
    await ctx.eachInChains(
      removals.filter((r) => r.depth === depth),
      (r) => (deleteOf(table, r.m.op) ? r.op.name : `${r.op.name} ${r.m.op.name}`),
      async (r) => {
        const gone = await send(ctx, r.op, r.path, { headers: ifMatch(r.op) }, 'success');
        if (gone.response.status >= 200 && gone.response.status < 300) ctx.untrack(r.m.id);
      },
    );
  }
  // A final DELETE whose entity was never made: stopped by what stopped its create.
  for (const create of sendable) {
    const remove = deleteOf(table, create);
    if (!remove || [...made.values()].some((m) => m.op === create)) continue;
    const stop = [...failed.entries()].find(([path]) => operationOfRequest(ctx.spec, 'POST', path) === create)?.[1] ?? blocked.get(create.name);
    if (stop) blocked.set(remove.name, stop);
  }
  return subject;
}

/** The DELETE of what `create` makes: the same collection, then its key. */
function deleteOf(table: readonly TableOperation[], create: TableOperation): TableOperation | undefined {
  return table.find((o) => o.method === 'delete' && isKeySegment(lastSegment(o.path)) && collectionOf(o.path) === create.path);
}

/** The create paths a request path lies below (not itself): the creates it waits for. */
function createsAbove(path: string, creates: ReadonlyMap<string, unknown>): string[] {
  const segments = path.split('/');
  const above: string[] = [];
  for (let i = 1; i < segments.length; i++) {
    const prefix = segments.slice(0, i).join('/');
    // A key that ends a link (`…/{id}/$ref`) is never one the suite made: nothing to wait for.
    if (prefix !== path && creates.has(prefix) && isKeySegment(segments[i] ?? '') && segments[i + 1] !== '$ref') above.push(prefix);
  }
  return above;
}

/** Where the clean-up deletes what `create` made at `collection`: its own DELETE, or its set's. */
function removalOf(
  doc: OpenApiDocument,
  table: readonly TableOperation[],
  create: TableOperation,
  collection: string,
  id: string,
): { path: string } | undefined {
  if (deleteOf(table, create)) return { path: `${collection}/${encodeURIComponent(id)}` };
  const type = requestSchema(doc, create.path, 'post')?.$ref;
  const set = table.find(
    (o) =>
      o.method === 'delete' &&
      o.path.split('/').length === 5 &&
      isKeySegment(lastSegment(o.path)) &&
      doc.paths[collectionOf(o.path)]?.post !== undefined &&
      requestSchema(doc, collectionOf(o.path), 'post')?.$ref === type,
  );
  return set && { path: `${fillKeys(collectionOf(set.path), { unknownId: id, unknownName: id }, () => undefined).path}/${encodeURIComponent(id)}` };
}

/** The GET of one entity that `create` makes. */
function getOf(table: readonly TableOperation[], create: TableOperation): TableOperation | undefined {
  return table.find((o) => o.method === 'get' && isKeySegment(lastSegment(o.path)) && collectionOf(o.path) === create.path);
}

function ifMatch(op: TableOperation): Record<string, string> {
  return op.headers.includes('If-Match') ? { 'If-Match': '*' } : {};
}

/**
 * What a PATCH accepted, read back in its own chain (update.read-back judges it): a plain GET of the same
 * entity, read again while it does not show the patch yet (eventual consistency), as the lifecycle does.
 */
async function readBack(ctx: SuiteContext, path: string, sent: unknown, answer: Exchange): Promise<void> {
  const { status } = answer.response;
  if (status < 200 || status > 299 || sent === null || typeof sent !== 'object') return;
  await ctx.readAfterWrite(
    () => ctx.send('GET', path),
    (e) => e.response.status === 404 || !readShows(e, sent as Record<string, unknown>),
    'success',
  );
}

type Payload = { json?: unknown; raw?: { body: string; contentType: string }; headers?: Record<string, string> };

/**
 * The operation's body: an update of what the suite created from the type's factory; a reference or
 * media body; undefined when it takes none; null when it takes one the suite cannot make.
 */
function bodyFor(
  ctx: SuiteContext,
  table: readonly TableOperation[],
  op: TableOperation,
  known: Known,
  bodies: ReadonlyMap<string, Record<string, unknown>>,
): (Payload & { unknown?: boolean }) | undefined | null {
  if (!op.hasRequestBody) return undefined;
  const special = referenceOrMediaBody(ctx.spec, table, op, known);
  if (special) return { raw: { body: special.body, contentType: special.contentType }, unknown: special.unknown };
  const schema = requestSchema(ctx.spec, op.path, op.method);
  if (!schema) return undefined;
  const body = bodies.get(op.name);
  return body === undefined ? null : { json: body };
}

/** The body of every create and update of the table, drawn in table order (an update's from what its create sends). */
function drawBodies(ctx: SuiteContext, table: readonly TableOperation[]): Map<string, Record<string, unknown>> {
  const bodies = new Map<string, Record<string, unknown>>();
  for (const op of table.filter(isCreate)) bodies.set(op.name, bodyFactory(ctx.spec, requestSchema(ctx.spec, op.path, 'post')!).create(ctx.faker, ctx.runId));
  for (const op of table.filter((o) => o.method === 'patch' && o.hasRequestBody)) {
    const schema = requestSchema(ctx.spec, op.path, 'patch');
    if (!schema) continue;
    const create = table.find((o) => isCreate(o) && o.path === collectionOf(op.path));
    const created = create && bodies.get(create.name);
    bodies.set(op.name, leavingOneOut(bodyFactory(ctx.spec, schema).update(ctx.faker, ctx.runId, created), created));
  }
  return bodies;
}

/**
 * An update that leaves out one property its create set (decision update-partial): the read after it shows
 * whether the PATCH kept it (update.partial) or replaced the entity. The one left out is the last that the
 * create set to something other than null or false (values a reset could not be told from) and is not a
 * name (the names carry the update's non-ASCII word to update.read-back); a body of one property is sent whole.
 */
function leavingOneOut(update: Record<string, unknown>, created: Record<string, unknown> | undefined): Record<string, unknown> {
  const keys = Object.keys(update);
  if (!created || keys.length < 2) return update;
  const left = keys.filter((k) => k in created && created[k] !== null && created[k] !== false && !NAME_LIKE.test(k)).at(-1);
  if (left === undefined) return update;
  const { [left]: _left, ...rest } = update;
  return rest;
}

async function send(ctx: SuiteContext, op: TableOperation, path: string, payload: Payload, expect: Exchange['expect']): Promise<Exchange> {
  const headers: Record<string, string> = { ...payload.headers };
  let body: string | undefined;
  if (payload.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload.json);
  } else if (payload.raw) {
    headers['Content-Type'] = payload.raw.contentType;
    body = payload.raw.body;
  }
  return ctx.send(op.method.toUpperCase(), path, { headers, ...(body !== undefined && { body }), ...(expect !== undefined && { expect }) });
}
