/**
 * A Mockoon 9.9.0 environment made from the slice, with Mockoon's own builders (@mockoon/commons): one HTTP
 * route per operation, under the endpoint prefix `beta`. Each answers the example ids (example-ids.ts) with the
 * operation's success and the slice's example, the same answer the Dev Proxy file gives (slice-answers.ts),
 * and any other id with 404 and Graph's error envelope (decision unknown-id-404); every answer carries Graph's
 * correlation headers, made per request by Mockoon's templating (decision graph-headers-every-response).
 *
 * How Mockoon 9.9.0 routes (@mockoon/commons-server `createRestRoutes`): routes in `rootChildren` order, each
 * `/{endpointPrefix}/{endpoint}` put through `express5PathConvert` and matched with path-to-regexp v8, and the
 * first route whose method and path match answers, with its first response whose rules all hold, else its
 * default response. So a literal segment (`$count`, `$ref`) is routed before a parameter at the same place;
 * a parameter is `:name` (a JavaScript identifier); and `(`, `)` of an OData key segment are escaped, since both
 * the conversion and path-to-regexp read an unescaped pair as a group.
 */
import { createHash } from 'node:crypto';
import type { Environment, Header, Route, RouteResponse } from '@mockoon/commons';
import { operationTable, type TableOperation } from '../openapi/operation-table.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { exampleIdFor, pathParameters } from './example-ids.js';
import { notFoundOf, successOf, type SliceAnswer } from './slice-answers.js';

export const MOCKOON_ENVIRONMENT_NAME = 'graph-conformance connectorGroups (beta)';
/** Graph's beta root: Mockoon serves every route under `/beta`. */
export const MOCKOON_ENDPOINT_PREFIX = 'beta';

/**
 * Graph's correlation headers as Mockoon templates: a new GUID for each answer, and the client's own
 * client-request-id echoed (empty when it sent none).
 */
const graphHeaders = ({ BuildHeader }: Commons): Header[] => [
  BuildHeader('request-id', '{{guid}}'),
  BuildHeader('client-request-id', "{{header 'client-request-id'}}"),
];

/** Mockoon's own builders, loaded when an environment is made: no other command needs them. */
type Commons = typeof import('@mockoon/commons');

export async function mockoonEnvironmentFromSlice(doc: OpenApiDocument): Promise<Environment> {
  const commons = await import('@mockoon/commons');
  const { BuildEnvironment, HighestMigrationId } = commons;
  const routes = routingOrder(operationTable(doc)).map((op) => routeOf(commons, doc, op));
  return {
    // No CORS headers and no automatic answer to preflights: Graph's clients here are not browsers.
    ...BuildEnvironment({ hasDefaultRoute: false, hasContentTypeHeader: true, hasCorsHeaders: false }),
    uuid: stableUuid('environment'),
    lastMigration: HighestMigrationId,
    name: MOCKOON_ENVIRONMENT_NAME,
    endpointPrefix: MOCKOON_ENDPOINT_PREFIX,
    cors: false,
    routes,
    rootChildren: routes.map((route) => ({ type: 'route', uuid: route.uuid })),
  };
}

/** A path parameter as path-to-regexp takes it: `connectorGroup-id` → `connectorGroupId`. */
export function mockoonParameterName(parameterName: string): string {
  return parameterName.replace(/[^A-Za-z0-9_$]+([A-Za-z0-9_$])/g, (_m, next: string) => next.toUpperCase()).replace(/[^A-Za-z0-9_$]/g, '');
}

/** The route's endpoint (after the prefix): `{parameter}` → `:parameter`, pattern characters of the path escaped. */
export function mockoonEndpoint(path: string): string {
  return path
    .replace(/^\//, '')
    .split(/(\{[^}]+\})/)
    .map((part, i) => (i % 2 === 1 ? `:${mockoonParameterName(part.slice(1, -1))}` : part.replace(/[()[\]{}+?!*\\]/g, '\\$&')))
    .join('');
}

function routeOf(commons: Commons, doc: OpenApiDocument, op: TableOperation): Route {
  const { BuildResponseRule, BuildHTTPRoute } = commons;
  const parameters = pathParameters(op.path);
  const success: RouteResponse = {
    ...response(commons, `success-${op.name}`, successOf(doc, op)),
    label: parameters.length > 0 ? "the slice's example, for the example ids" : "the slice's example",
    rules: parameters.map((name) => ({
      ...BuildResponseRule(),
      target: 'params' as const,
      modifier: mockoonParameterName(name),
      operator: 'equals' as const,
      value: exampleIdFor(doc, name),
    })),
    rulesOperator: 'AND',
    default: parameters.length === 0,
  };
  const responses =
    parameters.length === 0
      ? [success]
      : [success, { ...response(commons, `not-found-${op.name}`, notFoundOf(doc, op)), label: 'any other id: 404 (decision unknown-id-404)', default: true }];
  return {
    ...BuildHTTPRoute(false),
    uuid: stableUuid(`route-${op.name}`),
    documentation: `${op.name}: ${op.method.toUpperCase()} ${op.path}`,
    method: op.method,
    endpoint: mockoonEndpoint(op.path),
    responses,
  };
}

function response(commons: Commons, key: string, answer: SliceAnswer): RouteResponse {
  const { BuildRouteResponse, BuildHeader } = commons;
  // A text body is its own text (a $count's "1"); anything else is JSON.
  const text = answer.mediaType?.startsWith('text/') && typeof answer.body === 'string';
  const body = answer.body === undefined ? '' : text ? (answer.body as string) : JSON.stringify(answer.body, null, 2);
  return {
    ...BuildRouteResponse(),
    uuid: stableUuid(key),
    statusCode: answer.status,
    headers: [...(answer.mediaType === undefined ? [] : [BuildHeader('Content-Type', answer.mediaType)]), ...graphHeaders(commons)],
    body,
    // The body is the slice's example as written: nothing in it is a template (headers are templated regardless).
    disableTemplating: true,
  };
}

/**
 * Routes in an order where Mockoon's first match is each request's own operation: compared segment by
 * segment, a literal segment before an OData key segment before a parameter, at the first place they differ.
 * Two routes that can match one path have as many segments (a parameter takes one) and differ only where one
 * has a literal and the other a parameter, so at the first such place the more literal one leads.
 */
function routingOrder(table: readonly TableOperation[]): TableOperation[] {
  const ranks = (op: TableOperation) => op.path.split('/').map((s) => (!s.includes('{') ? 0 : /^\{[^}]+\}$/.test(s) ? 2 : 1));
  return [...table].sort((a, b) => {
    const ra = ranks(a);
    const rb = ranks(b);
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return ra.length - rb.length;
  });
}

/** A name-based UUID (RFC 9562 version 5 layout): the same slice gives the same file, byte for byte. */
function stableUuid(name: string): string {
  const hash = createHash('sha1').update(`graph-conformance make-mocks mockoon ${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
