/**
 * query.next-link judges every paged read of the query suite across its pages: subjects built from
 * exchanges written here, so each judgement shows alone — a correct $select=name&$top=1 read passes, and a
 * page that drops the selection, repeats an item or leaves the filter fails, naming the page and its link;
 * a foreign link blocks; a read of the whole tenant cut at the page limit is no failure.
 */
import { describe, expect, test } from 'vitest';
import { queryNextLink, type PageStop, type QueryStep, type QuerySubject } from '../src/checks/query.js';
import type { Exchange } from '../src/client/exchange.js';
import { loadSlice } from '../src/openapi/load.js';
import { validatorFor } from '../src/openapi/validator.js';

const spec = loadSlice();
const validator = validatorFor(spec);
const BASE = 'http://127.0.0.1:1/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const PREFIX = 'p-';
const GROUPS = [
  { name: 'p-alpha', id: 'id-a' },
  { name: "p-bravo-o'hara", id: 'id-b' },
  { name: 'p-charlie', id: 'id-c' },
];
const SCOPED_SELECT = `$filter=${encodeURIComponent(`startswith(name,'${PREFIX}')`)}&$orderby=name&$select=name&$top=1`;

function page(query: string, items: object[], status = 200): Exchange {
  return {
    request: { method: 'GET', url: `${BASE}?${query}`, headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: items }) },
    durationMs: 1,
  };
}

/** The three $select=name&$top=1 pages a correct server gives, the links carrying the query on. */
function selectPages(items: object[][] = GROUPS.map((g) => [g])): Exchange[] {
  return items.map((onPage, i) => page(i === 0 ? SCOPED_SELECT : `${SCOPED_SELECT}&$skiptoken=${i}`, onPage));
}

function subject(pages: Partial<Record<QueryStep, Exchange[]>>, extra: Partial<QuerySubject> = {}): QuerySubject {
  const steps = Object.fromEntries(Object.entries(pages).map(([step, list]) => [step, list[0]]));
  return { spec, validator, prefix: PREFIX, groups: GROUPS, steps, pages, ...extra };
}

const judge = (s: QuerySubject) => queryNextLink.run(s, 'graph') as { status: string; message?: string; note?: string; blockedBy?: string };

describe('query.next-link', () => {
  test('rests on query-options-claimed and next-link-same-query, and needs no capability', () => {
    expect(queryNextLink.decisions).toEqual(['query-options-claimed', 'next-link-same-query']);
    expect(queryNextLink.needs).toBeUndefined();
  });

  test('a correct three-page $select=name read passes, counting the reads and pages followed', () => {
    const orderAsc = [page('$filter=x&$orderby=name', GROUPS)];
    expect(judge(subject({ orderAsc, selectPages: selectPages() }))).toEqual({ status: 'passed', note: '2 reads, 4 pages followed' });
  });

  test('a page after the first holding a property outside the selection fails, naming the page and its link', () => {
    const pages = selectPages([[GROUPS[0]!], [{ ...GROUPS[1]!, region: 'nam', isDefault: false }], [GROUPS[2]!]]);
    const verdict = judge(subject({ selectPages: pages }));
    expect(verdict.status).toBe('failed');
    expect(verdict.message).toBe(
      `page 2 of $select=name holds region, isDefault besides name and id: the selection was dropped, the next link did not carry $select on (${pages[1]!.request.url})`,
    );
  });

  test('annotations are no property outside the selection', () => {
    const pages = selectPages(GROUPS.map((g) => [{ ...g, '@odata.etag': 'W/"1"' }]));
    expect(judge(subject({ selectPages: pages })).status).toBe('passed');
  });

  test('a page that repeats an item (the suite stopped there) fails', () => {
    const pages = selectPages([[GROUPS[0]!], [GROUPS[1]!]]);
    const again = page(`${SCOPED_SELECT}&$skiptoken=0`, [GROUPS[0]!]);
    const pageStops: Partial<Record<QueryStep, PageStop>> = { selectPages: { why: 'page 3 repeats id-a, already on an earlier page', page: again } };
    const verdict = judge(subject({ selectPages: pages }, { pageStops }));
    expect(verdict.status).toBe('failed');
    expect(verdict.message).toBe(
      `following the pages of $select=name: page 3 repeats id-a, already on an earlier page: the next link did not continue the query (${again.request.url})`,
    );
  });

  test('a page of a scoped read holding a name outside the prefix fails: the link dropped the filter', () => {
    const first = page(`$filter=${encodeURIComponent(`startswith(name,'${PREFIX}')`)}&$orderby=${encodeURIComponent('name desc')}`, [GROUPS[2]!]);
    const second = page('$skiptoken=1', [{ name: 'someone-else', id: 'x' }, GROUPS[1]!]);
    const verdict = judge(subject({ orderDesc: [first, second] }));
    expect(verdict.status).toBe('failed');
    expect(verdict.message).toBe(
      `page 2 of $orderby=name desc holds "someone-else", which the filter excludes: the next link did not carry the query on (${second.request.url})`,
    );
  });

  test('a $select=name read missing one of the suite’s groups fails', () => {
    const verdict = judge(subject({ selectPages: selectPages([[GROUPS[0]!], [GROUPS[2]!]]) }));
    expect(verdict.status).toBe('failed');
    expect(verdict.message).toMatch(/missing \["p-bravo-o'hara"\]: a next link did not continue the collection$/);
  });

  test('a page answered 500 to its link fails; a first page answered 400 is left to the option rules', () => {
    const broken = selectPages();
    broken[1] = { ...broken[1]!, response: { ...broken[1]!.response, status: 500 } };
    expect(judge(subject({ selectPages: broken })).message).toMatch(/^page 2 of \$select=name answered 500, not 200, to its @odata.nextLink/);
    const refused = [page('$search=x', [], 400)];
    expect(judge(subject({ search: refused, selectPages: selectPages() }))).toEqual({
      status: 'passed',
      note: '1 read, 3 pages followed; 1 read left to the option rules: the first page was no 200 collection',
    });
  });

  test('a link to another origin blocks it (suite:foreign-link)', () => {
    const verdict = judge(
      subject({ selectPages: selectPages([[GROUPS[0]!]]) }, { refusedLinks: { selectPages: 'page 1 has @odata.nextLink on another origin' } }),
    );
    expect(verdict).toMatchObject({ status: 'blocked', blockedBy: 'suite:foreign-link' });
  });

  test('an unscoped read of the whole tenant still linking on after the page limit is no failure; a scoped one is', () => {
    const tenant = Array.from({ length: 20 }, (_, i) =>
      page(i === 0 ? '$orderby=name&$select=name' : `$orderby=name&$select=name&$skiptoken=${i}`, i < 3 ? [GROUPS[i]!] : [{ name: `z-${i}`, id: `z${i}` }]),
    );
    const endless: PageStop = { why: 'still an @odata.nextLink after 20 pages', endless: true };
    const verdict = judge(subject({ selectPages: tenant }, { pageStops: { selectPages: endless } }));
    expect(verdict.status).toBe('passed');
    expect(verdict.note).toBe('1 read, 20 pages followed; $select=name read the whole tenant: its first 20 pages followed, the links going on (no defect)');
    const scoped = judge(subject({ selectPages: selectPages() }, { pageStops: { selectPages: { why: endless.why, endless: true } } }));
    expect(scoped).toMatchObject({
      status: 'failed',
      message: 'following the pages of $select=name: still an @odata.nextLink after 20 pages: the links never end',
    });
  });

  test('cut at the page limit, the groups not reached are not missing, but those seen keep the order', () => {
    const tenant = [page('$orderby=name&$select=name', [GROUPS[0]!]), page('$orderby=name&$select=name&$skiptoken=1', [GROUPS[2]!])];
    const cut = { pageStops: { selectPages: { why: 'still an @odata.nextLink after 20 pages', endless: true } } };
    expect(judge(subject({ selectPages: tenant }, cut)).status).toBe('passed');
    tenant.reverse();
    const endless: PageStop = { why: 'still an @odata.nextLink after 20 pages', endless: true };
    const verdict = judge(subject({ selectPages: tenant }, { pageStops: { selectPages: endless } }));
    expect(verdict.status).toBe('failed');
    expect(verdict.message).toMatch(/the order is not kept across pages$/);
  });

  test('over the whole tenant, a repeated item or a missing group warns: another client can shift an offset page', () => {
    const first = page('$orderby=name&$select=name', [GROUPS[0]!, GROUPS[1]!]);
    const again = page('$orderby=name&$select=name&$skiptoken=2', [GROUPS[1]!, GROUPS[2]!]);
    const repeat: PageStop = { why: 'page 2 repeats id-b, already on an earlier page', page: again };
    const verdict = judge(subject({ selectPages: [first] }, { pageStops: { selectPages: repeat } }));
    expect(verdict.status).toBe('warned');
    expect(verdict.message).toMatch(/^following the pages of \$select=name: page 2 repeats id-b, .*another client's create can shift an offset page/);
    const passedOver = judge(subject({ selectPages: [first, page('$orderby=name&$select=name&$skiptoken=2', [{ name: 'z', id: 'z' }])] }));
    expect(passedOver.status).toBe('warned');
    expect(passedOver.message).toMatch(/missing \["p-charlie"\]; the read covers the whole tenant/);
  });

  test('the $select=name pages may keep the order the unpaged $orderby=name read gives, whatever it is', () => {
    const order = [GROUPS[1]!, GROUPS[0]!, GROUPS[2]!];
    const orderAsc = [page(`$filter=${encodeURIComponent(`startswith(name,'${PREFIX}')`)}&$orderby=name`, order)];
    expect(judge(subject({ orderAsc, selectPages: selectPages(order.map((g) => [g])) })).status).toBe('passed');
    expect(judge(subject({ selectPages: selectPages(order.map((g) => [g])) })).message).toMatch(/the order is not kept across pages$/);
  });

  test('never sent: blocked by what stopped the suite', () => {
    const verdict = judge(subject({}, { stoppedBecause: { why: 'create answered 500 without a usable id', blocker: 'create.status' } }));
    expect(verdict).toMatchObject({ status: 'blocked', blockedBy: 'create.status' });
  });
});
