/**
 * What changed in the selected family (specs/selection.yaml) between two revisions of Microsoft's description. Each
 * document is cut to the family the way the slicer cuts it (the selected path items and every component
 * they reach through `$ref`, by the slicer's own closure), then operations, status codes, bodies,
 * parameters and the schemas of the two closures are compared. Prose is ignored.
 *
 * A schema or property that disappears in one place while another appears in the same place is reported
 * as renamed-looking (`odata.error.main` → `microsoft.graph.ODataErrors.MainError`, `innererror` →
 * `innerError`): the change list keeps the evidence, whoever reads it decides.
 */
import { componentClosure, componentRef, parseComponentRef, type ComponentSet } from './closure.js';
import { SliceError } from './slice.js';
import { readSelection, selectedItem, selectsPath, type Selection } from './selection.js';
import { fullParse, indexedSource, isObject, looksLikeJson, objectSource, type DocumentSource, type Json, type JsonObject } from './source.js';
import { LayoutError } from './yaml-index.js';

/** The selected path items and the components they reach, in the order the closure found them. */
export interface Family {
  paths: Map<string, JsonObject>;
  components: ComponentSet;
}

interface Where {
  method: string;
  path: string;
}

export type DriftChange =
  | ({ kind: 'operation-added' | 'operation-removed' } & Where)
  /** The status codes only one side documents. */
  | ({ kind: 'status-codes'; removed: string[]; added: string[] } & Where)
  /** A response's media types and schema (`none` without a body); `status` is the newer side's code. */
  | ({ kind: 'response-body'; status: string; before: string; after: string } & Where)
  | ({ kind: 'request-body'; before: string; after: string } & Where)
  | ({ kind: 'parameter-added' | 'parameter-removed'; in: string; name: string } & Where)
  | { kind: 'schema-added' | 'schema-removed'; schema: string }
  /** Gone under one name, present under another in the same place. */
  | { kind: 'schema-renamed'; before: string; after: string }
  | { kind: 'property-added' | 'property-removed'; schema: string; property: string }
  /** Gone under one name, present under a name that differs only in case. */
  | { kind: 'property-renamed'; schema: string; before: string; after: string; beforeType: string; afterType: string }
  | { kind: 'property-type'; schema: string; property: string; before: string; after: string }
  | { kind: 'nullable' | 'required'; schema: string; property: string; before: boolean; after: boolean }
  /** `property` is absent for the schema's own enum. */
  | { kind: 'enum-added' | 'enum-removed'; schema: string; property?: string; value: string };

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options', 'head', 'trace'];

/**
 * Reads a description (YAML or JSON, bytes or text) and cuts the family out of it. YAML goes through the
 * slicer's line index; a layout the index does not expect falls back to a full parse, as in the slicer.
 */
export function familyOf(input: string | Buffer, name: string, selection: Selection = readSelection()): Family {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const full = (): unknown => {
    try {
      return fullParse(text);
    } catch (error) {
      throw new SliceError(`${name} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  if (looksLikeJson(text, name)) {
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return cutFamily(full(), name, selection);
    }
    return cutFamily(doc, name, selection);
  }
  try {
    return cutFamily(indexedSource(text), name, selection);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    return cutFamily(full(), name, selection);
  }
}

/** The family of a parsed document (or of a DocumentSource over one). */
export function cutFamily(doc: DocumentSource | unknown, name = 'the document', selection: Selection = readSelection()): Family {
  if (!isDocumentSource(doc) && !isObject(doc)) throw new SliceError(`${name} is not an OpenAPI 3.x document (no mapping at its root)`);
  const source = isDocumentSource(doc) ? doc : objectSource(doc, 'full-parse');
  const openapi = source.top('openapi');
  if (typeof openapi !== 'string' || !openapi.startsWith('3.')) {
    throw new SliceError(`${name} is not an OpenAPI 3.x document (openapi: ${JSON.stringify(openapi ?? null)})`);
  }
  const paths = new Map<string, JsonObject>();
  for (const key of source.pathKeys()) {
    const item = selectsPath(selection, key) ? source.pathItem(key) : undefined;
    if (isObject(item)) paths.set(key, selectedItem(selection, key, item));
  }
  const components = componentClosure(
    [...paths].map(([key, item]): [string, Json] => [`paths.${key}`, item]),
    (section, n) => source.component(section, n),
  );
  return { paths, components };
}

/** A parsed document holds no functions, a DocumentSource does. */
function isDocumentSource(value: unknown): value is DocumentSource {
  const candidate = value as Partial<DocumentSource> | null | undefined;
  return typeof candidate?.pathKeys === 'function' && typeof candidate.component === 'function';
}

export function operationCount(family: Family): number {
  let count = 0;
  for (const item of family.paths.values()) count += METHODS.filter((m) => isObject(item[m])).length;
  return count;
}

/** Every change from `before` to `after`, operations first, then schemas in the order the closure reached them. */
export function computeDrift(before: Family, after: Family): DriftChange[] {
  const pairs = pairSchemas(before, after);
  return [...operationChanges(before, after, pairs), ...schemaChanges(before, after, pairs)];
}

// ---------------------------------------------------------------------------------------------------
// Operations

interface Operation extends Where {
  op: JsonObject;
  item: JsonObject;
}

function operationsOf(family: Family): Map<string, Operation> {
  const out = new Map<string, Operation>();
  for (const [path, item] of family.paths) {
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) out.set(`${method.toUpperCase()} ${path}`, { method: method.toUpperCase(), path, op, item });
    }
  }
  return out;
}

function operationChanges(before: Family, after: Family, pairs: SchemaPairs): DriftChange[] {
  const b = operationsOf(before);
  const a = operationsOf(after);
  const changes: DriftChange[] = [];
  for (const [key, o] of a) if (!b.has(key)) changes.push({ kind: 'operation-added', method: o.method, path: o.path });
  for (const [key, o] of b) if (!a.has(key)) changes.push({ kind: 'operation-removed', method: o.method, path: o.path });
  const typeOfBefore = (node: Json | undefined) => typeOf(node, pairs.rename);
  for (const [key, ao] of a) {
    const bo = b.get(key);
    if (!bo) continue;
    const where = { method: ao.method, path: ao.path };
    const bCodes = responseCodes(bo.op);
    const aCodes = responseCodes(ao.op);
    const removed = bCodes.filter((c) => !aCodes.includes(c));
    const added = aCodes.filter((c) => !bCodes.includes(c));
    if (removed.length > 0 || added.length > 0) changes.push({ kind: 'status-codes', ...where, removed, added });
    for (const [bCode, aCode] of pairedCodes(bCodes, aCodes)) {
      const was = bodyOf(resolve(before, 'responses', responsesOf(bo.op)[bCode]), typeOfBefore);
      const now = bodyOf(resolve(after, 'responses', responsesOf(ao.op)[aCode]), typeOf);
      if (was.canonical !== now.canonical) changes.push({ kind: 'response-body', ...where, status: aCode, before: was.display, after: now.display });
    }
    const wasBody = bodyOf(resolve(before, 'requestBodies', bo.op.requestBody), typeOfBefore);
    const nowBody = bodyOf(resolve(after, 'requestBodies', ao.op.requestBody), typeOf);
    if (wasBody.canonical !== nowBody.canonical) changes.push({ kind: 'request-body', ...where, before: wasBody.display, after: nowBody.display });
    const bParams = parametersOf(before, bo);
    const aParams = parametersOf(after, ao);
    for (const [k, p] of aParams) if (!bParams.has(k)) changes.push({ kind: 'parameter-added', ...where, ...p });
    for (const [k, p] of bParams) if (!aParams.has(k)) changes.push({ kind: 'parameter-removed', ...where, ...p });
  }
  return changes;
}

function responsesOf(op: JsonObject): JsonObject {
  return isObject(op.responses) ? op.responses : {};
}

function responseCodes(op: JsonObject): string[] {
  return Object.keys(responsesOf(op)).filter((c) => !c.startsWith('x-'));
}

/** Codes both sides document, and the one success code each side has alone (`201` → `2XX`). */
function pairedCodes(before: string[], after: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = before.filter((c) => after.includes(c)).map((c) => [c, c]);
  const success = (codes: string[], other: string[]) => codes.filter((c) => c.startsWith('2') && !other.includes(c));
  const [b] = success(before, after);
  const [a] = success(after, before);
  if (success(before, after).length === 1 && success(after, before).length === 1 && b !== undefined && a !== undefined) pairs.push([b, a]);
  return pairs;
}

/** A Response or Request Body object with its `$ref` followed, as `media-type schema, …` or `none`. */
function bodyOf(node: Json | undefined, type: (node: Json | undefined) => TypeName): TypeName {
  const content = isObject(node) && isObject(node.content) ? node.content : undefined;
  if (!content || Object.keys(content).length === 0) return { canonical: 'none', display: 'none' };
  const media = Object.keys(content).sort();
  const parts = media.map((m) => {
    const value = content[m];
    const t = type(isObject(value) ? value.schema : undefined);
    return { canonical: `${m} ${t.canonical}`, display: `${m} ${t.display}` };
  });
  return { canonical: parts.map((p) => p.canonical).join(', '), display: parts.map((p) => p.display).join(', ') };
}

function parametersOf(family: Family, o: Operation): Map<string, { in: string; name: string }> {
  const out = new Map<string, { in: string; name: string }>();
  const all = [...(Array.isArray(o.item.parameters) ? o.item.parameters : []), ...(Array.isArray(o.op.parameters) ? o.op.parameters : [])];
  for (const p of all) {
    const param = resolve(family, 'parameters', p);
    if (isObject(param) && typeof param.name === 'string' && typeof param.in === 'string')
      out.set(`${param.in} ${param.name}`, { in: param.in, name: param.name });
  }
  return out;
}

/** Follows one `$ref` into the family's components of that section; the object itself otherwise. */
function resolve(family: Family, section: string, node: Json | undefined): Json | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return node;
  const target = parseComponentRef(node.$ref);
  if (!target || target.section !== section) return node;
  return family.components.get(section)?.get(target.name);
}

// ---------------------------------------------------------------------------------------------------
// Schemas

interface SchemaPairs {
  /** before name → after name, for every schema present on both sides (renamed or not). */
  forward: Map<string, string>;
  /** A before-side schema name as the after side calls it. */
  rename: (name: string) => string;
}

function schemasOf(family: Family): Map<string, Json> {
  return family.components.get('schemas') ?? new Map();
}

function schemaName(node: Json | undefined): string | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  const target = parseComponentRef(node.$ref);
  return target?.section === 'schemas' && target.rest.length === 0 ? target.name : undefined;
}

/** `anyOf: [X]` (Graph's nullable form), `oneOf: [X]` and `allOf: [X]` without anything beside read as X. */
function unwrap(node: Json | undefined): Json | undefined {
  if (!isObject(node) || node.$ref !== undefined || node.type !== undefined || node.properties !== undefined) return node;
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[key];
    if (Array.isArray(list) && list.length === 1) return unwrap(list[0]);
  }
  return node;
}

/**
 * Pairs the schemas of the two sides: by name, then by place. Both sides are walked together from each
 * operation's responses and request body, through properties, items and compositions. Where one side
 * refers to a schema the other lacks, and the other to one the first lacks, the two are candidates for
 * one schema under a new name; a candidate is taken only when neither name met another candidate (one
 * schema split into three is not a rename).
 */
function pairSchemas(before: Family, after: Family): SchemaPairs {
  const bSchemas = schemasOf(before);
  const aSchemas = schemasOf(after);
  const forward = new Map<string, string>();
  for (const name of bSchemas.keys()) if (aSchemas.has(name)) forward.set(name, name);
  const candidates = { forward: new Map<string, Set<string>>(), backward: new Map<string, Set<string>>() };
  const note = (map: Map<string, Set<string>>, from: string, to: string) => {
    let set = map.get(from);
    if (!set) map.set(from, (set = new Set()));
    set.add(to);
  };
  const visited = new Map<object, Set<object>>();
  const walk = (bIn: Json | undefined, aIn: Json | undefined): void => {
    const b = unwrap(bIn);
    const a = unwrap(aIn);
    const bName = schemaName(b);
    const aName = schemaName(a);
    if (bName !== undefined && aName !== undefined && forward.get(bName) !== aName) {
      if (!bSchemas.has(bName) || !aSchemas.has(aName) || aSchemas.has(bName) || bSchemas.has(aName)) return; // two different schemas in one place: a type change
      note(candidates.forward, bName, aName);
      note(candidates.backward, aName, bName);
    }
    const bNode = bName !== undefined ? bSchemas.get(bName) : b;
    const aNode = aName !== undefined ? aSchemas.get(aName) : a;
    if (!isObject(bNode) || !isObject(aNode)) return;
    let seen = visited.get(bNode);
    if (!seen) visited.set(bNode, (seen = new Set()));
    if (seen.has(aNode)) return;
    seen.add(aNode);
    for (const key of ['items', 'additionalProperties', 'not']) walk(bNode[key], aNode[key]);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const bl = refsIn(bNode[key]);
      const al = refsIn(aNode[key]);
      if (bl.length === al.length) bl.forEach((x, i) => walk(x, al[i]));
    }
    const bProps = propertiesOf(bNode);
    const aProps = propertiesOf(aNode);
    for (const [name, value] of bProps) {
      const now = aProps.has(name) ? name : sameButCase(name, aProps, bProps);
      if (now !== undefined) walk(value, aProps.get(now));
    }
  };

  const b = operationsOf(before);
  for (const [key, ao] of operationsOf(after)) {
    const bo = b.get(key);
    if (!bo) continue;
    for (const [bCode, aCode] of pairedCodes(responseCodes(bo.op), responseCodes(ao.op))) {
      walkBodies(resolve(before, 'responses', responsesOf(bo.op)[bCode]), resolve(after, 'responses', responsesOf(ao.op)[aCode]), walk);
    }
    walkBodies(resolve(before, 'requestBodies', bo.op.requestBody), resolve(after, 'requestBodies', ao.op.requestBody), walk);
  }
  for (const name of [...forward.keys()]) walk({ $ref: componentRef('schemas', name) }, { $ref: componentRef('schemas', name) });
  for (const [from, to] of candidates.forward) {
    const [only] = to;
    if (to.size === 1 && only !== undefined && candidates.backward.get(only)?.size === 1) forward.set(from, only);
  }
  return { forward, rename: (name) => forward.get(name) ?? name };
}

function walkBodies(b: Json | undefined, a: Json | undefined, walk: (b: Json | undefined, a: Json | undefined) => void): void {
  if (!isObject(b) || !isObject(a) || !isObject(b.content) || !isObject(a.content)) return;
  for (const [media, value] of Object.entries(b.content)) {
    const other = a.content[media];
    if (isObject(value) && isObject(other)) walk(value.schema, other.schema);
  }
}

function refsIn(list: Json | undefined): Json[] {
  return Array.isArray(list) ? list.filter((x) => isObject(x) && typeof x.$ref === 'string') : [];
}

/** A property's own and inline-allOf properties (a `$ref` member is a base schema, compared on its own). */
function propertiesOf(schema: Json | undefined): Map<string, Json> {
  const out = new Map<string, Json>();
  if (!isObject(schema)) return out;
  if (isObject(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) out.set(k, v);
  if (Array.isArray(schema.allOf)) for (const m of schema.allOf) if (isObject(m) && m.$ref === undefined) for (const [k, v] of propertiesOf(m)) out.set(k, v);
  return out;
}

function requiredOf(schema: Json | undefined): Set<string> {
  const out = new Set<string>();
  if (!isObject(schema)) return out;
  if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === 'string') out.add(r);
  if (Array.isArray(schema.allOf)) for (const m of schema.allOf) if (isObject(m) && m.$ref === undefined) for (const r of requiredOf(m)) out.add(r);
  return out;
}

/** The one name of `mine` absent from `theirs` that matches `name` but for case (`innererror` → `innerError`). */
function sameButCase(name: string, mine: Map<string, Json>, theirs: Map<string, Json>): string | undefined {
  const found = [...mine.keys()].filter((k) => k !== name && !theirs.has(k) && k.toLowerCase() === name.toLowerCase());
  return found.length === 1 ? found[0] : undefined;
}

interface TypeName {
  /** With before-side schema names translated to the after side's, to compare. */
  canonical: string;
  /** As the side itself writes it. */
  display: string;
}

/** `string(date-time)`, `microsoft.graph.connector[]`, `object`, `a | b`. */
function typeOf(node: Json | undefined, rename: (name: string) => string = (n) => n): TypeName {
  const name = (n: Json | undefined): [string, string] => {
    const s = unwrap(n);
    if (!isObject(s)) return ['any', 'any'];
    const ref = schemaName(s);
    if (ref !== undefined) return [rename(ref), ref];
    if (typeof s.$ref === 'string') return [s.$ref, s.$ref];
    for (const key of ['anyOf', 'oneOf']) {
      const list = s[key];
      if (Array.isArray(list) && list.length > 0) {
        const parts = list.map(name);
        return [parts.map((p) => p[0]).join(' | '), parts.map((p) => p[1]).join(' | ')];
      }
    }
    if (s.type === 'array') {
      const [c, d] = name(s.items);
      return [`${c}[]`, `${d}[]`];
    }
    if (typeof s.type === 'string') {
      const t = typeof s.format === 'string' ? `${s.type}(${s.format})` : s.type;
      return [t, t];
    }
    if (Array.isArray(s.allOf)) return ['object', 'object'];
    return Array.isArray(s.enum) ? ['enum', 'enum'] : ['any', 'any'];
  };
  const [canonical, display] = name(node);
  return { canonical, display };
}

/** Nullable beside the property, or through the schema it refers to (`$ref` to an enum written nullable). */
function isNullable(node: Json | undefined, schemas: Map<string, Json>): boolean {
  if (!isObject(node)) return false;
  if (node.nullable === true) return true;
  const name = schemaName(node);
  const target = name === undefined ? undefined : schemas.get(name);
  return isObject(target) && target.nullable === true;
}

function enumOf(node: Json | undefined): string[] | undefined {
  const s = unwrap(node);
  if (!isObject(s)) return undefined;
  if (Array.isArray(s.enum)) return s.enum.map(String);
  const items = unwrap(s.items);
  return isObject(items) && Array.isArray(items.enum) ? items.enum.map(String) : undefined;
}

function enumChanges(schema: string, property: string | undefined, before: string[] | undefined, after: string[] | undefined): DriftChange[] {
  if (before === undefined || after === undefined) return [];
  const at = property === undefined ? {} : { property };
  return [
    ...after.filter((v) => !before.includes(v)).map((value): DriftChange => ({ kind: 'enum-added', schema, ...at, value })),
    ...before.filter((v) => !after.includes(v)).map((value): DriftChange => ({ kind: 'enum-removed', schema, ...at, value })),
  ];
}

function schemaChanges(before: Family, after: Family, pairs: SchemaPairs): DriftChange[] {
  const bSchemas = schemasOf(before);
  const aSchemas = schemasOf(after);
  const paired = new Set(pairs.forward.values());
  const changes: DriftChange[] = [];
  for (const [b, a] of pairs.forward) if (b !== a) changes.push({ kind: 'schema-renamed', before: b, after: a });
  for (const name of aSchemas.keys()) if (!paired.has(name)) changes.push({ kind: 'schema-added', schema: name });
  for (const name of bSchemas.keys()) if (!pairs.forward.has(name)) changes.push({ kind: 'schema-removed', schema: name });

  const backward = new Map([...pairs.forward].map(([b, a]) => [a, b]));
  for (const [schema, aNode] of aSchemas) {
    const bName = backward.get(schema);
    if (bName === undefined) continue;
    const bNode = bSchemas.get(bName);
    changes.push(...enumChanges(schema, undefined, enumOf(bNode), enumOf(aNode)));
    const bProps = propertiesOf(bNode);
    const aProps = propertiesOf(aNode);
    const bRequired = requiredOf(bNode);
    const aRequired = requiredOf(aNode);
    const renamedTo = new Map<string, string>();
    for (const name of bProps.keys()) {
      if (aProps.has(name)) continue;
      const to = sameButCase(name, aProps, bProps);
      if (to !== undefined) renamedTo.set(name, to);
    }
    const renamedFrom = new Set(renamedTo.values());
    for (const name of aProps.keys()) if (!bProps.has(name) && !renamedFrom.has(name)) changes.push({ kind: 'property-added', schema, property: name });
    for (const name of bProps.keys()) if (!aProps.has(name) && !renamedTo.has(name)) changes.push({ kind: 'property-removed', schema, property: name });
    for (const [name, bValue] of bProps) {
      const now = renamedTo.get(name) ?? name;
      if (!aProps.has(now)) continue;
      const aValue = aProps.get(now);
      const was = typeOf(bValue, pairs.rename);
      const is = typeOf(aValue);
      if (now !== name) changes.push({ kind: 'property-renamed', schema, before: name, after: now, beforeType: was.display, afterType: is.display });
      else if (was.canonical !== is.canonical) changes.push({ kind: 'property-type', schema, property: now, before: was.display, after: is.display });
      const [wasNullable, isNowNullable] = [isNullable(bValue, bSchemas), isNullable(aValue, aSchemas)];
      if (wasNullable !== isNowNullable) changes.push({ kind: 'nullable', schema, property: now, before: wasNullable, after: isNowNullable });
      if (bRequired.has(name) !== aRequired.has(now))
        changes.push({ kind: 'required', schema, property: now, before: bRequired.has(name), after: aRequired.has(now) });
      changes.push(...enumChanges(schema, now, enumOf(bValue), enumOf(aValue)));
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------------
// Report

export interface DriftLabels {
  before: string;
  after: string;
}

const SECTIONS: Array<{ title: string; kinds: Array<DriftChange['kind']> }> = [
  { title: 'Operations', kinds: ['operation-added', 'operation-removed'] },
  { title: 'Status codes', kinds: ['status-codes'] },
  { title: 'Bodies', kinds: ['response-body', 'request-body'] },
  { title: 'Parameters', kinds: ['parameter-added', 'parameter-removed'] },
  { title: 'Schemas', kinds: ['schema-renamed', 'schema-added', 'schema-removed'] },
  {
    title: 'Schema members',
    kinds: ['property-renamed', 'property-added', 'property-removed', 'property-type', 'nullable', 'required', 'enum-added', 'enum-removed'],
  },
];

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** One line per change: `+` added, `-` removed, `~` changed; each line names its operation or schema. */
export function formatChange(change: DriftChange, renamedFrom: ReadonlyMap<string, string> = new Map()): string {
  const schemaLabel = (s: string) => (renamedFrom.has(s) ? `${s} (was ${renamedFrom.get(s)})` : s);
  switch (change.kind) {
    case 'operation-added':
      return `+ ${change.method} ${change.path}`;
    case 'operation-removed':
      return `- ${change.method} ${change.path}`;
    case 'status-codes':
      return `~ ${change.method} ${change.path}: ${change.removed.join(', ') || '(none)'} → ${change.added.join(', ') || '(none)'}`;
    case 'response-body':
      return `~ ${change.method} ${change.path} ${change.status} response body: ${change.before} → ${change.after}`;
    case 'request-body':
      return `~ ${change.method} ${change.path} request body: ${change.before} → ${change.after}`;
    case 'parameter-added':
      return `+ ${change.method} ${change.path}: ${change.in} parameter ${change.name}`;
    case 'parameter-removed':
      return `- ${change.method} ${change.path}: ${change.in} parameter ${change.name}`;
    case 'schema-renamed':
      return `~ ${change.before} → ${change.after} (renamed-looking: the same place refers to it)`;
    case 'schema-added':
      return `+ ${change.schema}`;
    case 'schema-removed':
      return `- ${change.schema}`;
    case 'property-renamed': {
      const types = change.beforeType === change.afterType ? change.afterType : `${change.beforeType} → ${change.afterType}`;
      return `~ ${schemaLabel(change.schema)}: property ${change.before} → ${change.after} (renamed-looking; ${types})`;
    }
    case 'property-added':
      return `+ ${schemaLabel(change.schema)}: property ${change.property}`;
    case 'property-removed':
      return `- ${schemaLabel(change.schema)}: property ${change.property}`;
    case 'property-type':
      return `~ ${schemaLabel(change.schema)}: property ${change.property} type ${change.before} → ${change.after}`;
    case 'nullable':
      return `~ ${schemaLabel(change.schema)}: property ${change.property} nullable ${yesNo(change.before)} → ${yesNo(change.after)}`;
    case 'required':
      return `~ ${schemaLabel(change.schema)}: property ${change.property} required ${yesNo(change.before)} → ${yesNo(change.after)}`;
    case 'enum-added':
    case 'enum-removed': {
      const sign = change.kind === 'enum-added' ? '+' : '-';
      const where = change.property === undefined ? '' : ` property ${change.property}`;
      return `${sign} ${schemaLabel(change.schema)}:${where} enum member ${change.value}`;
    }
  }
}

/** The drift report: a heading, then the changes grouped by section, or one line saying there are none. */
export function formatDrift(changes: readonly DriftChange[], labels: DriftLabels, before: Family, after: Family): string {
  const size = (f: Family) => `${f.paths.size} paths, ${operationCount(f)} operations, ${schemasOf(f).size} schemas`;
  const lines = [`drift of the selection: ${labels.before} → ${labels.after}`, `  before: ${size(before)}; after: ${size(after)}`];
  if (changes.length === 0) {
    lines.push('No drift: the selected family (specs/selection.yaml) is the same in both (prose aside).');
    return `${lines.join('\n')}\n`;
  }
  const renamedFrom = new Map<string, string>();
  for (const c of changes) if (c.kind === 'schema-renamed') renamedFrom.set(c.after, c.before);
  for (const section of SECTIONS) {
    const mine = changes.filter((c) => section.kinds.includes(c.kind));
    if (mine.length === 0) continue;
    lines.push('', `${section.title} (${countsOf(mine)})`);
    for (const c of mine) lines.push(`  ${formatChange(c, renamedFrom)}`);
  }
  lines.push('', `${changes.length} changes in the selected family (specs/selection.yaml).`);
  return `${lines.join('\n')}\n`;
}

function countsOf(changes: readonly DriftChange[]): string {
  const count = (suffix: string) => changes.filter((c) => c.kind.endsWith(suffix)).length;
  const added = count('-added');
  const removed = count('-removed');
  const renamed = count('-renamed');
  const changed = changes.length - added - removed - renamed;
  const parts: Array<[number, string]> = [
    [added, 'added'],
    [removed, 'removed'],
    [renamed, 'renamed'],
    [changed, 'changed'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ');
}
