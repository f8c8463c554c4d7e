// OData query options the double honours. An unsupported system query option is refused rather than ignored
// (OData: a service must fail a request whose system query option it cannot apply), so a client never mistakes
// an unfiltered or unsorted answer for a filtered or sorted one. Custom (non-$) parameters are ignored.
import { navigationOf, propertyOf, type EntityType } from './slice-model.js';
import { ERRORS, type GraphError } from './errors.js';

/** Page size when the client sends no $top. */
export const DEFAULT_PAGE_SIZE = 100;

/** An entity as the query options see it: its structural properties by name. */
export type Item = object;

const valueOf = (item: Item, property: string): unknown => (item as Record<string, unknown>)[property];

export interface CollectionQuery {
  readonly top: number | undefined;
  /** $skip: items dropped before paging starts. */
  readonly skip: number;
  /** Where the page starts, counted after $skip (from an offset $skiptoken). */
  readonly offset: number;
  /** From a cursor $skiptoken: the page starts after the item with this creation number. */
  readonly after?: number;
  readonly count: boolean;
  /** Selected property names (structural or navigation); undefined means all. */
  readonly select: ReadonlySet<string> | undefined;
  /** Navigation properties to render inline, in the type's order. */
  readonly expand: readonly string[];
  readonly filter: ((item: Item) => boolean) | undefined;
  readonly search: ((item: Item) => boolean) | undefined;
  readonly orderBy: ((a: Item, b: Item) => number) | undefined;
}

export type EntityQuery = Pick<CollectionQuery, 'select' | 'expand'>;

export type Parsed<T> = { readonly ok: true; readonly query: T } | { readonly ok: false; readonly error: GraphError };

const ok = <T>(query: T): Parsed<T> => ({ ok: true, query });
const refuse = (message: string): { ok: false; error: GraphError } => ({ ok: false, error: ERRORS.badRequest(message) });

/** Which system query options each kind of resource takes (the slice's parameters for it). */
export const QUERY_OPTIONS = {
  collection: ['$top', '$skip', '$skiptoken', '$search', '$filter', '$count', '$orderby', '$select', '$expand'],
  references: ['$top', '$skip', '$skiptoken', '$search', '$filter', '$count', '$orderby'],
  count: ['$search', '$filter'],
  entity: ['$select', '$expand'],
} as const satisfies Record<string, readonly string[]>;

/** Query options keyed by lower-cased name: Graph treats $TOP and $top alike. */
function options(search: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of search) map.set(key.toLowerCase(), value);
  return map;
}

export function hasQueryOption(search: URLSearchParams, name: string): boolean {
  return options(search).has(name.toLowerCase());
}

function refuseUnsupported(opts: Map<string, string>, supported: readonly string[]): GraphError | undefined {
  for (const key of opts.keys()) {
    if (key.startsWith('$') && !supported.includes(key)) {
      return ERRORS.badRequest(`Query option '${key}' is not supported on this resource.`);
    }
  }
  return undefined;
}

const notFound = (type: EntityType, name: string): string => `Could not find a property named '${name}' on type '${type.name}'.`;

function parseSelect(raw: string | undefined, type: EntityType): Parsed<ReadonlySet<string> | undefined> {
  if (raw === undefined) return ok(undefined);
  const selected = new Set<string>();
  for (const item of raw.split(',').map((s) => s.trim())) {
    if (item === '*') return ok(undefined);
    const property = propertyOf(type, item) ?? navigationOf(type, item);
    if (!property) return refuse(notFound(type, item));
    selected.add(property);
  }
  return ok(selected);
}

/** Splits on commas outside parentheses: `members($select=id,version),applications`. */
function topLevelItems(raw: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '(') depth++;
    else if (raw[i] === ')') depth--;
    else if (raw[i] === ',' && depth === 0) {
      items.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  items.push(raw.slice(start));
  return items.map((s) => s.trim());
}

const EXPAND_ITEM = /^(\*|[A-Za-z_]\w*)(?:\((.*)\))?$/s;

function parseExpand(raw: string | undefined, type: EntityType): Parsed<readonly string[]> {
  if (raw === undefined) return ok([]);
  const expanded = new Set<string>();
  for (const item of topLevelItems(raw)) {
    const match = EXPAND_ITEM.exec(item);
    if (!match) return refuse(`Syntax error at '${item}' in the $expand query option.`);
    const name = match[1] ?? '';
    if (name === '*') {
      for (const navigation of Object.keys(type.navigation)) expanded.add(navigation);
      continue;
    }
    const navigation = navigationOf(type, name);
    if (!navigation) {
      return refuse(
        propertyOf(type, name)
          ? `Property '${name}' on type '${type.name}' is not a navigation property or complex property. Only navigation properties can be expanded.`
          : notFound(type, name),
      );
    }
    expanded.add(navigation);
  }
  return ok(Object.keys(type.navigation).filter((n) => expanded.has(n)));
}

const STRING_LITERAL = String.raw`'((?:[^']|'')*)'`;
const EQUALS = new RegExp(String.raw`^\s*([A-Za-z_]\w*)\s+eq\s+${STRING_LITERAL}\s*$`, 'i');
const STARTS_WITH = new RegExp(String.raw`^\s*startswith\(\s*([A-Za-z_]\w*)\s*,\s*${STRING_LITERAL}\s*\)\s*$`, 'i');
const LEADING_NAME = /^\s*(?:startswith\(\s*)?([A-Za-z_]\w*)/i;

/** A string-valued property of the item, lower-cased: directory string comparisons ignore case. */
const folded = (item: Item, property: string): string | undefined => {
  const value = valueOf(item, property);
  return value === undefined || value === null ? undefined : String(value).toLowerCase();
};

/**
 * The filter functions the double can offer. A correct server may offer fewer: Graph's query-parameters
 * page says "The support for the exact query parameters varies from one API operation to another, and
 * depending on the API, can differ between the v1.0 and beta endpoints" (learn.microsoft.com/graph/query-parameters),
 * and a function a server does not support is refused with 400, as Graph refuses an unsupported filter clause.
 */
export const FILTER_FUNCTIONS = ['startswith'] as const;
export type FilterFunction = (typeof FILTER_FUNCTIONS)[number];

/** `property eq 'literal'` and `startswith(property,'literal')` (where offered) on the type's filterable properties. */
function parseFilter(raw: string | undefined, type: EntityType, functions: readonly FilterFunction[]): Parsed<CollectionQuery['filter']> {
  if (raw === undefined) return ok(undefined);
  const unsupported = refuse(`Unsupported or invalid query filter clause specified: '${raw}'.`);
  if (!functions.includes('startswith') && /^\s*startswith\s*\(/i.test(raw))
    return {
      ok: false,
      error: { status: 400, code: 'Request_UnsupportedQuery', message: `Unsupported Query: the function 'startswith' is not supported in $filter: '${raw}'.` },
    };
  const startsWith = STARTS_WITH.exec(raw);
  const equals = startsWith ? undefined : EQUALS.exec(raw);
  const match = startsWith ?? equals;
  if (!match) {
    const name = LEADING_NAME.exec(raw)?.[1];
    return name !== undefined && !propertyOf(type, name) && !navigationOf(type, name) ? refuse(notFound(type, name)) : unsupported;
  }
  const name = match[1] ?? '';
  const property = propertyOf(type, name);
  if (!property) return refuse(notFound(type, name));
  if (!type.filterable.includes(property)) return unsupported;
  const literal = (match[2] ?? '').replaceAll("''", "'").toLowerCase();
  return ok(startsWith ? (item: Item) => folded(item, property)?.startsWith(literal) === true : (item: Item) => folded(item, property) === literal);
}

const SEARCH_CLAUSE = /^"((?:[^"\\]|\\.)*)"\s*/;
const SEARCH_OPERATOR = /^(AND|OR)\s+/;

/**
 * Directory-style `$search`: one or more `"property:value"` clauses joined by AND / OR (AND binding
 * tighter); a clause matches when the property contains the value, ignoring case.
 */
function parseSearch(raw: string | undefined, type: EntityType): Parsed<CollectionQuery['search']> {
  if (raw === undefined) return ok(undefined);
  const syntax = refuse(`Syntax error: the $search value '${raw}' must be one or more "property:value" clauses joined by AND or OR.`);
  const alternatives: { property: string; value: string }[][] = [[]];
  let rest = raw.trim();
  for (;;) {
    const clause = SEARCH_CLAUSE.exec(rest);
    if (!clause) return syntax;
    const content = (clause[1] ?? '').replace(/\\(.)/g, '$1');
    const colon = content.indexOf(':');
    if (colon <= 0) return syntax;
    const name = content.slice(0, colon).trim();
    const property = propertyOf(type, name);
    if (!property) return refuse(notFound(type, name));
    if (!type.searchable.includes(property)) return refuse(`The property '${property}' cannot be used in the $search query option.`);
    alternatives.at(-1)?.push({ property, value: content.slice(colon + 1).toLowerCase() });
    rest = rest.slice(clause[0].length);
    if (rest === '') break;
    const operator = SEARCH_OPERATOR.exec(rest);
    if (!operator) return syntax;
    if (operator[1] === 'OR') alternatives.push([]);
    rest = rest.slice(operator[0].length);
  }
  return ok((item: Item) => alternatives.some((all) => all.every(({ property, value }) => folded(item, property)?.includes(value) === true)));
}

const ORDER_ITEM = /^([A-Za-z_]\w*)(?:\s+(asc|desc))?$/i;

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Absent and null values sort first, as in OData's ascending order.
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  const [x, y] = typeof a === 'string' && typeof b === 'string' ? [a.toLowerCase(), b.toLowerCase()] : [a as number, b as number];
  return x < y ? -1 : x > y ? 1 : 0;
}

function parseOrderBy(raw: string | undefined, type: EntityType): Parsed<CollectionQuery['orderBy']> {
  if (raw === undefined) return ok(undefined);
  const keys: { property: string; sign: number }[] = [];
  for (const item of raw.split(',').map((s) => s.trim())) {
    const match = ORDER_ITEM.exec(item);
    if (!match) return refuse(`Syntax error at '${item}' in the $orderby query option.`);
    const name = match[1] ?? '';
    const property = propertyOf(type, name);
    if (!property) return refuse(navigationOf(type, name) ? `The property '${name}' cannot be used in the $orderby query option.` : notFound(type, name));
    if (!type.sortable.includes(property)) return refuse(`The property '${property}' cannot be used in the $orderby query option.`);
    keys.push({ property, sign: match[2]?.toLowerCase() === 'desc' ? -1 : 1 });
  }
  return ok((a: Item, b: Item) => {
    for (const { property, sign } of keys) {
      const order = compareValues(valueOf(a, property), valueOf(b, property));
      if (order !== 0) return sign * order;
    }
    return 0;
  });
}

function parseNonNegative(opts: Map<string, string>, name: '$top' | '$skip'): Parsed<number | undefined> {
  const raw = opts.get(name);
  if (raw === undefined) return ok(undefined);
  if (!/^\d+$/.test(raw)) {
    return refuse(`Invalid value '${raw}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`);
  }
  return ok(Number(raw));
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset=${offset}`).toString('base64url');
}

/** A cursor: the next page starts after the item created `after`-th, whatever was added or removed since. */
export function encodeCursorToken(after: number): string {
  return Buffer.from(`after=${after}`).toString('base64url');
}

function decodeSkipToken(token: string | undefined): { offset: number; after?: number } | undefined {
  if (token === undefined) return { offset: 0 };
  const match = /^(offset|after)=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match) return undefined;
  return match[1] === 'after' ? { offset: 0, after: Number(match[2]) } : { offset: Number(match[2]) };
}

/**
 * Every option `supported` allows, checked against `type`. Options the resource does not take are refused;
 * the ones it takes but the request lacks come back as "no restriction".
 */
export function parseCollectionQuery(
  search: URLSearchParams,
  type: EntityType,
  supported: readonly string[] = QUERY_OPTIONS.collection,
  filterFunctions: readonly FilterFunction[] = FILTER_FUNCTIONS,
): Parsed<CollectionQuery> {
  const opts = options(search);
  const unsupported = refuseUnsupported(opts, supported);
  if (unsupported) return { ok: false, error: unsupported };

  const top = parseNonNegative(opts, '$top');
  if (!top.ok) return top;
  const skip = parseNonNegative(opts, '$skip');
  if (!skip.ok) return skip;
  const token = decodeSkipToken(opts.get('$skiptoken'));
  if (token === undefined) return refuse('The $skiptoken value is invalid or has expired.');
  const rawCount = opts.get('$count')?.toLowerCase();
  if (rawCount !== undefined && rawCount !== 'true' && rawCount !== 'false') {
    return refuse(`Invalid value '${opts.get('$count')}' for $count query option. Use true or false.`);
  }
  const select = parseSelect(opts.get('$select'), type);
  if (!select.ok) return select;
  const expand = parseExpand(opts.get('$expand'), type);
  if (!expand.ok) return expand;
  const filter = parseFilter(opts.get('$filter'), type, filterFunctions);
  if (!filter.ok) return filter;
  const searchClause = parseSearch(opts.get('$search'), type);
  if (!searchClause.ok) return searchClause;
  const orderBy = parseOrderBy(opts.get('$orderby'), type);
  if (!orderBy.ok) return orderBy;

  return ok({
    top: top.query,
    skip: skip.query ?? 0,
    offset: token.offset,
    ...(token.after !== undefined && { after: token.after }),
    count: rawCount === 'true',
    select: select.query,
    expand: expand.query,
    filter: filter.query,
    search: searchClause.query,
    orderBy: orderBy.query,
  });
}

export function parseEntityQuery(search: URLSearchParams, type: EntityType, supported: readonly string[] = QUERY_OPTIONS.entity): Parsed<EntityQuery> {
  return parseCollectionQuery(search, type, supported);
}

/** The items a collection request addresses, filtered, searched and sorted, before $skip and paging. */
export function matching<T extends Item>(items: Iterable<T>, query: CollectionQuery): T[] {
  const kept = [...items].filter((item) => (!query.filter || query.filter(item)) && (!query.search || query.search(item)));
  return query.orderBy ? kept.sort(query.orderBy) : kept;
}

/** The query string for the next page: the caller's options as sent, with $skiptoken replaced. */
export function nextPageQuery(rawQuery: string, token: string): string {
  const kept = rawQuery.split('&').filter((part) => part !== '' && safeDecode(part.split('=')[0] ?? '').toLowerCase() !== '$skiptoken');
  return [...kept, `$skiptoken=${token}`].join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
