/**
 * Validates the annotated examples of one reference page against the slice: each request block's body
 * against its operation's requestBody, each response block's status against the operation's documented
 * responses and its body against the documented (or annotated) schema. Results are structured; printing
 * is format.ts's job.
 */
import { parsePage, type AnnotatedBlock } from './parse-page.js';
import { parseHttpBlock, type HttpBody, type StatusLine } from './http-block.js';
import { resolveOperation } from './resolve.js';
import { documentedResponse, operation, resolveLocal, type DocumentedResponse, type HttpMethod, type OpenApiDocument } from '../spec/operations.js';
import { validatorFor, type Violation } from '../spec/validator.js';

export type BlockStatus = 'conforming' | 'violations' | 'skipped';

/**
 * - `schema`: a body value the schema rejects (`keyword` is the schema keyword: enum, type, required…)
 * - `status`: a response status the operation does not document
 * - `body`: a body where the slice documents none, or none where it requires one
 * - `odata-type`: the annotation's `@odata.type` is not what the slice documents for the response
 * - `malformed`: the annotation or the block cannot be read (bad JSON, unclosed fence)
 */
export type ViolationKind = 'schema' | 'status' | 'body' | 'odata-type' | 'malformed';

export interface BlockViolation {
  kind: ViolationKind;
  keyword: string;
  /** JSON pointer into the block's body; '' is the body itself (or the block, for non-body kinds). */
  pointer: string;
  /** 1-based line in the page: the JSON line holding the value when known, else the block's. */
  line: number;
  message: string;
  /** The offending value, when it is a primitive. */
  value?: string | number | boolean | null;
}

export interface BlockOperation {
  method: string;
  /** The slice's path template. */
  template: string;
  /** The docs URL's path (no host, query or version). */
  path: string;
  caseInsensitive: boolean;
}

export interface BlockResult {
  file: string;
  /** The annotation's `name`; for a response without one, its request's. */
  name?: string;
  blockType?: string;
  /** Line of the block's opening fence (of the annotation when there is no fence). */
  line: number;
  status: BlockStatus;
  /** Why the block was skipped. */
  reason?: string;
  operation?: BlockOperation;
  /** A response block's HTTP status. */
  httpStatus?: number;
  /** The responses key documenting `httpStatus` (`201`, `2XX`, `default`). */
  documentedAs?: string;
  /** What the body was validated against. */
  schema?: string;
  notes: string[];
  violations: BlockViolation[];
}

/** What a response needs from the request block before it. */
type Pending =
  | { ok: true; name?: string; operation: BlockOperation; method: HttpMethod; line: number }
  | { ok: false; name?: string; line: number; why: string };

const SCHEMAS = '#/components/schemas/';

export function checkPage(text: string, file: string, doc: OpenApiDocument): BlockResult[] {
  const results: BlockResult[] = [];
  let pending: Pending | undefined;
  for (const block of parsePage(text)) {
    const { annotation } = block;
    const base = (line: number, name?: string, blockType?: string): BlockResult => ({
      file,
      line,
      ...(blockType !== undefined ? { blockType } : {}),
      ...(name !== undefined ? { name } : {}),
      status: 'conforming',
      notes: [],
      violations: [],
    });

    if (annotation.error !== undefined) {
      const blockType = /"blockType"\s*:\s*"([^"]*)"/.exec(annotation.text)?.[1];
      const name = /"name"\s*:\s*"([^"]*)"/.exec(annotation.text)?.[1];
      const r = base(annotation.line, name, blockType);
      r.violations.push({ kind: 'malformed', keyword: 'annotation', pointer: '', line: annotation.errorLine ?? annotation.line, message: `malformed annotation: ${annotation.error}` });
      results.push(finish(r));
      if (blockType === 'response') pending = undefined;
      else if (blockType === 'request' || blockType === undefined) pending = { ok: false, name, line: annotation.line, why: 'its annotation is malformed' };
      continue;
    }

    const name = typeof annotation.data?.name === 'string' ? annotation.data.name : undefined;
    const blockType = block.blockType;
    if (blockType !== 'request' && blockType !== 'response') {
      const r = base(block.fence?.line ?? annotation.line, name, blockType);
      results.push(skip(r, blockType === undefined ? 'the annotation has no blockType' : `blockType "${blockType}" is not a request or response block`));
      continue;
    }

    if (blockType === 'request') {
      const r = base(block.fence?.line ?? annotation.line, name, blockType);
      pending = checkRequest(doc, block, r);
      results.push(finish(r));
    } else {
      const r = base(block.fence?.line ?? annotation.line, name ?? pending?.name, blockType);
      checkResponse(doc, block, r, pending);
      pending = undefined;
      results.push(finish(r));
    }
  }
  return results;
}

function checkRequest(doc: OpenApiDocument, block: AnnotatedBlock, r: BlockResult): Pending {
  const fence = block.fence;
  const failed = (why: string): Pending => ({ ok: false, name: r.name, line: r.line, why });
  if (!fence) return failed(skip(r, 'the annotation is not followed by a fenced code block').reason!);
  if (!fence.closed) {
    r.violations.push({ kind: 'malformed', keyword: 'fence', pointer: '', line: fence.line, message: `malformed block: the fenced block opened on line ${fence.line} is never closed` });
    return failed('it is malformed');
  }
  const http = parseHttpBlock(fence.lines, 'request', fence.line);
  if (!http.ok) return failed(skip(r, http.reason).reason!);
  if (http.start.kind !== 'request') return failed('its request line is not parseable');
  const { method, url } = http.start;

  const resolved = resolveOperation(doc, method, url);
  if (!resolved.ok) return failed(skip(r, `unmappable: ${resolved.reason}`).reason!);
  const op: BlockOperation = { method, template: resolved.template, path: resolved.path, caseInsensitive: resolved.caseInsensitive };
  r.operation = op;
  if (resolved.caseInsensitive) r.notes.push(`the path matches ${resolved.template} only ignoring case`);
  const pending: Pending = { ok: true, name: r.name, operation: op, method: resolved.method, line: r.line };

  const requestBody = requestBodyOf(doc, resolved.template, resolved.method);
  const body = http.body;
  if (!body) {
    if (requestBody?.required === true) {
      r.violations.push({ kind: 'body', keyword: 'requestBody', pointer: '', line: http.start.line, message: `the example sends no body, but the slice requires one for ${method} ${resolved.template}` });
    } else {
      r.notes.push('no request body (none required)');
    }
    return pending;
  }
  if (!body.json) {
    skip(r, noJson(body));
    return pending;
  }
  if (!body.json.ok) {
    r.violations.push({ kind: 'malformed', keyword: 'json', pointer: '', line: body.json.line, message: `malformed block: ${body.json.message}` });
    return pending;
  }
  if (!requestBody) {
    r.violations.push({ kind: 'body', keyword: 'requestBody', pointer: '', line: body.line, message: `the example sends a body, but the slice documents no request body for ${method} ${resolved.template}` });
    return pending;
  }
  if (!requestBody.schema) {
    r.violations.push({ kind: 'body', keyword: 'requestBody', pointer: '', line: body.line, message: `the example sends JSON, but the slice's request body for ${method} ${resolved.template} is ${requestBody.mediaTypes.join(', ') || 'not JSON'}` });
    return pending;
  }
  r.schema = schemaLabel(requestBody.schema);
  addSchemaViolations(r, doc, requestBody.schema, body.json.value, body.json.lines, body.line, truncated(block));
  return pending;
}

function checkResponse(doc: OpenApiDocument, block: AnnotatedBlock, r: BlockResult, pending: Pending | undefined): void {
  const fence = block.fence;
  if (!fence) {
    skip(r, 'the annotation is not followed by a fenced code block');
    return;
  }
  if (!fence.closed) {
    r.violations.push({ kind: 'malformed', keyword: 'fence', pointer: '', line: fence.line, message: `malformed block: the fenced block opened on line ${fence.line} is never closed` });
    return;
  }
  if (!pending) {
    skip(r, 'no request block before it, so its operation is unknown');
    return;
  }
  if (!pending.ok) {
    skip(r, `its request block (line ${pending.line}) was skipped, so its operation is unknown: ${pending.why}`);
    return;
  }
  r.operation = pending.operation;
  const http = parseHttpBlock(fence.lines, 'response', fence.line);
  if (!http.ok) {
    skip(r, http.reason);
    return;
  }
  const start = http.start as StatusLine;
  const { template } = pending.operation;
  const method = pending.method;
  r.httpStatus = start.status;

  const responses = (operation(doc, template, method).responses ?? {}) as Record<string, unknown>;
  const keys = Object.keys(responses);
  const exact = keys.find((k) => k === String(start.status));
  const range = keys.find((k) => k.toUpperCase() === `${String(start.status)[0]}XX`);
  const success = start.status >= 200 && start.status < 300;
  const key = exact ?? range ?? (!success && keys.includes('default') ? 'default' : undefined);
  let documented: DocumentedResponse | undefined;
  if (key === undefined) {
    const listed = keys.filter((k) => k !== 'default');
    const hasDefault = keys.includes('default') ? '; `default` documents errors, not a success status' : '';
    r.violations.push({
      kind: 'status',
      keyword: 'status',
      pointer: '',
      line: start.line,
      message: `HTTP ${start.status} is not documented for ${pending.operation.method} ${template}: the slice documents ${listed.join(', ') || 'no explicit status'}${hasDefault}`,
    });
  } else {
    r.documentedAs = key;
    documented = documentedResponse(doc, template, method, start.status);
  }

  const body = http.body;
  if (!body) {
    if (documented?.schema && r.violations.length === 0) {
      skip(r, `no JSON body: HTTP ${start.status} is documented (${key}) with a ${schemaLabel(documented.schema)} body, but the example shows none to validate`);
    }
    return;
  }
  if (!body.json) {
    if (r.violations.length === 0) skip(r, noJson(body));
    return;
  }
  if (!body.json.ok) {
    r.violations.push({ kind: 'malformed', keyword: 'json', pointer: '', line: body.json.line, message: `malformed block: ${body.json.message}` });
    return;
  }
  if (documented && !documented.schema) {
    const what = documented.mediaTypes.length > 0 ? `a ${documented.mediaTypes.join(', ')} body` : 'no body';
    r.violations.push({ kind: 'body', keyword: 'content', pointer: '', line: body.line, message: `the example has a JSON body, but the slice documents ${what} for HTTP ${start.status} (${key})` });
    return;
  }

  const value = body.json.value;
  const lines = body.json.lines;
  const data = block.annotation.data ?? {};
  const { typeName, isCollection } = annotatedType(data);
  const named = typeName !== undefined && schemaExists(doc, typeName) ? { $ref: `${SCHEMAS}${typeName}` } : undefined;
  const cut = truncated(block);

  if (named) {
    if (documented?.schema) {
      const mismatch = typeMismatch(doc, { type: typeName!, collection: isCollection }, documented.schema);
      if (mismatch) {
        r.violations.push({ kind: 'odata-type', keyword: '@odata.type', pointer: '', line: block.annotation.line, message: `the annotation names ${mismatch.annotated}, but the slice documents ${mismatch.documented} for HTTP ${start.status} (${key})` });
      }
    }
    if (!isCollection) {
      r.schema = typeName!;
      addSchemaViolations(r, doc, named, value, lines, body.line, cut);
      return;
    }
    r.schema = `collection of ${typeName!}`;
    const items = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).value : undefined;
    if (!Array.isArray(items)) {
      const where = typeof value === 'object' && value !== null && !Array.isArray(value) ? '/value' : '';
      r.violations.push({ kind: 'schema', keyword: 'isCollection', pointer: where, line: lines.get(where) ?? body.line, message: `the annotation says isCollection, so the body must be an object with a "value" array` });
      return;
    }
    items.forEach((item, i) => addSchemaViolations(r, doc, named, item, lines, body.line, cut, `/value/${i}`));
    if (documented?.schema && documentedType(doc, documented.schema)?.collection === true) {
      // The collection's own members (@odata.nextLink, …) against the documented collection schema.
      addSchemaViolations(r, doc, documented.schema, { ...(value as Record<string, unknown>), value: [] }, lines, body.line, cut);
    }
    return;
  }

  if (documented?.schema) {
    r.schema = schemaLabel(documented.schema);
    if (typeName !== undefined) r.notes.push(`@odata.type ${typeName} is not in the slice; validated against the documented response schema (${r.schema})`);
    addSchemaViolations(r, doc, documented.schema, value, lines, body.line, cut);
    return;
  }
  r.notes.push(`the body was not validated: ${typeName !== undefined ? `@odata.type ${typeName} is not in the slice and ` : ''}no response schema is documented for HTTP ${start.status}`);
}

/** The operation's request body, `$ref` resolved: whether it is required and its JSON schema. */
function requestBodyOf(doc: OpenApiDocument, template: string, method: HttpMethod): { required: boolean; schema?: Record<string, unknown>; mediaTypes: string[] } | undefined {
  const raw = operation(doc, template, method).requestBody;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const rb = resolveLocal(doc, raw as Record<string, unknown>);
  const content = (rb.content ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
  const mediaTypes = Object.keys(content);
  const json = mediaTypes.find((m) => m === 'application/json') ?? mediaTypes.find((m) => m.endsWith('+json'));
  const schema = json ? content[json]?.schema : undefined;
  return { required: rb.required === true, mediaTypes, ...(schema ? { schema } : {}) };
}

function addSchemaViolations(
  r: BlockResult,
  doc: OpenApiDocument,
  schema: Record<string, unknown>,
  value: unknown,
  lines: Map<string, number>,
  fallbackLine: number,
  isTruncated: boolean,
  prefix = '',
): void {
  let found = validatorFor(doc).validate(schema, value);
  if (isTruncated) found = found.filter((v) => v.keyword !== 'required');
  found = foldAlternatives(dropPatternBesideFormat(found)).map((v) => explainUndeclared(doc, schema, v));
  for (const v of found) {
    const pointer = `${prefix}${v.pointer}`;
    const at = atPointer(value, v.pointer);
    const violation: BlockViolation = {
      kind: 'schema',
      keyword: v.keyword,
      pointer,
      line: lineOf(lines, pointer) ?? fallbackLine,
      message: prefix && v.message.startsWith(v.pointer || 'the body') ? `${pointer || 'the body'}${v.message.slice((v.pointer || 'the body').length)}` : v.message,
    };
    if (at === null || ['string', 'number', 'boolean'].includes(typeof at)) violation.value = at as string | number | boolean | null;
    r.violations.push(violation);
  }
}

/**
 * Ajv reports a failed `anyOf` as the anyOf error plus one error per branch at the same place
 * (`/region` not in the enum, not null, matches no schema in anyOf). One violation says it better:
 * the branches' reasons joined with "or", keyword `enum` when a branch is an enum.
 */
function foldAlternatives(violations: Violation[]): Violation[] {
  const composite = violations.filter((v) => v.keyword === 'anyOf' || v.keyword === 'oneOf');
  if (composite.length === 0) return violations;
  const dropped = new Set<Violation>();
  const replaced = new Map<Violation, Violation>();
  for (const c of composite) {
    const branches = violations.filter((v) => v !== c && v.pointer === c.pointer && v.keyword !== 'anyOf' && v.keyword !== 'oneOf' && !dropped.has(v));
    if (branches.length === 0) continue;
    const where = c.pointer === '' ? 'the body' : c.pointer;
    const reasons = branches.map((b) => (b.message.startsWith(`${where} `) ? b.message.slice(where.length + 1) : b.message));
    const keyword = branches.some((b) => b.keyword === 'enum') ? 'enum' : c.keyword;
    replaced.set(c, { pointer: c.pointer, keyword, message: `${where} ${reasons.join(', or ')}` });
    for (const b of branches) dropped.add(b);
  }
  return violations.filter((v) => !dropped.has(v)).map((v) => replaced.get(v) ?? v);
}

/**
 * Graph's schemas allow undeclared members only as objects (`additionalProperties: {type: object}`), so a
 * misspelt or renamed property holding a string fails as "must be object". Said plainly instead: the name
 * is not a property of the type (the schema is read, not validated, to know what it declares).
 */
function explainUndeclared(doc: OpenApiDocument, root: Record<string, unknown>, v: Violation): Violation {
  if (v.keyword !== 'type' || !/ must be object$/.test(v.message) || v.pointer === '') return v;
  const cut = v.pointer.lastIndexOf('/');
  const property = v.pointer.slice(cut + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  const parent = declaredAt(doc, root, v.pointer.slice(0, cut));
  if (!parent || parent.properties.has(property)) return v;
  const owner = parent.typeName ?? 'its object';
  return {
    pointer: v.pointer,
    keyword: 'additionalProperties',
    message: `${v.pointer} is not a property of ${owner} (an undeclared member must be an object, per additionalProperties: {type: object})`,
  };
}

/** The properties the schema declares for the object at `pointer` (allOf merged, anyOf/oneOf branches united); undefined when unknown. */
function declaredAt(doc: OpenApiDocument, root: Record<string, unknown>, pointer: string): { properties: Set<string>; typeName?: string } | undefined {
  let nodes = [root];
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const next: Array<Record<string, unknown>> = [];
    for (const { schema } of expand(doc, nodes)) {
      const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
      if (props && Object.hasOwn(props, key)) next.push(props[key]!);
      else if (/^\d+$/.test(key) && typeof schema.items === 'object' && schema.items !== null) next.push(schema.items as Record<string, unknown>);
    }
    if (next.length === 0) return undefined;
    nodes = next;
  }
  const expanded = expand(doc, nodes);
  if (!expanded.some(({ schema }) => schema.properties !== undefined)) return undefined;
  const properties = new Set(expanded.flatMap(({ schema }) => Object.keys((schema.properties ?? {}) as Record<string, unknown>)));
  const typeName = expanded.find((e) => e.name !== undefined)?.name;
  return typeName === undefined ? { properties } : { properties, typeName };
}

/** Schemas with `$ref`, `allOf`, `anyOf` and `oneOf` followed, each with the component name it came from. */
function expand(doc: OpenApiDocument, nodes: Array<Record<string, unknown>>): Array<{ schema: Record<string, unknown>; name?: string }> {
  const out: Array<{ schema: Record<string, unknown>; name?: string }> = [];
  const seen = new Set<Record<string, unknown>>();
  const visit = (node: Record<string, unknown>, name: string | undefined, depth: number): void => {
    if (depth > 32 || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      let target: Record<string, unknown>;
      try {
        target = resolveLocal(doc, node);
      } catch {
        return;
      }
      const refName = node.$ref.startsWith(SCHEMAS) ? node.$ref.slice(SCHEMAS.length) : name;
      visit(target, name ?? refName, depth + 1);
      return;
    }
    out.push(name === undefined ? { schema: node } : { schema: node, name });
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      for (const member of (node[k] ?? []) as Array<Record<string, unknown>>) visit(member, name, depth + 1);
    }
  };
  for (const node of nodes) visit(node, undefined, 0);
  return out;
}

/** A `format` failure and a `pattern` failure at the same place say the same (Graph pairs them): keep the format. */
function dropPatternBesideFormat(violations: Violation[]): Violation[] {
  const formats = new Set(violations.filter((v) => v.keyword === 'format').map((v) => v.pointer));
  return violations.filter((v) => v.keyword !== 'pattern' || !formats.has(v.pointer));
}

function lineOf(lines: Map<string, number>, pointer: string): number | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return undefined;
  }
}

function atPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let node = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function annotatedType(data: Record<string, unknown>): { typeName?: string; isCollection: boolean } {
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

function truncated(block: AnnotatedBlock): boolean {
  const t = block.annotation.data?.truncated;
  return t === true || t === 'true';
}

function schemaExists(doc: OpenApiDocument, name: string): boolean {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  return Object.hasOwn(schemas, name);
}

function schemaLabel(schema: Record<string, unknown>): string {
  return typeof schema.$ref === 'string' && schema.$ref.startsWith(SCHEMAS) ? schema.$ref.slice(SCHEMAS.length) : 'an inline schema';
}

interface TypeRef {
  type: string;
  collection: boolean;
}

/** What a documented schema returns: `connectorGroup`, or a collection of it (`{value: [connectorGroup]}`); undefined when not a plain `$ref`. */
function documentedType(doc: OpenApiDocument, schema: Record<string, unknown>): TypeRef | undefined {
  if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith(SCHEMAS)) return undefined;
  const resolved = resolveLocal(doc, schema);
  const value = (resolved.properties as Record<string, Record<string, unknown>> | undefined)?.value;
  const items = value?.type === 'array' ? (value.items as Record<string, unknown> | undefined) : undefined;
  if (items && typeof items.$ref === 'string' && items.$ref.startsWith(SCHEMAS)) return { type: items.$ref.slice(SCHEMAS.length), collection: true };
  return { type: schema.$ref.slice(SCHEMAS.length), collection: false };
}

/** Undefined when the annotated type is the documented one, or one derives from the other (allOf). */
function typeMismatch(doc: OpenApiDocument, annotated: TypeRef, documentedSchema: Record<string, unknown>): { annotated: string; documented: string } | undefined {
  const documented = documentedType(doc, documentedSchema);
  if (!documented) return undefined;
  const related = annotated.type === documented.type || ancestors(doc, annotated.type).has(documented.type) || ancestors(doc, documented.type).has(annotated.type);
  if (related && annotated.collection === documented.collection) return undefined;
  const say = (t: TypeRef): string => (t.collection ? `a collection of ${t.type}` : t.type);
  return { annotated: say(annotated), documented: say(documented) };
}

function ancestors(doc: OpenApiDocument, name: string, seen = new Set<string>()): Set<string> {
  const schema = ((doc.components?.schemas ?? {}) as Record<string, Record<string, unknown>>)[name];
  for (const member of (schema?.allOf ?? []) as Array<Record<string, unknown>>) {
    if (typeof member.$ref === 'string' && member.$ref.startsWith(SCHEMAS)) {
      const parent = member.$ref.slice(SCHEMAS.length);
      if (!seen.has(parent)) {
        seen.add(parent);
        ancestors(doc, parent, seen);
      }
    }
  }
  return seen;
}

function noJson(body: HttpBody): string {
  return body.contentType !== undefined ? `no JSON body: the body is ${body.contentType.split(';')[0]!.trim()}` : 'no JSON body: the body is not JSON and no Content-Type says what it is';
}

function skip(r: BlockResult, reason: string): BlockResult {
  r.reason = reason;
  r.status = 'skipped';
  return r;
}

/** Violations win over a skip reason: a block with any violation is reported as one. */
function finish(r: BlockResult): BlockResult {
  if (r.violations.length > 0) {
    r.violations.sort((a, b) => a.line - b.line);
    r.status = 'violations';
    delete r.reason;
  } else if (r.status !== 'skipped') {
    r.status = 'conforming';
  }
  return r;
}
