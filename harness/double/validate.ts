// Request-body rules for microsoft.graph.connectorGroup. The first problem in document order wins, as in
// ODataLib's reader; messages follow Graph's wording where it is known.
import { CONNECTOR_GROUP_TYPE, DEFAULT_REGION, ENTITY_TYPE, NAVIGATION_PROPERTIES, WRITABLE_REGIONS, type ConnectorGroupRegion } from './model.js';

export const MAX_NAME_LENGTH = 256;

export interface ConnectorGroupInput {
  readonly name?: string;
  /** null is a value: region is nullable (decision region-nullable). */
  readonly region?: ConnectorGroupRegion | null;
}

export type Validation = { readonly ok: true; readonly value: ConnectorGroupInput } | { readonly ok: false; readonly message: string };

type Mode = 'create' | 'update';

const reject = (message: string): Validation => ({ ok: false, message });

function nodeKind(value: unknown): 'StartObject' | 'StartArray' | 'PrimitiveValue' {
  if (Array.isArray(value)) return 'StartArray';
  return value !== null && typeof value === 'object' ? 'StartObject' : 'PrimitiveValue';
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return nodeKind(value) === 'StartObject';
}

/** Type errors for a non-nullable primitive property; undefined when `value` has the JSON type wanted. */
function typeProblem(property: string, value: unknown, jsonType: 'string' | 'boolean', edmType: string): string | undefined {
  if (value === null) {
    return `A null value was found for the property named '${property}', which has the expected type '${edmType}[Nullable=False]'. The expected type '${edmType}[Nullable=False]' does not allow null values.`;
  }
  const kind = nodeKind(value);
  if (kind !== 'PrimitiveValue') {
    return `An unexpected '${kind}' node was found for property named '${property}' when reading from the JSON reader. A 'PrimitiveValue' node was expected.`;
  }
  if (typeof value !== jsonType) {
    return `Cannot convert a primitive value to the expected type '${edmType}'. See the inner exception for more details.`;
  }
  return undefined;
}

function enumProblem(property: string, value: string, allowed: readonly string[]): string | undefined {
  if (allowed.includes(value)) return undefined;
  return `Invalid value '${value}' for property '${property}'. Allowed values: ${allowed.join(', ')}.`;
}

const nameProblem = (): string =>
  `Invalid value specified for property 'name' of resource 'connectorGroup'. The name must be a non-empty string of at most ${MAX_NAME_LENGTH} characters.`;

export function validateConnectorGroup(body: unknown, mode: Mode): Validation {
  if (!isJsonObject(body)) {
    return reject(`An unexpected '${nodeKind(body)}' node was found when reading from the JSON reader. A 'StartObject' node was expected.`);
  }
  let name: string | undefined;
  let region: ConnectorGroupRegion | null | undefined;
  for (const [property, value] of Object.entries(body)) {
    switch (property) {
      case '@odata.type': {
        const problem = typeProblem(property, value, 'string', 'Edm.String');
        if (problem) return reject(problem);
        if (value !== `#${ENTITY_TYPE}`) {
          return reject(
            `A type named '${String(value).replace(/^#/, '')}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
          );
        }
        break;
      }
      case 'id': {
        // Read-only key: Graph ignores a client-chosen id but still reads it as a string.
        const problem = typeProblem(property, value, 'string', 'Edm.String');
        if (problem) return reject(problem);
        break;
      }
      case 'name': {
        const problem = typeProblem(property, value, 'string', 'Edm.String');
        if (problem) return reject(problem);
        const length = [...(value as string)].length;
        if (length === 0 || length > MAX_NAME_LENGTH) return reject(nameProblem());
        name = value as string;
        break;
      }
      case 'region': {
        if (value === null) {
          region = null;
          break;
        }
        const problem =
          typeProblem(property, value, 'string', 'microsoft.graph.connectorGroupRegion') ?? enumProblem(property, value as string, WRITABLE_REGIONS);
        if (problem) return reject(problem);
        region = value as ConnectorGroupRegion;
        break;
      }
      case 'isDefault': {
        // Read-only (the system picks the default group); a well-typed value is accepted and ignored.
        const problem = typeProblem(property, value, 'boolean', 'Edm.Boolean');
        if (problem) return reject(problem);
        break;
      }
      case 'connectorGroupType': {
        const problem =
          typeProblem(property, value, 'string', 'microsoft.graph.connectorGroupType') ?? enumProblem(property, value as string, [CONNECTOR_GROUP_TYPE]);
        if (problem) return reject(problem);
        break;
      }
      default:
        if ((NAVIGATION_PROPERTIES as readonly string[]).includes(property)) {
          return reject(`The navigation property '${property}' cannot be set in the request body; use its $ref endpoint.`);
        }
        return reject(
          `The property '${property}' does not exist on type '${ENTITY_TYPE}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
        );
    }
  }
  if (mode === 'create' && name === undefined) {
    return reject("A value is required for property 'name' of resource 'connectorGroup'.");
  }
  return { ok: true, value: { ...(name !== undefined && { name }), ...(region !== undefined && { region }) } };
}

/**
 * What a service that skips validation would store (the `invalid-body-accepted` defect). The result stays
 * schema-valid so that only the "rejects invalid input" behaviour changes, not the shape of the 201.
 */
export function coerceConnectorGroup(body: unknown): { name: string; region: ConnectorGroupRegion | null } {
  const fields = isJsonObject(body) ? body : {};
  const { name, region } = fields;
  return {
    name: typeof name === 'string' ? name : name === undefined ? '' : JSON.stringify(name),
    region: region === null ? null : (WRITABLE_REGIONS as readonly unknown[]).includes(region) ? (region as ConnectorGroupRegion) : DEFAULT_REGION,
  };
}
