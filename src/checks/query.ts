/**
 * Query options that take effect (graph profile). The query suite creates three groups under its own
 * name prefix, `a…`, `b…` (with an apostrophe) and `c…`, and one outside it, then reads them with each
 * option. Every rule judges only those groups, so other suites, shards or users of a tenant cannot move
 * it. The rules that scope their reads with startswith(name,'<prefix>') say so (`needs: filter-startswith`);
 * against a target without it each is judged another way where that is race-free, or skipped for the
 * capability, and never failed for the filter under its own name. The reference pages claim the options
 * ("This method supports the OData Query Parameters"); no tenant recording confirms them for
 * connectorGroups yet (decision query-options-claimed), so an option answered 200 but not applied fails
 * with a message that says so, and --baseline accepts it for a target known to differ.
 */
import type { Exchange } from '../client/exchange.js';
import { blocked, failed, GRAPH, notReached, passed, skipped, warned, type Check, type Stop, type Verdict } from './check.js';
import { collectionValue, errorWords, graphError, parseJsonBody } from './http.js';
import { judgeError, type Judged } from './response.js';
import { GROUP_PATH, GROUPS_PATH } from '../openapi/paths.js';
import { withoutCapability, type CapabilityFinding, type CapabilityFindings } from './capabilities.js';

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
  /**
   * The $top=1 read and every page its next links led to (only where the read is scoped to the suite's
   * groups); kept apart from `pages` so query.top still judges the first page alone.
   */
  topPages?: Exchange[];
  /** Why following the $top pages stopped before a last page: a link refused, a page that repeats an item, no end. */
  topStop?: { why: string; refused?: boolean; page?: Exchange };
  /** Why following the links of a read in `pages` stopped before a last page (a refused link is in `refusedLinks`). */
  pageStops?: Partial<Record<QueryStep, PageStop>>;
  /**
   * Whether `$filter=startswith(name,'<prefix>')` scopes a read to the suite's groups (probed or declared).
   * Present: the scoped reads above. Absent: each rule's read is the other way its record describes.
   */
  capabilities?: Pick<CapabilityFindings, 'filter-startswith'>;
}

export type QueryStep =
  | 'top'
  | 'skip'
  | 'orderAsc'
  | 'orderDesc'
  | 'filterQuoted'
  | 'countParameter'
  | 'countSegment'
  | 'select'
  | 'expand'
  | 'search'
  | 'selectPages'
  | 'patchRepresentation';

/** Why the suite stopped following a read's @odata.nextLink before a page without one. */
export interface PageStop {
  why: string;
  /** The page that repeats an item already read (left out of the read's pages). */
  page?: Exchange;
  /** Links still went on after the suite's page limit. */
  endless?: boolean;
}

const CLAIMED = ['query-options-claimed'] as const;
/** The rules that scope their reads with startswith(name,'<prefix>') when the target has it. */
const SCOPED = ['filter-startswith'] as const;

/** The capability as the suite found it; a subject from before capabilities were probed had it. */
function startswith(subject: QuerySubject): CapabilityFinding {
  return subject.capabilities?.['filter-startswith'] ?? { present: true, how: 'probed', detail: 'assumed' };
}
const scoped = (subject: QuerySubject) => startswith(subject).present;

/**
 * Without startswith, skip and the counts scope their reads with `name eq '<the first group>'`: one group
 * by a unique name, so nothing another client does can change the answer. That judges them only where
 * `name eq` is applied, which query.filter's own read shows (exactly the group it names came back);
 * where it is not (a target that ignores $filter), those rules cannot be judged here and query.filter
 * alone fails for it.
 */
function eqNotApplied(subject: QuerySubject, option: string): Verdict | undefined {
  const want = subject.groups[1]?.name;
  const exchange = subject.steps.filterQuoted;
  const got = exchange?.response.status === 200 ? allNames(subject, 'filterQuoted') : undefined;
  if (got?.length === 1 && got[0] === want) return undefined;
  const seen = exchange ? `answered ${exchange.response.status}${got ? ` with ${got.length} group${got.length === 1 ? '' : 's'}` : ''}` : 'was never sent';
  return withoutCapability(
    'filter-startswith',
    startswith(subject),
    `${option} is judged on a read scoped with name eq '…' instead, and name eq is not applied either (query.filter's read ${seen})`,
  );
}
/** A rule of decision query-options-claimed: Graph's behaviour, so the graph profile's. */
function claimed(check: Omit<Check<QuerySubject>, 'profiles' | 'decisions'>): Check<QuerySubject> {
  return { ...check, profiles: GRAPH, decisions: CLAIMED };
}
/** A claimed rule that follows next links, so rests on decision next-link-same-query too: a link carries its request's query on. */
function claimedPaging(check: Omit<Check<QuerySubject>, 'profiles' | 'decisions'>): Check<QuerySubject> {
  return { ...claimed(check), decisions: [...CLAIMED, 'next-link-same-query'] };
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
    return failed(
      `${option} answered ${exchange.response.status}, not 200: the option is documented for this operation${targetSaid(exchange)}${declaredScope(subject, exchange)}`,
      exchange.response.status,
      exchange,
    );
  const listed = allNames(subject, step);
  if (!listed) return failed(`${option} answered 200 without a collection: ${exchange.response.body.slice(0, 160)}`, undefined, exchange);
  const refused = subject.refusedLinks?.[step];
  // The rest of the collection sits behind a link the run will not request (list.paging judges such links).
  if (refused) return blocked('suite:foreign-link', `${option}: ${refused}; the pages behind it were not read`);
  const broken = (subject.pages[step] ?? []).find((p) => p.response.status !== 200);
  if (broken) return failed(`${option}: following @odata.nextLink answered ${broken.response.status}`, broken.response.status, broken);
  return { exchange, names: listed };
}

/**
 * The target's own words for a refusal (Graph's error envelope: code and message), with every query option
 * the request carried: a read that carries $filter or $orderby besides the option judged must let the
 * reader see which part the target refused, not only the rule's own option.
 */
function targetSaid(exchange: Exchange): string {
  const options = [...new URL(exchange.request.url).searchParams.keys()].filter((k) => k.startsWith('$'));
  const carried = options.length > 1 ? `; the request carried ${options.join(', ')}` : '';
  return graphError(exchange.response.body).code === undefined ? carried : `${carried}; the target said ${errorWords(exchange)}`;
}

/**
 * A refused read that carried startswith because the user declared it present (nothing probed it): the
 * message names that part of the request too, since the refusal may be its.
 */
function declaredScope(subject: QuerySubject, exchange: Exchange): string {
  const finding = subject.capabilities?.['filter-startswith'];
  if (finding?.how !== 'declared' || !finding.present || !decodeURIComponent(exchange.request.url).includes('startswith(')) return '';
  return `; the read also carried $filter=startswith(name,'…'), which --capabilities declared present (not probed): filter-startswith=no judges without it`;
}

const isVerdict = (v: unknown): v is Verdict => typeof v === 'object' && v !== null && 'status' in v && !('names' in v);

function notApplied(option: string, what: string, exchange: Exchange): Verdict {
  return failed(`${option} answered 200 but was not applied: ${what}`, undefined, exchange);
}

export const queryTop = claimed({
  id: 'query.top',
  operation: 'list',
  title: '$top=n returns at most n items, and a next link when more remain',
  expectation:
    "GET …/connectorGroups?$filter=<the suite's three>&$top=1 answers 200 with at most one item and an @odata.nextLink (without filter-startswith: GET …/connectorGroups?$top=1, the collection holding at least the suite's four groups)",
  needs: SCOPED,
  provenBy: ['list-status-203', 'list-no-value', 'query-top-server-error', 'query-top-ignored'],
  run(subject) {
    const page = collection(subject, 'top', '$top=1');
    if (isVerdict(page)) return page;
    const first = names(page.exchange) ?? [];
    if (first.length > 1) return notApplied('$top=1', `${first.length} items came back`, page.exchange);
    const body = parseJsonBody(page.exchange);
    const next = body.ok ? (body.value as { '@odata.nextLink'?: unknown } | null)?.['@odata.nextLink'] : undefined;
    // Unscoped, the read is as sound: the suite's four groups exist until its deletes, after every read, so
    // more than one item remains whatever else the tenant holds or anyone does meanwhile.
    const matching = scoped(subject)
      ? 'three matching groups'
      : `a collection holding at least the suite's ${subject.groups.length + (subject.outsider ? 1 : 0)} groups`;
    if (typeof next !== 'string')
      return failed(`$top=1 on ${matching} gave one and no @odata.nextLink: the others cannot be reached`, undefined, page.exchange);
    return passed(scoped(subject) ? undefined : 'judged without $filter (filter-startswith absent): $top=1 on the whole collection');
  },
});

export const queryTopPages = claimedPaging({
  id: 'query.top-pages',
  operation: 'list',
  title: "a $top page's next link continues the same query",
  expectation:
    "GET …/connectorGroups?$filter=<the suite's three>&$orderby=name&$top=1 and every @odata.nextLink after it, followed to the last page, answer 200 and together hold exactly the suite's three groups, none twice, in the order the same $filter and $orderby give without $top (without filter-startswith: skipped, since unfiltered $top=1 pages run through the whole tenant)",
  needs: SCOPED,
  provenBy: ['list-status-203', 'list-no-value', 'query-top-server-error', 'list-next-link-loop', 'next-link-drops-query'],
  run(subject) {
    if (!scoped(subject))
      return withoutCapability(
        'filter-startswith',
        startswith(subject),
        "unfiltered, $top=1 pages through the whole tenant one item at a time, so its next links are followed only under the filter that keeps the suite's groups",
      );
    const pages = subject.topPages ?? (subject.steps.top ? [subject.steps.top] : []);
    if (!pages.length) return notReached('$top=1', subject.stoppedBecause);
    const seen: string[] = [];
    for (const [n, page] of pages.entries()) {
      const where = n === 0 ? '$top=1' : `following @odata.nextLink to page ${n + 1}`;
      if (page.response.status !== 200)
        return failed(`${where} answered ${page.response.status}, not 200${targetSaid(page)}${declaredScope(subject, page)}`, page.response.status, page);
      const listed = names(page);
      if (!listed) return failed(`${where} answered 200 without a collection: ${page.response.body.slice(0, 160)}`, undefined, page);
      for (const name of listed) {
        if (seen.includes(name)) return failed(`${JSON.stringify(name)} comes back again on page ${n + 1} of the $top=1 pages`, listed, page);
        if (!name.startsWith(subject.prefix))
          return failed(
            `page ${n + 1} of the $top=1 pages holds ${JSON.stringify(name)}, which $filter=startswith(name,'<prefix>') excludes: the next link did not carry the query on (${page.request.url})`,
            name,
            page,
          );
        seen.push(name);
      }
    }
    const stop = subject.topStop;
    if (stop?.refused) return blocked('suite:foreign-link', `$top=1 pages: ${stop.why}; the pages behind it were not read`);
    if (stop) return failed(`following the $top=1 pages: ${stop.why}`, seen, stop.page ?? pages.at(-1));
    const want = subject.groups.map((g) => g.name);
    const missing = want.filter((n) => !seen.includes(n));
    if (missing.length > 0)
      return failed(`the ${pages.length} $top=1 page${pages.length === 1 ? '' : 's'} hold ${show(seen)}; missing ${show(missing)}`, seen, pages.at(-1));
    if (show(seen) === show(want)) return passed(`${pages.length} pages followed`);
    // The order the target gives the same $filter and $orderby without $top is what the pages must keep;
    // whether that order is ascending by name is query.orderby's judgement.
    const unpaged = ownNames(subject, 'orderAsc');
    if (unpaged && show(unpaged) === show(seen)) return passed(`${pages.length} pages followed, in the order the same query gives without $top`);
    return failed(
      `the $top=1 pages hold ${show(seen)} in that order; $orderby=name gives ${show(unpaged ?? want)}: the order is not kept across pages`,
      seen,
      pages.at(-1),
    );
  },
});

/** The reads query.next-link follows, each with the option it is named by (the $top=1 pages are query.top-pages'). */
const PAGED_READS: ReadonlyArray<readonly [QueryStep, string]> = [
  ['orderAsc', '$orderby=name'],
  ['orderDesc', '$orderby=name desc'],
  ['skip', '$skip=1'],
  ['filterQuoted', "$filter=name eq '…'"],
  ['search', '$search'],
  ['selectPages', '$select=name'],
];

export const queryNextLink = claimedPaging({
  id: 'query.next-link',
  operation: 'list',
  title: "every paged read's next link continues the same query",
  expectation:
    "the query suite's collection reads ($orderby=name, $orderby=name desc, $skip=1, $filter=name eq '…', $search, and $filter=<the suite's three>&$orderby=name&$select=name&$top=1), each followed through every @odata.nextLink to its last page: every later page answers 200 with a collection, no item comes back on two pages, every item on a later page keeps the read's $filter (the suite's prefix, or the one group named) and $select (name, id and annotations only), the $select=name pages hold the suite's three groups in the order $orderby=name gives unpaged, and the links end within 20 pages. A read of the whole tenant (no $filter, no $search: without filter-startswith, $orderby=name&$select=name among them) is followed for 20 pages at most, and an item repeated or one of the suite's groups missing there warns (another client's write can shift an offset page). A read whose first page is not a 200 collection is the option rules' to judge",
  provenBy: ['list-next-link-loop', 'next-link-drops-query', 'next-link-drops-select'],
  run(subject) {
    const sent = PAGED_READS.filter(([step]) => subject.steps[step]);
    if (!sent.length) return notReached('paged read', subject.stoppedBecause);
    // A first page that is not a 200 collection says nothing of its links: the option rules judge it.
    const reads = sent.filter(([step]) => subject.steps[step]!.response.status === 200 && collectionValue(subject.steps[step]!));
    if (!reads.length) return skipped('no paged read answered 200 with a collection, so no next link could be followed: the option rules judge those answers');
    const followed = reads.map(([step, option]) => followedRead(subject, step, option));
    const verdicts = followed.filter((f): f is Verdict => !('pages' in f));
    // A fault outweighs a link not followed, which outweighs a doubt.
    for (const status of ['failed', 'blocked', 'warned'] as const) {
      const first = verdicts.find((v) => v.status === status);
      if (first) return first;
    }
    const done = followed.filter((f): f is Read => 'pages' in f);
    const pages = done.reduce((sum, f) => sum + f.pages, 0);
    const notes = done.flatMap((f) => (f.note ? [f.note] : []));
    const unjudged = sent.length - reads.length;
    if (unjudged > 0) notes.push(`${plural(unjudged, 'read')} left to the option rules: the first page was no 200 collection`);
    return passed([`${plural(reads.length, 'read')}, ${plural(pages, 'page')} followed`, ...notes].join('; '));
  },
});

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A read followed to its end without fault: how many pages, and what a reader should know of them. */
interface Read {
  pages: number;
  note?: string;
}

/**
 * A read of the whole tenant: no $filter, no $search. Its pages may run past the suite's limit, and, paged
 * by offset under $orderby, another client's create or delete between two pages shifts items across a
 * boundary, so one can come back twice or be passed over without any fault of the link.
 */
function wholeTenant(first: Exchange): boolean {
  const query = new URL(first.request.url).searchParams;
  return !query.has('$filter') && !query.has('$search');
}

/**
 * One read's pages after the first, in turn: each a 200 collection, each item keeping the read's query,
 * then why following stopped, then (for $select=name) the union. Order across server-driven page
 * boundaries of $orderby=name and name desc is query.orderby's judgement on the union, not judged again here.
 */
function followedRead(subject: QuerySubject, step: QueryStep, option: string): Read | Verdict {
  const pages = subject.pages[step] ?? [subject.steps[step]!];
  for (const [i, page] of pages.entries()) {
    if (i === 0) continue;
    const wrong = pageWrong(subject, step, option, pages[0]!, page, i + 1);
    if (wrong) return wrong;
  }
  const whole = wholeTenant(pages[0]!);
  const stop = subject.pageStops?.[step];
  if (stop?.page) return repeated(option, stop.why, stop.page, whole);
  if (stop && !whole) return failed(`following the pages of ${option}: ${stop.why}: the links never end`, undefined, pages.at(-1));
  const refused = subject.refusedLinks?.[step];
  // The rest of the collection sits behind a link the run will not request (list.paging judges such links).
  if (refused) return blocked('suite:foreign-link', `${option}: ${refused}; the pages behind it were not read`);
  const union = step === 'selectPages' ? selectUnion(subject, pages, whole, stop !== undefined) : undefined;
  if (union) return union;
  const note = stop ? `${option} read the whole tenant: its first ${plural(pages.length, 'page')} followed, the links going on (no defect)` : undefined;
  return { pages: pages.length, ...(note && { note }) };
}

/** A page that repeats an item: a link that did not continue the query, or, over the whole tenant, maybe another client's create. */
function repeated(option: string, why: string, page: Exchange, whole: boolean): Verdict {
  const where = `following the pages of ${option}: ${why}`;
  if (!whole) return failed(`${where}: the next link did not continue the query (${page.request.url})`, undefined, page);
  return warned(
    `${where} (${page.request.url}); the read covers the whole tenant, where another client's create can shift an offset page onto one already read, so it is not judged a fault; the pages after it were not read`,
    page,
  );
}

/** Page n of a read, reached by a next link: a 200 collection whose items keep what the first page kept of the query. */
function pageWrong(subject: QuerySubject, step: QueryStep, option: string, first: Exchange, page: Exchange, n: number): Verdict | undefined {
  const link = page.request.url;
  if (page.response.status !== 200)
    return failed(
      `page ${n} of ${option} answered ${page.response.status}, not 200, to its @odata.nextLink (${link})${targetSaid(page)}`,
      page.response.status,
      page,
    );
  const items = collectionValue(page);
  if (!items)
    return failed(
      `page ${n} of ${option} answered 200 without a collection to its @odata.nextLink (${link}): ${page.response.body.slice(0, 160)}`,
      undefined,
      page,
    );
  for (const rule of queryKept(subject, step, first)) {
    for (const item of items) {
      const broken = rule(item);
      if (broken !== undefined) return failed(`page ${n} of ${option} ${broken} (${link})`, item, page);
    }
  }
  return undefined;
}

/** What an item breaks of a read's query, in words ("holds …: …"), or undefined when it keeps it. */
type Kept = (item: unknown) => string | undefined;

/**
 * What every item of a later page must keep of the read's query: its startswith scope, the one group a
 * `name eq` names, the $select. The first page is the measure: a part of the query its items already
 * break was never applied (the option rules judge that, or a rule of the body does), so a later page
 * breaking it too says nothing of the link.
 */
function queryKept(subject: QuerySubject, step: QueryStep, first: Exchange): Kept[] {
  const nameOf = (item: unknown) => String((item as { name?: unknown } | null)?.name);
  const excluded = (item: unknown) => `holds ${JSON.stringify(nameOf(item))}, which the filter excludes: the next link did not carry the query on`;
  const rules: Kept[] = [];
  if (carriesStartswith(first)) rules.push((item) => (nameOf(item).startsWith(subject.prefix) ? undefined : excluded(item)));
  if (step === 'filterQuoted') rules.push((item) => (nameOf(item) === subject.groups[1]?.name ? undefined : excluded(item)));
  if (step === 'selectPages')
    rules.push((item) => {
      const extra = unselected(item);
      return extra.length === 0
        ? undefined
        : `holds ${extra.join(', ')} besides name and id: the selection was dropped, the next link did not carry $select on`;
    });
  const firstItems = collectionValue(first) ?? [];
  return rules.filter((rule) => firstItems.every((item) => rule(item) === undefined));
}

/** The properties of an item outside $select=name (the key and annotations always come along). */
function unselected(item: unknown): string[] {
  if (typeof item !== 'object' || item === null) return [];
  return Object.keys(item).filter((k) => k !== 'name' && k !== 'id' && !k.includes('@'));
}

function carriesStartswith(exchange: Exchange): boolean {
  return new URL(exchange.request.url).searchParams.get('$filter')?.includes('startswith(') ?? false;
}

/**
 * The $select=name pages together: the suite's three groups, none missing, in the order $orderby=name
 * gives them unpaged (as query.top-pages holds the $top=1 pages to it; whether that order is ascending is
 * query.orderby's). Over the whole tenant the suite's groups are picked out of the pages: their order is
 * judged as query.orderby judges it (a shifted page drops or repeats an item, never reorders two); one
 * missing warns (a shifted page can pass over it), and is not judged at all where the pages stopped short.
 */
function selectUnion(subject: QuerySubject, pages: readonly Exchange[], whole: boolean, stopped: boolean): Verdict | undefined {
  const own = pages.flatMap((p) => names(p) ?? []).filter((n) => n.startsWith(subject.prefix));
  const want = subject.groups.map((g) => g.name);
  // The unpaged read is the measure only where it shows every group the pages do (it may be cut short too).
  const read = ownNames(subject, 'orderAsc');
  const unpaged = read && own.every((n) => read.includes(n)) ? [...new Set(read)] : undefined;
  const keeps = (order: readonly string[]) => show(own.filter((n) => order.includes(n))) === show(order.filter((n) => own.includes(n)));
  const where = `the ${plural(pages.length, 'page')} of $select=name`;
  if (!keeps(want) && !(unpaged && keeps(unpaged)))
    return failed(
      `${where} hold the suite's groups as ${show(own)}; $orderby=name gives ${show(unpaged ?? want)} unpaged: the order is not kept across pages`,
      own,
      pages.at(-1),
    );
  const missing = want.filter((n) => !own.includes(n));
  if (missing.length === 0 || stopped) return undefined;
  const holds = `${where} hold ${show(own)} of the suite's groups; missing ${show(missing)}`;
  if (!whole) return failed(`${holds}: a next link did not continue the collection`, own, pages.at(-1));
  return warned(
    `${holds}; the read covers the whole tenant, where another client's delete can shift an offset page past one, so it is not judged a fault`,
    pages.at(-1),
  );
}

export const querySkip = claimed({
  id: 'query.skip',
  operation: 'list',
  title: '$skip=n leaves out the first n items',
  expectation:
    "$filter=<the suite's three>&$orderby=name&$skip=1 answers 200 with the second and third group, in order (without filter-startswith: $filter=name eq '<the first group>'&$skip=1 answers 200 with no group)",
  needs: SCOPED,
  provenBy: ['list-status-203', 'list-no-value', 'query-skip-ignored'],
  run(subject) {
    if (!scoped(subject)) return skipUnscoped(subject);
    const page = collection(subject, 'skip', '$skip=1');
    if (isVerdict(page)) return page;
    const want = subject.groups.slice(1).map((g) => g.name);
    const got = ownNames(subject, 'skip') ?? [];
    if (got.includes(subject.groups[0]!.name)) return notApplied('$skip=1', `the first group is still there: ${show(got)}`, page.exchange);
    return show(got) === show(want) ? passed() : failed(`$skip=1 after $orderby=name: expected ${show(want)}, got ${show(got)}`, got, page.exchange);
  },
});

/**
 * $skip without startswith. Over the unfiltered collection it cannot be judged race-free: what $skip=1
 * leaves out is the tenant's first item, which another client can change between any two reads, and the
 * suite's groups keep their places among the rest whether or not it was skipped. Scoped to one group by
 * `name eq`, $skip=1 must leave nothing: the one item is the first.
 */
function skipUnscoped(subject: QuerySubject): Verdict {
  const cannot = eqNotApplied(subject, '$skip=1');
  if (cannot) return cannot;
  const page = collection(subject, 'skip', "$filter=name eq '…'&$skip=1");
  if (isVerdict(page)) return page;
  const first = subject.groups[0]!.name;
  if (page.names.includes(first)) return notApplied('$skip=1', `name eq ${JSON.stringify(first)} with $skip=1 still returned that group`, page.exchange);
  if (page.names.length > 0) return failed(`$filter=name eq '…'&$skip=1: expected no group, got ${show(page.names.slice(0, 5))}`, page.names, page.exchange);
  return passed("judged without startswith (filter-startswith absent): $filter=name eq '<the first group>'&$skip=1 left nothing");
}

export const queryOrderBy = claimed({
  id: 'query.orderby',
  operation: 'list',
  title: '$orderby=name sorts ascending, name desc descending',
  expectation:
    "the suite's three groups come back a, b, c for $orderby=name and c, b, a for $orderby=name desc (without filter-startswith: every page unfiltered, the suite's groups picked out in the order they came)",
  needs: SCOPED,
  provenBy: ['list-status-203', 'list-no-value', 'query-orderby-ignored'],
  run(subject) {
    const ascending = subject.groups.map((g) => g.name);
    for (const [step, option, all] of [
      ['orderAsc', '$orderby=name', ascending],
      ['orderDesc', '$orderby=name desc', [...ascending].reverse()],
    ] as const) {
      const page = collection(subject, step, option);
      if (isVerdict(page)) return page;
      // Unscoped, the suite's groups are picked out of every page, first sighting each. Their relative order
      // holds whatever else the tenant holds: a sorted collection keeps a < b < c around any other names,
      // and a page that shifts under another client's create or delete can drop or repeat an item (the
      // reads stop at a repeat) but never put one of the suite's groups, which exist throughout, before one
      // that sorts ahead of it on an earlier page. So the order of the ones seen is judged, and a missing
      // one is not a verdict on $orderby.
      const got = scoped(subject) ? (ownNames(subject, step) ?? []) : [...new Set(ownNames(subject, step) ?? [])];
      const want = scoped(subject) ? all : all.filter((n) => got.includes(n));
      if (!scoped(subject) && want.length < 2)
        return withoutCapability(
          'filter-startswith',
          startswith(subject),
          `${option} is judged on the suite's groups picked out of every page, and only ${want.length} of them came back across the pages read`,
        );
      if (show(got) !== show(want)) {
        const same = show([...got].sort()) === show([...want].sort());
        return same
          ? notApplied(option, `the groups came back ${show(got)}, expected ${show(want)}`, page.exchange)
          : failed(`${option}: expected ${show(want)}, got ${show(got)}`, got, page.exchange);
      }
    }
    return passed(scoped(subject) ? undefined : "judged without $filter (filter-startswith absent): the suite's groups picked out of every page");
  },
});

export const queryFilter = claimed({
  id: 'query.filter',
  operation: 'list',
  title: "$filter=name eq '…' returns exactly the group of that name, quotes doubled",
  expectation: "$filter=name eq '<the second group's name, its apostrophe doubled>' answers 200 with exactly that group",
  provenBy: ['list-status-203', 'list-no-value', 'query-filter-quotes', 'query-filter-ignored'],
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
  expectation:
    "$filter=<the suite's three>&$count=true&$top=1 answers 200 with @odata.count 3 (the total, not the page) (without filter-startswith: $filter=name eq '<the first group>'&$count=true answers @odata.count 1)",
  needs: SCOPED,
  provenBy: ['list-status-203', 'list-no-value', 'query-top-server-error', 'query-count-ignores-filter'],
  run(subject) {
    // Unscoped, only a count under a filter the target applies is race-free: the whole collection's count
    // moves with every other client. `name eq` on one group keeps one, whatever anyone does.
    const cannot = scoped(subject) ? undefined : eqNotApplied(subject, '$count=true');
    if (cannot) return cannot;
    const keeps = scoped(subject) ? subject.groups.length : 1;
    const page = collection(subject, 'countParameter', '$count=true');
    if (isVerdict(page)) return page;
    const body = parseJsonBody(page.exchange);
    const count = body.ok ? (body.value as { '@odata.count'?: unknown } | null)?.['@odata.count'] : undefined;
    if (count === undefined) return notApplied('$count=true', 'the body has no @odata.count', page.exchange);
    if (count !== keeps)
      return failed(`@odata.count is ${JSON.stringify(count)}; the filter keeps ${keeps} group${keeps === 1 ? '' : 's'}`, count, page.exchange);
    return passed(scoped(subject) ? undefined : "judged without startswith (filter-startswith absent): $filter=name eq '<the first group>' keeps one");
  },
});

export const queryCountSegment: Check<QuerySubject> = {
  id: 'query.count-segment',
  operation: 'count',
  title: '…/$count under a $filter counts what the same filter lists',
  expectation:
    "GET …/connectorGroups/$count?$filter=<the suite's three> answers 200 with the text 3 (without filter-startswith: $count?$filter=name eq '<the first group>' answers 1)",
  needs: SCOPED,
  provenBy: ['count-json', 'count-server-error', 'count-segment-ignores-filter'],
  profiles: GRAPH,
  decisions: ['count-segment-counts'],
  run(subject) {
    // As query.count: unscoped, only `name eq` on one group gives a count nothing else can move.
    const cannot = scoped(subject) ? undefined : eqNotApplied(subject, '$count');
    if (cannot) return cannot;
    const keeps = scoped(subject) ? subject.groups.length : 1;
    const exchange = subject.steps.countSegment;
    if (!exchange) return notReached('$count', subject.stoppedBecause);
    if (exchange.response.status !== 200)
      return failed(`$count answered ${exchange.response.status}, not 200${declaredScope(subject, exchange)}`, exchange.response.status, exchange);
    const text = exchange.response.body.trim();
    if (!/^\d+$/.test(text)) return failed(`$count answered ${JSON.stringify(text.slice(0, 60))}, not an integer as text`, text, exchange);
    if (Number(text) !== keeps)
      return failed(`$count under the filter is ${text}; the same filter lists ${keeps} group${keeps === 1 ? '' : 's'}`, Number(text), exchange);
    return passed(scoped(subject) ? undefined : "judged without startswith (filter-startswith absent): $count under name eq '<the first group>'");
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
  queryTopPages,
  queryNextLink,
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
