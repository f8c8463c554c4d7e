// Correct-but-different servers: the emulator with options that each make one choice Graph allows or a real
// tenant plausibly shows. A conformance suite is worth the correct servers it lets pass as much as the
// defects it catches, so each of these must pass every rule it stresses (test/gallery.test.ts).
import { randomUUID } from 'node:crypto';
import { GROUPS_URL_PATH } from '../openapi/paths.js';
import { DEFAULT_SEED } from './seed.js';
import type { EmulatorOptions } from './server.js';
import type { SeedData } from './store.js';

export interface Variant {
  /** A stable name, unique among the variants. */
  readonly name: string;
  /** What differs from the default double, in one line. */
  readonly behaviour: string;
  /** The Graph page or RFC the behaviour follows (quoted briefly), or why a real tenant plausibly shows it. */
  readonly source: string;
  /** Where the choice is made: the front end (request), the handlers, or the reply on the wire. */
  readonly stage: 'request' | 'handler' | 'reply';
  readonly options: EmulatorOptions;
  /** Ids of the checks this variant stresses: each must pass (or warn) against it, never be skipped. */
  readonly exercises: readonly string[];
  /** Set only while the suite still fails this correct variant: why, so the gallery leaves it out. */
  readonly knownFalseAlarm?: string;
}

/** The connector groups' collection, from the service root (a seed path). */
const GROUPS = GROUPS_URL_PATH.slice(1);

/** The default tenant and `n` more connector groups, `preexisting-<k>` (never the run's prefix). */
export function withGroups(n: number): SeedData {
  const more = Array.from({ length: n }, (_, k) => ({
    id: randomUUID(),
    name: `preexisting-${k + 1}`,
    connectorGroupType: 'applicationProxy',
    isDefault: false,
    region: 'nam',
  }));
  return { ...DEFAULT_SEED, [GROUPS]: [...(DEFAULT_SEED[GROUPS] ?? []), ...more] };
}

/** Retry-After in the variants that throttle: one second, once, so the gallery stays quick. */
const RETRY_AFTER_SECONDS = 1;

export const VARIANTS: readonly Variant[] = [
  {
    name: 'busy-tenant',
    stage: 'handler',
    behaviour: '300 groups already in the tenant, pages of 25 when no $top is sent',
    source:
      'learn.microsoft.com/graph/paging: "In server-side paging, the Microsoft Graph service returns a default number of results in a single page"; a production tenant holds many connector groups',
    options: { seed: withGroups(300), pageSize: 25 },
    exercises: [
      'members.add-remove',
      'list.paging',
      'lifecycle.list-contains',
      'list.body.value',
      'query.top',
      'query.top-pages',
      'query.next-link',
      'query.orderby',
      'query.count',
      'query.filter',
    ],
  },
  {
    name: 'tiny-pages',
    stage: 'handler',
    behaviour: 'pages of 2: every list, even the query suite’s three groups, spans several pages',
    source: 'learn.microsoft.com/graph/paging: the page size "depends on the API and the query being performed"; a client must follow @odata.nextLink',
    options: { pageSize: 2, seed: withGroups(3) },
    exercises: [
      'members.add-remove',
      'list.paging',
      'lifecycle.list-contains',
      'query.orderby',
      'query.top-pages',
      'query.next-link',
      'query.skip',
      'query.search',
      'query.filter',
    ],
  },
  {
    name: 'no-startswith',
    stage: 'handler',
    behaviour: "$filter takes name eq '…' but refuses startswith(…) with 400 Request_UnsupportedQuery",
    source:
      'learn.microsoft.com/graph/query-parameters: support for query parameters "varies from one API operation to another, and depending on the API, can differ between the v1.0 and beta endpoints"',
    options: { filterFunctions: [] },
    exercises: ['query.top', 'query.skip', 'query.orderby', 'query.filter', 'query.count', 'query.count-segment', 'query.next-link'],
  },
  {
    name: 'compressed',
    stage: 'reply',
    behaviour: 'bodies gzip-coded (Content-Encoding: gzip, Vary: Accept-Encoding) whenever Accept-Encoding allows',
    source: 'RFC 9110 §8.4 Content-Encoding and §12.5.3 Accept-Encoding: a server may apply any coding the request accepts; Graph front ends compress',
    options: { compression: true },
    exercises: [
      'members.add-remove',
      'list.body.schema',
      'get.body.schema',
      'create.body.schema',
      'conventions.headers',
      'count.body.schema',
      'lifecycle.get-same',
      'conventions.odata-context',
      'conventions.request-id-distinct',
      'conventions.error-envelope',
      'property.read-back',
      'create.read-back',
      'update.partial',
    ],
  },
  {
    name: 'etags',
    stage: 'handler',
    behaviour: 'group answers carry a strong ETag; PATCH and DELETE honour If-Match (* or the current tag), 412 otherwise, never require it',
    source:
      'RFC 9110 §13.1.1 If-Match: when the condition is false the server "MUST NOT perform the requested method"; Graph hands out ETags on some resources (e.g. planner), not on others',
    options: { etags: true },
    exercises: [
      'delete.status',
      'update.status',
      'update.partial',
      'update.read-back',
      'get.status',
      'lifecycle.get-updated',
      'lifecycle.get-after-delete',
      'conventions.headers',
      'conventions.error-envelope',
      'create.read-back',
    ],
  },
  {
    name: 'opaque-skip-tokens',
    stage: 'handler',
    behaviour: '$skiptoken values are random strings only the server can resolve, not base64 of an offset',
    source:
      'learn.microsoft.com/graph/paging: "Do not try to extract the $skiptoken or $skip value and use it in a different request"; Graph\'s tokens are opaque',
    options: { skipTokens: 'opaque', pageSize: 2, seed: withGroups(3) },
    exercises: ['list.paging', 'lifecycle.list-contains', 'query.orderby', 'query.top', 'query.top-pages', 'query.next-link', 'query.search'],
  },
  {
    name: 'newest-first',
    stage: 'handler',
    behaviour: 'without $orderby the list comes newest first (and pages by cursor in that order)',
    source:
      'OData (MS-ODATA $orderby): "Actual ordering of results is data service specific"; without $orderby a service chooses the order, and a directory may show recent objects first',
    options: { unorderedAs: 'newest-first', pageSize: 3, seed: withGroups(5) },
    exercises: ['list.paging', 'lifecycle.list-contains', 'query.top', 'query.orderby', 'query.next-link', 'query.search'],
  },
  {
    name: 'other-client',
    stage: 'request',
    behaviour: 'another client creates other-client-<n> groups and deletes its oldest while the run goes on (every 7th request)',
    source: 'a tenant is shared: admins and other automation create and delete connector groups while a run reads the same collection',
    options: {
      otherClient: {
        everyRequests: 7,
        keep: 3,
        collection: GROUPS,
        make: (n) => ({ name: `other-client-${n}`, connectorGroupType: 'applicationProxy', isDefault: false, region: 'eur' }),
      },
      pageSize: 3,
    },
    exercises: [
      'list.paging',
      'lifecycle.list-contains',
      'query.top',
      'query.top-pages',
      'query.next-link',
      'query.orderby',
      'query.count',
      'query.count-segment',
      'query.filter',
    ],
  },
  {
    name: 'patch-200',
    stage: 'handler',
    behaviour: 'PATCH answers 200 with the group as patched, Prefer or not',
    source: 'specs/decisions.yaml update-status-200-or-204: the slice allows 200 or 204; OData 4.01 §11.4.3 lets a service return the updated entity',
    options: { patchAnswer: 'entity' },
    exercises: [
      'update.status',
      'update.body',
      'update.body.schema',
      'update.body.patched',
      'update.partial',
      'update.read-back',
      'lifecycle.get-updated',
      'conventions.odata-context',
    ],
  },
  {
    name: 'throttled-429',
    stage: 'request',
    behaviour: `one request early in the run is answered 429 with Retry-After: ${RETRY_AFTER_SECONDS}, the retry answered normally`,
    source:
      'learn.microsoft.com/graph/throttling: "When throttling occurs, Microsoft Graph returns HTTP status code 429 (Too many requests)" with a Retry-After header',
    options: { faults: { throttle: { status: 429, times: 1, retryAfterSeconds: RETRY_AFTER_SECONDS, after: 3 } } },
    exercises: ['conventions.headers', 'create.status', 'list.status', 'conventions.request-id-distinct', 'conventions.error-envelope', 'create.read-back'],
  },
  {
    name: 'count-busy-503',
    stage: 'request',
    behaviour: `…/$count answers 503 with Retry-After: ${RETRY_AFTER_SECONDS} once, then 200`,
    source:
      'learn.microsoft.com/graph/errors: 503 "The service is temporarily unavailable … You may repeat the request after a delay, the length of which may be specified in a Retry-After header"',
    options: { faults: { throttle: { status: 503, times: 1, retryAfterSeconds: RETRY_AFTER_SECONDS, path: '/$count' } } },
    exercises: ['count.status', 'count.server-error', 'count.header.content-type', 'count.body.schema', 'conventions.error-envelope'],
  },
  {
    name: 'eventually-consistent',
    stage: 'request',
    behaviour: 'a new group answers 404 to its first two reads by id',
    source: 'learn.microsoft.com/graph/aad-advanced-queries: directory objects are eventually consistent, so a group just created may not be readable at once',
    options: { faults: { lagReads: 2 } },
    exercises: [
      'lifecycle.get-same',
      'lifecycle.get-updated',
      'update.partial',
      'update.read-back',
      'get.status',
      'create.body.id',
      'property.read-back',
      'create.read-back',
    ],
  },
  {
    name: 'own-service-root',
    stage: 'handler',
    behaviour: '@odata.context and @odata.id URLs name the server’s own base URL, not graph.microsoft.com/beta',
    source: 'OData 4.01 Part 1 §10: a context URL is built on the service root; a server that is not Graph names its own root there',
    options: { serviceRoot: 'own' },
    exercises: [
      'members.add-remove',
      'list.body.schema',
      'get.body.schema',
      'create.body.schema',
      'members.ref.list.body.schema',
      'lifecycle.get-same',
      'conventions.odata-context',
      'conventions.error-envelope',
      'create.read-back',
    ],
  },
  {
    name: 'slow-replies',
    stage: 'reply',
    behaviour: 'every reply waits 25 ms before it is sent',
    source: 'a tenant far from the client, or under load, answers slower than a loopback double; nothing in the contract depends on speed',
    options: { faults: { delayMs: 25 } },
    exercises: ['lifecycle.get-same', 'list.paging', 'query.orderby'],
  },
];
