// The operations themselves, on the in-memory store. Order inside each: read the body (Graph's front end
// deserialises before the workload runs), then look the resources up, then act.
import { ERRORS } from './errors.js';
import { newGuid } from './ids.js';
import {
  CONNECTOR_GROUP_TYPE,
  CONTEXT,
  DEFAULT_REGION,
  PROFILE_ID,
  toEntityJson,
  type ConnectorGroupRecord,
} from './model.js';
import { DEFAULT_PAGE_SIZE, nextPageQuery, parseCollectionQuery, parseEntityQuery } from './query.js';
import { empty, failure, json, text, type Outcome } from './response.js';
import type { Route } from './router.js';
import { coerceConnectorGroup, isJsonObject, validateConnectorGroup } from './validate.js';
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
  readonly store: GroupStore;
  readonly baseUrl: string;
  /** The `invalid-body-accepted` defect: create stores whatever it is given. */
  readonly lenientCreate: boolean;
  /** Behaviour defects the handlers act on (update-ignored, delete-not-deleting, …). */
  readonly defects: ReadonlySet<Defect>;
  /** Page size when the client sends no $top. */
  readonly pageSize: number | undefined;
}

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

function listGroups(ctx: OperationContext): Outcome {
  const parsed = parseCollectionQuery(ctx.search);
  if (!parsed.ok) return failure(parsed.error);
  const missing = profileMissing(ctx);
  if (missing) return missing;
  const { top, offset, count, select, filter } = parsed.query;
  const all = [...ctx.store.values()].filter((g) => !filter || filter(g));
  const pageSize = top ?? ctx.pageSize ?? DEFAULT_PAGE_SIZE;
  const page = all.slice(offset, offset + pageSize);
  const nextOffset = offset + page.length;
  const hasMore = pageSize > 0 && nextOffset < all.length;
  const path = `/onPremisesPublishingProfiles/${PROFILE_ID}/connectorGroups`;
  return json(200, {
    '@odata.context': CONTEXT.collection,
    ...(count && { '@odata.count': all.length }),
    ...(hasMore && { '@odata.nextLink': `${ctx.baseUrl}${path}?${nextPageQuery(ctx.rawQuery, nextOffset)}` }),
    ...(!hasMore && offset > 0 && ctx.defects.has('list-next-link-loop') && { '@odata.nextLink': `${ctx.baseUrl}${path}?${nextPageQuery(ctx.rawQuery, 0)}` }),
    value: page.map((g) => toEntityJson(g, select)),
  });
}

function createGroup(ctx: OperationContext): Outcome {
  let fields: { name: string; region: ConnectorGroupRecord['region'] };
  if (ctx.lenientCreate) {
    fields = coerceConnectorGroup(ctx.body);
  } else {
    const checked = validateConnectorGroup(ctx.body, 'create');
    if (!checked.ok) return failure(ERRORS.badRequest(checked.message));
    fields = { name: checked.value.name ?? '', region: checked.value.region ?? DEFAULT_REGION };
    if (fields.region === 'ind' && ctx.defects.has('region-ind-rejected')) {
      return failure(ERRORS.badRequest("Region 'ind' is not available for this tenant."));
    }
  }
  const missing = profileMissing(ctx);
  if (missing) return missing;
  // isDefault and connectorGroupType are set by the system whatever the client sends.
  const group: ConnectorGroupRecord = { id: newGuid(), name: fields.name, connectorGroupType: CONNECTOR_GROUP_TYPE, isDefault: false, region: fields.region };
  ctx.store.set(group.id, group);
  return json(201, { '@odata.context': CONTEXT.entity, ...toEntityJson(group) });
}

function getGroup(ctx: OperationContext, groupId: string): Outcome {
  const parsed = parseEntityQuery(ctx.search);
  if (!parsed.ok) return failure(parsed.error);
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  if (ctx.defects.has('get-not-found-after-create')) return failure(ERRORS.resourceNotFound(groupId));
  return json(200, { '@odata.context': CONTEXT.entity, ...toEntityJson(found.group, parsed.query.select) });
}

function updateGroup(ctx: OperationContext, groupId: string): Outcome {
  const checked = validateConnectorGroup(ctx.body, 'update');
  if (!checked.ok) return failure(ERRORS.badRequest(checked.message));
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  if (!ctx.defects.has('update-ignored')) ctx.store.set(groupId, { ...found.group, ...checked.value });
  return empty(204);
}

function deleteGroup(ctx: OperationContext, groupId: string): Outcome {
  const found = findGroup(ctx, groupId);
  if ('outcome' in found) return found.outcome;
  if (!ctx.defects.has('delete-not-deleting')) ctx.store.delete(groupId);
  return empty(204);
}

/** Runs `act` once the group exists; the double has no connectors or applications, so most answers are empty. */
function withGroup(ctx: OperationContext, groupId: string, act: () => Outcome): Outcome {
  const found = findGroup(ctx, groupId);
  return 'outcome' in found ? found.outcome : act();
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
      return profileMissing(ctx) ?? text(200, String(ctx.store.size));
    case 'group':
      if (method === 'PATCH') return updateGroup(ctx, route.groupId);
      if (method === 'DELETE') return deleteGroup(ctx, route.groupId);
      return getGroup(ctx, route.groupId);
    case 'members':
      return withGroup(ctx, route.groupId, () => json(200, { '@odata.context': CONTEXT.members(route.groupId), value: [] }));
    case 'applications':
      return withGroup(ctx, route.groupId, () => json(200, { '@odata.context': CONTEXT.applications(route.groupId), value: [] }));
    case 'membersCount':
    case 'applicationsCount':
      return withGroup(ctx, route.groupId, () => text(200, '0'));
    case 'memberRefs':
      if (method === 'POST') return addMember(ctx, route.groupId);
      if (method === 'DELETE') return removeMemberByQuery(ctx, route.groupId);
      return withGroup(ctx, route.groupId, () => json(200, { '@odata.context': CONTEXT.references, value: [] }));
    case 'member':
    case 'memberRef':
      return withGroup(ctx, route.groupId, () => failure(ERRORS.resourceNotFound(route.connectorId)));
    case 'application':
      return withGroup(ctx, route.groupId, () => failure(ERRORS.resourceNotFound(route.applicationId)));
  }
}
