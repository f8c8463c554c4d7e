/**
 * Ajv validators compiled from the slice's own components, never from a hand-copied schema.
 * One Ajv instance per document: each component is registered once under
 * `<base>#/components/schemas/<Name>` so `$ref`s resolve as written and compile only when used.
 * For the committed slice, `npm run build` precompiles every component (Ajv's standalone code) into
 * dist/validators.cjs, used while it was made from the slice as it is: compiling costs ~150 ms a run.
 *
 * A hostile answer can hold a list of 100,000 items that each break the schema. Validated in one Ajv call
 * (allErrors), every item's errors are concatenated onto all the errors before them, which is quadratic:
 * 20,000 invalid groups took 6 s and 100,000 took three minutes. So an object's array of component
 * items is validated item by item (see `splitsOf`), in the order Ajv would visit them, and a bounded
 * validation keeps only the first violations while it counts them all.
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

/**
 * How many violations a schema failure lists (results.json `violations`); the rest are counted
 * (`violationsTotal`) and named in the message as "… and N more", never kept.
 */
export const MAX_VIOLATIONS = 50;

/** A violation's pointer, property and texts are cut past this many characters (a property name can be megabytes). */
export const MAX_VIOLATION_TEXT = 500;

/** The first violations of a value, and how many it has in all. */
export interface Validation {
  violations: Violation[];
  total: number;
}

export interface SpecValidator {
  /** Validates `value` against a schema object of the document (usually `{$ref: '#/components/schemas/…'}`): every violation. */
  validate(schema: Record<string, unknown>, value: unknown): Violation[];
  /** The same judgement, keeping only the first `limit` violations (default MAX_VIOLATIONS) and counting the rest. */
  validateBounded(schema: Record<string, unknown>, value: unknown, limit?: number): Validation;
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

/**
 * A validator of `doc` that validates every value in one Ajv call, arrays included: what the item-by-item
 * validation must equal, violation for violation (the tests compare them).
 */
export function unsplitValidator(doc: OpenApiDocument): SpecValidator {
  return createValidator(doc, PRECOMPILED_FILE, false);
}

function createValidator(doc: OpenApiDocument, precompiledFile = PRECOMPILED_FILE, split = true): SpecValidator {
  const precompiled = precompiledFor(doc, precompiledFile);
  let instance: Ajv | undefined;
  const ajv = () => (instance ??= ajvFor(doc));
  const compiled = new Map<string, ValidateFunction>();
  const splits = new Map<string, Split[]>();

  return {
    validate: (schema, value) => bounded(schema, value, Infinity).violations,
    validateBounded: (schema, value, limit = MAX_VIOLATIONS) => bounded(schema, value, limit),
  };

  function bounded(schema: Record<string, unknown>, value: unknown, limit: number): Validation {
    const sink: Sink = { violations: [], total: 0, limit };
    const ref = refOf(schema);
    if (split && ref !== undefined) collect(ref, value, '', sink);
    else keep(sink, compile(schema), value, '');
    return { violations: sink.violations, total: sink.total };
  }

  /**
   * Validates `value` against the component `ref`, its violations' pointers under `prefix`. Each array
   * `splitsOf` names is swapped for a marker (0, which fails the array's type once, at the array's
   * pointer) and its items are validated one by one where that marker's violation stands: the order
   * Ajv's own walk gives them.
   */
  function collect(ref: string, value: unknown, prefix: string, sink: Sink): void {
    const fn = compile({ $ref: ref });
    const arrays =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? splitsFor(ref).filter((s) => isFilledArray((value as Record<string, unknown>)[s.property]))
        : [];
    if (arrays.length === 0) return keep(sink, fn, value, prefix);
    const envelope: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const { property } of arrays) envelope[property] = 0;
    const errors = fn(envelope) ? [] : (fn.errors ?? []);
    const markers = arrays.map((s) => errors.filter((e) => e.instancePath === `/${escapePointer(s.property)}`));
    // Not the one type error each marker should give: the schema reads the array some other way, so it is judged whole.
    if (markers.some((m) => m.length !== 1 || m[0]!.keyword !== 'type')) return keep(sink, fn, value, prefix);
    for (const error of errors) {
      const at = markers.findIndex((m) => m[0] === error);
      if (at < 0) {
        add(sink, error, prefix);
        continue;
      }
      const { property, items } = arrays[at]!;
      const list = (value as Record<string, unknown[]>)[property]!;
      const where = `${prefix}/${escapePointer(property)}`;
      for (let i = 0; i < list.length; i++) collect(items, list[i], `${where}/${i}`, sink);
    }
  }

  /** The arrays of `ref`'s schema that can be validated item by item, with the component their items are. */
  function splitsFor(ref: string): Split[] {
    let found = splits.get(ref);
    if (!found) {
      const name = ref.startsWith(COMPONENT) ? ref.slice(COMPONENT.length) : undefined;
      const schema = name === undefined ? undefined : (doc.components?.schemas as Record<string, Schema> | undefined)?.[name];
      found = schema ? splitsOf(toJsonSchema(schema, resolverFor(doc))) : [];
      splits.set(ref, found);
    }
    return found;
  }

  function compile(schema: Record<string, unknown>): ValidateFunction {
    const ref = refOf(schema);
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

const COMPONENT = '#/components/schemas/';

/** What a bounded validation has kept so far, and how many violations it has met. */
interface Sink {
  violations: Violation[];
  total: number;
  limit: number;
}

/** An array property of an object schema whose items are one component, validated item by item. */
interface Split {
  property: string;
  items: string;
}

/** Keywords of an object schema under which its array properties are judged by their own schema alone. */
const SPLITTABLE_OBJECT = new Set([
  'type',
  'title',
  'properties',
  'additionalProperties',
  'patternProperties',
  'required',
  'nullable',
  'minProperties',
  'maxProperties',
]);
const SPLITTABLE_ARRAY = new Set(['type', 'items', 'nullable', 'title']);

/**
 * The array properties of a converted object schema whose value nothing but their own `{type: array,
 * items: {$ref}}` judges: no other keyword of the object looks at them (no anyOf, no dependencies, no
 * pattern matching their name), so validating the items one by one gives exactly Ajv's violations.
 */
function splitsOf(schema: Schema): Split[] {
  if (schema.type !== 'object' || !Object.keys(schema).every((k) => SPLITTABLE_OBJECT.has(k))) return [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.keys((schema.patternProperties ?? {}) as object).map((p) => new RegExp(p, 'u'));
  const found: Split[] = [];
  for (const [property, sub] of Object.entries(properties)) {
    if (typeof sub !== 'object' || sub === null || sub.type !== 'array' || !Object.keys(sub).every((k) => SPLITTABLE_ARRAY.has(k))) continue;
    const items = sub.items as Schema | undefined;
    const ref = items && Object.keys(items).length === 1 && typeof items.$ref === 'string' && items.$ref.startsWith(COMPONENT) ? items.$ref : undefined;
    if (ref !== undefined && !patterns.some((p) => p.test(property))) found.push({ property, items: ref });
  }
  return found;
}

function refOf(schema: Record<string, unknown>): string | undefined {
  return typeof schema.$ref === 'string' && Object.keys(schema).length === 1 ? schema.$ref : undefined;
}

function isFilledArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Validates `value` in one call, its violations under `prefix`. */
function keep(sink: Sink, fn: ValidateFunction, value: unknown, prefix: string): void {
  if (fn(value)) return;
  for (const error of fn.errors ?? []) add(sink, error, prefix);
}

/** Counts a violation, and keeps it while fewer than the limit are kept: the rest are never turned into text. */
function add(sink: Sink, error: ErrorObject, prefix: string): void {
  sink.total++;
  if (sink.violations.length < sink.limit) sink.violations.push(toViolation(error, prefix));
}

function absoluteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absoluteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#') ? `${BASE}${v}` : absoluteRefs(v)]),
  );
}

function toViolation(error: ErrorObject, prefix = ''): Violation {
  const pointer = cut(`${prefix}${error.instancePath}`);
  const where = pointer === '' ? 'the body' : pointer;
  const allowed =
    error.keyword === 'enum' ? ` (allowed: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : '';
  const additional = error.keyword === 'additionalProperties' ? cut((error.params as { additionalProperty: string }).additionalProperty) : undefined;
  const missing = error.keyword === 'required' ? cut((error.params as { missingProperty: string }).missingProperty) : undefined;
  const why = cut(`${error.message ?? 'is invalid'}${additional !== undefined ? ` ('${additional}')` : ''}${allowed}`);
  const property = additional ?? missing;
  return { pointer, keyword: error.keyword, message: `${where} ${why}`, why, ...(property !== undefined && { property }) };
}

/** `text`, or its first MAX_VIOLATION_TEXT characters and how many more there were. */
function cut(text: string): string {
  if (text.length <= MAX_VIOLATION_TEXT) return text;
  let end = MAX_VIOLATION_TEXT;
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}… (${(text.length - end).toLocaleString('en-US')} more characters)`;
}
