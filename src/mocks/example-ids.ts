/**
 * The ids a mock made from the slice knows: for each path parameter, the id (or key) of the slice's own
 * example of what it names. A mock answers a request carrying these ids with the example, and any other id
 * with Graph's 404 (decision unknown-id-404). Both generators (make-dev-proxy.ts, make-mockoon.ts) read
 * them here, so the two mocks know the same ids.
 */
import { successResponse, resolveLocal, type OpenApiDocument } from '../openapi/operations.js';
import { PROFILE_ID } from '../openapi/paths.js';

/** The parameters of a slice path, in order: `connectorGroup-id`, `appId`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/**
 * The example id for a path parameter of the slice:
 * - `{X-id}` names entity X: the `id` of the example on schema `microsoft.graph.X` (decisions
 *   connector-group-example, application-example), else of the first item of the example on
 *   `microsoft.graph.XCollectionResponse` (decision connector-list-example: a connector has no example of its own);
 * - a key segment's parameter (`applications(appId='{appId}')`) is that property of the example of the entity
 *   the key segment answers (its GET's success schema);
 * - `{onPremisesPublishingProfile-id}`: the slice describes no profile; connectorGroups live under the one
 *   profile `applicationProxy`, the id every client (and the suites) send.
 * Throws, naming the parameter, when the slice has no such example: a mock without it would answer 404 to every id.
 */
export function exampleIdFor(doc: OpenApiDocument, parameterName: string): string {
  if (parameterName === 'onPremisesPublishingProfile-id') return PROFILE_ID;
  // `{X-id1}`: a second key of the same type in one path (a group's agent's groups): the same example id.
  const entity = /^(.+)-id\d*$/.exec(parameterName)?.[1];
  const value = entity === undefined ? keyExample(doc, parameterName) : entityExample(doc, entity)?.id;
  if (typeof value !== 'string' || value === '') {
    const where =
      entity === undefined
        ? `the example of the entity its key segment answers has no ${parameterName}`
        : `neither microsoft.graph.${entity} nor microsoft.graph.${entity}CollectionResponse has an example with an id`;
    throw new Error(`the slice has no example id for the path parameter {${parameterName}}: ${where}`);
  }
  return value;
}

type Example = Record<string, unknown>;

function entityExample(doc: OpenApiDocument, entity: string): Example | undefined {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, { example?: unknown }>;
  const own = schemas[`microsoft.graph.${entity}`]?.example;
  if (isObject(own)) return own;
  const page = schemas[`microsoft.graph.${entity}CollectionResponse`]?.example;
  const first = isObject(page) && Array.isArray(page.value) ? (page.value[0] as unknown) : undefined;
  return isObject(first) ? first : undefined;
}

/**
 * Key properties the slice's example does not carry, and the property of the same example that stands for
 * it: decision application-example added displayName to the application example as the value the
 * by-uniqueName operation looks up (its reason says so), and wrote no uniqueName.
 */
const KEY_STAND_INS: Readonly<Record<string, string>> = { uniqueName: 'displayName' };

function keyExample(doc: OpenApiDocument, parameterName: string): unknown {
  const path = Object.keys(doc.paths).find((p) => p.split('/').some((segment) => segment.endsWith(`='{${parameterName}}')`)));
  if (path === undefined) return undefined;
  const schema = successResponse(doc, path, 'get')?.schema;
  const example = schema && resolveLocal(doc, schema).example;
  if (!isObject(example)) return undefined;
  const standIn = KEY_STAND_INS[parameterName];
  return example[parameterName] ?? (standIn === undefined ? undefined : example[standIn]);
}

function isObject(value: unknown): value is Example {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
