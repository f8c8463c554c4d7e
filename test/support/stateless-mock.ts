/**
 * What a mock that answers every request alike fails in --profile graph, by kind, and what Mockoon 9.9.0
 * cannot serve from an OpenAPI description at all. test/prism.test.ts and test/mockoon.test.ts pin each
 * mock's failures to these lists, so that a check failing for another reason shows.
 */

/** It answers the slice's example whatever was sent, has none of Graph's headers, and keeps no state. */
const NO_ECHO_HEADERS_OR_STATE = [
  'create.body.echo',
  'property.valid-bodies',
  'create.header.request-id',
  'create.header.client-request-id',
  'lifecycle.get-updated',
  'lifecycle.list-contains',
  'lifecycle.get-after-delete',
  'lifecycle.delete-twice',
  'lifecycle.patch-after-delete',
  'update.body.patched',
  'update.partial',
  'update.read-back',
  'property.read-back',
  'conventions.headers',
  // Its bodies are the slice's examples, which carry no @odata.context.
  'conventions.odata-context',
];

/** It keeps no groups, so no query option can select, filter, page or search the suite's own. */
const NO_QUERY_ON_OWN_GROUPS = ['query.top', 'query.filter', 'query.select', 'query.expand', 'query.search'];

/**
 * Its answer to `$filter=startswith(…)` holds a group outside the run's prefix (the slice's example), so the
 * run finds the filter ignored: capability filter-startswith absent. These rules then have no race-free
 * judgement and are skipped for it (`capability:filter-startswith`), not failed: a filter function is
 * not what the slice promises, and `query.filter` fails the ignored filter under its own name.
 */
export const SKIPPED_FOR_CAPABILITY = ['query.count', 'query.count-segment', 'query.orderby', 'query.skip', 'query.top-pages'];

/** It answers a request for an id it never issued as if the id existed. */
const UNKNOWN_IDS_ACCEPTED = [
  'applications.get.status',
  'applications.item.logo.get.status',
  'applications.item.logo.put.status',
  'applications.item.logo.delete.status',
  'applications.by-appId.get.status',
  'applications.by-uniqueName.get.status',
  'members.ref.create.status',
  'members.ref.delete.status',
  'members.item.ref.delete.status',
  'members.add.unknown-connector',
  'members.remove.unknown-connector',
  'applications.get.unknown',
  'negative.unknown-id',
  'conventions.not-found',
];

/** A body the slice calls invalid is not refused with Graph's 400 (Prism refuses with 422; Mockoon accepts). */
const INVALID_BODIES_NOT_400 = ['negative.body.wrong-type', 'negative.body.unknown-enum', 'negative.body.unknown-property', 'property.invalid-bodies'];

/** What Prism refuses itself and Mockoon does not: no token, malformed JSON, a body not declared as JSON. */
const NOTHING_REFUSED = ['negative.auth.no-token', 'negative.body.malformed-json', 'negative.content-type'];

/**
 * Mockoon 9.9.0's own limits, failing in both profiles: it serves only JSON bodies from an import, so a
 * `text/plain` `$count` comes back empty; and its routes are Express paths, in which `(` and `)` are
 * pattern syntax, so it never routes the OData key segments `applications(appId='…')` and
 * `applications(uniqueName='…')` and answers them with its HTML 404 page.
 */
export const MOCKOON_LIMITS = [
  'count.body.schema',
  'applications.count.body.schema',
  'members.count.body.schema',
  'applications.by-appId.get.header.content-type',
  'applications.by-appId.get.body.schema',
  'applications.by-uniqueName.get.header.content-type',
  'applications.by-uniqueName.get.body.schema',
].sort();

/** Mockoon's 404 for the OData key segments is a 4xx, which is what an unknown id should get. */
const ROUTED_BY_MOCKOON_AS_404 = ['applications.by-appId.get.status', 'applications.by-uniqueName.get.status'];

export const STATELESS_MOCK_FAILURES = {
  prism: [...NO_ECHO_HEADERS_OR_STATE, ...NO_QUERY_ON_OWN_GROUPS, ...UNKNOWN_IDS_ACCEPTED, ...INVALID_BODIES_NOT_400].sort(),
  mockoon: [
    ...NO_ECHO_HEADERS_OR_STATE,
    ...NO_QUERY_ON_OWN_GROUPS,
    ...UNKNOWN_IDS_ACCEPTED.filter((id) => !ROUTED_BY_MOCKOON_AS_404.includes(id)),
    ...INVALID_BODIES_NOT_400,
    ...NOTHING_REFUSED,
    ...MOCKOON_LIMITS,
  ].sort(),
};
