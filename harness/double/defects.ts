// The defect catalogue. Names are a stable interface: the conformance suite's own tests refer to them.

export const DEFECT_DESCRIPTIONS = {
  'create-status-200': 'create answers 200 OK instead of 201 Created (headers and body unchanged)',
  'create-content-type-text': "create's response Content-Type is text/plain (body bytes unchanged)",
  'create-body-schema': 'create\'s response body has "connectorGroupType": 42 (a number where the schema wants a string enum)',
  'create-id-empty': 'create\'s response "id" is "" (the stored group keeps its real id)',
  'create-echo-name': 'create\'s response "name" differs from the name sent (upper-cased plus a suffix); the stored name is right',
  'create-no-request-id': "create's response lacks the request-id header (client-request-id still echoed)",
  'create-request-id-not-guid': "create's request-id header is present but not a GUID",
  'create-client-request-id-not-echoed': "create's client-request-id header is a fresh GUID instead of the one sent",
  'auth-not-enforced': 'requests without a bearer token are served as if authorised',
  'invalid-body-accepted':
    'create accepts schema-invalid bodies (wrong types, unknown enum values, unknown or missing properties) with 201; 415 and malformed JSON are still rejected',
  'error-envelope-not-graph': 'error responses carry {"message": …} instead of Graph\'s {"error": {code, message, innerError}} (status and headers unchanged)',
  // The rest of the family: each changes one answer of one operation (reply-defects.ts) or one behaviour (handlers.ts).
  'get-status-203': 'get answers 203 instead of 200 (body unchanged)',
  'get-content-type-text': "get's response Content-Type is text/plain (body bytes unchanged)",
  'get-body-schema': 'get\'s body has "connectorGroupType": 42',
  'get-not-found-after-create': 'get by id answers 404 for groups that exist (the entity is not retrievable after create)',
  'list-status-203': 'list answers 203 instead of 200',
  'list-body-schema': 'every list item has "connectorGroupType": 42',
  'list-no-value': 'the list body has no "value" array (annotations only)',
  'list-next-link-loop': "the last page's @odata.nextLink points back at the first page",
  'update-ignored': 'PATCH answers 204 but changes nothing',
  'update-status-202': 'PATCH answers 202 instead of 204',
  'update-200-invalid-body': 'PATCH answers 200 with a body that is not a connectorGroup ({"name": 5})',
  'delete-not-deleting': 'DELETE answers 204 but keeps the group',
  'delete-status-200': 'DELETE answers 200 instead of 204',
  'unknown-id-400': 'an unknown connectorGroup id answers 400 instead of 404 (envelope unchanged)',
  'members-list-not-collection': 'members answers {"value": "none"} instead of a collection',
  'members-add-accepts-unknown': 'adding an unknown connector to members ($ref) answers 204',
  'members-remove-unknown-204': 'removing an unknown connector from members ($ref) answers 204',
  'applications-list-not-collection': 'applications answers {"value": "none"} instead of a collection',
  'applications-get-unknown-200': 'an unknown application under a group answers 200 with a stub entity',
  'content-type-ignored': 'create accepts a JSON body sent with a non-JSON Content-Type',
  'malformed-json-500': 'malformed JSON answers 500 instead of 400',
  'region-ind-rejected': "create refuses region 'ind' with 400 although the contract allows it",
  'count-json': 'every $count endpoint answers application/json {"value": n} instead of text/plain n',
  'count-server-error': "GET …/connectorGroups/$count answers 500 with Graph's error envelope",
  'query-top-server-error':
    "any authorised request to one of the family's operations that carries $top answers 500 with Graph's error envelope (the parameter crashes the server)",
  'members-ref-list-not-collection': 'GET …/members/$ref answers 200 with a bare JSON array [] instead of a string collection',
  'logo-get-server-error': "GET …/applications/{id}/logo answers 500 with Graph's error envelope instead of 404",
  'by-app-id-html': "GET …/applications(appId='…') answers its 404 as an HTML page (text/html) instead of Graph's JSON envelope",
  'delete-if-match-refused': 'DELETE …/connectorGroups/{id} with If-Match: * answers 412 and keeps the group (without If-Match it still deletes)',
  'select-breaks-schema': 'GET …/connectorGroups/{id} with $select answers 200 with "connectorGroupType": 42 in the body',
  // Query options answered 200 but not applied, and Graph's conventions broken one at a time.
  'query-top-ignored': 'the connectorGroups list answers $top with a full page (the option is accepted, not applied)',
  'query-skip-ignored': 'the connectorGroups list ignores $skip',
  'query-orderby-ignored': 'the connectorGroups list ignores $orderby (items stay in creation order)',
  'query-filter-quotes': "a $filter literal with a doubled quote ('') matches nothing (the escape is not undone)",
  'query-filter-ignored':
    'the connectorGroups list and its $count accept $filter but ignore it silently (every group comes back, every group is counted), as a field report says the real endpoint may',
  'query-count-ignores-filter': '@odata.count counts the whole collection, not the items the $filter keeps',
  'query-select-ignored': 'GET …/connectorGroups/{id} ignores $select (every property comes back)',
  'query-expand-ignored': 'GET …/connectorGroups/{id} accepts $expand but leaves the expanded property out',
  'query-search-ignored': 'the connectorGroups list accepts $search but returns every group',
  'count-segment-ignores-filter': 'GET …/connectorGroups/$count ignores $filter and counts every group',
  'update-200-stale': 'PATCH with Prefer: return=representation answers 200 with the group as it was before the patch',
  'patch-representation-not-stored':
    'PATCH with Prefer: return=representation answers 200 with the group as patched but stores nothing (a front end that answers from the request)',
  'update-replaces': "PATCH replaces the group: name and region not in the body go back to their defaults ('' and the default region)",
  'next-link-drops-query':
    "the @odata.nextLink of a connectorGroups page read with $top drops the request's $filter and $orderby (the next page reads the whole collection in the server's order)",
  'next-link-drops-select':
    "the @odata.nextLink of a connectorGroups list page drops the request's $select (every page after the first comes back with every property)",
  'delete-twice-204': 'DELETE of a group that does not exist (any more) answers 204 instead of 404',
  'patch-unknown-204': 'PATCH of a group that does not exist (any more) answers 204 instead of 404',
  'logo-delete-unknown-400': 'DELETE …/applications/{id}/logo for an unknown application answers 400 instead of 404',
  'errors-without-request-id': 'error responses carry no request-id header (successful ones still do)',
  'request-id-constant': 'every response carries the same request-id GUID (in the header and in error envelopes), whatever the request',
  'odata-context-missing': 'successful JSON bodies come without @odata.context; the Content-Type still declares odata.metadata=minimal',
  'next-page-no-odata-context':
    'a connectorGroups page reached by its @odata.nextLink ($skiptoken) comes without @odata.context; first pages and every other answer keep theirs',
  // Inputs from the whole space the slice allows.
  'non-ascii-mangled': "create stores and echoes a name with every non-ASCII character replaced by '?' (a Latin-1 column)",
  'store-ascii-only':
    "create and PATCH echo the name exactly as sent, but store it with every non-ASCII character replaced by '?' (GET and lists show the mangled name)",
  'long-name-500': 'a name longer than the double allows answers 500 instead of 400',
  'region-null-refused': 'create refuses region null with 400 although region is nullable',
  // What no schema states, so no check can see: diff finds them against a recording.
  'default-region-eur': "a group created without a region gets 'eur' where the double's default is 'nam'",
  'update-200-always': 'PATCH answers 200 with the patched group even when no Prefer asks for it (the slice allows 200 or 204)',
} as const satisfies Record<string, string>;

export type Defect = keyof typeof DEFECT_DESCRIPTIONS;

export const DEFECTS: readonly Defect[] = Object.freeze(Object.keys(DEFECT_DESCRIPTIONS) as Defect[]);

/**
 * Defects no check fails on purpose, each with why: no schema or rule states what they break, so only
 * `diff` against a recording finds them (test/diff.test.ts). Every other defect must be in some check's
 * `provenBy` (tools/checks/registry.ts).
 */
export const DIFF_ONLY: Readonly<Partial<Record<Defect, string>>> = {
  'default-region-eur': 'the default region of a group created without one is stated nowhere: only diff against a recording sees it',
  'update-200-always': 'the slice allows PATCH to answer 200 or 204 (decision update-status-200-or-204): only diff against a recording sees the change',
};

export function isDefect(name: string): name is Defect {
  return Object.hasOwn(DEFECT_DESCRIPTIONS, name);
}

/** The create-response defects, applied to an otherwise correct 201 — see create-defects.ts. */
export type CreateResponseDefect = Extract<Defect, `create-${string}`>;
