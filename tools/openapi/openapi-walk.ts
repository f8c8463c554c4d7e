/**
 * A walk over OpenAPI 3.0 objects that knows which keys are keywords and which are names the author
 * chose. Without that, a schema property called `description` (application has one) would be taken for
 * prose and dropped, and a `$ref` inside an example value would be followed.
 */
import { isObject, type Json, type JsonObject } from './source.js';

/** Keywords whose value maps author-chosen names to OpenAPI objects. */
const NAME_MAPS = new Set([
  'paths',
  'properties',
  'patternProperties',
  'responses',
  'content',
  'examples',
  'headers',
  'encoding',
  'links',
  'callbacks',
  'variables',
  'schemas',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'pathItems',
  'scopes',
  'mapping',
]);
/** Name maps in which an `x-` key is an extension rather than a name. */
const EXTENSIBLE_MAPS = new Set(['paths', 'responses', 'callbacks']);
/** Keywords whose value is instance data, never OpenAPI: copied as they are. */
const DATA = new Set(['example', 'default', 'enum', 'const', 'value', 'security']);
const PROSE = new Set(['description', 'summary']);

interface Options {
  dropProse: boolean;
  onRef?: (ref: string) => void;
}

export function collectRefs(node: Json, onRef: (ref: string) => void): void {
  any(node, { dropProse: false, onRef });
}

/**
 * The same document without `description`/`summary`, except where OpenAPI 3.0 requires one: a
 * Response object keeps its description (`''` when it has none).
 */
export function stripProse(node: Json): Json {
  return any(node, { dropProse: true });
}

function any(node: Json, o: Options): Json {
  if (Array.isArray(node)) return node.map((v) => any(v, o));
  if (isObject(node)) return keywords(node, false, o);
  return node;
}

function keywords(obj: JsonObject, isResponse: boolean, o: Options): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$ref' && typeof value === 'string') {
      o.onRef?.(value);
      out[key] = value;
    } else if (key.startsWith('x-') || DATA.has(key) || (key === 'examples' && Array.isArray(value))) {
      out[key] = value;
    } else if (o.dropProse && PROSE.has(key) && !(isResponse && key === 'description')) {
      continue;
    } else if (NAME_MAPS.has(key) && isObject(value)) {
      out[key] = names(value, key, o);
    } else {
      out[key] = any(value, o);
    }
  }
  if (o.dropProse && isResponse && !Object.hasOwn(obj, '$ref') && !Object.hasOwn(out, 'description')) {
    out.description = '';
  }
  return out;
}

function names(map: JsonObject, kind: string, o: Options): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(map)) {
    if (EXTENSIBLE_MAPS.has(kind) && name.startsWith('x-')) out[name] = value;
    else out[name] = isObject(value) ? keywords(value, kind === 'responses', o) : any(value, o);
  }
  return out;
}
