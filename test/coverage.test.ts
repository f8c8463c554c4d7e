/**
 * Coverage: counted on the real slice's operation table with hand-made hits, then the report's Coverage
 * section rendered from it.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseOperationList } from '../tools/checks/registry.js';
import { fromRoot } from '../src/project-root.js';
import { coverageLine, coverageOf, notExercised, type Coverage, type OperationHit } from '../src/report/coverage.js';
import { renderReport } from '../src/report/html.js';
import type { RunResults } from '../src/report/results.js';
import { resultsOf } from './support/results.js';
import { loadSlice } from '../src/openapi/load.js';
import { operationTable, type TableOperation } from '../src/openapi/operation-table.js';

const TABLE = operationTable(loadSlice());
/** The totals every line below is made of, derived from the table (the operations themselves are held to specs/operations.txt). */
const OPS = TABLE.length;
const PAIRS = TABLE.reduce((n, o) => n + o.query.length, 0);
const op = (name: string): TableOperation => {
  const found = TABLE.find((o) => o.name === name);
  if (!found) throw new Error(`the slice has no operation ${name}`);
  return found;
};

/** A documented success status as a number: `201` as is, `2XX` as 200. */
function successOf(o: TableOperation): number {
  const key = o.statuses.find((s) => /^2/.test(s)) ?? '200';
  return /^\d{3}$/.test(key) ? Number(key) : 200;
}

function hit(o: TableOperation, status = successOf(o), parameters: string[] = []): OperationHit {
  return { operation: o.name, method: o.method.toUpperCase(), path: o.path, status, parameters };
}

/** Every operation once, with every query parameter it declares. */
function everything(except: (o: TableOperation) => boolean = () => false): OperationHit[] {
  return TABLE.filter((o) => !except(o)).map((o) =>
    hit(
      o,
      successOf(o),
      o.query.map((q) => q.name),
    ),
  );
}

describe('coverageOf on the slice', () => {
  test('the slice documents the operations of specs/operations.txt, and (operation, query parameter) pairs', () => {
    expect(TABLE.map((o) => o.name).sort()).toEqual(parseOperationList(readFileSync(fromRoot('specs', 'operations.txt'), 'utf8')).sort());
    expect(PAIRS).toBeGreaterThan(0);
  });

  test('every operation with every parameter: all operations and pairs, nothing listed as not exercised', () => {
    const c = coverageOf(TABLE, everything());
    expect(coverageLine(c)).toBe(`operations ${OPS}/${OPS} · query parameters ${PAIRS}/${PAIRS}`);
    expect(notExercised(c)).toEqual([]);
    expect(c.operations.items.map((i) => i.name)).toEqual(TABLE.map((o) => o.name));
    expect(c.operations.items.every((i) => i.exercised && !i.onlyErrors && i.skipped === undefined)).toBe(true);
  });

  test('a params-less hit per operation still exercises all operations, but no pair', () => {
    const c = coverageOf(
      TABLE,
      TABLE.map((o) => hit(o)),
    );
    expect(coverageLine(c)).toBe(`operations ${OPS}/${OPS} · query parameters 0/${PAIRS}`);
    expect(notExercised(c)).toHaveLength(PAIRS);
  });

  test('a missing operation is listed with its reason, a missing pair as never sent', () => {
    const logo = op('applications.item.logo.get');
    const members = op('members.list');
    const hits = everything((o) => o === logo || o === members);
    hits.push(
      hit(
        members,
        200,
        members.query.map((q) => q.name).filter((n) => n !== '$search'),
      ),
    );
    const c = coverageOf(TABLE, hits, new Map([['applications.item.logo.get', 'a new group has no application to fetch a logo of']]));

    expect(coverageLine(c)).toBe(`operations ${OPS - 1}/${OPS} · query parameters ${PAIRS - logo.query.length - 1}/${PAIRS}`);
    expect(notExercised(c)).toEqual([
      'GET …/connectorGroups/{connectorGroup-id}/applications/{application-id}/logo: not exercised (a new group has no application to fetch a logo of)',
      'GET …/connectorGroups/{connectorGroup-id}/members: $search never sent',
    ]);
    const item = c.operations.items.find((i) => i.name === logo.name)!;
    expect(item).toMatchObject({
      exercised: false,
      statuses: [],
      onlyErrors: false,
      skipped: 'a new group has no application to fetch a logo of',
      method: 'GET',
      path: logo.path,
    });
    expect(c.operations.items.find((i) => i.name === members.name)!.parameters).toMatchObject({ $top: true, $search: false });
  });

  test('an operation never exercised takes its pairs with it, listed once, without a reason when none is known', () => {
    const count = op('members.count');
    const c = coverageOf(
      TABLE,
      everything((o) => o === count),
      new Map([['create', 'a reason for an operation that was exercised']]),
    );
    expect(coverageLine(c)).toBe(`operations ${OPS - 1}/${OPS} · query parameters ${PAIRS - count.query.length}/${PAIRS}`);
    expect(notExercised(c)).toEqual(['GET …/connectorGroups/{connectorGroup-id}/members/$count: not exercised']);
    expect(c.operations.items.find((i) => i.name === 'create')!.skipped).toBeUndefined();
  });

  test('only errors: exercised, but no 2xx among the statuses seen', () => {
    const byAppId = op('applications.by-appId.get');
    const get = op('get');
    const hits = [...everything((o) => o === byAppId || o === get), hit(byAppId, 404, ['$select']), hit(byAppId, 404), hit(get, 404), hit(get, 200)];
    const c = coverageOf(TABLE, hits);
    const item = (name: string) => c.operations.items.find((i) => i.name === name)!;
    expect(item(byAppId.name)).toMatchObject({ exercised: true, statuses: [404], onlyErrors: true, parameters: { $select: true, $expand: false } });
    expect(item(get.name)).toMatchObject({ statuses: [200, 404], onlyErrors: false });
    expect(c.operations.items.filter((i) => i.onlyErrors).map((i) => i.name)).toEqual([byAppId.name]);
  });

  test('statuses are distinct and ascending', () => {
    const create = op('create');
    const c = coverageOf(
      TABLE,
      [201, 500, 400, 201, 400, 429].map((s) => hit(create, s)),
    );
    expect(c.operations.items.find((i) => i.name === 'create')!.statuses).toEqual([201, 400, 429, 500]);
  });

  test('parameters an operation does not declare, and operations the slice does not have, count for nothing', () => {
    const c = coverageOf(TABLE, [
      hit(op('create'), 201, ['$top', 'api-version']),
      { operation: 'nonesuch', method: 'GET', path: '/x', status: 200, parameters: ['$top'] },
    ]);
    expect(c.operations.exercised).toBe(1);
    expect(c.parameters).toEqual({ total: PAIRS, exercised: 0 });
    expect(c.operations.items.find((i) => i.name === 'create')!.parameters).toEqual({});
  });
});

function results(extra: Partial<RunResults> = {}): RunResults {
  return resultsOf([{ id: 'create.status', operation: 'create', title: 'create answers 201', status: 'passed', durationMs: 3 }], extra);
}

const INJECTED = '<script>alert("x")</script>';

describe('the Coverage section of report.html', () => {
  const logo = op('applications.item.logo.get');
  const byAppId = op('applications.by-appId.get');
  const members = op('members.list');
  const hits = [
    ...everything((o) => o === logo || o === byAppId || o === members),
    hit(byAppId, 404),
    hit(members, 200, ['$top']),
    hit(members, 500, ['$top']),
  ];
  const coverage: Coverage = coverageOf(TABLE, hits, new Map([[logo.name, 'no application to fetch a logo of']]));
  const page = renderReport(results({ coverage }));
  const section = page.slice(page.indexOf('<section class="coverage"'), page.indexOf('</section>', page.indexOf('<section class="coverage"')));

  test('after the operation sections: a captioned table with scoped headers, and the summary line', () => {
    expect(section).not.toBe('');
    expect(page.indexOf('<section class="coverage"')).toBeGreaterThan(page.lastIndexOf('<section class="operation"'));
    expect(section).toContain('<h2 id="coverage-h">Coverage</h2>');
    expect(section).toContain(`<p class="coverage-line">${coverageLine(coverage)}</p>`);
    // logo not sent, byAppId without its parameters, members with $top alone.
    expect(coverageLine(coverage)).toBe(
      `operations ${OPS - 1}/${OPS} · query parameters ${PAIRS - logo.query.length - byAppId.query.length - members.query.length + 1}/${PAIRS}`,
    );
    expect(section).toMatch(/<table class="coverage-matrix">\s*<caption id="coverage-caption">[^<]+<\/caption>/);
    expect(section).toContain(
      `<th scope="colgroup" colspan="${new Set(TABLE.flatMap((o) => o.query.map((q) => q.name))).size}" class="cov-params-h">query parameters</th>`,
    );
    for (const p of ['$top', '$search', '$expand', '@id']) expect(section).toContain(`<th scope="col" class="cov-param-h"><code>${p}</code></th>`);
    expect(section.match(/<th scope="row">/g)).toHaveLength(OPS);
  });

  test('a row per operation: method, short path, name, statuses as badges and parameters in words', () => {
    const row = (name: string) => {
      const start = section.indexOf(`id="coverage-${name}"`);
      expect(start, `no row for ${name}`).toBeGreaterThan(-1);
      return section.slice(section.lastIndexOf('<tr', start), section.indexOf('</tr>', start));
    };
    const list = row(members.name);
    expect(list).toContain(
      '<span class="cov-method">GET</span> <code class="cov-path" title="/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups/{connectorGroup-id}/members"><span>…</span>/<wbr><span>connectorGroups</span>/<wbr><span>{connectorGroup-id}</span>/<wbr><span>members</span></code>',
    );
    expect(list).toContain('<code class="cov-name">members.list</code>');
    expect(list).toContain('<span class="cov-status cov-status-2xx">200</span> <span class="cov-status cov-status-5xx">500</span>');
    expect(list).toContain('<td class="cov-sent"><span aria-hidden="true">✓</span><span class="sr-only">sent</span></td>');
    expect(list.match(/<span class="sr-only">not sent<\/span>/g)).toHaveLength(7);
    expect(list).not.toContain('only errors');

    const appId = row(byAppId.name);
    expect(appId).toContain('cov-only-errors');
    expect(appId).toContain('<span class="cov-status cov-status-4xx">404</span> <span class="tag tag-only-errors">only errors</span>');
    expect(appId).toContain('not a parameter of this operation');

    expect(row(logo.name)).toContain('<span class="tag tag-unexercised">not exercised</span>');
  });

  test('what was not exercised, with why', () => {
    expect(section).toContain(`<h3 id="coverage-gaps-h">Not exercised (${1 + byAppId.query.length + members.query.length - 1})</h3>`);
    expect(section).toContain(
      '<code class="cov-name">applications.item.logo.get</code>: not exercised <span class="cov-reason">(no application to fetch a logo of)</span>',
    );
    expect(section).toContain('<code class="cov-name">members.list</code>: <code>$search</code> never sent');
  });

  test('everything exercised: the list gives way to one sentence', () => {
    const full = renderReport(results({ coverage: coverageOf(TABLE, everything()) }));
    expect(full).toContain(`<p class="coverage-line">operations ${OPS}/${OPS} · query parameters ${PAIRS}/${PAIRS}</p>`);
    expect(full).toContain('Every operation and every query parameter was exercised.');
    expect(full).not.toContain('id="coverage-gaps-h"');
  });

  test('a path or reason carrying markup is shown as text', () => {
    const hostile: TableOperation = {
      ...logo,
      name: `x${INJECTED}`,
      path: `/onPremisesPublishingProfiles/p/connectorGroups/${INJECTED}`,
      query: [{ name: INJECTED, required: false, schema: {} }],
    };
    const c = coverageOf(
      [...TABLE, hostile],
      hits,
      new Map([
        [logo.name, INJECTED],
        [hostile.name, INJECTED],
      ]),
    );
    const out = renderReport(results({ coverage: c }));
    expect(out).not.toMatch(/<script/i);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('<span>connectorGroups</span>/<wbr><span>&lt;script&gt;alert(&quot;x&quot;)&lt;</span>/<wbr><span>script&gt;</span>');
  });

  test('no coverage in the results: no section', () => {
    const without = renderReport(results());
    expect(without).not.toContain('id="coverage"');
    expect(without).not.toContain('<table class="coverage-matrix"');
    expect(without).not.toContain('Coverage</h2>');
  });
});
