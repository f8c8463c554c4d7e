/**
 * Validates the annotated examples of one reference page against the slice: each request block's body
 * against its operation's requestBody, each response block's status against the operation's documented
 * responses and its body against the documented (or annotated) schema. Results are structured; printing
 * is format.ts's job.
 */
import { parsePage, type AnnotatedBlock } from './parse-page.js';
import { parseHttpBlock, type HttpBody, type StatusLine } from './http-block.js';
import { resolveOperation } from './resolve.js';
import { documentedResponse, operation, resolveLocal, type DocumentedResponse, type HttpMethod, type OpenApiDocument } from '../openapi/operations.js';
import { annotatedType, documentedType, schemaExists, schemaLabel, SCHEMA_REF_PREFIX, typeMismatch } from './schema-types.js';
import { schemaViolations } from './violations.js';

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
  { ok: true; name?: string; operation: BlockOperation; method: HttpMethod; line: number } | { ok: false; name?: string; line: number; why: string };

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
      r.violations.push({
        kind: 'malformed',
        keyword: 'annotation',
        pointer: '',
        line: annotation.errorLine ?? annotation.line,
        message: `malformed annotation: ${annotation.error}`,
      });
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
    r.violations.push({
      kind: 'malformed',
      keyword: 'fence',
      pointer: '',
      line: fence.line,
      message: `malformed block: the fenced block opened on line ${fence.line} is never closed`,
    });
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
      r.violations.push({
        kind: 'body',
        keyword: 'requestBody',
        pointer: '',
        line: http.start.line,
        message: `the example sends no body, but the slice requires one for ${method} ${resolved.template}`,
      });
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
    r.violations.push({
      kind: 'body',
      keyword: 'requestBody',
      pointer: '',
      line: body.line,
      message: `the example sends a body, but the slice documents no request body for ${method} ${resolved.template}`,
    });
    return pending;
  }
  if (!requestBody.schema) {
    r.violations.push({
      kind: 'body',
      keyword: 'requestBody',
      pointer: '',
      line: body.line,
      message: `the example sends JSON, but the slice's request body for ${method} ${resolved.template} is ${requestBody.mediaTypes.join(', ') || 'not JSON'}`,
    });
    return pending;
  }
  r.schema = schemaLabel(requestBody.schema);
  r.violations.push(...schemaViolations(doc, requestBody.schema, body.json.value, body.json.lines, body.line, truncated(block)));
  return pending;
}

function checkResponse(doc: OpenApiDocument, block: AnnotatedBlock, r: BlockResult, pending: Pending | undefined): void {
  const fence = block.fence;
  if (!fence) {
    skip(r, 'the annotation is not followed by a fenced code block');
    return;
  }
  if (!fence.closed) {
    r.violations.push({
      kind: 'malformed',
      keyword: 'fence',
      pointer: '',
      line: fence.line,
      message: `malformed block: the fenced block opened on line ${fence.line} is never closed`,
    });
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
      skip(
        r,
        `no JSON body: HTTP ${start.status} is documented (${key}) with a ${schemaLabel(documented.schema)} body, but the example shows none to validate`,
      );
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
    r.violations.push({
      kind: 'body',
      keyword: 'content',
      pointer: '',
      line: body.line,
      message: `the example has a JSON body, but the slice documents ${what} for HTTP ${start.status} (${key})`,
    });
    return;
  }

  const value = body.json.value;
  const lines = body.json.lines;
  const data = block.annotation.data ?? {};
  const { typeName, isCollection } = annotatedType(data);
  const named = typeName !== undefined && schemaExists(doc, typeName) ? { $ref: `${SCHEMA_REF_PREFIX}${typeName}` } : undefined;
  const cut = truncated(block);

  if (named) {
    if (documented?.schema) {
      const mismatch = typeMismatch(doc, { type: typeName!, collection: isCollection }, documented.schema);
      if (mismatch) {
        r.violations.push({
          kind: 'odata-type',
          keyword: '@odata.type',
          pointer: '',
          line: block.annotation.line,
          message: `the annotation names ${mismatch.annotated}, but the slice documents ${mismatch.documented} for HTTP ${start.status} (${key})`,
        });
      }
    }
    if (!isCollection) {
      r.schema = typeName!;
      r.violations.push(...schemaViolations(doc, named, value, lines, body.line, cut));
      return;
    }
    r.schema = `collection of ${typeName!}`;
    const items = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).value : undefined;
    if (!Array.isArray(items)) {
      const where = typeof value === 'object' && value !== null && !Array.isArray(value) ? '/value' : '';
      r.violations.push({
        kind: 'schema',
        keyword: 'isCollection',
        pointer: where,
        line: lines.get(where) ?? body.line,
        message: `the annotation says isCollection, so the body must be an object with a "value" array`,
      });
      return;
    }
    items.forEach((item, i) => r.violations.push(...schemaViolations(doc, named, item, lines, body.line, cut, `/value/${i}`)));
    if (documented?.schema && documentedType(doc, documented.schema)?.collection === true) {
      // The collection's own members (@odata.nextLink, …) against the documented collection schema.
      r.violations.push(...schemaViolations(doc, documented.schema, { ...(value as Record<string, unknown>), value: [] }, lines, body.line, cut));
    }
    return;
  }

  if (documented?.schema) {
    r.schema = schemaLabel(documented.schema);
    if (typeName !== undefined) r.notes.push(`@odata.type ${typeName} is not in the slice; validated against the documented response schema (${r.schema})`);
    r.violations.push(...schemaViolations(doc, documented.schema, value, lines, body.line, cut));
    return;
  }
  r.notes.push(
    `the body was not validated: ${typeName !== undefined ? `@odata.type ${typeName} is not in the slice and ` : ''}no response schema is documented for HTTP ${start.status}`,
  );
}

/** The operation's request body, `$ref` resolved: whether it is required and its JSON schema. */
function requestBodyOf(
  doc: OpenApiDocument,
  template: string,
  method: HttpMethod,
): { required: boolean; schema?: Record<string, unknown>; mediaTypes: string[] } | undefined {
  const raw = operation(doc, template, method).requestBody;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const rb = resolveLocal(doc, raw as Record<string, unknown>);
  const content = (rb.content ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
  const mediaTypes = Object.keys(content);
  const json = mediaTypes.find((m) => m === 'application/json') ?? mediaTypes.find((m) => m.endsWith('+json'));
  const schema = json ? content[json]?.schema : undefined;
  return { required: rb.required === true, mediaTypes, ...(schema ? { schema } : {}) };
}

function truncated(block: AnnotatedBlock): boolean {
  const t = block.annotation.data?.truncated;
  return t === true || t === 'true';
}

function noJson(body: HttpBody): string {
  return body.contentType !== undefined
    ? `no JSON body: the body is ${body.contentType.split(';')[0]!.trim()}`
    : 'no JSON body: the body is not JSON and no Content-Type says what it is';
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
