/**
 * Ajv validators compiled from the slice's own components, never from a hand-copied schema.
 * One Ajv instance per document: each component is registered once under
 * `<base>#/components/schemas/<Name>` so `$ref`s resolve as written and compile only when used.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { toJsonSchema, type Schema } from './json-schema.js';
import { pointer, type OpenApiDocument } from './operations.js';

// ajv-formats is CommonJS; under NodeNext its callable is the default export's `default`.
const addFormats = addFormatsModule.default;

const BASE = 'slice.yaml';

/**
 * Objects whose members the service defines (decision inner-error-service-specific): Microsoft's
 * `additionalProperties: {type: object}` on them would reject every real error's string members.
 */
const SERVICE_SPECIFIC_SCHEMAS = new Set(['microsoft.graph.ODataErrors.InnerError']);

export interface Violation {
  /** JSON pointer into the validated value; '' is the root. */
  pointer: string;
  keyword: string;
  /** Why, in words, with the pointer in front: `/name must be string`. */
  message: string;
  /** Why, without the pointer: `must be string`. */
  why: string;
  /** The property the violation is about, for an extra or missing one (its pointer is the parent's). */
  property?: string;
}

export interface SpecValidator {
  /** Validates `value` against a schema object of the document (usually `{$ref: '#/components/schemas/…'}`). */
  validate(schema: Record<string, unknown>, value: unknown): Violation[];
}

const cache = new WeakMap<OpenApiDocument, SpecValidator>();

export function validatorFor(doc: OpenApiDocument): SpecValidator {
  let validator = cache.get(doc);
  if (!validator) {
    validator = createValidator(doc);
    cache.set(doc, validator);
  }
  return validator;
}

function createValidator(doc: OpenApiDocument): SpecValidator {
  // optimize: false — Ajv's code optimiser costs more at compile time (~40 ms for the slice) than it saves in a run.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, validateFormats: true, code: { optimize: false } });
  addFormats(ajv);
  addGraphFormats(ajv);
  const resolve = (ref: string): Schema | undefined => {
    try {
      return pointer(doc, ref);
    } catch {
      return undefined;
    }
  };
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(schemas)) {
    const converted = toJsonSchema(schema, resolve);
    if (SERVICE_SPECIFIC_SCHEMAS.has(name)) converted.additionalProperties = true;
    ajv.addSchema(converted, `${BASE}#/components/schemas/${name}`);
  }
  const compiled = new Map<string, ValidateFunction>();

  return {
    validate(schema, value) {
      const fn = compile(schema);
      return fn(value) ? [] : (fn.errors ?? []).map(toViolation);
    },
  };

  function compile(schema: Record<string, unknown>): ValidateFunction {
    const ref = typeof schema.$ref === 'string' && Object.keys(schema).length === 1 ? schema.$ref : undefined;
    const key = ref ?? JSON.stringify(schema);
    let fn = compiled.get(key);
    if (!fn) {
      fn = ref
        ? ajv.getSchema(`${BASE}${ref}`)
        : ajv.compile(absoluteRefs(toJsonSchema(schema, resolve)) as Schema);
      if (!fn) throw new Error(`the slice has no schema ${ref}`);
      compiled.set(key, fn);
    }
    return fn;
  }
}

/** Formats Graph's descriptions use that ajv-formats does not define. */
function addGraphFormats(ajv: Ajv): void {
  ajv.addFormat('base64url', /^[A-Za-z0-9_-]*={0,2}$/);
  ajv.addFormat('int16', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -32768 && n <= 32767 });
  ajv.addFormat('int8', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -128 && n <= 127 });
  ajv.addFormat('uint8', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 && n <= 255 });
  ajv.addFormat('decimal', { type: 'number', validate: (n: number) => Number.isFinite(n) });
}

function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${BASE}${v}` : absoluteRefs(v)]),
  );
}

function toViolation(error: ErrorObject): Violation {
  const where = error.instancePath === '' ? 'the body' : error.instancePath;
  const allowed = error.keyword === 'enum' ? ` (allowed: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
  const additional = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
  const missing = error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : undefined;
  const why = `${error.message ?? 'is invalid'}${additional !== undefined ? ` ('${additional}')` : ''}${allowed}`;
  const property = additional ?? missing;
  return { pointer: error.instancePath, keyword: error.keyword, message: `${where} ${why}`, why, ...(property !== undefined && { property }) };
}
