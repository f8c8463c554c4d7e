/**
 * Which type a response example claims to be and which the slice documents: the annotation's
 * `@odata.type` / `isCollection` read as a component schema name, and the two compared, allowing for
 * OData inheritance (a type `allOf` its base).
 */
import { resolveLocal, type OpenApiDocument } from '../openapi/operations.js';

/** The `$ref` prefix of the slice's component schemas; what follows it is the type name. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export interface TypeRef {
  type: string;
  collection: boolean;
}

export function annotatedType(data: Record<string, unknown>): { typeName?: string; isCollection: boolean } {
  let isCollection = data.isCollection === true || data.isCollection === 'true';
  const raw = data['@odata.type'];
  if (typeof raw !== 'string' || raw.trim() === '') return { isCollection };
  let typeName = raw.trim().replace(/^#/, '');
  const collection = /^Collection\((.+)\)$/.exec(typeName);
  if (collection) {
    typeName = collection[1]!;
    isCollection = true;
  }
  return { typeName, isCollection };
}

export function schemaExists(doc: OpenApiDocument, name: string): boolean {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  return Object.hasOwn(schemas, name);
}

export function schemaLabel(schema: Record<string, unknown>): string {
  return typeof schema.$ref === 'string' && schema.$ref.startsWith(SCHEMA_REF_PREFIX) ? schema.$ref.slice(SCHEMA_REF_PREFIX.length) : 'an inline schema';
}

/** What a documented schema returns: `connectorGroup`, or a collection of it (`{value: [connectorGroup]}`); undefined when not a plain `$ref`. */
export function documentedType(doc: OpenApiDocument, schema: Record<string, unknown>): TypeRef | undefined {
  if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith(SCHEMA_REF_PREFIX)) return undefined;
  const resolved = resolveLocal(doc, schema);
  const value = (resolved.properties as Record<string, Record<string, unknown>> | undefined)?.value;
  const items = value?.type === 'array' ? (value.items as Record<string, unknown> | undefined) : undefined;
  if (items && typeof items.$ref === 'string' && items.$ref.startsWith(SCHEMA_REF_PREFIX))
    return { type: items.$ref.slice(SCHEMA_REF_PREFIX.length), collection: true };
  return { type: schema.$ref.slice(SCHEMA_REF_PREFIX.length), collection: false };
}

/** Undefined when the annotated type is the documented one, or one derives from the other (allOf). */
export function typeMismatch(
  doc: OpenApiDocument,
  annotated: TypeRef,
  documentedSchema: Record<string, unknown>,
): { annotated: string; documented: string } | undefined {
  const documented = documentedType(doc, documentedSchema);
  if (!documented) return undefined;
  const related =
    annotated.type === documented.type || ancestors(doc, annotated.type).has(documented.type) || ancestors(doc, documented.type).has(annotated.type);
  if (related && annotated.collection === documented.collection) return undefined;
  const say = (t: TypeRef): string => (t.collection ? `a collection of ${t.type}` : t.type);
  return { annotated: say(annotated), documented: say(documented) };
}

function ancestors(doc: OpenApiDocument, name: string, seen = new Set<string>()): Set<string> {
  const schema = ((doc.components?.schemas ?? {}) as Record<string, Record<string, unknown>>)[name];
  for (const member of (schema?.allOf ?? []) as Array<Record<string, unknown>>) {
    if (typeof member.$ref === 'string' && member.$ref.startsWith(SCHEMA_REF_PREFIX)) {
      const parent = member.$ref.slice(SCHEMA_REF_PREFIX.length);
      if (!seen.has(parent)) {
        seen.add(parent);
        ancestors(doc, parent, seen);
      }
    }
  }
  return seen;
}
