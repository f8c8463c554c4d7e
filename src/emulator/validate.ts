/**
 * Request bodies of an entity type, read as Graph's front end (ODataLib) reads them: the first problem in
 * document order wins, with its wording where it is known. Types, enums and nullability come from the
 * slice; what may be written, what a create needs and how long a string may be from the entity facts.
 */
import type { EntityType, PropertyInfo } from './slice-model.js';
import { notWritten } from './entity-facts.js';

export type Validation = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly message: string };

type Mode = 'create' | 'update';

const reject = (message: string): Validation => ({ ok: false, message });

function nodeKind(value: unknown): 'StartObject' | 'StartArray' | 'PrimitiveValue' {
  if (Array.isArray(value)) return 'StartArray';
  return value !== null && typeof value === 'object' ? 'StartObject' : 'PrimitiveValue';
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return nodeKind(value) === 'StartObject';
}

/** `microsoft.graph.connectorGroup` → `connectorGroup`: the resource name Graph's messages use. */
export const shortName = (type: string): string => type.split('.').at(-1) ?? type;

/**
 * Enum members from `unknownFutureValue` on are OData's evolvable-enum sentinel and what follows it: a
 * client never writes them (Graph's evolvable enumerations: members after the sentinel are opt-in).
 */
export function writableMembers(values: readonly string[]): readonly string[] {
  const sentinel = values.indexOf('unknownFutureValue');
  return sentinel < 0 ? values : values.slice(0, sentinel);
}

function typeProblem(info: PropertyInfo, value: unknown): string | undefined {
  const edm = info.edmType;
  if (value === null) {
    if (info.nullable) return undefined;
    return `A null value was found for the property named '${info.name}', which has the expected type '${edm}[Nullable=False]'. The expected type '${edm}[Nullable=False]' does not allow null values.`;
  }
  const kind = nodeKind(value);
  const wanted = info.collection ? 'StartArray' : info.kind === 'complex' ? 'StartObject' : 'PrimitiveValue';
  if (kind !== wanted) {
    return `An unexpected '${kind}' node was found for property named '${info.name}' when reading from the JSON reader. A '${wanted}' node was expected.`;
  }
  if (info.kind !== 'primitive' || info.collection) return undefined;
  const jsonType = info.jsonType === 'integer' ? 'number' : info.jsonType;
  if (typeof value !== jsonType || (info.jsonType === 'integer' && !Number.isInteger(value))) {
    return `Cannot convert a primitive value to the expected type '${edm}'. See the inner exception for more details.`;
  }
  if (info.enum) {
    const allowed = writableMembers(info.enum);
    if (!allowed.includes(value as string)) return `Invalid value '${String(value)}' for property '${info.name}'. Allowed values: ${allowed.join(', ')}.`;
  }
  return undefined;
}

export function validateEntity(type: EntityType, body: unknown, mode: Mode): Validation {
  if (!isJsonObject(body)) {
    return reject(`An unexpected '${nodeKind(body)}' node was found when reading from the JSON reader. A 'StartObject' node was expected.`);
  }
  const value: Record<string, unknown> = {};
  const ignored = notWritten(type.facts);
  for (const [property, sent] of Object.entries(body)) {
    if (property === '@odata.type') {
      if (typeof sent !== 'string')
        return reject(`Cannot convert a primitive value to the expected type 'Edm.String'. See the inner exception for more details.`);
      if (sent.replace(/^#/, '') !== type.name) {
        return reject(
          `A type named '${sent.replace(/^#/, '')}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
        );
      }
      continue;
    }
    const info = type.info.get(property);
    if (!info) {
      return reject(
        `The property '${property}' does not exist on type '${type.name}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (info.kind === 'navigation') return reject(`The navigation property '${property}' cannot be set in the request body; use its $ref endpoint.`);
    const problem = typeProblem(info, sent);
    if (problem) return reject(problem);
    const limit = type.facts.maxLength?.[property];
    if (limit !== undefined && typeof sent === 'string' && ([...sent].length === 0 || [...sent].length > limit)) {
      return reject(
        `Invalid value specified for property '${property}' of resource '${shortName(type.name)}'. The ${property} must be a non-empty string of at most ${limit} characters.`,
      );
    }
    // The key, what the system sets and what is read-only are read (and so type-checked) but never written by a client.
    if (ignored.includes(property)) continue;
    value[property] = sent;
  }
  if (mode === 'create') {
    const missing = (type.facts.required ?? []).find((p) => !(p in value));
    if (missing !== undefined) return reject(`A value is required for property '${missing}' of resource '${shortName(type.name)}'.`);
  }
  return { ok: true, value };
}

/**
 * What a service that skips validation would store (the `invalid-body-accepted` defect): every known
 * writable property, turned into a value of its type, so that only "rejects invalid input" changes and
 * never the shape of what it answers.
 */
export function coerceEntity(type: EntityType, body: unknown): Record<string, unknown> {
  const fields = isJsonObject(body) ? body : {};
  const value: Record<string, unknown> = {};
  const ignored = notWritten(type.facts);
  for (const property of type.properties) {
    if (ignored.includes(property)) continue;
    const info = type.info.get(property)!;
    const sent = fields[property];
    const required = type.facts.required?.includes(property) ?? false;
    if (sent === undefined) {
      if (required && info.jsonType === 'string') value[property] = '';
      continue;
    }
    if (sent === null && info.nullable) value[property] = null;
    else if (info.enum) {
      if (writableMembers(info.enum).includes(sent as string)) value[property] = sent;
    } else if (info.jsonType === 'string') value[property] = typeof sent === 'string' ? sent : JSON.stringify(sent);
    else if (typeProblem(info, sent) === undefined) value[property] = sent;
  }
  return value;
}
