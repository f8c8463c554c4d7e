/**
 * The query suite: three groups under the suite's own name prefix (names that differ in their first
 * ASCII letter after it, so no collation question arises; the second holds an apostrophe, so a $filter
 * literal must double it) and one outside it, then one read per query option, a PATCH asking for the
 * entity back (on the group outside the prefix, beside the reads), and the deletes. Reads after the creates
 * settle before any option is judged.
 */
import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import { createStop } from '../src/checks/check.js';
import { createdId, errorWords, readShows } from '../src/checks/http.js';
import { QUERY_CHECKS, type PageStop, type QueryGroup, type QueryStep, type QuerySubject } from '../src/checks/query.js';
import { GROUPS_URL_PATH } from '../src/openapi/paths.js';
import type { Exchange } from '../src/client/exchange.js';
import { isAbsoluteHttpUrl } from '../src/client/origin.js';
import type { CapabilityFinding } from '../src/checks/capabilities.js';

/** Graph's advanced query capabilities ($count, $search on directory objects) need this header. */
const EVENTUAL = { ConsistencyLevel: 'eventual' };
const JSON_BODY = { 'Content-Type': 'application/json' };

export const querySuite: SuiteDefinition<QuerySubject> = {
  name: 'query',
  checks: QUERY_CHECKS,
  async produce(ctx) {
    const prefix = `conformance-${ctx.runId}-query-`;
    const subject: QuerySubject = { spec: ctx.spec, validator: ctx.validator, prefix, groups: [], steps: {}, pages: {} };
    // Ascending order by name, whatever the collation: the letter after the prefix decides.
    const names = [`${prefix}alpha`, `${prefix}bravo-o'hara`, `${prefix}charlie`, `conformance-${ctx.runId}-outside-delta`];
    const creates = await ctx.eachInChains(
      names,
      (_, i) => `create-${i}`,
      async (name) => {
        const created = await ctx.send('POST', GROUPS_URL_PATH, { headers: JSON_BODY, body: JSON.stringify({ name, isDefault: false }) });
        const id = createdId(created);
        if (id) ctx.track(id);
        return { name, id, status: created.response.status };
      },
    );
    for (const { name, id } of creates) {
      if (!id) continue;
      if (name.startsWith(prefix)) subject.groups.push({ name, id });
      else subject.outsider = { name, id };
    }
    const failedCreate = creates.find((c) => !c.id);
    if (failedCreate) {
      subject.stoppedBecause = createStop('create', failedCreate.status);
      await deleteAll(ctx, [...subject.groups, ...(subject.outsider ? [subject.outsider] : [])]);
      return subject;
    }
    const [a] = subject.groups as [QueryGroup, QueryGroup, QueryGroup];
    const own = `startswith(name,'${prefix}')`;
    const list = (query: string, headers: Record<string, string> = {}) => ctx.send('GET', `${GROUPS_URL_PATH}?${query}`, { headers });
    const q = encodeURIComponent;

    // Collection reads follow @odata.nextLink: a server may page three groups. Why following stopped short
    // of a last page is kept per step (query.next-link judges it); a read retried while the creates settle
    // starts afresh, so a stop from an earlier attempt is not left behind.
    const read = async (step: QueryStep, first: () => Promise<Exchange>) => {
      delete subject.refusedLinks?.[step];
      delete subject.pageStops?.[step];
      const pages = await allPages(
        ctx,
        await first(),
        (why) => ((subject.refusedLinks ??= {})[step] = why),
        (why, page) => ((subject.pageStops ??= {})[step] = pageStop(why, page)),
      );
      subject.steps[step] = pages[0];
      subject.pages[step] = pages;
      return pages;
    };
    // A tenant lists a new group after a while: the first read waits for all three. A read the target
    // refuses is not waited on: no wait makes a refused request succeed.
    const settle = async (first: () => Promise<Exchange>, step: QueryStep = 'orderAsc') => {
      let seen = 0;
      let answered = 0;
      await ctx.readAfterWrite(
        async () => {
          const pages = await read(step, first);
          answered = pages[0]!.response.status;
          seen = visible(pages, prefix);
        },
        () => answered === 200 && seen < subject.groups.length,
      );
    };

    // Whether $filter=startswith scopes a read to the run's groups: declared by the user, or found out from
    // the first read, which the suite sends anyway, so a target that has it sees no extra request.
    const declared = ctx.config.capabilities?.['filter-startswith'];
    let startswith: CapabilityFinding;
    if (declared) {
      startswith = declared;
      if (declared.present) await settle(() => list(`$filter=${q(own)}&$orderby=name`));
    } else {
      await settle(() => list(`$filter=${q(own)}&$orderby=name`));
      startswith = startswithFinding(subject, own, subject.pages.orderAsc ?? []);
      if (startswith.present === false && isRefusal(subject.steps.orderAsc)) {
        // The refused read also carried $orderby=name: the filter alone says which of the two was refused.
        const alone = await allPages(ctx, await list(`$filter=${q(own)}`), () => undefined);
        const filterOnly = startswithFinding(subject, own, alone);
        startswith = filterOnly.present
          ? { ...filterOnly, detail: `${filterOnly.detail} (with $orderby=name the read answered ${subject.steps.orderAsc!.response.status})` }
          : filterOnly;
      }
    }
    subject.capabilities = { 'filter-startswith': startswith };
    const scoped = startswith.present;
    // Without the capability, each rule reads another way (src/checks/query.ts says why each is sound):
    // every page unfiltered, the run's groups picked out on the client; or `name eq` on one of them.
    if (!scoped) await settle(() => list('$orderby=name'));
    const onlyA = `$filter=${q(`name eq '${a.name}'`)}`;

    // Once all three show, every probe is independent of the others: side by side, each its own chain.
    const probes: Array<[QueryStep, () => Promise<unknown>]> = [
      ['orderDesc', () => read('orderDesc', () => list(`${scoped ? `$filter=${q(own)}&` : ''}$orderby=${q('name desc')}`))],
      [
        'top',
        async () => {
          subject.steps.top = await list(scoped ? `$filter=${q(own)}&$orderby=name&$top=1` : '$top=1');
          // Followed to its end only under the filter: unscoped, $top=1 pages through the whole tenant an item at a time.
          if (scoped)
            subject.topPages = await allPages(
              ctx,
              subject.steps.top,
              (why) => (subject.topStop = { why, refused: true }),
              (why, page) => (subject.topStop = { why, page }),
            );
        },
      ],
      ['skip', () => read('skip', () => list(scoped ? `$filter=${q(own)}&$orderby=name&$skip=1` : `${onlyA}&$skip=1`))],
      ['filterQuoted', () => read('filterQuoted', () => list(`$filter=${q(`name eq '${subject.groups[1]!.name.replaceAll("'", "''")}'`)}`))],
      [
        'countParameter',
        async () => (subject.steps.countParameter = await list(scoped ? `$filter=${q(own)}&$count=true&$top=1` : `${onlyA}&$count=true`, EVENTUAL)),
      ],
      [
        'countSegment',
        async () =>
          (subject.steps.countSegment = await ctx.send('GET', `${GROUPS_URL_PATH}/$count?${scoped ? `$filter=${q(own)}` : onlyA}`, { headers: EVENTUAL })),
      ],
      ['search', () => read('search', () => list(`$search=${q(`"name:${a.name}"`)}`, EVENTUAL))],
      // $select across pages (query.next-link): scoped, $top=1 makes three pages of the suite's groups;
      // unscoped, every page of the tenant, as the settle read, with the selection asked on each.
      ['selectPages', () => read('selectPages', () => list(scoped ? `$filter=${q(own)}&$orderby=name&$select=name&$top=1` : '$orderby=name&$select=name'))],
      // Reads by id wait out a 404 as any read after a write does: a group the list shows may still be
      // unknown to the replica that answers by id (eventual consistency), and that 404 judges no option.
      ['select', async () => (subject.steps.select = (await ctx.readAfterWrite(() => ctx.send('GET', `${GROUPS_URL_PATH}/${a.id}?$select=name`))).exchange)],
      ['expand', async () => (subject.steps.expand = (await ctx.readAfterWrite(() => ctx.send('GET', `${GROUPS_URL_PATH}/${a.id}?$expand=members`))).exchange)],
    ];
    // The PATCH asking for the entity back, and its read-back (update.read-back: a 200 that carries the patch
    // says nothing of the store), on the group outside the prefix: a chain beside the reads, since no rule
    // reads that group's name but to see it left out, which its new name keeps.
    const outsider = subject.outsider;
    if (outsider) {
      subject.patch = { name: `${outsider.name}-modifié`, region: 'eur' };
      const patched = subject.patch;
      probes.push([
        'patchRepresentation',
        async () => {
          subject.steps.patchRepresentation = await ctx.send('PATCH', `${GROUPS_URL_PATH}/${outsider.id}`, {
            headers: { ...JSON_BODY, Prefer: 'return=representation' },
            body: JSON.stringify(patched),
          });
          const { status } = subject.steps.patchRepresentation.response;
          if (status < 200 || status > 299) return;
          await ctx.readAfterWrite(
            () => ctx.send('GET', `${GROUPS_URL_PATH}/${outsider.id}`),
            (e) => e.response.status === 404 || !readShows(e, patched),
          );
        },
      ]);
    }
    await ctx.eachInChains(
      probes,
      ([step]) => step,
      ([, probe]) => probe(),
    );

    await deleteAll(ctx, [...subject.groups, ...(subject.outsider ? [subject.outsider] : [])]);
    return subject;
  },
};

/** Enough for three groups on any server; a target whose links never end is stopped here. */
const MAX_PAGES = 20;

/**
 * Why following a read's links stopped: a page that repeats an item (`page`, left out of the pages), or
 * links still going after MAX_PAGES (`endless`; on a read of the whole tenant no defect, which the rule
 * tells from the request).
 */
function pageStop(why: string, page: Exchange | undefined): PageStop {
  return page ? { why, page } : { why, endless: true };
}

/**
 * The first page and every page its @odata.nextLink chain leads to, up to a page that repeats an item
 * already read (a link that loops back), which is left out so the option rules judge the collection once;
 * `stopped` hears of it, and of links that never end, for query.next-link to judge.
 */
async function allPages(
  ctx: SuiteContext,
  first: Exchange,
  refused: (why: string) => void,
  stopped?: (why: string, page?: Exchange) => void,
): Promise<Exchange[]> {
  const pages = [first];
  const seen = new Set(idsOn(first));
  for (let next = nextLink(first); next !== undefined && pages.length < MAX_PAGES; next = nextLink(pages.at(-1)!)) {
    const where = ctx.linkTarget(next);
    if (!where.ok) {
      refused(`page ${pages.length} has @odata.nextLink ${where.why}`);
      break;
    }
    const page = await ctx.follow(next);
    const ids = idsOn(page);
    const again = ids.find((id) => seen.has(id));
    if (again !== undefined) {
      stopped?.(`page ${pages.length + 1} repeats ${again}, already on an earlier page`, page);
      break;
    }
    ids.forEach((id) => seen.add(id));
    pages.push(page);
  }
  if (pages.length >= MAX_PAGES && nextLink(pages.at(-1)!) !== undefined) stopped?.(`still an @odata.nextLink after ${MAX_PAGES} pages`);
  return pages;
}

function idsOn(page: Exchange): string[] {
  try {
    const value = (JSON.parse(page.response.body) as { value?: unknown }).value;
    // An item without an id cannot be said to repeat: it is left out rather than taken for a repeat of another.
    return Array.isArray(value)
      ? value.flatMap((item) => {
          const id = (item as { id?: unknown } | null)?.id;
          return id === undefined || id === null ? [] : [String(id)];
        })
      : [];
  } catch {
    return [];
  }
}

function nextLink(page: Exchange): string | undefined {
  if (page.response.status !== 200) return undefined;
  try {
    const link = (JSON.parse(page.response.body) as { '@odata.nextLink'?: unknown })['@odata.nextLink'];
    return typeof link === 'string' && isAbsoluteHttpUrl(link) ? link : undefined;
  } catch {
    return undefined;
  }
}

/** 400 and 501: the target refuses what the request asks (OData: a service fails a request it cannot apply). */
function isRefusal(exchange: Exchange | undefined): boolean {
  return exchange?.response.status === 400 || exchange?.response.status === 501;
}

/**
 * What a read scoped with startswith(name,'<prefix>') says of the capability: refused (400/501, in the
 * target's own words), ignored (200, and a group outside the prefix came back: the run's outsider, or
 * anyone else's), or present (200 with the run's groups only). Any other answer refuses nothing: the
 * rules judge it as sent, under their own names.
 */
function startswithFinding(subject: QuerySubject, own: string, pages: readonly Exchange[]): CapabilityFinding {
  const probe = `$filter=${own}`;
  const first = pages[0];
  if (!first) return { present: true, how: 'probed', detail: `${probe} was never answered` };
  const { status } = first.response;
  if (isRefusal(first)) return { present: false, how: 'probed', detail: `${probe} answered ${status} ${errorWords(first)}` };
  if (status !== 200) return { present: true, how: 'probed', detail: `${probe} answered ${status}, which refuses nothing: the rules judge it as sent` };
  const names = pages.flatMap(namesOn);
  const outside = names.filter((n) => !n.startsWith(subject.prefix));
  if (outside.length > 0)
    return {
      present: false,
      how: 'probed',
      detail: `${probe} answered 200 but the filter was ignored: ${outside.length} group${outside.length === 1 ? '' : 's'} outside the prefix came back (${JSON.stringify(outside[0])})`,
    };
  const ours = names.filter((n) => n.startsWith(subject.prefix)).length;
  return { present: true, how: 'probed', detail: `${probe} answered 200 with the run's groups only (${ours} of ${subject.groups.length})` };
}

function namesOn(page: Exchange): string[] {
  try {
    const value = (JSON.parse(page.response.body) as { value?: unknown }).value;
    return Array.isArray(value) ? value.map((g) => String((g as { name?: unknown } | null)?.name)) : [];
  } catch {
    return [];
  }
}

/** How many of the suite's groups the pages show. */
function visible(pages: readonly Exchange[], prefix: string): number {
  let count = 0;
  for (const page of pages) {
    try {
      const value = (JSON.parse(page.response.body) as { value?: unknown }).value;
      if (Array.isArray(value)) count += value.filter((g) => String((g as { name?: unknown })?.name).startsWith(prefix)).length;
    } catch {
      // Not a collection: the check says so.
    }
  }
  return count;
}

async function deleteAll(ctx: SuiteContext, groups: readonly QueryGroup[]): Promise<void> {
  await ctx.eachInChains(
    groups,
    (_, i) => `delete-${i}`,
    async ({ id }) => {
      const gone = await ctx.send('DELETE', `${GROUPS_URL_PATH}/${id}`);
      if (gone.response.status >= 200 && gone.response.status < 300) ctx.untrack(id);
    },
  );
}
