// OData query options the double honours. An unsupported system query option is refused rather than ignored
// (OData: a service must fail a request whose system query option it cannot apply), so a client never mistakes
// an unfiltered or unsorted answer for a filtered or sorted one. Custom (non-$) parameters are ignored.
import { ERRORS, type GraphError } from './errors.js';
import { ENTITY_PROPERTIES, type ConnectorGroupRecord, type EntityProperty } from './model.js';

/** Page size when the client sends no $top. */
export const DEFAULT_PAGE_SIZE = 100;

export interface CollectionQuery {
  readonly top: number | undefined;
  readonly offset: number;
  readonly count: boolean;
  readonly select: ReadonlySet<EntityProperty> | undefined;
  readonly filter: ((group: ConnectorGroupRecord) => boolean) | undefined;
}

export interface EntityQuery {
  readonly select: ReadonlySet<EntityProperty> | undefined;
}

type Parsed<T> = { readonly ok: true; readonly query: T } | { readonly ok: false; readonly error: GraphError };

/** Query options keyed by lower-cased name: Graph treats $TOP and $top alike. */
function options(search: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of search) map.set(key.toLowerCase(), value);
  return map;
}

function refuseUnsupported(opts: Map<string, string>, supported: readonly string[]): GraphError | undefined {
  for (const key of opts.keys()) {
    if (key.startsWith('$') && !supported.includes(key)) {
      return ERRORS.badRequest(`Query option '${key}' is not supported on this resource.`);
    }
  }
  return undefined;
}

function parseSelect(raw: string | undefined): Parsed<ReadonlySet<EntityProperty> | undefined> {
  if (raw === undefined) return { ok: true, query: undefined };
  const selected = new Set<EntityProperty>();
  for (const item of raw.split(',').map((s) => s.trim())) {
    const property = ENTITY_PROPERTIES.find((p) => p.toLowerCase() === item.toLowerCase());
    if (!property) {
      return { ok: false, error: ERRORS.badRequest(`Could not find a property named '${item}' on type 'microsoft.graph.connectorGroup'.`) };
    }
    selected.add(property);
  }
  return { ok: true, query: selected };
}

const STRING_LITERAL = String.raw`'((?:[^']|'')*)'`;
const STARTS_WITH = new RegExp(String.raw`^\s*startswith\(\s*name\s*,\s*${STRING_LITERAL}\s*\)\s*$`, 'i');
const NAME_EQ = new RegExp(String.raw`^\s*name\s+eq\s+${STRING_LITERAL}\s*$`, 'i');

/** Only the two name filters a cleanup sweep needs; directory string comparisons ignore case. */
function parseFilter(raw: string | undefined): Parsed<CollectionQuery['filter']> {
  if (raw === undefined) return { ok: true, query: undefined };
  const startsWith = STARTS_WITH.exec(raw);
  const equals = NAME_EQ.exec(raw);
  const literal = (startsWith ?? equals)?.[1]?.replaceAll("''", "'").toLowerCase();
  if (literal === undefined) {
    return { ok: false, error: ERRORS.badRequest(`Unsupported or invalid query filter clause specified: '${raw}'.`) };
  }
  const filter = startsWith
    ? (g: ConnectorGroupRecord) => g.name.toLowerCase().startsWith(literal)
    : (g: ConnectorGroupRecord) => g.name.toLowerCase() === literal;
  return { ok: true, query: filter };
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset=${offset}`).toString('base64url');
}

function decodeSkipToken(token: string | undefined): number | undefined {
  if (token === undefined) return 0;
  const match = /^offset=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

export function parseCollectionQuery(search: URLSearchParams): Parsed<CollectionQuery> {
  const opts = options(search);
  const unsupported = refuseUnsupported(opts, ['$top', '$skiptoken', '$count', '$select', '$filter']);
  if (unsupported) return { ok: false, error: unsupported };

  const rawTop = opts.get('$top');
  if (rawTop !== undefined && !/^\d+$/.test(rawTop)) {
    return {
      ok: false,
      error: ERRORS.badRequest(`Invalid value '${rawTop}' for $top query option found. The $top query option requires a non-negative integer value.`),
    };
  }
  const offset = decodeSkipToken(opts.get('$skiptoken'));
  if (offset === undefined) return { ok: false, error: ERRORS.badRequest('The $skiptoken value is invalid or has expired.') };
  const rawCount = opts.get('$count')?.toLowerCase();
  if (rawCount !== undefined && rawCount !== 'true' && rawCount !== 'false') {
    return { ok: false, error: ERRORS.badRequest(`Invalid value '${opts.get('$count')}' for $count query option. Use true or false.`) };
  }
  const select = parseSelect(opts.get('$select'));
  if (!select.ok) return select;
  const filter = parseFilter(opts.get('$filter'));
  if (!filter.ok) return filter;

  return {
    ok: true,
    query: { top: rawTop === undefined ? undefined : Number(rawTop), offset, count: rawCount === 'true', select: select.query, filter: filter.query },
  };
}

export function parseEntityQuery(search: URLSearchParams): Parsed<EntityQuery> {
  const opts = options(search);
  const unsupported = refuseUnsupported(opts, ['$select']);
  if (unsupported) return { ok: false, error: unsupported };
  const select = parseSelect(opts.get('$select'));
  return select.ok ? { ok: true, query: { select: select.query } } : select;
}

/** The query string for the next page: the caller's options as sent, with $skiptoken replaced. */
export function nextPageQuery(rawQuery: string, nextOffset: number): string {
  const kept = rawQuery
    .split('&')
    .filter((part) => part !== '' && safeDecode(part.split('=')[0] ?? '').toLowerCase() !== '$skiptoken');
  return [...kept, `$skiptoken=${encodeSkipToken(nextOffset)}`].join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
