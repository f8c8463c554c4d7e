/**
 * The defect catalogue: each named defect is one record — what it breaks (its description, a stable
 * interface the project's tests and users name), the stage it acts at and what it changes there:
 * - `request`: the front end, before any handler (authentication, body reading, an early answer);
 * - `handler`: a decision point of the handlers (behaviour.ts), or an answer in place of the handler;
 * - `reply`: the correct reply of the operations it names, changed after it is made.
 * `operations` names the operations (the operation table's names) a record acts on; none: every one.
 */
import type { Behaviour } from './behaviour.js';
import { ERRORS, type GraphError } from './errors.js';
import { newGuid } from './ids.js';
import { hasQueryOption } from './query.js';
import { headerKey, JSON_CONTENT_TYPE, TEXT_CONTENT_TYPE, type Reply } from './response.js';
import type { Entity } from './store.js';
import { isJsonObject } from './validate.js';

/** What a record may ask of the request it would act on. */
export interface RequestView {
  readonly search: URLSearchParams;
}

export interface DefectRecord {
  readonly description: string;
  readonly stage: 'request' | 'handler' | 'reply';
  /** The operations it acts on (operation-table names, or patterns with `*`); every operation when unset. */
  readonly operations?: readonly string[];
  /** Narrows it to some requests of those operations. */
  readonly when?: (request: RequestView) => boolean;
  readonly behaviour?: Behaviour;
  /** Answers this error instead of the handler. */
  readonly answer?: () => GraphError;
  /** Changes a correct reply whose status is `from` (a status, any error, any success). */
  readonly reply?: { readonly from: number | 'error' | 'success'; readonly apply: (reply: Reply) => void };
  /** Set when no check fails on it on purpose: why only `diff` against a recording can see it. */
  readonly diffOnly?: string;
}

/** What the request-id-constant defect answers every request with: a well-formed GUID, only never a new one. */
const CONSTANT_REQUEST_ID = '0c0ffee0-0000-4000-8000-000000000001';

function editBody(reply: Reply, edit: (body: Record<string, unknown>) => void): void {
  const body = JSON.parse(String(reply.body ?? '{}')) as Record<string, unknown>;
  edit(body);
  reply.body = JSON.stringify(body); // key order survives the round trip
}

function setHeader(reply: Reply, name: string, value: string | undefined): void {
  const key = headerKey(reply.headers, name) ?? name;
  if (value === undefined) delete reply.headers[key];
  else reply.headers[key] = value;
}

/** Unique per response like a real request-id, but with no GUID shape at all. */
const notAGuid = (): string => `req_${newGuid().replaceAll('-', '').slice(0, 20)}`;

const notACollection = (reply: Reply): void => editBody(reply, (body) => void (body['value'] = 'none'));

function noContent(reply: Reply): void {
  reply.status = 204;
  reply.body = undefined;
  setHeader(reply, 'Content-Type', undefined);
}

function errorMessage(reply: Reply): string {
  const body = JSON.parse(String(reply.body ?? '{}')) as { error?: { message?: string } };
  return body.error?.message ?? '';
}

/** Every successful JSON object body loses its context URL; errors, $count text and 204s have none to lose. */
function dropContext(reply: Reply): void {
  const type = reply.headers[headerKey(reply.headers, 'Content-Type') ?? 'Content-Type'];
  if (!type?.startsWith('application/json') || reply.body === undefined) return;
  const body = JSON.parse(String(reply.body)) as unknown;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('@odata.context' in body)) return;
  editBody(reply, (b) => void delete b['@odata.context']);
}

/** A store that keeps `property` through an ASCII-only column: every other character becomes '?'. */
const asciiOnly =
  (property: string) =>
  (entity: Entity): Entity =>
    typeof entity[property] === 'string' ? { ...entity, [property]: (entity[property] as string).replace(/[^\x00-\x7f]/gu, '?') } : entity;

/** A store that loses names: every property a person reads an entity by (`name`, `…Name`) becomes ''. */
const namesEmptied = (entity: Entity): Entity =>
  Object.fromEntries(Object.entries(entity).map(([k, v]) => [k, /^(name|.*Name)$/.test(k) && typeof v === 'string' ? '' : v])) as Entity;

const queryOption = (search: URLSearchParams, name: string): string | undefined => [...search].find(([key]) => key.toLowerCase() === name)?.[1];

// What an IIS front end sends when no application handled the request.
const IIS_NOT_FOUND =
  '<!DOCTYPE html>\n<html><head><title>404 - File or directory not found.</title></head>\n' +
  '<body><h1>Server Error</h1><h2>404 - File or directory not found.</h2>\n' +
  '<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></body></html>\n';

export const DEFECT_RECORDS = {
  'create-status-200': {
    description: 'create answers 200 OK instead of 201 Created (headers and body unchanged)',
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => void (r.status = 200) },
  },
  'create-content-type-text': {
    description: "create's response Content-Type is text/plain (body bytes unchanged)",
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => setHeader(r, 'Content-Type', TEXT_CONTENT_TYPE) },
  },
  'create-body-schema': {
    description: 'create\'s response body has "connectorGroupType": 42 (a number where the schema wants a string enum)',
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => editBody(r, (b) => void (b['connectorGroupType'] = 42)) },
  },
  'create-id-empty': {
    description: 'create\'s response "id" is "" (the stored group keeps its real id)',
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => editBody(r, (b) => void (b['id'] = '')) },
  },
  'create-echo-name': {
    description: 'create\'s response "name" differs from the name sent (upper-cased plus a suffix); the stored name is right',
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => editBody(r, (b) => void (b['name'] = `${String(b['name']).toUpperCase()} (renamed)`)) },
  },
  'create-no-request-id': {
    description: "create's response lacks the request-id header (client-request-id still echoed)",
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => setHeader(r, 'request-id', undefined) },
  },
  'create-request-id-not-guid': {
    description: "create's request-id header is present but not a GUID",
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => setHeader(r, 'request-id', notAGuid()) },
  },
  'create-client-request-id-not-echoed': {
    description: "create's client-request-id header is a fresh GUID instead of the one sent",
    stage: 'reply',
    operations: ['create'],
    reply: { from: 201, apply: (r) => setHeader(r, 'client-request-id', newGuid()) },
  },
  'auth-not-enforced': {
    description: 'requests without a bearer token are served as if authorised',
    stage: 'request',
    behaviour: { skipAuth: true },
  },
  'invalid-body-accepted': {
    description:
      'create accepts schema-invalid bodies (wrong types, unknown enum values, unknown or missing properties) with 201; 415 and malformed JSON are still rejected',
    stage: 'handler',
    operations: ['create'],
    behaviour: { acceptInvalidBodies: true },
  },
  'error-envelope-not-graph': {
    description: 'error responses carry {"message": …} instead of Graph\'s {"error": {code, message, innerError}} (status and headers unchanged)',
    stage: 'reply',
    reply: { from: 'error', apply: (r) => void (r.body = JSON.stringify({ message: errorMessage(r) })) },
  },
  'get-status-203': {
    description: 'get answers 203 instead of 200 (body unchanged)',
    stage: 'reply',
    operations: ['get'],
    reply: { from: 200, apply: (r) => void (r.status = 203) },
  },
  'get-content-type-text': {
    description: "get's response Content-Type is text/plain (body bytes unchanged)",
    stage: 'reply',
    operations: ['get'],
    reply: { from: 200, apply: (r) => setHeader(r, 'Content-Type', TEXT_CONTENT_TYPE) },
  },
  'get-body-schema': {
    description: 'get\'s body has "connectorGroupType": 42',
    stage: 'reply',
    operations: ['get'],
    reply: { from: 200, apply: (r) => editBody(r, (b) => void (b['connectorGroupType'] = 42)) },
  },
  'get-not-found-after-create': {
    description: 'get by id answers 404 for groups that exist (the entity is not retrievable after create)',
    stage: 'handler',
    operations: ['get'],
    behaviour: { readsMissing: true },
  },
  'list-status-203': {
    description: 'list answers 203 instead of 200',
    stage: 'reply',
    operations: ['list'],
    reply: { from: 200, apply: (r) => void (r.status = 203) },
  },
  'list-body-schema': {
    description: 'every list item has "connectorGroupType": 42',
    stage: 'reply',
    operations: ['list'],
    reply: {
      from: 200,
      apply: (r) => editBody(r, (b) => void (b['value'] = (b['value'] as Record<string, unknown>[]).map((g) => ({ ...g, connectorGroupType: 42 })))),
    },
  },
  'list-no-value': {
    description: 'the list body has no "value" array (annotations only)',
    stage: 'reply',
    operations: ['list'],
    reply: { from: 200, apply: (r) => editBody(r, (b) => void delete b['value']) },
  },
  'list-next-link-loop': {
    description: "the last page's @odata.nextLink points back at the first page",
    stage: 'handler',
    operations: ['list'],
    behaviour: { nextLinkLoops: true },
  },
  'update-ignored': {
    description: 'PATCH answers 204 but changes nothing',
    stage: 'handler',
    operations: ['update'],
    behaviour: { updateNotStored: () => true },
  },
  'update-status-202': {
    description: 'PATCH answers 202 instead of 204',
    stage: 'reply',
    operations: ['update'],
    reply: { from: 204, apply: (r) => void (r.status = 202) },
  },
  'update-200-invalid-body': {
    description: 'PATCH answers 200 with a body that is not a connectorGroup ({"name": 5})',
    stage: 'reply',
    operations: ['update'],
    reply: {
      from: 204,
      apply: (r) => {
        r.status = 200;
        r.body = JSON.stringify({ name: 5 });
        setHeader(r, 'Content-Type', JSON_CONTENT_TYPE);
      },
    },
  },
  'delete-not-deleting': {
    description: 'DELETE answers 204 but keeps the group',
    stage: 'handler',
    operations: ['delete'],
    behaviour: { deleteNotStored: true },
  },
  'delete-status-200': {
    description: 'DELETE answers 200 instead of 204',
    stage: 'reply',
    operations: ['delete'],
    reply: { from: 204, apply: (r) => void (r.status = 200) },
  },
  'unknown-id-400': {
    description: 'an unknown connectorGroup id answers 400 instead of 404 (envelope unchanged)',
    stage: 'reply',
    operations: ['get'],
    reply: { from: 404, apply: (r) => void (r.status = 400) },
  },
  'members-list-not-collection': {
    description: 'members answers {"value": "none"} instead of a collection',
    stage: 'reply',
    operations: ['members.list'],
    reply: { from: 200, apply: notACollection },
  },
  'members-add-accepts-unknown': {
    description: 'adding an unknown connector to members ($ref) answers 204',
    stage: 'reply',
    operations: ['members.ref.create'],
    reply: { from: 404, apply: noContent },
  },
  'members-add-not-stored': {
    description: 'adding a connector that exists to members ($ref) answers 204 but the group does not list it',
    stage: 'handler',
    operations: ['members.ref.create'],
    behaviour: { linkNotStored: true },
  },
  'members-remove-unknown-204': {
    description: 'removing an unknown connector from members ($ref) answers 204',
    stage: 'reply',
    operations: ['members.item.ref.delete'],
    reply: { from: 404, apply: noContent },
  },
  'applications-list-not-collection': {
    description: 'applications answers {"value": "none"} instead of a collection',
    stage: 'reply',
    operations: ['applications.list'],
    reply: { from: 200, apply: notACollection },
  },
  'applications-get-unknown-200': {
    description: 'an unknown application under a group answers 200 with a stub entity',
    stage: 'reply',
    operations: ['applications.get'],
    reply: {
      from: 404,
      apply: (r) => {
        r.status = 200;
        r.body = JSON.stringify({ id: 'stub', displayName: 'stub application' });
      },
    },
  },
  'content-type-ignored': {
    description: 'create accepts a JSON body sent with a non-JSON Content-Type',
    stage: 'request',
    behaviour: { anyContentType: true },
  },
  'malformed-json-500': {
    description: 'malformed JSON answers 500 instead of 400',
    stage: 'request',
    behaviour: { bodyError: (e) => (e.status === 400 ? { ...e, status: 500, code: 'InternalServerError' } : e) },
  },
  'region-ind-rejected': {
    description: "create refuses region 'ind' with 400 although the contract allows it",
    stage: 'handler',
    operations: ['create'],
    behaviour: { refuseBody: (b) => (b['region'] === 'ind' ? ERRORS.badRequest("Region 'ind' is not available for this tenant.") : undefined) },
  },
  'count-json': {
    description: 'every $count endpoint answers application/json {"value": n} instead of text/plain n',
    stage: 'reply',
    operations: ['count', '*.count'],
    reply: {
      from: 200,
      apply: (r) => {
        r.body = JSON.stringify({ value: Number(r.body) });
        setHeader(r, 'Content-Type', JSON_CONTENT_TYPE);
      },
    },
  },
  'count-server-error': {
    description: "GET …/connectorGroups/$count answers 500 with Graph's error envelope",
    stage: 'handler',
    operations: ['count'],
    answer: () => ERRORS.internalServerError(),
  },
  'query-top-server-error': {
    description:
      "any authorised request to one of the family's operations that carries $top answers 500 with Graph's error envelope (the parameter crashes the server)",
    stage: 'request',
    when: ({ search }) => hasQueryOption(search, '$top'),
    answer: () => ERRORS.internalServerError(),
  },
  'members-ref-list-not-collection': {
    description: 'GET …/members/$ref answers 200 with a bare JSON array [] instead of a string collection',
    stage: 'reply',
    operations: ['members.ref.list'],
    reply: { from: 200, apply: (r) => void (r.body = '[]') },
  },
  'logo-get-server-error': {
    description: "GET …/applications/{id}/logo answers 500 with Graph's error envelope instead of 404",
    stage: 'handler',
    operations: ['applications.item.logo.get'],
    answer: () => ERRORS.internalServerError(),
  },
  'by-app-id-html': {
    description: "GET …/applications(appId='…') answers its 404 as an HTML page (text/html) instead of Graph's JSON envelope",
    stage: 'reply',
    operations: ['applications.by-appId.get'],
    reply: {
      from: 404,
      apply: (r) => {
        r.body = IIS_NOT_FOUND;
        setHeader(r, 'Content-Type', 'text/html');
      },
    },
  },
  'delete-if-match-refused': {
    description: 'DELETE …/connectorGroups/{id} with If-Match: * answers 412 and keeps the group (without If-Match it still deletes)',
    stage: 'handler',
    operations: ['delete'],
    behaviour: { ifMatchRefused: true },
  },
  'select-breaks-schema': {
    description: 'GET …/connectorGroups/{id} with $select answers 200 with "connectorGroupType": 42 in the body',
    stage: 'reply',
    operations: ['get'],
    when: ({ search }) => hasQueryOption(search, '$select'),
    reply: { from: 200, apply: (r) => editBody(r, (b) => void (b['connectorGroupType'] = 42)) },
  },
  'query-top-ignored': {
    description: 'the connectorGroups list answers $top with a full page (the option is accepted, not applied)',
    stage: 'handler',
    operations: ['list'],
    behaviour: { collectionQuery: (q) => ({ ...q, top: undefined }) },
  },
  'query-skip-ignored': {
    description: 'the connectorGroups list ignores $skip',
    stage: 'handler',
    operations: ['list'],
    behaviour: { collectionQuery: (q) => ({ ...q, skip: 0 }) },
  },
  'query-orderby-ignored': {
    description: 'the connectorGroups list ignores $orderby (items stay in creation order)',
    stage: 'handler',
    operations: ['list'],
    behaviour: { collectionQuery: (q) => ({ ...q, orderBy: undefined }) },
  },
  'query-filter-quotes': {
    description: "a $filter literal with a doubled quote ('') matches nothing (the escape is not undone)",
    stage: 'handler',
    operations: ['list'],
    behaviour: { collectionQuery: (q, search) => (queryOption(search, '$filter')?.includes("''") ? { ...q, filter: () => false } : q) },
  },
  'query-filter-ignored': {
    description:
      'the connectorGroups list and its $count accept $filter but ignore it silently (every group comes back, every group is counted), as a field report says the real endpoint may',
    stage: 'handler',
    operations: ['list', 'count'],
    behaviour: { collectionQuery: (q) => ({ ...q, filter: undefined }) },
  },
  'query-count-ignores-filter': {
    description: '@odata.count counts the whole collection, not the items the $filter keeps',
    stage: 'handler',
    operations: ['list'],
    behaviour: { countsAll: true },
  },
  'query-select-ignored': {
    description: 'GET …/connectorGroups/{id} ignores $select (every property comes back)',
    stage: 'handler',
    operations: ['get'],
    behaviour: { entityQuery: (q) => ({ ...q, select: undefined }) },
  },
  'query-expand-ignored': {
    description: 'GET …/connectorGroups/{id} accepts $expand but leaves the expanded property out',
    stage: 'handler',
    operations: ['get'],
    behaviour: { entityQuery: (q) => ({ ...q, expand: [] }) },
  },
  'query-search-ignored': {
    description: 'the connectorGroups list accepts $search but returns every group',
    stage: 'handler',
    operations: ['list'],
    behaviour: { collectionQuery: (q) => ({ ...q, search: undefined }) },
  },
  'count-segment-ignores-filter': {
    description: 'GET …/connectorGroups/$count ignores $filter and counts every group',
    stage: 'handler',
    operations: ['count'],
    behaviour: { collectionQuery: (q) => ({ ...q, filter: undefined }) },
  },
  'update-200-stale': {
    description: 'PATCH with Prefer: return=representation answers 200 with the group as it was before the patch',
    stage: 'handler',
    operations: ['update'],
    behaviour: { updateShowsBefore: true },
  },
  'patch-representation-not-stored': {
    description:
      'PATCH with Prefer: return=representation answers 200 with the group as patched but stores nothing (a front end that answers from the request)',
    stage: 'handler',
    operations: ['update'],
    behaviour: { updateNotStored: (representation) => representation },
  },
  'update-replaces': {
    description:
      "PATCH replaces the entity, of every set: what the body leaves out goes back to its default (a group's name and region to '' and the default region; a string of another type to '')",
    stage: 'handler',
    operations: ['update', '*.update'],
    behaviour: { updateReplaces: true },
  },
  'next-link-drops-query': {
    description:
      "the @odata.nextLink of a connectorGroups page read with $top drops the request's $filter and $orderby (the next page reads the whole collection in the server's order)",
    stage: 'handler',
    operations: ['list'],
    behaviour: { nextLinkDrops: (q) => (q.top !== undefined ? ['$filter', '$orderby'] : []) },
  },
  'next-link-drops-select': {
    description: "the @odata.nextLink of a connectorGroups list page drops the request's $select (every page after the first comes back with every property)",
    stage: 'handler',
    operations: ['list'],
    behaviour: { nextLinkDrops: () => ['$select'] },
  },
  'delete-twice-204': {
    description: 'DELETE of a group that does not exist (any more) answers 204 instead of 404',
    stage: 'reply',
    operations: ['delete'],
    reply: { from: 404, apply: noContent },
  },
  'patch-unknown-204': {
    description: 'PATCH of a group that does not exist (any more) answers 204 instead of 404',
    stage: 'reply',
    operations: ['update'],
    reply: { from: 404, apply: noContent },
  },
  'logo-delete-unknown-400': {
    description: 'DELETE …/applications/{id}/logo for an unknown application answers 400 instead of 404',
    stage: 'reply',
    operations: ['applications.item.logo.delete'],
    reply: { from: 404, apply: (r) => void (r.status = 400) },
  },
  'errors-without-request-id': {
    description: 'error responses carry no request-id header (successful ones still do)',
    stage: 'reply',
    reply: { from: 'error', apply: (r) => setHeader(r, 'request-id', undefined) },
  },
  'request-id-constant': {
    description: 'every response carries the same request-id GUID (in the header and in error envelopes), whatever the request',
    stage: 'request',
    behaviour: { constantRequestId: CONSTANT_REQUEST_ID },
  },
  'odata-context-missing': {
    description: 'successful JSON bodies come without @odata.context; the Content-Type still declares odata.metadata=minimal',
    stage: 'reply',
    reply: { from: 'success', apply: dropContext },
  },
  'next-page-no-odata-context': {
    description:
      'a connectorGroups page reached by its @odata.nextLink ($skiptoken) comes without @odata.context; first pages and every other answer keep theirs',
    stage: 'reply',
    operations: ['list'],
    when: ({ search }) => hasQueryOption(search, '$skiptoken'),
    reply: { from: 'success', apply: dropContext },
  },
  'non-ascii-mangled': {
    description: "create stores and echoes a name with every non-ASCII character replaced by '?' (a Latin-1 column)",
    stage: 'handler',
    operations: ['create'],
    behaviour: { stored: asciiOnly('name') },
  },
  'create-stores-names-empty': {
    description:
      "a create in any set but connectorGroups answers the entity as sent, but stores each of its names (name, displayName, machineName, resourceName…) as '' (GET and lists show '')",
    stage: 'handler',
    operations: ['*.create'],
    behaviour: { stored: namesEmptied, echoAsSent: true },
  },
  'store-ascii-only': {
    description:
      "create and PATCH echo the name exactly as sent, but store it with every non-ASCII character replaced by '?' (GET and lists show the mangled name)",
    stage: 'handler',
    operations: ['create', 'update'],
    behaviour: { stored: asciiOnly('name'), echoAsSent: true },
  },
  'long-name-500': {
    description: 'a name longer than the double allows answers 500 instead of 400',
    stage: 'handler',
    operations: ['create'],
    behaviour: {
      validationError: (e, body) =>
        isJsonObject(body) && typeof body['name'] === 'string' && [...body['name']].length > 256 ? ERRORS.internalServerError() : e,
    },
  },
  'region-null-refused': {
    description: 'create refuses region null with 400 although region is nullable',
    stage: 'handler',
    operations: ['create'],
    behaviour: {
      refuseBody: (b) =>
        b['region'] === null
          ? ERRORS.badRequest("A null value was found for the property named 'region', which has the expected type 'microsoft.graph.connectorGroupRegion'.")
          : undefined,
    },
  },
  'default-region-eur': {
    description: "a group created without a region gets 'eur' where the double's default is 'nam'",
    stage: 'handler',
    operations: ['create'],
    behaviour: { defaults: { region: 'eur' } },
    diffOnly: 'the default region of a group created without one is stated nowhere: only diff against a recording sees it',
  },
  'update-200-always': {
    description: 'PATCH answers 200 with the patched group even when no Prefer asks for it (the slice allows 200 or 204)',
    stage: 'handler',
    operations: ['update'],
    behaviour: { updateAnswersEntity: true },
    diffOnly: 'the slice allows PATCH to answer 200 or 204 (decision update-status-200-or-204): only diff against a recording sees the change',
  },
} as const satisfies Record<string, DefectRecord>;

export type Defect = keyof typeof DEFECT_RECORDS;

export const DEFECTS: readonly Defect[] = Object.freeze(Object.keys(DEFECT_RECORDS) as Defect[]);

/** What each defect breaks, by name. */
export const DEFECT_DESCRIPTIONS = Object.fromEntries(DEFECTS.map((d) => [d, DEFECT_RECORDS[d].description])) as Readonly<Record<Defect, string>>;

/**
 * Defects no check fails on purpose, each with why: no schema or rule states what they break, so only
 * `diff` against a recording finds them. Every other defect must be in some check's `provenBy`.
 */
export const DIFF_ONLY: Readonly<Partial<Record<Defect, string>>> = Object.fromEntries(
  DEFECTS.flatMap((d) => {
    const record: DefectRecord = DEFECT_RECORDS[d];
    return record.diffOnly === undefined ? [] : [[d, record.diffOnly]];
  }),
);

export function isDefect(name: string): name is Defect {
  return Object.hasOwn(DEFECT_RECORDS, name);
}

export function defectRecord(name: Defect): DefectRecord {
  return DEFECT_RECORDS[name];
}
