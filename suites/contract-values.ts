/**
 * Values for the requests the contract suite builds from the operation table: path parameters, query
 * parameters and bodies. Query values come from the parameter's schema and from the properties of what
 * the operation returns, so a new collection gets sensible `$select`/`$orderby`/`$expand` values with no code.
 */
import { resolveLocal, requestSchema, schemaProperties, successResponse, type OpenApiDocument } from '../src/openapi/operations.js';
import type { QueryParameter, TableOperation } from '../src/openapi/operation-table.js';
import { PROFILE_ID } from '../src/openapi/paths.js';

export interface Known {
  /** The group the suite created, when it has one. */
  groupId?: string;
  /** An id nothing on the target can have (a harness GUID). */
  unknownId: string;
  /** A name nothing on the target can have. */
  unknownName: string;
}

/** The request path with its parameters filled in, and whether it names something that cannot exist. */
export function fillPath(op: TableOperation, known: Known): { path: string; unknown: boolean } | undefined {
  let unknown = false;
  let missing = false;
  const path = op.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    if (name === 'onPremisesPublishingProfile-id') return PROFILE_ID;
    if (name === 'connectorGroup-id') {
      if (known.groupId === undefined) missing = true;
      return encodeURIComponent(known.groupId ?? '');
    }
    unknown = true;
    // Key segments (applications(uniqueName='{uniqueName}')) take a name; id parameters a GUID.
    return /name/i.test(name) ? known.unknownName : known.unknownId;
  });
  return missing ? undefined : { path, unknown };
}

/** A connector URL for `@odata.id` / `@id`: what Graph's reference pages send, for a connector that does not exist. */
export function connectorUrl(id: string): string {
  return `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/${PROFILE_ID}/connectors/${id}`;
}

/** A valid value for a query parameter, from its schema and from what the operation returns. */
export function queryValue(doc: OpenApiDocument, op: TableOperation, parameter: QueryParameter, known: Known): string {
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
      return connectorUrl(known.unknownId);
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
  op: TableOperation,
  known: Known,
): { body: string; contentType: string; unknown: boolean } | undefined {
  const json = requestSchema(doc, op.path, op.method);
  if (json && typeof json.$ref === 'string' && json.$ref.endsWith('/ReferenceCreate')) {
    return { body: JSON.stringify({ '@odata.id': connectorUrl(known.unknownId) }), contentType: 'application/json', unknown: true };
  }
  const content = (resolveLocal(doc, ((doc.paths[op.path] as Record<string, Record<string, unknown>>)[op.method]!.requestBody ?? {}) as Record<string, unknown>)
    .content ?? {}) as Record<string, unknown>;
  if ('application/octet-stream' in content) return { body: 'GIF89a conformance', contentType: 'application/octet-stream', unknown: false };
  return undefined;
}
