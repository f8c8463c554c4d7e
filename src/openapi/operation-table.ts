/**
 * The operation table: every operation the slice documents, with the stable name its generic check ids
 * are built from, its documented responses and its query parameters. Derived from the document alone,
 * so an operation added to the slice gets a name, checks and coverage with no code.
 *
 * Naming rule (`<name>.status`, `<name>.header.content-type`, `<name>.body.schema`, `<name>.server-error`):
 * the segments after the profile's key `{onPremisesPublishingProfile-id}` (none: the profile itself, named
 * `profile`). The first segment is the entity set, and it is the name's prefix — except the founding set,
 * `connectorGroups` (FOUNDING_SET), whose ids were given before the slice held any other set and keep their
 * names without it (docs/contract.md: an id never changes meaning). The set's own key right after it is
 * dropped; another `{parameter}` segment is read as `item` unless it is the last; `$count` → `count`,
 * `$ref` → `ref`; a key segment `applications(appId='{appId}')` → `applications.by-appId`. Then the verb: GET
 * of a collection (a success body with a `value` array) `list`, other GETs `get`, POST `create`, PATCH
 * `update`, PUT `put`, DELETE `delete` — except that `$count` takes no verb. So `POST …/connectorGroups` is
 * `create`, `GET …/connectorGroups/{id}` is `get`, `DELETE …/members/$ref` is `members.ref.delete`,
 * `GET …/<set>/{id}/<navigation>` is `<set>.<navigation>.list`, `GET …/{profile-id}` is `profile.get`.
 */
import {
  documentedStatuses,
  operation as operationOf,
  resolveLocal,
  schemaProperties,
  successResponse,
  type HttpMethod,
  type OpenApiDocument,
} from './operations.js';

export const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface QueryParameter {
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
}

export interface TableOperation {
  /** The stable name check ids are built from: `create`, `members.ref.list`. */
  name: string;
  method: HttpMethod;
  /** The path as the slice writes it, with `{parameters}`. */
  path: string;
  /** Documented response keys as written: `201`, `2XX`, `default`. */
  statuses: string[];
  query: QueryParameter[];
  /** Header parameters the operation declares (`If-Match`). */
  headers: string[];
  hasRequestBody: boolean;
  /** Matches a request path (after the base URL's path) to this operation. */
  matcher: RegExp;
}

const table = new WeakMap<OpenApiDocument, TableOperation[]>();

/** Every operation of the slice, in document order; computed once per document. */
export function operationTable(doc: OpenApiDocument): TableOperation[] {
  let operations = table.get(doc);
  if (!operations) {
    operations = build(doc);
    table.set(doc, operations);
  }
  return operations;
}

export function findOperation(doc: OpenApiDocument, name: string): TableOperation | undefined {
  return operationTable(doc).find((o) => o.name === name);
}

/** The operation a request addresses: method and path (relative to the base URL, no query). */
export function operationOfRequest(doc: OpenApiDocument, method: string, path: string): TableOperation | undefined {
  const m = method.toLowerCase();
  const decoded = safeDecode(path);
  // A literal segment ($count, $ref) wins over a parameter that would also match it.
  const candidates = operationTable(doc).filter((o) => o.method === m && o.matcher.test(decoded));
  return candidates.sort((a, b) => literalWeight(b.path) - literalWeight(a.path))[0];
}

function build(doc: OpenApiDocument): TableOperation[] {
  const operations: TableOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      const op = operationOf(doc, path, method);
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map((p) =>
        resolveLocal(doc, p as Record<string, unknown>),
      );
      operations.push({
        name: nameOf(doc, path, method),
        method,
        path,
        statuses: documentedStatuses(doc, path, method).concat('default' in ((op.responses ?? {}) as object) ? ['default'] : []),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: String(p.name), required: p.required === true, schema: (p.schema ?? {}) as Record<string, unknown> })),
        headers: parameters.filter((p) => p.in === 'header').map((p) => String(p.name)),
        hasRequestBody: op.requestBody !== undefined,
        matcher: matcherOf(path),
      });
    }
  }
  const names = new Map<string, string>();
  for (const o of operations) {
    const clash = names.get(o.name);
    if (clash) throw new Error(`the operation-naming rule gives ${o.method.toUpperCase()} ${o.path} and ${clash} the same name '${o.name}'`);
    names.set(o.name, `${o.method.toUpperCase()} ${o.path}`);
  }
  return operations;
}

/** The entity set whose operations are named without a prefix (see the naming rule above). */
export const FOUNDING_SET = 'connectorGroups';

function nameOf(doc: OpenApiDocument, path: string, method: HttpMethod): string {
  const all = path.split('/').filter(Boolean);
  // The profile's key is the path's first parameter; everything before it is the same for every operation.
  const keyAt = all.findIndex((s) => /^\{.+\}$/.test(s));
  const segments = keyAt < 0 ? all : all.slice(keyAt + 1);
  if (segments.length === 0) return ['profile', verbOf(doc, path, method, all)].join('.');
  const [set, ...rest] = segments;
  const parts: string[] = set === FOUNDING_SET ? [] : [set!];
  const after = /^\{.+\}$/.test(rest[0] ?? '') && rest.length > 1 ? rest.slice(1) : rest;
  after.forEach((segment, i) => {
    const last = i === after.length - 1;
    if (/^\{.+\}$/.test(segment)) {
      if (!last) parts.push('item');
      return;
    }
    if (segment === '$count') parts.push('count');
    else if (segment === '$ref') parts.push('ref');
    else {
      const key = /^([^(]+)\((\w+)=/.exec(segment);
      parts.push(...(key ? [key[1]!, `by-${key[2]}`] : [segment]));
    }
  });
  if (segments.at(-1) === '$count') return parts.join('.');
  return [...parts, verbOf(doc, path, method, segments)].join('.');
}

function verbOf(doc: OpenApiDocument, path: string, method: HttpMethod, segments: string[]): string {
  switch (method) {
    case 'post':
      return 'create';
    case 'patch':
      return 'update';
    case 'put':
      return 'put';
    case 'delete':
      return 'delete';
    default: {
      const lastIsParameter = /^\{.+\}$/.test(segments.at(-1) ?? '') || /\(/.test(segments.at(-1) ?? '');
      return !lastIsParameter && isCollection(doc, path) ? 'list' : 'get';
    }
  }
}

/** A success body with a `value` array: Graph's collection envelope. */
function isCollection(doc: OpenApiDocument, path: string): boolean {
  const schema = successResponse(doc, path, 'get')?.schema;
  if (!schema) return false;
  const properties = schemaProperties(doc, schema);
  return (properties.value as { type?: unknown } | undefined)?.type === 'array';
}

/** `{x}` matches one segment; key segments (`applications(appId='{appId}')`) match their literal frame. */
function matcherOf(path: string): RegExp {
  const pattern = path
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/']+" : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}/?$`);
}

function literalWeight(path: string): number {
  return path.split('/').filter((s) => s !== '' && !/^\{.+\}$/.test(s)).length;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
