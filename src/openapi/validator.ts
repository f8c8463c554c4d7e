/**
 * Ajv validators compiled from the slice's own components, never from a hand-copied schema.
 * One Ajv instance per document: each component is registered once under
 * `<base>#/components/schemas/<Name>` so `$ref`s resolve as written and compile only when used.
 * For the committed slice, `npm run build` precompiles every component (Ajv's standalone code) into
 * dist/validators.cjs, used while it was made from the slice as it is: compiling costs ~150 ms a run.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import * as standaloneModule from 'ajv/dist/standalone/index.js';
import { toJsonSchema, type Schema } from './json-schema.js';
import { pointer, type OpenApiDocument } from './operations.js';
import { fromRoot } from '../project-root.js';
import { loadSlice } from './load.js';
import { sliceSha256 } from './hash.js';

const require = createRequire(import.meta.url);
// ajv's standalone module is CommonJS: its function is `default` (under NodeNext, possibly one level deeper).
type Standalone = (ajv: Ajv) => string;
const standaloneCode: Standalone = (() => {
  const m = standaloneModule as unknown as { default: Standalone | { default: Standalone } };
  return typeof m.default === 'function' ? m.default : m.default.default;
})();

const BASE = 'slice.yaml';
const FORMATS_FILE = fromRoot('src', 'openapi', 'formats.cjs');
const FORMATS = require(FORMATS_FILE) as Record<string, Format>;
export const PRECOMPILED_FILE = fromRoot('dist', 'validators.cjs');

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

/**
 * An Ajv instance holding every component of `doc`; with `formatsFrom` (where the standalone code will
 * be written), ready for standalone code that requires the formats by a path relative to itself.
 */
function ajvFor(doc: OpenApiDocument, formatsFrom?: string): Ajv {
  const formatsPath = formatsFrom === undefined ? undefined : `./${path.relative(formatsFrom, FORMATS_FILE).split(path.sep).join('/')}`;
  // optimize: false — Ajv's code optimiser costs more at compile time (~40 ms for the slice) than it saves in a run.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    validateFormats: true,
    code: { optimize: false, ...(formatsPath !== undefined && { source: true, formats: _`require(${formatsPath})` }) },
  });
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(schemas)) {
    const converted = toJsonSchema(schema, resolverFor(doc));
    if (SERVICE_SPECIFIC_SCHEMAS.has(name)) converted.additionalProperties = true;
    ajv.addSchema(converted, `${BASE}#/components/schemas/${name}`);
  }
  return ajv;
}

function resolverFor(doc: OpenApiDocument) {
  return (ref: string): Schema | undefined => {
    try {
      return pointer(doc, ref);
    } catch {
      return undefined;
    }
  };
}

/**
 * Ajv's standalone code validating every component of `doc`, each exported under
 * `slice.yaml#/components/schemas/<Name>`, with the sha256 of the slice text it was made from.
 */
export function precompiledValidators(doc: OpenApiDocument, madeFrom: string, file = PRECOMPILED_FILE): string {
  return `${standaloneCode(ajvFor(doc, path.dirname(file)))}\nexports.sliceSha256 = ${JSON.stringify(madeFrom)};\n`;
}

/** The precompiled validators in `file`, when `doc` is the committed slice and they were made from it. */
function precompiledFor(doc: OpenApiDocument, file: string): Record<string, ValidateFunction> | undefined {
  if (doc !== loadSlice() || !existsSync(file)) return undefined;
  const module = require(file) as Record<string, ValidateFunction> & { sliceSha256?: string };
  return module.sliceSha256 === sliceSha256() ? module : undefined;
}

/** A validator of `doc` that prefers the standalone code in `file` (tests compare it with compiling). */
export function validatorWithPrecompiled(doc: OpenApiDocument, file: string): SpecValidator & { precompiled: boolean } {
  return { ...createValidator(doc, file), precompiled: precompiledFor(doc, file) !== undefined };
}

function createValidator(doc: OpenApiDocument, precompiledFile = PRECOMPILED_FILE): SpecValidator {
  const precompiled = precompiledFor(doc, precompiledFile);
  let instance: Ajv | undefined;
  const ajv = () => (instance ??= ajvFor(doc));
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
        ? (precompiled?.[`${BASE}${ref}`] ?? ajv().getSchema(`${BASE}${ref}`))
        : ajv().compile(absoluteRefs(toJsonSchema(schema, resolverFor(doc))) as Schema);
      if (!fn) throw new Error(`the slice has no schema ${ref}`);
      compiled.set(key, fn);
    }
    return fn;
  }
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
