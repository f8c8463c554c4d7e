/**
 * Values for the requests the contract suite builds from the operation table: path parameters, query
 * parameters and bodies. Query values come from the parameter's schema and from the properties of what
 * the operation returns, so a new collection gets sensible `$select`/`$orderby`/`$expand` values with no
 * code; a reference (`@odata.id`, `@id`) points into the entity set that holds the navigation's type.
 */
import { resolveLocal, requestSchema, schemaProperties, successResponse, type OpenApiDocument } from '../src/openapi/operations.js';
import type { QueryParameter, TableOperation } from '../src/openapi/operation-table.js';
import { PROFILE_ID } from '../src/openapi/paths.js';

export interface Known {
  /** An id nothing on the target can have (a harness GUID). */
  unknownId: string;
  /** A name nothing on the target can have. */
  unknownName: string;
}

/** Graph's service root, as its reference pages write `@odata.id` values. */
const GRAPH_ROOT = 'https://graph.microsoft.com/beta';

export const isKeySegment = (segment: string): boolean => /^\{.+\}$/.test(segment);

/** A path's parameters filled in, left to right: the profile's key, then each key as `idAt` finds it. */
export function fillKeys(path: string, known: Known, idAt: (collection: string, index: number) => string | undefined): { path: string; unknown: boolean } {
  let out = '';
  let unknown = false;
  let profile = true;
  const segments = path.split('/').filter(Boolean);
  segments.forEach((segment, i) => {
    if (!isKeySegment(segment)) {
      // Alternate keys (applications(uniqueName='{uniqueName}')) take a name; id parameters a GUID.
      out += `/${segment.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        unknown = true;
        return /name/i.test(name) ? known.unknownName : known.unknownId;
      })}`;
      return;
    }
    if (profile) {
      profile = false;
      out += `/${PROFILE_ID}`;
      return;
    }
    const id = idAt(out, i);
    if (id === undefined) unknown = true;
    out += `/${encodeURIComponent(id ?? known.unknownId)}`;
  });
  return { path: out, unknown };
}

/**
 * The URL of an entity the navigation of a `$ref` operation links to: in the entity set of the
 * navigation's type (for a group's members, the set of connector entities), or below the navigation itself when no
 * set holds that type.
 */
export function referenceUrl(doc: OpenApiDocument, table: readonly TableOperation[], op: TableOperation, id: string): string {
  const segments = op.path.split('/').filter(Boolean);
  const nav = segments.slice(0, segments.indexOf('$ref')).filter((s, i, all) => !(i === all.length - 1 && isKeySegment(s)));
  const navPath = `/${nav.join('/')}`;
  const type = itemTypeOf(doc, navPath);
  const set = table.find((o) => o.method === 'get' && isSetItem(o.path) && type !== undefined && entityTypeOf(doc, o.path) === type);
  const base = set ? set.path.slice(0, set.path.lastIndexOf('/')) : navPath;
  return `${GRAPH_ROOT}${fillKeys(base, { unknownId: id, unknownName: id }, () => undefined).path}/${id}`;
}

/** `/x/{profile}/<set>/{key}`: an entity of a set directly below the profile. */
function isSetItem(path: string): boolean {
  const segments = path.split('/').filter(Boolean);
  return segments.length === 4 && isKeySegment(segments[1]!) && isKeySegment(segments[3]!);
}

function entityTypeOf(doc: OpenApiDocument, path: string): string | undefined {
  const schema = doc.paths[path]?.get ? successResponse(doc, path, 'get')?.schema : undefined;
  return typeof schema?.$ref === 'string' ? schema.$ref : undefined;
}

function itemTypeOf(doc: OpenApiDocument, collectionPath: string): string | undefined {
  const schema = doc.paths[collectionPath]?.get ? successResponse(doc, collectionPath, 'get')?.schema : undefined;
  if (!schema) return undefined;
  const value = schemaProperties(doc, schema).value as Record<string, unknown> | undefined;
  const items = value?.items as Record<string, unknown> | undefined;
  return typeof items?.$ref === 'string' ? items.$ref : undefined;
}

/** A valid value for a query parameter, from its schema and from what the operation returns. */
export function queryValue(doc: OpenApiDocument, table: readonly TableOperation[], op: TableOperation, parameter: QueryParameter, known: Known): string {
  const fields = fieldsOf(doc, op);
  switch (parameter.name) {
    case '$top':
      return '1';
    case '$skip':
      return '1';
    case '$count':
      return 'true';
    case '$filter':
      return `id eq '${known.unknownId}'`;
    case '$search':
      return `"${fields.text[0] ?? 'id'}:conformance"`;
    case '$orderby':
      return fields.text[0] ?? 'id';
    case '$select':
      return ['id', ...fields.text.slice(0, 1)].join(',');
    case '$expand':
      return fields.navigation[0] ?? '*';
    case '@id':
      return referenceUrl(doc, table, op, known.unknownId);
  }
  return fromSchema(parameter.schema);
}

function fromSchema(schema: Record<string, unknown>): string {
  const items = schema.items as Record<string, unknown> | undefined;
  const enumValues = (schema.enum ?? items?.enum) as unknown[] | undefined;
  if (enumValues?.length) return String(enumValues[0]);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return String(typeof schema.minimum === 'number' ? schema.minimum : 1);
    case 'boolean':
      return 'true';
    default:
      return 'conformance';
  }
}

/** The string properties and the navigation properties of what a GET of the operation returns. */
function fieldsOf(doc: OpenApiDocument, op: TableOperation): { text: string[]; navigation: string[] } {
  const success = successResponse(doc, op.path, 'get')?.schema;
  if (!success) return { text: [], navigation: [] };
  let properties = schemaProperties(doc, success);
  const value = properties.value as Record<string, unknown> | undefined;
  if (value?.type === 'array' && value.items) properties = schemaProperties(doc, value.items as Record<string, unknown>);
  const text: string[] = [];
  const navigation: string[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (name.startsWith('@') || name === 'id') continue;
    const schema = resolveLocal(doc, raw as Record<string, unknown>);
    if (schema.type === 'string' && schema.format === undefined && schema.enum === undefined) text.push(name);
    // Graph's descriptions mark navigation properties; an array of a complex type (appRoles) is none.
    if (schema['x-ms-navigationProperty'] === true) navigation.push(name);
  }
  return { text, navigation };
}

/** The body an operation takes: a reference for `$ref` POSTs, bytes for a media upload; undefined when it takes none. */
export function referenceOrMediaBody(
  doc: OpenApiDocument,
  table: readonly TableOperation[],
  op: TableOperation,
  known: Known,
): { body: string; contentType: string; unknown: boolean } | undefined {
  const json = requestSchema(doc, op.path, op.method);
  if (json && typeof json.$ref === 'string' && json.$ref.endsWith('/ReferenceCreate')) {
    return { body: JSON.stringify({ '@odata.id': referenceUrl(doc, table, op, known.unknownId) }), contentType: 'application/json', unknown: true };
  }
  const content = (resolveLocal(doc, ((doc.paths[op.path] as Record<string, Record<string, unknown>>)[op.method]!.requestBody ?? {}) as Record<string, unknown>)
    .content ?? {}) as Record<string, unknown>;
  if ('application/octet-stream' in content) return { body: 'GIF89a conformance', contentType: 'application/octet-stream', unknown: false };
  return undefined;
}
