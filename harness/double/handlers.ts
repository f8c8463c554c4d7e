// The operations themselves, on the in-memory store. Order inside each: read the body (Graph's front end
// deserialises before the workload runs), then look the resources up, then act.
import { createHash } from 'node:crypto';
import { APPLICATION, CONNECTOR, CONNECTOR_GROUP, type EntityType } from './entity-types.js';
import { ERRORS } from './errors.js';
import { newGuid } from './ids.js';
import { CONNECTOR_GROUP_TYPE, contextUrls, DEFAULT_REGION, GRAPH_SERVICE_ROOT, PROFILE_ID, toEntityJson, type ConnectorGroupRecord } from './model.js';
import {
  DEFAULT_PAGE_SIZE,
  matching,
  encodeCursorToken,
  encodeSkipToken,
  nextPageQuery,
  parseCollectionQuery,
  parseEntityQuery,
  QUERY_OPTIONS,
  type CollectionQuery,
  type EntityQuery,
  type FilterFunction,
  type Parsed,
} from './query.js';
import { empty, failure, json, text, type Outcome } from './response.js';
import type { Route } from './router.js';
import { coerceConnectorGroup, isJsonObject, MAX_NAME_LENGTH, validateConnectorGroup } from './validate.js';
import type { Defect } from './defects.js';

export type GroupStore = Map<string, ConnectorGroupRecord>;

export interface OperationContext {
  readonly method: string;
  readonly route: Route;
  readonly profileId: string;
  readonly search: URLSearchParams;
  readonly rawQuery: string;
  /** The parsed JSON body, for operations that take one. */
  readonly body: unknown;
  /** The If-Match header as sent, if any. */
  readonly ifMatch: string | undefined;
  /** The Prefer header as sent, if any: `return=representation` makes PATCH answer 200 with the entity. */
  readonly prefer: string | undefined;
  readonly store: GroupStore;
  readonly baseUrl: string;
  /** The service root @odata.context and @odata.id URLs name; Graph's own when not given. */
  readonly serviceRoot?: string;
  /** The `invalid-body-accepted` defect: create stores whatever it is given. */
  readonly lenientCreate: boolean;
  /** Behaviour defects the handlers act on (update-ignored, delete-not-deleting, …). */
  readonly defects: ReadonlySet<Defect>;
  /** Page size when the client sends no $top. */
  readonly pageSize: number | undefined;
  /** The $filter functions offered (DoubleOptions.filterFunctions); every one when not given. */
  readonly filterFunctions?: readonly FilterFunction[];
  /** Groups carry an ETag and PATCH/DELETE honour If-Match against it (DoubleOptions.etags). */
  readonly etags?: boolean;
  /** PATCH answers 200 with the entity as patched, Prefer or not (DoubleOptions.patchAnswer `entity`). */
  readonly patchReturnsEntity?: boolean;
  /** The list's order when no $orderby is sent (DoubleOptions.unorderedAs); creation order when not given. */
  readonly unorderedAs?: 'creation' | 'newest-first';
}

/**
 * A group's entity tag: a strong tag over what the entity holds, so it changes exactly when the group
 * does. Strong, because If-Match compares strongly (RFC 9110 §13.1.1): a weak tag could never match.
 */
export function etagOf(group: ConnectorGroupRecord): string {
  return `"${createHash('sha256')
    .update(JSON.stringify(toEntityJson(group)))
    .digest('base64url')
    .slice(0, 22)}"`;
}

/** The ETag header of a group's answer, where the double hands them out. */
const etagHeader = (ctx: OperationContext, group: ConnectorGroupRecord) => (ctx.etags ? { ETag: etagOf(group) } : undefined);

/** If-Match with entity tags (RFC 9110 §13.1.1): `*` or a list of tags, one of which must be the current one. */
function ifMatchFails(ifMatch: string, group: ConnectorGroupRecord): boolean {
  if (ifMatch.trim() === '*') return false;
  return !ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .includes(etagOf(group));
}

/** The context URLs of the service root this answer names. */
const contexts = (ctx: OperationContext) => contextUrls(ctx.serviceRoot ?? GRAPH_SERVICE_ROOT);

type Found = { readonly group: ConnectorGroupRecord } | { readonly outcome: Outcome };

function profileMissing(ctx: OperationContext): Outcome | undefined {
  return ctx.profileId.toLowerCase() === PROFILE_ID.toLowerCase() ? undefined : failure(ERRORS.resourceNotFound(ctx.profileId));
}

function findGroup(ctx: OperationContext, groupId: string): Found {
  const missing = profileMissing(ctx);
  if (missing) return { outcome: missing };
  const group = ctx.store.get(groupId);
  return group ? { group } : { outcome: failure(ERRORS.resourceNotFound(groupId)) };
}

interface Collection<T> {
  readonly query: CollectionQuery;
  /** Everything the request addresses, filtered, searched and sorted: what @odata.count counts. */
  readonly items: readonly T[];
  /** The collection's path, for @odata.nextLink. */
  readonly path: string;
  readonly context: string;
  readonly render: (item: T) => unknown;
  /** The `list-next-link-loop` defect, which only the connectorGroups list has. */
  readonly loops?: boolean;
  /** What @odata.count says, when not items.length (the `query-count-ignores-filter` defect). */
  readonly counted?: number;
  /** The item's creation number, where the collection pages by cursor. */
  readonly cursorOf?: (item: T) => number;
  /** Items come newest first: the next page holds those created before the last one shown. */
  readonly newestFirst?: boolean;
}

/**
 * One page of a collection: $skip first, then the page $skiptoken points at, $top (or the page size) long.
 * Where items have a creation number and no $orderby applies, the token is a cursor (after the last item
 * shown), so groups created or deleted by other clients while someone pages neither shift nor repeat
 * items; otherwise an offset.
 */
function collectionPage<T>(ctx: OperationContext, { query, items, path, context, render, loops, counted, cursorOf, newestFirst }: Collection<T>): Outcome {
  const skipped = ctx.defects.has('query-skip-ignored') ? items : items.slice(query.skip);
  const cursor = cursorOf && !query.orderBy ? cursorOf : undefined;
  const beyond = (n: number, after: number) => (newestFirst ? n < after : n > after);
  const rest = cursor && query.after !== undefined ? skipped.filter((item) => beyond(cursor(item), query.after!)) : skipped.slice(query.offset);
  const top = ctx.defects.has('query-top-ignored') ? undefined : query.top;
  const pageSize = top ?? ctx.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = rest.slice(0, pageSize);
  const hasMore = pageSize > 0 && page.length < rest.length;
  const nextToken = () => (cursor ? encodeCursorToken(cursor(page.at(-1)!)) : encodeSkipToken(query.offset + page.length));
  const pagedOn = query.offset > 0 || query.after !== undefined;
  return json(200, {
    '@odata.context': context,
    ...(query.count && { '@odata.count': counted ?? items.length }),
    ...(hasMore && { '@odata.nextLink': `${ctx.baseUrl}${path}?${nextPageQuery(nextQuery(ctx, query, path), nextToken())}` }),
    ...(!hasMore && pagedOn && loops && { '@odata.nextLink': `${ctx.baseUrl}${path}?${nextPageQuery(ctx.rawQuery, encodeSkipToken(0))}` }),
    value: page.map(render),
  });
}

/**
 * The query a next link carries on: the request's own, less what a defect drops on a connectorGroups
 * page: $filter and $orderby on a $top page (next-link-drops-query), $select on any (next-link-drops-select).
 */
function nextQuery(ctx: OperationContext, query: CollectionQuery, path: string): string {
  if (path !== SET_PATH) return ctx.rawQuery;
  const dropped = new Set([
    ...(ctx.defects.has('next-link-drops-query') && query.top !== undefined ? ['$filter', '$orderby'] : []),
    ...(ctx.defects.has('next-link-drops-select') ? ['$select'] : []),
  ]);
  if (dropped.size === 0) return ctx.rawQuery;
  return ctx.rawQuery
    .split('&')
    .filter((part) => !dropped.has((part.split('=')[0] ?? '').replace(/^%24/i, '$').toLowerCase()))
    .join('&');
}

/** Creation numbers of a store's groups, in the store's (insertion) order, handed out as groups are seen. */
const creationNumbers = new WeakMap<GroupStore, { next: number; of: Map<string, number> }>();

function creationNumber(store: GroupStore, id: string): number {
  let numbers = creationNumbers.get(store);
  if (!numbers) creationNumbers.set(store, (numbers = { next: 0, of: new Map() }));
  if (!numbers.of.has(id)) for (const key of store.keys()) if (!numbers.of.has(key)) numbers.of.set(key, numbers.next++);
  return numbers.of.get(id) ?? numbers.next++;
}

const SET_PATH = `/onPremisesPublishingProfiles/${PROFILE_ID}/connectorGroups`;

function listGroups(ctx: OperationContext): Outcome {
  const parsed = parseCollectionQuery(ctx.search, CONNECTOR_GROUP, undefined, ctx.filterFunctions);
  if (!parsed.ok) return failure(parsed.error);
  const missing = profileMissing(ctx);
  if (missing) return missing;
  const query = defectiveQuery(ctx, parsed.query);
  // Without $orderby the order is the server's to choose (OData 4.01 §11.2.6.2: $orderby decides it).
  const newestFirst = !query.orderBy && ctx.unorderedAs === 'newest-first';
  const matched = matching(ctx.store.values(), query);
  const items = newestFirst ? matched.reverse() : matched;
  return collectionPage(ctx, {
    query,
    items,
    path: SET_PATH,
    context: contexts(ctx).collection,
    render: (g) => toEntityJson(g, query.select, query.expand),
    loops: ctx.defects.has('list-next-link-loop'),
    ...(ctx.defects.has('query-count-ignores-filter') && { counted: ctx.store.size }),
    cursorOf: (g) => creationNumber(ctx.store, g.id),
    newestFirst,
  });
}

/** The list's query as a defect of the double misreads it; the query as sent otherwise. */
function defectiveQuery(ctx: OperationContext, query: CollectionQuery): CollectionQuery {
  const d = ctx.defects;
  const quoted = d.has('query-filter-quotes') && (ctx.search.get('$filter') ?? '').includes("''");
  return {
    ...query,
    ...(d.has('query-orderby-ignored') && { orderBy: undefined }),
    ...(d.has('query-search-ignored') && { search: undefined }),
    ...(quoted && { filter: () => false }),
    ...(d.has('query-filter-ignored') && { filter: undefined }),
  };
}

function countGroups(ctx: OperationContext): Outcome {
  if (ctx.defects.has('count-server-error')) return failure(ERRORS.internalServerError());
  const parsed = parseCollectionQuery(ctx.search, CONNECTOR_GROUP, QUERY_OPTIONS.count, ctx.filterFunctions);
  if (!parsed.ok) return failure(parsed.error);
  const ignored = ctx.defects.has('count-segment-ignores-filter') || ctx.defects.has('query-filter-ignored');
  const query = ignored ? { ...parsed.query, filter: undefined } : parsed.query;
  return profileMissing(ctx) ?? text(200, String(matching(ctx.store.values(), query).length));
}

function createGroup(ctx: OperationContext): Outcome {
  let fields: { name: string; region: ConnectorGroupRecord['region'] };
  if (ctx.lenientCreate) {
    fields = coerceConnectorGroup(ctx.body);
  } else {
    if (ctx.defects.has('region-null-refused') && isJsonObject(ctx.body) && ctx.body['region'] === null) {
      return failure(
        ERRORS.badRequest("A null value was found for the property named 'region', which has the expected type 'microsoft.graph.connectorGroupRegion'."),
      );
    }
    const checked = validateConnectorGroup(ctx.body, 'create');
    if (!checked.ok) {
      const tooLong = isJsonObject(ctx.body) && typeof ctx.body['name'] === 'string' && [...ctx.body['name']].length > MAX_NAME_LENGTH;
      return failure(tooLong && ctx.defects.has('long-name-500') ? ERRORS.internalServerError() : ERRORS.badRequest(checked.message));
    }
    const omitted = ctx.defects.has('default-region-eur') ? 'eur' : DEFAULT_REGION;
    fields = { name: checked.value.name ?? '', region: checked.value.region === undefined ? omitted : checked.value.region };
    if (fields.region === 'ind' && ctx.defects.has('region-ind-rejected')) {
      return failure(ERRORS.badRequest("Region 'ind' is not available for this tenant."));
    }
  }
  const missing = profileMissing(ctx);
  if (missing) return missing;
  // isDefault and connectorGroupType are set by the system whatever the client sends.
  // Both defects store the name through an ASCII-only column; store-ascii-only still echoes the request in
  // the 201, so only a read-back shows the loss.
  const ascii = ctx.defects.has('non-ascii-mangled') || ctx.defects.has('store-ascii-only');
  const name = ascii ? fields.name.replace(/[^\x00-\x7f]/gu, '?') : fields.name;
  const group: ConnectorGroupRecord = { id: newGuid(), name, connectorGroupType: CONNECTOR_GROUP_TYPE, isDefault: false, region: fields.region };
  ctx.store.set(group.id, group);
  creationNumber(ctx.store, group.id);
  const echoed = ctx.defects.has('store-ascii-only') ? { ...group, name: fields.name } : group;
  return json(201, { '@odata.context': contexts(ctx).entity, ...toEntityJson(echoed) }, etagHeader(ctx, group));
}

function getGroup(ctx: OperationContext, groupId: string): Outcome {
  const parsed = parseEntityQuery(ctx.search, CONNECTOR_GROUP);
  if (!parsed.ok) return failure(parsed.error);
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  if (ctx.defects.has('get-not-found-after-create')) return failure(ERRORS.resourceNotFound(groupId));
  const select = ctx.defects.has('query-select-ignored') ? undefined : parsed.query.select;
  const expand = ctx.defects.has('query-expand-ignored') ? undefined : parsed.query.expand;
  return json(200, { '@odata.context': contexts(ctx).entity, ...toEntityJson(found.group, select, expand) }, etagHeader(ctx, found.group));
}

function updateGroup(ctx: OperationContext, groupId: string): Outcome {
  const checked = validateConnectorGroup(ctx.body, 'update');
  if (!checked.ok) return failure(ERRORS.badRequest(checked.message));
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  // Where groups carry ETags, an If-Match that names another version is refused; without one, nothing is required.
  if (ctx.etags && ctx.ifMatch !== undefined && ifMatchFails(ctx.ifMatch, found.group)) return failure(ERRORS.preconditionFailed());
  // The update-replaces defect: what the body leaves out is reset instead of kept (a PUT in PATCH's clothes).
  const base = ctx.defects.has('update-replaces') ? { ...found.group, name: '', region: DEFAULT_REGION } : found.group;
  const updated = { ...base, ...checked.value };
  const representation = /\breturn=representation\b/i.test(ctx.prefer ?? '');
  // store-ascii-only keeps a renamed group's name through the same ASCII-only column as create does.
  const stored = ctx.defects.has('store-ascii-only') ? { ...updated, name: updated.name.replace(/[^\x00-\x7f]/gu, '?') } : updated;
  // patch-representation-not-stored: a front end that answers return=representation from the request alone.
  const drops = ctx.defects.has('update-ignored') || (representation && ctx.defects.has('patch-representation-not-stored'));
  if (!drops) ctx.store.set(groupId, stored);
  // OData: return=representation asks for the entity as patched, with 200; a server may also send it unasked.
  if (representation || ctx.patchReturnsEntity || ctx.defects.has('update-200-always')) {
    const shown = ctx.defects.has('update-200-stale') ? found.group : updated;
    return json(200, { '@odata.context': contexts(ctx).entity, ...toEntityJson(shown) }, etagHeader(ctx, shown));
  }
  return empty(204);
}

/**
 * If-Match on a group that exists. `*` matches any current entity; by default connectorGroups carry no ETag,
 * so no other value can match it; with DoubleOptions.etags the group's current tag matches too.
 */
function preconditionFails(ctx: OperationContext, group: ConnectorGroupRecord): boolean {
  if (ctx.ifMatch === undefined) return false;
  if (ctx.defects.has('delete-if-match-refused')) return true;
  return ctx.etags ? ifMatchFails(ctx.ifMatch, group) : ctx.ifMatch.trim() !== '*';
}

function deleteGroup(ctx: OperationContext, groupId: string): Outcome {
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  if (preconditionFails(ctx, found.group)) return failure(ERRORS.preconditionFailed());
  if (!ctx.defects.has('delete-not-deleting')) ctx.store.delete(groupId);
  return empty(204);
}

/** Runs `act` once the group exists; the double has no connectors or applications, so most answers are empty. */
function withGroup(ctx: OperationContext, groupId: string, act: () => Outcome): Outcome {
  const found = findGroup(ctx, groupId);
  return 'outcome' in found ? found.outcome : act();
}

/** Query options first (the front end parses the URL before the workload looks anything up), then the group. */
function withQuery<Q>(parsed: Parsed<Q>, ctx: OperationContext, groupId: string, act: (query: Q) => Outcome): Outcome {
  return parsed.ok ? withGroup(ctx, groupId, () => act(parsed.query)) : failure(parsed.error);
}

/** A group's members or applications: always empty here, with every option still checked and applied. */
function listNavigation(ctx: OperationContext, groupId: string, type: EntityType, context: string, segment: string): Outcome {
  return withQuery(parseCollectionQuery(ctx.search, type), ctx, groupId, (query) =>
    collectionPage<object>(ctx, { query, items: matching([], query), path: `${SET_PATH}/${groupId}/${segment}`, context, render: (item) => item }),
  );
}

function countNavigation(ctx: OperationContext, groupId: string, type: EntityType): Outcome {
  return withQuery(parseCollectionQuery(ctx.search, type, QUERY_OPTIONS.count), ctx, groupId, () => text(200, '0'));
}

/** members/$ref: the `@odata.id` URL of each member connector, as a collection of strings. */
function listMemberReferences(ctx: OperationContext, groupId: string): Outcome {
  return withQuery(parseCollectionQuery(ctx.search, CONNECTOR, QUERY_OPTIONS.references), ctx, groupId, (query) =>
    collectionPage<{ id: string }>(ctx, {
      query,
      items: matching([], query),
      path: `${SET_PATH}/${groupId}/members/$ref`,
      context: contexts(ctx).references,
      render: (connector) => `${ctx.serviceRoot ?? GRAPH_SERVICE_ROOT}/onPremisesPublishingProfiles/${PROFILE_ID}/connectors/${connector.id}`,
    }),
  );
}

/** An application of the group, by id or alternate key: none can exist, but $select/$expand are still checked. */
function getApplication(ctx: OperationContext, groupId: string, key: string): Outcome {
  return withQuery<EntityQuery>(parseEntityQuery(ctx.search, APPLICATION), ctx, groupId, () => failure(ERRORS.resourceNotFound(key)));
}

/** The connector an `@odata.id` names: the last path segment, or the key in `connectors('…')`. */
function connectorIdOf(reference: string): string {
  let path = reference;
  try {
    path = new URL(reference).pathname;
  } catch {
    // Not an absolute URL: take it as a relative path.
  }
  const last = path.split('/').filter(Boolean).at(-1) ?? reference;
  return /^connectors\('(.*)'\)$/i.exec(last)?.[1] ?? last;
}

function addMember(ctx: OperationContext, groupId: string): Outcome {
  const reference = isJsonObject(ctx.body) ? ctx.body['@odata.id'] : undefined;
  if (typeof reference !== 'string' || reference === '') {
    return failure(ERRORS.badRequest("The request body must be an object whose '@odata.id' is the URL of the connector to add."));
  }
  return withGroup(ctx, groupId, () => failure(ERRORS.resourceNotFound(connectorIdOf(reference))));
}

function removeMemberByQuery(ctx: OperationContext, groupId: string): Outcome {
  const reference = [...ctx.search].find(([key]) => key.toLowerCase() === '@id')?.[1];
  if (!reference) return failure(ERRORS.badRequest("The '@id' query parameter naming the connector to remove is required."));
  return withGroup(ctx, groupId, () => failure(ERRORS.resourceNotFound(connectorIdOf(reference))));
}

export function handle(ctx: OperationContext): Outcome {
  const { route, method } = ctx;
  switch (route.name) {
    case 'groups':
      return method === 'POST' ? createGroup(ctx) : listGroups(ctx);
    case 'groupsCount':
      return countGroups(ctx);
    case 'group':
      if (method === 'PATCH') return updateGroup(ctx, route.groupId);
      if (method === 'DELETE') return deleteGroup(ctx, route.groupId);
      return getGroup(ctx, route.groupId);
    case 'members':
      return listNavigation(ctx, route.groupId, CONNECTOR, contexts(ctx).members(route.groupId), 'members');
    case 'applications':
      return listNavigation(ctx, route.groupId, APPLICATION, contexts(ctx).applications(route.groupId), 'applications');
    case 'membersCount':
      return countNavigation(ctx, route.groupId, CONNECTOR);
    case 'applicationsCount':
      return countNavigation(ctx, route.groupId, APPLICATION);
    case 'memberRefs':
      if (method === 'POST') return addMember(ctx, route.groupId);
      if (method === 'DELETE') return removeMemberByQuery(ctx, route.groupId);
      return listMemberReferences(ctx, route.groupId);
    case 'member':
    case 'memberRef':
      return withGroup(ctx, route.groupId, () => failure(ERRORS.resourceNotFound(route.connectorId)));
    case 'application':
      if (method === 'GET') return getApplication(ctx, route.groupId, route.applicationId);
      return withGroup(ctx, route.groupId, () => failure(ERRORS.resourceNotFound(route.applicationId)));
    case 'applicationByKey':
      return getApplication(ctx, route.groupId, route.value);
    case 'applicationLogo':
      if (method === 'GET' && ctx.defects.has('logo-get-server-error')) return failure(ERRORS.internalServerError());
      return withGroup(ctx, route.groupId, () => failure(ERRORS.resourceNotFound(route.applicationId)));
  }
}
