/**
 * What the emulator knows of the API, read from the slice alone: the entity types (from the component
 * schemas, inheritance included) and the resource tree (from the paths: which segment is an entity set, a
 * key, a navigation property, `$count`, `$ref`, an alternate key or a media stream, and which methods each
 * node takes). Nothing here names an operation or an entity of the slice: an operation added to the slice
 * is served with no code, and what the slice cannot say comes from the entity facts (entity-facts.ts).
 */
import { operationTable, type TableOperation } from '../openapi/operation-table.js';
import { resolveLocal, type HttpMethod, type OpenApiDocument } from '../openapi/operations.js';
import { factsOf, type EntityFacts } from './entity-facts.js';

export interface PropertyInfo {
  readonly name: string;
  readonly kind: 'primitive' | 'complex' | 'navigation';
  /** A primitive's JSON type. */
  readonly jsonType?: 'string' | 'boolean' | 'number' | 'integer';
  /** The type named in messages: Edm.String, Edm.Boolean, or the enum's or complex type's own name. */
  readonly edmType: string;
  readonly format?: string;
  readonly enum?: readonly string[];
  readonly nullable: boolean;
  readonly collection: boolean;
  /** A navigation property's target entity type. */
  readonly target?: string;
}

export interface EntityType {
  readonly name: string;
  /** Structural properties, in serialisation order; `id` (from microsoft.graph.entity) first. */
  readonly properties: readonly string[];
  /** Properties `$filter` may compare with `eq` or `startswith`; the others are known but refused. */
  readonly filterable: readonly string[];
  /** Properties a `$search` clause may name ("property:value"). */
  readonly searchable: readonly string[];
  /** Properties `$orderby` may sort on: primitive values only. */
  readonly sortable: readonly string[];
  /** Navigation properties and whether each is a collection; `$expand` renders them, `$select` accepts them. */
  readonly navigation: Readonly<Record<string, 'many' | 'one'>>;
  readonly info: ReadonlyMap<string, PropertyInfo>;
  readonly facts: EntityFacts;
}

/** One segment of a path template. */
export type Segment =
  | { readonly kind: 'literal'; readonly name: string }
  | { readonly kind: 'key'; readonly parameter: string; readonly keyType?: string }
  | { readonly kind: 'count' }
  | { readonly kind: 'ref' }
  | { readonly kind: 'alternate-key'; readonly name: string; readonly property: string; readonly parameter: string };

export interface ResourceNode {
  readonly segment: Segment;
  readonly children: ResourceNode[];
  /** The operations the slice documents on exactly this path, by method. */
  readonly operations: Map<HttpMethod, TableOperation>;
  /** The entity type of what this node addresses (a collection's items, an entity, a stream's owner), where the slice says. */
  typeName?: string;
  /** The slice documents a binary (octet-stream) body here: a media stream property. */
  stream?: boolean;
}

export interface SliceModel {
  readonly doc: OpenApiDocument;
  readonly root: ResourceNode;
  readonly types: ReadonlyMap<string, EntityType>;
  typeOf(name: string): EntityType;
}

const models = new WeakMap<OpenApiDocument, SliceModel>();

export function sliceModel(doc: OpenApiDocument): SliceModel {
  let model = models.get(doc);
  if (!model) models.set(doc, (model = build(doc)));
  return model;
}

const ALTERNATE_KEY = /^([^(]+)\((\w+)='\{([^}]+)\}'\)$/;

export function parseSegment(text: string, keyType?: string): Segment {
  if (text === '$count') return { kind: 'count' };
  if (text === '$ref') return { kind: 'ref' };
  const parameter = /^\{(.+)\}$/.exec(text)?.[1];
  if (parameter !== undefined) return { kind: 'key', parameter, ...(keyType !== undefined && { keyType }) };
  const alternate = ALTERNATE_KEY.exec(text);
  if (alternate) return { kind: 'alternate-key', name: alternate[1]!, property: alternate[2]!, parameter: alternate[3]! };
  return { kind: 'literal', name: text };
}

function sameSegment(a: Segment, b: Segment): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'literal' && b.kind === 'literal') return a.name === b.name;
  if (a.kind === 'alternate-key' && b.kind === 'alternate-key') return a.name === b.name && a.property === b.property;
  return true;
}

function build(doc: OpenApiDocument): SliceModel {
  const root: ResourceNode = { segment: { kind: 'literal', name: '' }, children: [], operations: new Map() };
  for (const operation of operationTable(doc)) {
    const pathItem = doc.paths[operation.path] ?? {};
    const parameters = [
      ...((pathItem.parameters as unknown[]) ?? []),
      ...((((pathItem[operation.method] ?? {}) as Record<string, unknown>).parameters as unknown[]) ?? []),
    ]
      .map((p) => resolveLocal(doc, p as Record<string, unknown>))
      .filter((p) => p.in === 'path');
    const keyTypes = new Map(parameters.map((p) => [String(p.name), p['x-ms-docs-key-type'] as string | undefined]));
    let node = root;
    for (const text of operation.path.split('/').filter(Boolean)) {
      const parameter = /^\{(.+)\}$/.exec(text)?.[1];
      const segment = parseSegment(text, parameter === undefined ? undefined : keyTypes.get(parameter));
      let child = node.children.find((c) => sameSegment(c.segment, segment));
      if (!child) node.children.push((child = { segment, children: [], operations: new Map() }));
      else if (child.segment.kind === 'key' && segment.kind === 'key' && !child.segment.keyType && segment.keyType) {
        Object.assign(child, { segment });
      }
      node = child;
    }
    node.operations.set(operation.method, operation);
    const typed = typeOfOperation(doc, operation);
    if (typed.typeName) node.typeName ??= typed.typeName;
    if (typed.stream) node.stream = true;
  }
  const types = new Map<string, EntityType>();
  const typeOf = (name: string): EntityType => {
    let type = types.get(name);
    if (!type) types.set(name, (type = entityType(doc, name)));
    return type;
  };
  return { doc, root, types, typeOf };
}

/** The entity type an operation's bodies name: its request body's, or its success body's (a collection's items). */
function typeOfOperation(doc: OpenApiDocument, operation: TableOperation): { typeName?: string; stream?: boolean } {
  const op = (doc.paths[operation.path]?.[operation.method] ?? {}) as Record<string, unknown>;
  const contents: Record<string, { schema?: Record<string, unknown> }>[] = [];
  if (op.requestBody) contents.push((resolveLocal(doc, op.requestBody as Record<string, unknown>).content ?? {}) as never);
  for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, Record<string, unknown>>)) {
    if (/^2/.test(status)) contents.push((resolveLocal(doc, response).content ?? {}) as never);
  }
  if (contents.some((c) => 'application/octet-stream' in c)) return { stream: true };
  for (const content of contents) {
    const schema = content['application/json']?.schema;
    if (!schema) continue;
    const name = entityRefOf(doc, schema);
    if (name) return { typeName: name };
  }
  return {};
}

const SCHEMA_PREFIX = '#/components/schemas/';

/** The entity type a body schema is or holds (a collection response's `value` items). */
function entityRefOf(doc: OpenApiDocument, schema: Record<string, unknown>, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(SCHEMA_PREFIX)) {
    const name = schema.$ref.slice(SCHEMA_PREFIX.length);
    const resolved = resolveLocal(doc, schema);
    const value = allProperties(doc, resolved)['value'];
    if (value && value.type === 'array' && value.items) return entityRefOf(doc, value.items as Record<string, unknown>, depth + 1);
    return isEntitySchema(doc, resolved) ? name : undefined;
  }
  const value = allProperties(doc, schema)['value'];
  if (value && value.type === 'array' && value.items) return entityRefOf(doc, value.items as Record<string, unknown>, depth + 1);
  return undefined;
}

/** A schema that inherits microsoft.graph.entity's `id`: something with a key. */
function isEntitySchema(doc: OpenApiDocument, schema: Record<string, unknown>): boolean {
  return 'id' in allProperties(doc, schema);
}

/** Properties in inheritance order (base first), as Graph serialises them. */
function allProperties(doc: OpenApiDocument, schema: Record<string, unknown>, depth = 0): Record<string, Record<string, unknown>> {
  if (depth > 8) return {};
  const resolved = resolveLocal(doc, schema);
  const inherited = ((resolved.allOf ?? []) as Record<string, unknown>[]).map((s) => allProperties(doc, s, depth + 1));
  return Object.assign({}, ...inherited, (resolved.properties ?? {}) as Record<string, Record<string, unknown>>);
}

function propertyInfo(doc: OpenApiDocument, name: string, raw: Record<string, unknown>): PropertyInfo {
  const navigation = raw['x-ms-navigationProperty'] === true;
  const collection = raw.type === 'array';
  let schema = collection ? ((raw.items ?? {}) as Record<string, unknown>) : raw;
  // Graph writes a nullable reference as anyOf [$ref, {nullable: true}].
  const anyOf = schema.anyOf as Record<string, unknown>[] | undefined;
  let nullable = raw.nullable === true || (anyOf?.some((s) => s.nullable === true) ?? false);
  if (anyOf) schema = anyOf.find((s) => typeof s.$ref === 'string') ?? anyOf[0] ?? {};
  const refName = typeof schema.$ref === 'string' && schema.$ref.startsWith(SCHEMA_PREFIX) ? schema.$ref.slice(SCHEMA_PREFIX.length) : undefined;
  const resolved = resolveLocal(doc, schema);
  if (navigation) return { name, kind: 'navigation', edmType: refName ?? 'object', nullable, collection, ...(refName !== undefined && { target: refName }) };
  nullable ||= resolved.nullable === true;
  // Numbers Graph writes as oneOf [number, string, ReferenceNumeric] (IEEE754Compatible).
  const oneOf = resolved.oneOf as Record<string, unknown>[] | undefined;
  const type = (resolved.type as string | undefined) ?? (oneOf?.some((s) => s.type === 'number' || s.type === 'integer') ? 'number' : undefined);
  if (type === 'string' || type === 'boolean' || type === 'number' || type === 'integer') {
    const edmType = refName ?? (type === 'string' ? 'Edm.String' : type === 'boolean' ? 'Edm.Boolean' : type === 'integer' ? 'Edm.Int32' : 'Edm.Double');
    return {
      name,
      kind: 'primitive',
      jsonType: type,
      edmType,
      nullable,
      collection,
      ...(typeof resolved.format === 'string' && { format: resolved.format }),
      ...(Array.isArray(resolved.enum) && { enum: resolved.enum as string[] }),
    };
  }
  return { name, kind: 'complex', edmType: refName ?? 'object', nullable, collection };
}

/** A type the slice names only as a key's type (`x-ms-docs-key-type`) has its key and nothing else. */
function entityType(doc: OpenApiDocument, name: string): EntityType {
  const schema = doc.components?.schemas?.[name] as Record<string, unknown> | undefined;
  const raw = schema ? allProperties(doc, schema) : { id: { type: 'string' } };
  const info = new Map(Object.entries(raw).map(([p, s]) => [p, propertyInfo(doc, p, s)] as const));
  const structural = [...info.values()].filter((p) => p.kind !== 'navigation');
  const facts = factsOf(name);
  // Strings with no format (a date-time or a base64 blob is not compared as text) and enums.
  const strings = structural
    .filter((p) => p.kind === 'primitive' && !p.collection && p.jsonType === 'string' && (p.format === undefined || p.enum))
    .map((p) => p.name);
  const sortable = structural.filter((p) => p.kind === 'primitive' && !p.collection && p.format !== 'base64url').map((p) => p.name);
  return {
    name,
    properties: structural.map((p) => p.name),
    filterable: facts.filterable ?? strings,
    searchable: facts.searchable ?? strings,
    sortable,
    navigation: Object.fromEntries([...info.values()].filter((p) => p.kind === 'navigation').map((p) => [p.name, p.collection ? 'many' : 'one'])),
    info,
    facts,
  };
}

/** The property of `type` named `name`, compared case-insensitively as Graph does; undefined if none. */
export function propertyOf(type: EntityType, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return type.properties.find((p) => p.toLowerCase() === wanted);
}

export function navigationOf(type: EntityType, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(type.navigation).find((p) => p.toLowerCase() === wanted);
}

/** The entity type a key parameter's `x-ms-docs-key-type` names (`connectorGroup` → microsoft.graph.connectorGroup). */
export function keyTypeName(keyType: string): string {
  return keyType.includes('.') ? keyType : `microsoft.graph.${keyType}`;
}
