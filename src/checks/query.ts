/**
 * Query options that take effect (graph profile). The query suite creates three groups under its own
 * name prefix, `a…`, `b…` (with an apostrophe) and `c…`, and one outside it, then reads them with each
 * option. Every rule judges only those groups, so other suites, shards or users of a tenant cannot move
 * it. The reference pages claim the options ("This method supports the OData Query Parameters"); no
 * tenant recording confirms them for connectorGroups yet (decision query-options-claimed), so an option
 * answered 200 but not applied fails with a message that says so, and --baseline accepts it for a target
 * known to differ.
 */
import type { Exchange } from '../client/exchange.js';
import { blocked, failed, GRAPH, notReached, passed, skipped, type Check, type Stop, type Verdict } from './check.js';
import { collectionValue, parseJsonBody } from './http.js';
import { judgeError, type Judged } from './response.js';
import { GROUP_PATH, GROUPS_PATH } from '../openapi/paths.js';

export interface QueryGroup {
  name: string;
  id: string;
}

export interface QuerySubject extends Judged {
  /** The prefix every group of the suite's own three starts with. */
  prefix: string;
  /** The suite's three groups, in ascending name order (a, b, c). */
  groups: QueryGroup[];
  /** The group created outside the prefix: no option filtered on the prefix may return it. */
  outsider?: QueryGroup;
  stoppedBecause?: Stop;
  /** What the PATCH with Prefer: return=representation sent. */
  patch?: { name: string; region: string };
  steps: Partial<Record<QueryStep, Exchange>>;
  /** Next links the suite would not request (another origin): the pages behind them were never read. */
  refusedLinks?: Partial<Record<QueryStep, string>>;
  /** Every page of the collection reads whose next links the suite followed, first page included. */
  pages: Partial<Record<QueryStep, Exchange[]>>;
}

export type QueryStep =
  'top' | 'skip' | 'orderAsc' | 'orderDesc' | 'filterQuoted' | 'countParameter' | 'countSegment' | 'select' | 'expand' | 'search' | 'patchRepresentation';

const CLAIMED = ['query-options-claimed'] as const;

/** A rule of decision query-options-claimed: Graph's behaviour, so the graph profile's. */
function claimed(check: Omit<Check<QuerySubject>, 'profiles' | 'decisions'>): Check<QuerySubject> {
  return { ...check, profiles: GRAPH, decisions: CLAIMED };
}

/** The names of the items of a page, in order; undefined when the body is not a collection of named items. */
function names(exchange: Exchange): string[] | undefined {
  const value = collectionValue(exchange);
  if (!value) return undefined;
  return value.map((item) => String((item as { name?: unknown } | null)?.name));
}

/** The names on every page the suite read for `step` (only the first, where it followed no link). */
function allNames(subject: QuerySubject, step: QueryStep): string[] | undefined {
  const pages = subject.pages[step] ?? (subject.steps[step] ? [subject.steps[step]!] : []);
  const lists = pages.map(names);
  return lists.every((l) => l !== undefined) ? (lists.flat() as string[]) : undefined;
}

function ownNames(subject: QuerySubject, step: QueryStep): string[] | undefined {
  return allNames(subject, step)?.filter((n) => n.startsWith(subject.prefix));
}

const show = (list: readonly string[]) => `[${list.map((n) => JSON.stringify(n)).join(', ')}]`;

/** The step's exchange, answered 200 with a collection; otherwise the verdict that says why not. */
function collection(subject: QuerySubject, step: QueryStep, option: string): { exchange: Exchange; names: string[] } | Verdict {
  const exchange = subject.steps[step];
  if (!exchange) return notReached(option, subject.stoppedBecause);
  if (exchange.response.status !== 200)
    return failed(`${option} answered ${exchange.response.status}, not 200: the option is documented for this operation`, exchange.response.status, exchange);
  const listed = allNames(subject, step);
  if (!listed) return failed(`${option} answered 200 without a collection: ${exchange.response.body.slice(0, 160)}`, undefined, exchange);
  const refused = subject.refusedLinks?.[step];
  // The rest of the collection sits behind a link the run will not request (list.paging judges such links).
  if (refused) return blocked('suite:foreign-link', `${option}: ${refused}; the pages behind it were not read`);
  const broken = (subject.pages[step] ?? []).find((p) => p.response.status !== 200);
  if (broken) return failed(`${option}: following @odata.nextLink answered ${broken.response.status}`, broken.response.status, broken);
  return { exchange, names: listed };
}

const isVerdict = (v: unknown): v is Verdict => typeof v === 'object' && v !== null && 'status' in v && !('names' in v);

function notApplied(option: string, what: string, exchange: Exchange): Verdict {
  return failed(`${option} answered 200 but was not applied: ${what}`, undefined, exchange);
}

export const queryTop = claimed({
  id: 'query.top',
  operation: 'list',
  title: '$top=n returns at most n items, and a next link when more remain',
  expectation: "GET …/connectorGroups?$filter=<the suite's three>&$top=1 answers 200 with at most one item and an @odata.nextLink",
  provenBy: ['list-status-203', 'list-no-value', 'query-top-server-error', 'query-top-ignored'],
  run(subject) {
    const page = collection(subject, 'top', '$top=1');
    if (isVerdict(page)) return page;
    const first = names(page.exchange) ?? [];
    if (first.length > 1) return notApplied('$top=1', `${first.length} items came back`, page.exchange);
    const body = parseJsonBody(page.exchange);
    const next = body.ok ? (body.value as { '@odata.nextLink'?: unknown } | null)?.['@odata.nextLink'] : undefined;
    if (typeof next !== 'string')
      return failed('$top=1 on three matching groups gave one and no @odata.nextLink: the other two cannot be reached', undefined, page.exchange);
    return passed();
  },
});

export const querySkip = claimed({
  id: 'query.skip',
  operation: 'list',
  title: '$skip=n leaves out the first n items',
  expectation: "$filter=<the suite's three>&$orderby=name&$skip=1 answers 200 with the second and third group, in order",
  provenBy: ['list-status-203', 'list-no-value', 'query-skip-ignored'],
  run(subject) {
    const page = collection(subject, 'skip', '$skip=1');
    if (isVerdict(page)) return page;
    const want = subject.groups.slice(1).map((g) => g.name);
    const got = ownNames(subject, 'skip') ?? [];
    if (got.includes(subject.groups[0]!.name)) return notApplied('$skip=1', `the first group is still there: ${show(got)}`, page.exchange);
    return show(got) === show(want) ? passed() : failed(`$skip=1 after $orderby=name: expected ${show(want)}, got ${show(got)}`, got, page.exchange);
  },
});

export const queryOrderBy = claimed({
  id: 'query.orderby',
  operation: 'list',
  title: '$orderby=name sorts ascending, name desc descending',
  expectation: "the suite's three groups come back a, b, c for $orderby=name and c, b, a for $orderby=name desc",
  provenBy: ['list-status-203', 'list-no-value', 'query-orderby-ignored'],
  run(subject) {
    const ascending = subject.groups.map((g) => g.name);
    for (const [step, option, want] of [
      ['orderAsc', '$orderby=name', ascending],
      ['orderDesc', '$orderby=name desc', [...ascending].reverse()],
    ] as const) {
      const page = collection(subject, step, option);
      if (isVerdict(page)) return page;
      const got = ownNames(subject, step) ?? [];
      if (show(got) !== show(want)) {
        const same = show([...got].sort()) === show([...want].sort());
        return same
          ? notApplied(option, `the groups came back ${show(got)}, expected ${show(want)}`, page.exchange)
          : failed(`${option}: expected ${show(want)}, got ${show(got)}`, got, page.exchange);
      }
    }
    return passed();
  },
});

export const queryFilter = claimed({
  id: 'query.filter',
  operation: 'list',
  title: "$filter=name eq '…' returns exactly the group of that name, quotes doubled",
  expectation: "$filter=name eq '<the second group's name, its apostrophe doubled>' answers 200 with exactly that group",
  provenBy: ['list-status-203', 'list-no-value', 'query-filter-quotes'],
  run(subject) {
    const page = collection(subject, 'filterQuoted', "$filter=name eq '…'");
    if (isVerdict(page)) return page;
    const want = subject.groups[1]!.name;
    if (page.names.length === 1 && page.names[0] === want) return passed();
    if (page.names.length > 1)
      return notApplied("$filter=name eq '…'", `${page.names.length} groups came back: ${show(page.names.slice(0, 5))}`, page.exchange);
    return failed(
      `$filter=name eq '${want.replaceAll("'", "''")}': expected exactly ${JSON.stringify(want)}, got ${show(page.names)}`,
      page.names,
      page.exchange,
    );
  },
});

export const queryCount = claimed({
  id: 'query.count',
  operation: 'list',
  title: '$count=true adds @odata.count, the number of items the filter keeps',
  expectation: "$filter=<the suite's three>&$count=true&$top=1 answers 200 with @odata.count 3 (the total, not the page)",
  provenBy: ['list-status-203', 'list-no-value', 'query-top-server-error', 'query-count-ignores-filter'],
  run(subject) {
    const page = collection(subject, 'countParameter', '$count=true');
    if (isVerdict(page)) return page;
    const body = parseJsonBody(page.exchange);
    const count = body.ok ? (body.value as { '@odata.count'?: unknown } | null)?.['@odata.count'] : undefined;
    if (count === undefined) return notApplied('$count=true', 'the body has no @odata.count', page.exchange);
    return count === subject.groups.length
      ? passed()
      : failed(`@odata.count is ${JSON.stringify(count)}; the filter keeps ${subject.groups.length} groups`, count, page.exchange);
  },
});

export const queryCountSegment: Check<QuerySubject> = {
  id: 'query.count-segment',
  operation: 'count',
  title: '…/$count under a $filter counts what the same filter lists',
  expectation: "GET …/connectorGroups/$count?$filter=<the suite's three> answers 200 with the text 3",
  provenBy: ['count-json', 'count-server-error', 'count-segment-ignores-filter'],
  profiles: GRAPH,
  decisions: ['count-segment-counts'],
  run(subject) {
    const exchange = subject.steps.countSegment;
    if (!exchange) return notReached('$count', subject.stoppedBecause);
    if (exchange.response.status !== 200) return failed(`$count answered ${exchange.response.status}, not 200`, exchange.response.status, exchange);
    const text = exchange.response.body.trim();
    if (!/^\d+$/.test(text)) return failed(`$count answered ${JSON.stringify(text.slice(0, 60))}, not an integer as text`, text, exchange);
    return Number(text) === subject.groups.length
      ? passed()
      : failed(`$count under the filter is ${text}; the same filter lists ${subject.groups.length} groups`, Number(text), exchange);
  },
};

export const querySelect = claimed({
  id: 'query.select',
  operation: 'get',
  title: '$select=name returns name (and the key), no other property',
  expectation: 'GET …/connectorGroups/{id}?$select=name answers 200 with name, and nothing else but id and annotations',
  provenBy: ['get-status-203', 'get-body-schema', 'get-not-found-after-create', 'select-breaks-schema', 'query-select-ignored'],
  run(subject) {
    const exchange = subject.steps.select;
    if (!exchange) return notReached('$select', subject.stoppedBecause);
    if (exchange.response.status !== 200) return failed(`$select=name answered ${exchange.response.status}, not 200`, exchange.response.status, exchange);
    const body = parseJsonBody(exchange);
    if (!body.ok || typeof body.value !== 'object' || body.value === null)
      return failed(`$select=name: ${body.ok ? 'the body is not an object' : body.message}`, undefined, exchange);
    const keys = Object.keys(body.value);
    const extra = keys.filter((k) => k !== 'name' && k !== 'id' && !k.includes('@'));
    if (extra.length > 0) return notApplied('$select=name', `it also returned ${extra.join(', ')}`, exchange);
    return keys.includes('name') ? passed() : failed('$select=name answered without name', keys, exchange);
  },
});

/** Applied (`applied` says so of a 200) or refused with a documented 4xx and Graph's error envelope. */
function appliedOrRefused(subject: QuerySubject, step: QueryStep, option: string, path: string, applied: (exchange: Exchange) => string | undefined): Verdict {
  const exchange = subject.steps[step];
  if (!exchange) return notReached(option, subject.stoppedBecause);
  const { status } = exchange.response;
  if (status >= 400 && status < 500) {
    const refusal = judgeError(subject, 'graph', exchange, { statuses: [status], path, method: 'get' });
    return refusal.status === 'failed'
      ? failed(`${option} refused with ${status}, but ${refusal.message}`, undefined, exchange)
      : passed(`${option} refused with ${status}`);
  }
  if (status !== 200)
    return failed(`${option} answered ${status}: expected 200 with the option applied, or a 4xx with Graph's error envelope`, status, exchange);
  const problem = applied(exchange);
  return problem === undefined ? passed() : notApplied(option, problem, exchange);
}

export const queryExpand = claimed({
  id: 'query.expand',
  operation: 'get',
  title: '$expand=members is applied, or refused with a 4xx and the error envelope',
  expectation: "GET …/connectorGroups/{id}?$expand=members answers 200 with a members array, or a 4xx with Graph's error envelope",
  provenBy: ['get-status-203', 'query-expand-ignored'],
  run(subject) {
    return appliedOrRefused(subject, 'expand', '$expand=members', GROUP_PATH, (exchange) => {
      const body = parseJsonBody(exchange);
      const members = body.ok ? (body.value as { members?: unknown } | null)?.members : undefined;
      return Array.isArray(members) ? undefined : 'the group came back without a members array';
    });
  },
});

export const querySearch = claimed({
  id: 'query.search',
  operation: 'list',
  title: '$search="name:…" is applied, or refused with a 4xx and the error envelope',
  expectation:
    'GET …/connectorGroups?$search="name:<the first group\'s name>" (ConsistencyLevel: eventual) answers 200 with that group and neither of the other two, or a 4xx with Graph\'s error envelope',
  provenBy: ['list-status-203', 'list-no-value', 'query-search-ignored'],
  run(subject) {
    return appliedOrRefused(subject, 'search', '$search', GROUPS_PATH, (_exchange) => {
      const got = ownNames(subject, 'search') ?? [];
      const [first, ...others] = subject.groups.map((g) => g.name);
      const intruders = others.filter((n) => got.includes(n));
      if (intruders.length > 0) return `groups that do not match came back: ${show(intruders)}`;
      return got.includes(first!) ? undefined : `the matching group ${JSON.stringify(first)} did not come back`;
    });
  },
});

export const updateBodyPatched: Check<QuerySubject> = {
  id: 'update.body.patched',
  operation: 'update',
  title: 'a PATCH answered 200 carries the entity as patched',
  expectation: 'PATCH with Prefer: return=representation answers 200 with the new name and region (or 204 with no body, which the lifecycle read-back judges)',
  provenBy: ['update-200-stale'],
  profiles: GRAPH,
  decisions: ['update-status-200-or-204', 'patch-representation'],
  run(subject) {
    const exchange = subject.steps.patchRepresentation;
    if (!exchange || !subject.patch) return notReached('PATCH', subject.stoppedBecause);
    const { status } = exchange.response;
    if (status === 204)
      return skipped(
        'PATCH answered 204 No Content despite Prefer: return=representation: there is no body to hold to the patch (lifecycle.get-updated judges the read-back)',
      );
    if (status !== 200) return failed(`PATCH answered ${status}, not 200 or 204`, status, exchange);
    const body = parseJsonBody(exchange);
    const entity = body.ok ? (body.value as { name?: unknown; region?: unknown } | null) : null;
    const wrong: string[] = [];
    if (entity?.name !== subject.patch.name) wrong.push(`name: patched to ${JSON.stringify(subject.patch.name)}, got ${JSON.stringify(entity?.name)}`);
    if (entity?.region !== subject.patch.region)
      wrong.push(`region: patched to ${JSON.stringify(subject.patch.region)}, got ${JSON.stringify(entity?.region)}`);
    return wrong.length === 0 ? passed() : failed(`the 200 does not carry the entity as patched: ${wrong.join('; ')}`, entity, exchange);
  },
};

export const QUERY_CHECKS: readonly Check<QuerySubject>[] = [
  queryTop,
  querySkip,
  queryOrderBy,
  queryFilter,
  queryCount,
  queryCountSegment,
  querySelect,
  queryExpand,
  querySearch,
  updateBodyPatched,
];
