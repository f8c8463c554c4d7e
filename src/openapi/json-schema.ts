/**
 * OpenAPI 3.0 schema objects → JSON Schema that Ajv (draft-07) validates the way Graph means them.
 *
 * Graph's descriptions are generated from CSDL and lean on three conventions that a literal
 * draft-07 reading gets wrong; each rewrite below is recorded as a decision in specs/decisions.yaml:
 * - `allOf: [base, own]` is OData type inheritance. Every member carries
 *   `additionalProperties: {type: object}`, so read literally the base (`entity`: just `id`) would
 *   reject the derived type's own string properties. Members are merged into one object schema
 *   (decision `allof-inheritance`), and additionalProperties then governs what neither declares.
 * - Properties whose name contains `@` are OData control information and instance annotations
 *   (`@odata.context`, `name@odata.type`), not properties of the type (decision `odata-annotations`).
 * - `nullable` appears beside `type` (Ajv handles that) and beside `anyOf`/`allOf`/`$ref` (main
 *   description's form), which Ajv does not: those become an explicit `{type: 'null'}` branch.
 */

export type Schema = Record<string, unknown>;
export type ResolveRef = (ref: string) => Schema | undefined;

const ODATA_ANNOTATION = '@';

/** Keywords that only describe; Ajv's strict mode would reject the ones it does not know. */
const ANNOTATION_KEYWORDS = new Set(['example', 'xml', 'externalDocs', 'discriminator', 'description', 'summary']);

export function toJsonSchema(schema: Schema, resolve: ResolveRef): Schema {
  return convert(schema, resolve, new Set());
}

function convert(input: Schema, resolve: ResolveRef, inheritance: Set<string>): Schema {
  let schema = stripAnnotations(input);
  if (Array.isArray(schema.allOf) && isInheritance(schema.allOf, resolve)) {
    schema = mergeInheritance(schema, resolve, inheritance);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = convertKeyword(key, value, resolve);
  }
  return applyNullable(withAnnotationsAllowed(out));
}

function convertKeyword(key: string, value: unknown, resolve: ResolveRef): unknown {
  switch (key) {
    case 'properties':
    case 'patternProperties':
      return mapValues(value as Record<string, Schema>, (s) => convertChild(s, resolve));
    case 'items':
    case 'additionalProperties':
    case 'not':
      return isSchema(value) ? convertChild(value, resolve) : value;
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return (value as Schema[]).map((s) => convertChild(s, resolve));
    default:
      return value;
  }
}

function convertChild(schema: Schema, resolve: ResolveRef): Schema {
  return convert(schema, resolve, new Set());
}

function stripAnnotations(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-') || ANNOTATION_KEYWORDS.has(key)) continue;
    out[key] = value;
  }
  return out;
}

/** allOf counts as inheritance when every member is an object schema, directly or through a $ref. */
function isInheritance(members: unknown[], resolve: ResolveRef): boolean {
  return members.every((m) => {
    if (!isSchema(m)) return false;
    const target = typeof m.$ref === 'string' ? resolve(m.$ref) : m;
    return target !== undefined && (target.type === 'object' || Array.isArray(target.allOf) || isSchema(target.properties));
  });
}

function mergeInheritance(schema: Schema, resolve: ResolveRef, seen: Set<string>): Schema {
  const { allOf, ...rest } = schema;
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  let additionalProperties: unknown;
  for (const member of allOf as Schema[]) {
    const flat = flattenMember(member, resolve, seen);
    Object.assign(properties, flat.properties ?? {});
    for (const name of (flat.required as string[] | undefined) ?? []) required.add(name);
    // The most derived member comes last in Graph's descriptions, so its rule wins.
    if ('additionalProperties' in flat) additionalProperties = flat.additionalProperties;
  }
  const merged: Schema = { type: 'object', ...rest, properties: { ...properties, ...((rest.properties as Schema) ?? {}) } };
  if (required.size > 0 || rest.required) {
    merged.required = [...new Set([...required, ...((rest.required as string[]) ?? [])])];
  }
  if (additionalProperties !== undefined && !('additionalProperties' in rest)) {
    merged.additionalProperties = additionalProperties;
  }
  return merged;
}

function flattenMember(member: Schema, resolve: ResolveRef, seen: Set<string>): Schema {
  if (typeof member.$ref === 'string') {
    if (seen.has(member.$ref)) throw new Error(`inheritance cycle through ${member.$ref}`);
    const target = resolve(member.$ref);
    if (!target) throw new Error(`unresolved $ref ${member.$ref}`);
    return flattenMember(stripAnnotations(target), resolve, new Set([...seen, member.$ref]));
  }
  const own = stripAnnotations(member);
  return Array.isArray(own.allOf) ? mergeInheritance(own, resolve, seen) : own;
}

function withAnnotationsAllowed(schema: Schema): Schema {
  if (!('additionalProperties' in schema) || schema.additionalProperties === true) return schema;
  const patternProperties = { ...((schema.patternProperties as Schema) ?? {}), [escapeRegExp(ODATA_ANNOTATION)]: {} };
  return { ...schema, patternProperties };
}

function applyNullable(schema: Schema): Schema {
  if (schema.nullable !== true) {
    const { nullable: _drop, ...rest } = schema;
    return rest;
  }
  if (typeof schema.type === 'string') {
    // Ajv's own `nullable` support needs `null` inside an enum as well.
    return Array.isArray(schema.enum) && !schema.enum.includes(null) ? { ...schema, enum: [...schema.enum, null] } : schema;
  }
  const { nullable: _drop, ...rest } = schema;
  const nullBranch = { type: 'null' };
  if (Array.isArray(rest.anyOf) && Object.keys(rest).length === 1) return { anyOf: [...rest.anyOf, nullBranch] };
  if (Array.isArray(rest.oneOf) && Object.keys(rest).length === 1) return { oneOf: [...rest.oneOf, nullBranch] };
  return { anyOf: [rest, nullBranch] };
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
