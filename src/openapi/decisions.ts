/**
 * specs/decisions.yaml: what the project holds where Microsoft's description is looser than Graph's
 * documented behaviour or the sources disagree. Loaded and shape-checked here, so the slicer, the
 * checks and the reports all read the same typed decisions and can cite them by id.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fromRoot } from '../project-root.js';
import { isObject, type Json, type JsonObject } from './json.js';

export const DECISIONS_FILE = fromRoot('specs', 'decisions.yaml');
/** decisions.yaml parsed, with the sha256 of the text it was parsed from (npm run generate). */
export const DECISIONS_JSON = fromRoot('generated', 'decisions.json');

/** The YAML parser, loaded only when a file has to be parsed: every run reads the JSON copies. */
export function parseYaml(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

/** generated/decisions.json for the decisions.yaml text given. */
export function generateDecisionsJson(text: string): string {
  const decisionsSha256 = createHash('sha256').update(text).digest('hex');
  return `${JSON.stringify({ generatedFrom: 'specs/decisions.yaml by npm run generate; do not edit', decisionsSha256, raw: parseYaml(text) })}\n`;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete' | 'head' | 'options' | 'trace';

/** A file under specs/upstream/ (`docs/connectorgroup-post.md`) or a URL, with the words relied on. */
export interface Citation {
  file: string;
  quote?: string;
}

/** `keep`: the replaced response as it was; `no-content`: the same without a body; or a Response object. */
export type ResponseReplacement = 'keep' | 'no-content' | JsonObject;

/** Replaces one documented status of an operation (`2XX`) by one or more exact ones. */
export interface ResponseStatusEdit {
  op: 'response-status';
  path: string;
  method: HttpMethod;
  from: string;
  to: Record<string, ResponseReplacement>;
}

/**
 * Makes a schema property nullable. An inline schema gets `nullable: true` beside its `type`; a reference
 * makes the referenced schema nullable, which must have a `type` and no other user in the slice: the one
 * form OpenAPI 3.0 tools compile (Ajv's `nullable` needs `type`; `anyOf: [{$ref}]` + `nullable` is skipped).
 */
export interface NullableEdit {
  op: 'nullable';
  schema: string;
  property: string;
}

/** Changes nothing; fails the slice when the enum is no longer exactly `values`, so the decision gets revisited. */
export interface ExpectEnumEdit {
  op: 'expect-enum';
  schema: string;
  values: string[];
}

/**
 * Gives a documented response's media type an example (Prism answers with it). The response is either an
 * operation's (`path`, `method`, `status`) or a shared one in components.responses (`response`). A
 * `text/plain` example is the body's text, as sent.
 */
export type ResponseExampleEdit = {
  op: 'response-example';
  media: string;
  example: Json;
} & ({ path: string; method: HttpMethod; status: string } | { response: string });

/** Gives a component schema its own `example` (Mockoon answers with it; Prism too where no media type has one). */
export interface SchemaExampleEdit {
  op: 'schema-example';
  schema: string;
  example: Json;
}

/**
 * Beside every `2XX` of an operation that documents no exact 2xx code, the same response under an exact
 * code (`withBody` when it has a body, `withoutBody` otherwise), first: the documented set stays the same.
 */
export interface ExactStatusBesideRangeEdit {
  op: 'exact-status-beside-range';
  withBody: string;
  withoutBody: string;
}

export type SliceEdit = ResponseStatusEdit | NullableEdit | ExpectEnumEdit | ResponseExampleEdit | SchemaExampleEdit | ExactStatusBesideRangeEdit;

export type PermissionGrant = 'not-supported' | { leastPrivileged: string[]; higherPrivileged: string[] };

export interface PermissionFacts {
  request: string;
  delegatedWork: PermissionGrant;
  delegatedPersonal: PermissionGrant;
  application: PermissionGrant;
}

export interface Decision {
  id: string;
  summary: string;
  reason: string;
  sources: Citation[];
  /** Edits `npm run spec:slice` applies; absent when the decision is applied at run time only. */
  slice?: SliceEdit[];
  /** Check ids that apply the decision at run time; `[]` when none does yet. */
  checks?: string[];
  permissions?: PermissionFacts;
  /** Which writes a live run may make in one entity set (src/openapi/live-writes.ts reads them). */
  liveWrites?: LiveWrites;
}

/** The kinds of write a request can be: create (POST to a collection), update (PATCH, PUT), delete, link ($ref). */
export const WRITE_KINDS = ['create', 'update', 'delete', 'link'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

export interface LiveWrites {
  /** The entity set, as the slice's paths name it after the profile's key (`connectorGroups`). */
  set: string;
  /** The writes a live run may make in it (and below it); none: the set is only read on a tenant. */
  allow: WriteKind[];
}

export interface DecisionSet {
  file: string;
  decisions: readonly Decision[];
  /** The decision with this id; throws, naming the file, when there is none. */
  get(id: string): Decision;
  find(id: string): Decision | undefined;
}

export class DecisionFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionFileError';
  }
}

export function loadDecisions(file: string = DECISIONS_FILE): DecisionSet {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DecisionFileError(`cannot read decisions file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // The parsed copy, while it was made from this very text; the YAML itself otherwise.
  if (file === DECISIONS_FILE && existsSync(DECISIONS_JSON)) {
    const copy = JSON.parse(readFileSync(DECISIONS_JSON, 'utf8')) as { decisionsSha256?: string; raw?: unknown };
    if (copy.raw !== undefined && copy.decisionsSha256 === createHash('sha256').update(text).digest('hex')) return decisionsFrom(copy.raw, file);
  }
  return parseDecisions(text, file);
}

export function parseDecisions(text: string, file = 'decisions.yaml'): DecisionSet {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new DecisionFileError(`${path.basename(file)}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return decisionsFrom(raw, file);
}

function decisionsFrom(raw: unknown, file: string): DecisionSet {
  const label = path.basename(file);
  const root = object(raw, label);
  if (root.version !== 1) throw new DecisionFileError(`${label}: version must be 1`);
  const list = array(root.decisions, `${label}: decisions`);
  const decisions = list.map((entry, i) => decision(entry, `${label}: decisions[${i}]`));
  const byId = new Map<string, Decision>();
  for (const d of decisions) {
    if (byId.has(d.id)) throw new DecisionFileError(`${label}: decision id ${d.id} appears twice`);
    byId.set(d.id, d);
  }
  return {
    file,
    decisions,
    find: (id) => byId.get(id),
    get(id) {
      const d = byId.get(id);
      if (!d) throw new DecisionFileError(`${label}: no decision with id ${id}`);
      return d;
    },
  };
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CHECK_ID = /^[a-z][a-zA-Z0-9-]*(?:\.[a-zA-Z0-9-]+)+$/;
const STATUS = /^(?:[1-5][0-9][0-9]|[1-5]XX|default)$/;
const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);
const KEYS = new Set(['id', 'summary', 'reason', 'sources', 'slice', 'checks', 'permissions', 'live-writes']);

function decision(raw: unknown, at: string): Decision {
  const o = object(raw, at);
  const id = string(o.id, `${at}.id`);
  if (!ID.test(id)) throw new DecisionFileError(`${at}.id: ${JSON.stringify(id)} is not kebab-case`);
  const where = `${at} (${id})`;
  for (const key of Object.keys(o)) if (!KEYS.has(key)) throw new DecisionFileError(`${where}: unknown key ${key}`);
  if (o.slice === undefined && o.checks === undefined) {
    throw new DecisionFileError(`${where}: needs slice (edits the slicer applies) or checks (check ids that apply it), or both`);
  }
  const d: Decision = {
    id,
    summary: string(o.summary, `${where}.summary`),
    reason: string(o.reason, `${where}.reason`),
    sources: array(o.sources, `${where}.sources`).map((s, i) => citation(s, `${where}.sources[${i}]`)),
  };
  if (d.sources.length === 0) throw new DecisionFileError(`${where}.sources: cite at least one source`);
  if (o.slice !== undefined) d.slice = array(o.slice, `${where}.slice`).map((e, i) => edit(e, `${where}.slice[${i}]`));
  if (o.checks !== undefined) {
    d.checks = array(o.checks, `${where}.checks`).map((c, i) => {
      const checkId = string(c, `${where}.checks[${i}]`);
      if (!CHECK_ID.test(checkId)) throw new DecisionFileError(`${where}.checks[${i}]: ${checkId} is not a check id (<operation>.<aspect>)`);
      return checkId;
    });
  }
  if (o.permissions !== undefined) d.permissions = permissions(o.permissions, `${where}.permissions`);
  if (o['live-writes'] !== undefined) d.liveWrites = liveWrites(o['live-writes'], `${where}.live-writes`);
  return d;
}

function liveWrites(raw: unknown, at: string): LiveWrites {
  const o = object(raw, at);
  for (const key of Object.keys(o)) if (key !== 'set' && key !== 'allow') throw new DecisionFileError(`${at}: unknown key ${key} (expected set, allow)`);
  const set = string(o.set, `${at}.set`);
  const allow = array(o.allow, `${at}.allow`).map((k, i) => {
    const kind = string(k, `${at}.allow[${i}]`);
    if (!(WRITE_KINDS as readonly string[]).includes(kind)) throw new DecisionFileError(`${at}.allow[${i}]: ${kind} is not one of ${WRITE_KINDS.join(', ')}`);
    return kind as WriteKind;
  });
  return { set, allow };
}

function citation(raw: unknown, at: string): Citation {
  if (typeof raw === 'string') return { file: raw };
  const o = object(raw, at);
  const c: Citation = { file: string(o.file, `${at}.file`) };
  if (o.quote !== undefined) c.quote = string(o.quote, `${at}.quote`);
  return c;
}

function edit(raw: unknown, at: string): SliceEdit {
  const o = object(raw, at);
  const op = o.op;
  switch (op) {
    case 'response-status': {
      const method = string(o.method, `${at}.method`);
      if (!METHODS.has(method)) throw new DecisionFileError(`${at}.method: ${method} is not an HTTP method in lower case`);
      const from = string(o.from, `${at}.from`);
      if (!STATUS.test(from)) throw new DecisionFileError(`${at}.from: ${from} is not a response status key`);
      const to = object(o.to, `${at}.to`);
      if (Object.keys(to).length === 0) throw new DecisionFileError(`${at}.to: name at least one status`);
      const replacements: Record<string, ResponseReplacement> = {};
      for (const [status, value] of Object.entries(to)) {
        if (!STATUS.test(status)) throw new DecisionFileError(`${at}.to: ${status} is not a response status key`);
        if (value !== 'keep' && value !== 'no-content' && !isObject(value)) {
          throw new DecisionFileError(`${at}.to.${status}: keep, no-content or a Response object`);
        }
        replacements[status] = value;
      }
      return { op, path: string(o.path, `${at}.path`), method: method as HttpMethod, from, to: replacements };
    }
    case 'nullable':
      return { op, schema: string(o.schema, `${at}.schema`), property: string(o.property, `${at}.property`) };
    case 'expect-enum':
      return { op, schema: string(o.schema, `${at}.schema`), values: array(o.values, `${at}.values`).map((v, i) => string(v, `${at}.values[${i}]`)) };
    case 'response-example': {
      if (o.example === undefined) throw new DecisionFileError(`${at}.example: give the example`);
      const media = o.media === undefined ? 'application/json' : string(o.media, `${at}.media`);
      if (media !== 'application/json' && typeof o.example !== 'string') {
        throw new DecisionFileError(`${at}.example: a ${media} example is the body's text, a string`);
      }
      const example = o.example as Json;
      if (o.response !== undefined) {
        if (o.path !== undefined || o.method !== undefined || o.status !== undefined) {
          throw new DecisionFileError(`${at}: name either response or path, method and status`);
        }
        return { op, media, example, response: string(o.response, `${at}.response`) };
      }
      const method = string(o.method, `${at}.method`);
      if (!METHODS.has(method)) throw new DecisionFileError(`${at}.method: ${method} is not an HTTP method in lower case`);
      const status = string(o.status, `${at}.status`);
      if (!STATUS.test(status)) throw new DecisionFileError(`${at}.status: ${status} is not a response status key`);
      return { op, media, example, path: string(o.path, `${at}.path`), method: method as HttpMethod, status };
    }
    case 'exact-status-beside-range': {
      const code = (key: string) => {
        const value = string(o[key], `${at}.${key}`);
        if (!/^2\d\d$/.test(value)) throw new DecisionFileError(`${at}.${key}: ${value} is not an exact 2xx code`);
        return value;
      };
      return { op, withBody: code('with-body'), withoutBody: code('without-body') };
    }
    case 'schema-example':
      if (o.example === undefined) throw new DecisionFileError(`${at}.example: give the example`);
      return { op, schema: string(o.schema, `${at}.schema`), example: o.example as Json };
    default:
      throw new DecisionFileError(
        `${at}.op: ${JSON.stringify(op)} is not one of response-status, nullable, expect-enum, response-example, schema-example, exact-status-beside-range`,
      );
  }
}

function permissions(raw: unknown, at: string): PermissionFacts {
  const o = object(raw, at);
  const grant = (value: unknown, where: string): PermissionGrant => {
    if (value === 'not-supported') return value;
    const g = object(value, where);
    const names = (v: unknown, w: string) => array(v, w).map((n, i) => string(n, `${w}[${i}]`));
    return {
      leastPrivileged: names(g.leastPrivileged, `${where}.leastPrivileged`),
      higherPrivileged: names(g.higherPrivileged ?? [], `${where}.higherPrivileged`),
    };
  };
  return {
    request: string(o.request, `${at}.request`),
    delegatedWork: grant(o.delegatedWork, `${at}.delegatedWork`),
    delegatedPersonal: grant(o.delegatedPersonal, `${at}.delegatedPersonal`),
    application: grant(o.application, `${at}.application`),
  };
}

function object(value: unknown, at: string): JsonObject {
  if (!isObject(value)) throw new DecisionFileError(`${at}: expected a mapping`);
  return value;
}

function array(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) throw new DecisionFileError(`${at}: expected a list`);
  return value;
}

function string(value: unknown, at: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DecisionFileError(`${at}: expected a non-empty string`);
  return value;
}
