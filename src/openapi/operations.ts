/** Looks up operations and their documented responses in a parsed OpenAPI 3.0 document. */

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface DocumentedResponse {
  /** The key it is documented under: `201`, `2XX` or `default`. */
  key: string;
  /**
   * `#/components/schemas/…` ref or inline schema of the body, read as JSON text: a JSON body, or a
   * `text/plain` one (`$count` documents its integer so); undefined for none or a binary body.
   */
  schema?: Record<string, unknown>;
  mediaTypes: string[];
}

export function operation(doc: OpenApiDocument, path: string, method: HttpMethod): Record<string, unknown> {
  const item = doc.paths[path];
  const op = item?.[method];
  if (!op || typeof op !== 'object') throw new Error(`the slice documents no ${method.toUpperCase()} ${path}`);
  return op as Record<string, unknown>;
}

/** Status codes the operation documents explicitly (not `default`), as written: `201`, `2XX`. */
export function documentedStatuses(doc: OpenApiDocument, path: string, method: HttpMethod): string[] {
  return Object.keys(responsesOf(doc, path, method)).filter((k) => k !== 'default');
}

/** The response that documents `status`: an exact code wins over a range (`2XX`), which wins over `default`. */
export function documentedResponse(doc: OpenApiDocument, path: string, method: HttpMethod, status: number): DocumentedResponse | undefined {
  const responses = responsesOf(doc, path, method);
  const exact = String(status);
  const range = `${exact[0]}XX`;
  const key = [exact, range, 'default'].find((k) => k in responses);
  if (key === undefined) return undefined;
  return describe(doc, key, responses[key] as Record<string, unknown>);
}

/** The response documented for the operation's success: the first explicit 2xx code or range. */
export function successResponse(doc: OpenApiDocument, path: string, method: HttpMethod): DocumentedResponse | undefined {
  const responses = responsesOf(doc, path, method);
  const key = Object.keys(responses).find((k) => /^2(\d\d|XX)$/.test(k));
  return key === undefined ? undefined : describe(doc, key, responses[key] as Record<string, unknown>);
}

function responsesOf(doc: OpenApiDocument, path: string, method: HttpMethod): Record<string, unknown> {
  return (operation(doc, path, method).responses ?? {}) as Record<string, unknown>;
}

function describe(doc: OpenApiDocument, key: string, response: Record<string, unknown>): DocumentedResponse {
  const resolved = resolveLocal(doc, response);
  const content = (resolved.content ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
  const mediaTypes = Object.keys(content);
  const readable = mediaTypes.find((m) => m === 'application/json' || m.endsWith('+json')) ?? mediaTypes.find((m) => m === 'text/plain');
  return { key, mediaTypes, schema: readable ? content[readable]?.schema : undefined };
}

/** Follows a chain of local `$ref`s (`#/components/...`) to the object they name. */
export function resolveLocal(doc: OpenApiDocument, value: Record<string, unknown>): Record<string, unknown> {
  let current = value;
  for (let hops = 0; typeof current.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref chain too long at ${String(current.$ref)}`);
    current = pointer(doc, current.$ref);
  }
  return current;
}

export function pointer(doc: OpenApiDocument, ref: string): Record<string, unknown> {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node as Record<string, unknown>;
}

/** The JSON request body schema the operation documents, if any. */
export function requestSchema(doc: OpenApiDocument, path: string, method: HttpMethod): Record<string, unknown> | undefined {
  const body = operation(doc, path, method).requestBody as Record<string, unknown> | undefined;
  if (!body) return undefined;
  const content = (resolveLocal(doc, body).content ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
  return content['application/json']?.schema;
}

/** The properties a schema declares, its `allOf`/`anyOf` parts' included (Graph's inheritance). */
export function schemaProperties(doc: OpenApiDocument, schema: Record<string, unknown>, depth = 0): Record<string, unknown> {
  if (depth > 8) return {};
  const resolved = resolveLocal(doc, schema);
  const own = (resolved.properties ?? {}) as Record<string, unknown>;
  const inherited = ((resolved.allOf ?? resolved.anyOf ?? []) as Record<string, unknown>[]).map((s) => schemaProperties(doc, s, depth + 1));
  return Object.assign({}, ...inherited, own);
}
