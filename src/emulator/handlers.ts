/**
 * The emulator's operations, one per role and method, for every entity type alike: list, create, count,
 * get, update, delete, references (list, add, remove) and media streams. Order inside each follows Graph's
 * front end: the query and the body are read first, then the resources are looked up, then it acts.
 */
import { createHash } from 'node:crypto';
import type { TableOperation } from '../openapi/operation-table.js';
import type { Behaviour } from './behaviour.js';
import { ERRORS } from './errors.js';
import { newGuid } from './ids.js';
import {
  DEFAULT_PAGE_SIZE,
  encodeCursorToken,
  encodeSkipToken,
  matching,
  nextPageQuery,
  type CollectionQuery,
  type EntityQuery,
  type FilterFunction,
} from './query.js';
import type { Addressed } from './resolve.js';
import { binary, empty, failure, json, text, type Outcome } from './response.js';
import type { EntityType, SliceModel } from './slice-model.js';
import { collectionKey, entityKey, type Entity, type Store } from './store.js';
import { coerceEntity, isJsonObject, validateEntity } from './validate.js';

/** Microsoft Graph's beta service root: the one Graph names in its URLs whatever host served the request. */
export const GRAPH_SERVICE_ROOT = 'https://graph.microsoft.com/beta';

/** What the emulator was started with, as far as the handlers need it. */
export interface Settings {
  readonly model: SliceModel;
  readonly store: Store;
  /** Page size when the client sends no $top. */
  readonly pageSize?: number;
  readonly filterFunctions?: readonly FilterFunction[];
  /** Entities carry a strong ETag and PATCH/DELETE honour If-Match against it. */
  readonly etags?: boolean;
  /** PATCH answers 200 with the entity, Prefer or not. */
  readonly patchReturnsEntity?: boolean;
  /** A list's order when no $orderby is sent. */
  readonly unorderedAs?: 'creation' | 'newest-first';
}

/** One request, parsed and resolved. */
export interface Request {
  readonly method: string;
  readonly operation: TableOperation;
  readonly addressed: Addressed;
  readonly search: URLSearchParams;
  readonly rawQuery: string;
  /** The parsed query, for operations that take query options. */
  readonly collectionQuery?: CollectionQuery;
  readonly entityQuery?: EntityQuery;
  /** The validated body of a create or update; the parsed JSON of a reference. */
  readonly body: unknown;
  readonly bytes?: { readonly data: Buffer; readonly contentType: string };
  readonly ifMatch: string | undefined;
  readonly prefer: string | undefined;
  /** Where next links point: the emulator's base URL (or a leaky one). */
  readonly baseUrl: string;
  /** The service root @odata.context and @odata.id URLs name. */
  readonly serviceRoot: string;
  readonly behaviour: Behaviour;
}

/** An entity's JSON: its structural properties in the type's order, selected and expanded as asked. */
export function entityJson(
  settings: Settings,
  type: EntityType,
  entity: Entity,
  select?: ReadonlySet<string>,
  expand: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const property of type.properties) {
    // Directory-backed Graph entities always carry their key, even when $select omits it.
    if (property in entity && (!select || property === 'id' || select.has(property))) out[property] = entity[property];
  }
  for (const navigation of expand) {
    const target = settings.model.typeOf(type.info.get(navigation)?.target ?? '');
    const linked = settings.store
      .ids(collectionKey(entityKey(type.name, entity.id), navigation))
      .map((id) => settings.store.entity(target.name, id))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => entityJson(settings, target, e));
    out[navigation] = type.navigation[navigation] === 'one' ? (linked[0] ?? null) : linked;
  }
  return out;
}

/** A strong tag over what the entity holds, so it changes exactly when the entity does (If-Match compares strongly). */
export function etagOf(entity: Entity): string {
  return `"${createHash('sha256').update(JSON.stringify(entity)).digest('base64url').slice(0, 22)}"`;
}

const etagHeader = (settings: Settings, entity: Entity) => (settings.etags ? { ETag: etagOf(entity) } : undefined);

/** If-Match (RFC 9110 §13.1.1): `*` matches any current entity; a tag matches only where entities carry tags. */
function preconditionFails(settings: Settings, request: Request, entity: Entity): boolean {
  if (request.ifMatch === undefined) return false;
  if (request.behaviour.ifMatchRefused) return true;
  const sent = request.ifMatch.trim();
  if (sent === '*') return false;
  return (
    !settings.etags ||
    !sent
      .split(',')
      .map((t) => t.trim())
      .includes(etagOf(entity))
  );
}

const contextOf = (request: Request, path: string) => `${request.serviceRoot}/$metadata#${path}`;
const entityContext = (request: Request) => contextOf(request, `${request.addressed.contextPath}/$entity`);

/** An entity's @odata.id: the collection it lives in, under the service root. */
function referenceOf(settings: Settings, request: Request, type: EntityType, id: string): string {
  const home = settings.store.home(type.name, id);
  return `${request.serviceRoot}/${home ?? type.name}/${id}`;
}

function itemsOf(settings: Settings, request: Request): Entity[] {
  const { type, collection } = request.addressed;
  return settings.store
    .ids(collection)
    .map((id) => settings.store.entity(type.name, id))
    .filter((e): e is Entity => e !== undefined);
}

interface Page {
  readonly items: readonly Entity[];
  readonly render: (item: Entity) => unknown;
  readonly context: string;
  /** What @odata.count says. */
  readonly counted: number;
  readonly newestFirst: boolean;
}

/**
 * One page: $skip first, then the page $skiptoken points at, $top (or the page size) long. Without
 * $orderby the token is a cursor (after the last item shown), so entities created or deleted by others
 * while someone pages neither shift nor repeat items; with one, an offset.
 */
function collectionPage(settings: Settings, request: Request, query: CollectionQuery, page: Page): Outcome {
  const { items, newestFirst } = page;
  const type = request.addressed.type;
  const skipped = items.slice(query.skip);
  const cursor = !query.orderBy ? (item: Entity) => settings.store.creationNumber(type.name, item.id) : undefined;
  const beyond = (n: number, after: number) => (newestFirst ? n < after : n > after);
  const rest = cursor && query.after !== undefined ? skipped.filter((item) => beyond(cursor(item), query.after!)) : skipped.slice(query.offset);
  const pageSize = query.top ?? settings.pageSize ?? DEFAULT_PAGE_SIZE;
  const shown = rest.slice(0, pageSize);
  const hasMore = pageSize > 0 && shown.length < rest.length;
  const nextToken = () => (cursor ? encodeCursorToken(cursor(shown.at(-1)!)) : encodeSkipToken(query.offset + shown.length));
  const pagedOn = query.offset > 0 || query.after !== undefined;
  const link = `${request.baseUrl}/${request.addressed.collectionPath}${request.addressed.role === 'refs' ? '/$ref' : ''}`;
  return json(200, {
    '@odata.context': page.context,
    ...(query.count && { '@odata.count': page.counted }),
    ...(hasMore && { '@odata.nextLink': `${link}?${nextPageQuery(nextQuery(request, query), nextToken())}` }),
    ...(!hasMore && pagedOn && request.behaviour.nextLinkLoops && { '@odata.nextLink': `${link}?${nextPageQuery(request.rawQuery, encodeSkipToken(0))}` }),
    value: shown.map(page.render),
  });
}

/** The query a next link carries on: the request's own, less what a defect drops. */
function nextQuery(request: Request, query: CollectionQuery): string {
  const dropped = new Set(request.behaviour.nextLinkDrops?.(query) ?? []);
  if (dropped.size === 0) return request.rawQuery;
  return request.rawQuery
    .split('&')
    .filter((part) => !dropped.has((part.split('=')[0] ?? '').replace(/^%24/i, '$').toLowerCase()))
    .join('&');
}

/** No restriction: what a collection request means when its operation declares no query options. */
const WHOLE: CollectionQuery = {
  top: undefined,
  skip: 0,
  offset: 0,
  count: false,
  select: undefined,
  expand: [],
  filter: undefined,
  search: undefined,
  orderBy: undefined,
};

function queried(request: Request): CollectionQuery {
  const query = request.collectionQuery ?? WHOLE;
  return request.behaviour.collectionQuery ? request.behaviour.collectionQuery(query, request.search) : query;
}

function list(settings: Settings, request: Request): Outcome {
  const query = queried(request);
  const all = itemsOf(settings, request);
  // Without $orderby the order is the server's to choose (OData 4.01 §11.2.6.2: $orderby decides it).
  const newestFirst = !query.orderBy && settings.unorderedAs === 'newest-first';
  const matched = matching(all, query);
  const type = request.addressed.type;
  return collectionPage(settings, request, query, {
    items: newestFirst ? matched.reverse() : matched,
    render: (e) => entityJson(settings, type, e, query.select, query.expand),
    context: contextOf(request, request.addressed.contextPath),
    counted: request.behaviour.countsAll ? all.length : matched.length,
    newestFirst,
  });
}

function listReferences(settings: Settings, request: Request): Outcome {
  const query = queried(request);
  const type = request.addressed.type;
  const items = matching(itemsOf(settings, request), query);
  return collectionPage(settings, request, query, {
    items,
    render: (e) => referenceOf(settings, request, type, e.id),
    // A collection of references is documented as a StringCollectionResponse: its values are URLs.
    context: contextOf(request, 'Collection(string)'),
    counted: items.length,
    newestFirst: false,
  });
}

function count(settings: Settings, request: Request): Outcome {
  return text(200, String(matching(itemsOf(settings, request), queried(request)).length));
}

function create(settings: Settings, request: Request): Outcome {
  const { type, collection, collectionPath } = request.addressed;
  const b = request.behaviour;
  const values = request.body as Record<string, unknown>;
  const defaults = { ...type.facts.defaults, ...b.defaults };
  const sent: Entity = { id: newGuid(), ...type.facts.serverSet, ...defaults, ...values } as Entity;
  // Serialisation order is the type's, whatever order the body used.
  const ordered = Object.fromEntries(type.properties.filter((p) => p in sent).map((p) => [p, sent[p]])) as Entity;
  const stored = b.stored ? b.stored(ordered) : ordered;
  settings.store.put(type.name, stored, collection, collectionPath);
  // Made through another entity's navigation (a group's agents), it is still one of its kind's set, the one an
  // entity further out (the profile) holds: listed there, and deleted there.
  const set = setOf(request.addressed.ancestors.slice(0, -1), type.name);
  if (set !== undefined && set !== collection) settings.store.link(set, stored.id);
  const shown = b.echoAsSent ? ordered : stored;
  return json(201, { '@odata.context': entityContext(request), ...entityJson(settings, type, shown) }, etagHeader(settings, stored));
}

/** The collection of entities of `typeName` that the outermost of `ancestors` holding one has. */
function setOf(ancestors: Request['addressed']['ancestors'], typeName: string): string | undefined {
  for (const ancestor of ancestors) {
    const navigation = [...ancestor.type.info.values()].find((p) => p.kind === 'navigation' && p.collection && p.target === typeName);
    if (navigation) return collectionKey(ancestor.key, navigation.name);
  }
  return undefined;
}

function get(settings: Settings, request: Request): Outcome {
  const { type, entity } = request.addressed;
  if (request.behaviour.readsMissing) return failure(ERRORS.resourceNotFound(entity!.id));
  const query = request.entityQuery ? (request.behaviour.entityQuery?.(request.entityQuery) ?? request.entityQuery) : undefined;
  return json(
    200,
    { '@odata.context': entityContext(request), ...entityJson(settings, type, entity!, query?.select, query?.expand) },
    etagHeader(settings, entity!),
  );
}

function update(settings: Settings, request: Request): Outcome {
  const { type, entity } = request.addressed;
  const b = request.behaviour;
  // Where entities carry ETags, an If-Match that names another version is refused; without them, PATCH reads none.
  if (settings.etags && request.ifMatch !== undefined && preconditionFails(settings, request, entity!)) return failure(ERRORS.preconditionFailed());
  // A replace in PATCH's clothes starts from the type's defaults: what the body leaves out is lost.
  const base: Entity = b.updateReplaces ? replaced(type, entity!) : entity!;
  const updated = { ...base, ...(request.body as Record<string, unknown>) } as Entity;
  const representation = /\breturn=representation\b/i.test(request.prefer ?? '');
  const stored = b.stored ? b.stored(updated) : updated;
  if (!b.updateNotStored?.(representation)) settings.store.replace(type.name, stored);
  // OData: return=representation asks for the entity as patched, with 200; a server may also send it unasked.
  if (representation || settings.patchReturnsEntity || b.updateAnswersEntity) {
    const shown = b.updateShowsBefore ? entity! : b.echoAsSent ? updated : stored;
    return json(200, { '@odata.context': entityContext(request), ...entityJson(settings, type, shown) }, etagHeader(settings, shown));
  }
  return empty(204);
}

/**
 * What a replace keeps of an entity: its key and what the system set; the type's defaults; for the rest a
 * well-typed empty value (a collection empty, an enum its first member, a string '', false, 0, else null),
 * so the entity still reads as its schema says and only the values left out show the fault.
 */
function replaced(type: EntityType, entity: Entity): Entity {
  const out: Entity = { id: entity.id };
  for (const property of type.properties) {
    if (property === 'id') continue;
    const info = type.info.get(property);
    if (type.facts.serverSet && property in type.facts.serverSet) out[property] = entity[property];
    else if (type.facts.defaults && property in type.facts.defaults) out[property] = type.facts.defaults[property];
    else if (info?.collection) out[property] = [];
    else if (info?.enum?.length) out[property] = info.enum[0];
    else if (info?.jsonType === 'string') out[property] = '';
    else if (info?.jsonType === 'boolean') out[property] = false;
    else if (info?.jsonType === 'number' || info?.jsonType === 'integer') out[property] = 0;
    else out[property] = null;
  }
  return out;
}

function remove(settings: Settings, request: Request): Outcome {
  const { type, entity } = request.addressed;
  if (preconditionFails(settings, request, entity!)) return failure(ERRORS.preconditionFailed());
  if (!request.behaviour.deleteNotStored) settings.store.remove(type.name, entity!.id);
  return empty(204);
}

/** The entity an `@odata.id` names: the last path segment, or the key in `set('…')`. */
export function idOfReference(reference: string): string {
  let path = reference;
  try {
    path = new URL(reference).pathname;
  } catch {
    // Not an absolute URL: a relative path.
  }
  const last = path.split('/').filter(Boolean).at(-1) ?? reference;
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // Kept as sent.
  }
  return /^\w+\('(.*)'\)$/.exec(decoded)?.[1] ?? decoded;
}

function addReference(settings: Settings, request: Request): Outcome {
  const { type, collection } = request.addressed;
  const id = idOfReference((request.body as Record<string, string>)['@odata.id']!);
  if (!settings.store.entity(type.name, id)) return failure(ERRORS.resourceNotFound(id));
  if (settings.store.has(collection, id)) {
    return failure(
      ERRORS.badRequest(`One or more added object references already exist for the following modified properties: '${collection.split('/').at(-1)}'.`),
    );
  }
  if (!request.behaviour.linkNotStored) settings.store.link(collection, id);
  return empty(204);
}

function removeReference(settings: Settings, request: Request, id: string): Outcome {
  return settings.store.unlink(request.addressed.collection, id) ? empty(204) : failure(ERRORS.resourceNotFound(id));
}

function streamOf(request: Request): { owner: string; property: string } {
  const { owner, property } = request.addressed;
  return { owner: entityKey(owner!.type.name, owner!.entity.id), property: property! };
}

function stream(settings: Settings, request: Request): Outcome {
  const { owner, property } = streamOf(request);
  switch (request.method) {
    case 'GET': {
      const found = settings.store.stream(owner, property);
      return found ? binary(200, found.bytes, found.contentType) : failure(ERRORS.resourceNotFound(request.addressed.owner!.entity.id));
    }
    case 'PUT':
      settings.store.setStream(owner, property, { bytes: request.bytes!.data, contentType: request.bytes!.contentType });
      return empty(204);
    default:
      settings.store.setStream(owner, property, undefined);
      return empty(204);
  }
}

/** The request's operation, for what it addresses. */
export function handle(settings: Settings, request: Request): Outcome {
  const { role } = request.addressed;
  const method = request.method;
  switch (role) {
    case 'collection':
      return method === 'POST' ? create(settings, request) : list(settings, request);
    case 'count':
      return count(settings, request);
    case 'entity':
      if (method === 'PATCH') return update(settings, request);
      if (method === 'DELETE') return remove(settings, request);
      return get(settings, request);
    case 'refs':
      if (method === 'POST') return addReference(settings, request);
      if (method === 'DELETE') return removeReference(settings, request, idOfReference(referenceParameter(request.search)!));
      return listReferences(settings, request);
    case 'entity-ref':
      return removeReference(settings, request, request.addressed.entity!.id);
    case 'stream':
      return stream(settings, request);
  }
}

/** DELETE …/$ref names the reference to remove in its `@id` query parameter. */
export function referenceParameter(search: URLSearchParams): string | undefined {
  return [...search].find(([key]) => key.toLowerCase() === '@id')?.[1];
}

/**
 * The body checks that come before any lookup: a create or update validated against its type (or, with
 * the behaviour that skips validation, coerced); a reference must name what it adds.
 */
export function checkBody(
  request: { method: string; role: Addressed['role']; type: EntityType; behaviour: Behaviour },
  body: unknown,
): { ok: true; value: unknown } | { ok: false; outcome: Outcome } {
  const { method, role, type, behaviour } = request;
  if (role === 'refs' && method === 'POST') {
    const reference = isJsonObject(body) ? body['@odata.id'] : undefined;
    if (typeof reference !== 'string' || reference === '') {
      return { ok: false, outcome: failure(ERRORS.badRequest("The request body must be an object whose '@odata.id' is the URL of the entity to add.")) };
    }
    return { ok: true, value: body };
  }
  const mode = role === 'collection' && method === 'POST' ? 'create' : 'update';
  if (mode === 'create' && behaviour.acceptInvalidBodies) return { ok: true, value: coerceEntity(type, body) };
  if (isJsonObject(body) && behaviour.refuseBody) {
    const refused = behaviour.refuseBody(body);
    if (refused) return { ok: false, outcome: failure(refused) };
  }
  const checked = validateEntity(type, body, mode);
  if (!checked.ok) {
    const error = ERRORS.badRequest(checked.message);
    return { ok: false, outcome: failure(behaviour.validationError ? behaviour.validationError(error, body) : error) };
  }
  return { ok: true, value: checked.value };
}
