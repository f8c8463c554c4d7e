/**
 * report.html: unit tests of renderReport (escaping, grouping, pointer diff, baseline), then the real
 * command against a defective reference double, its report opened in a real headless browser.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { htmlReporter, pointerViolations, renderReport, resolvePointer } from '../src/report/html.js';
import { validatorFor } from '../src/openapi/validator.js';
import { resultsOf } from './support/results.js';
import { loadSlice } from '../src/openapi/load.js';
import type { CheckResult, RunResults } from '../src/report/results.js';
import { fromRoot } from '../src/project-root.js';
import { startEmulator } from '../src/emulator/index.js';
import { runConformance } from './support/run-cli.js';
import { withFix } from '../src/report/root-cause.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const NO_CHROMIUM = `${CHROMIUM} not found; install Debian's chromium to run it (apt-get install -y chromium)`;
if (!HAS_CHROMIUM) console.warn(`report-html browser tests skipped: ${NO_CHROMIUM}`);

const INJECTED = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

type Extra = { baseline?: { state: 'known' | 'fixed'; reason: string } };

function check(over: Partial<CheckResult> & Extra & Pick<CheckResult, 'id'>): CheckResult {
  return { operation: over.id.split('.')[0]!, title: `title of ${over.id}`, status: 'passed', durationMs: 3, ...over } as CheckResult;
}

function exchange(body: string, contentType = 'application/json'): NonNullable<CheckResult['evidence']> {
  return {
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:4010/onPremisesPublishingProfiles/applicationProxy/connectorGroups',
      headers: { 'content-type': 'application/json', 'client-request-id': '11111111-2222-4333-8444-555555555555' },
      body: '{"name":"conformance-run-1","isDefault":false}',
    },
    response: { status: 201, headers: { 'content-type': contentType, 'request-id': 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' }, body },
  };
}

function results(checks: CheckResult[], extra: Partial<RunResults> & { shard?: string } = {}): RunResults {
  return resultsOf(checks, {
    decisions: {
      'is-default-false-on-create': 'The new group must answer isDefault false.',
      'connector-group-type-values': 'connectorGroupType stays [applicationProxy].',
    },
    ...extra,
  });
}

/** A check's row as markup, from its id to the next row or the end of its section. */
function element(page: string, id: string): string {
  const start = page.indexOf(`id="${id}"`);
  expect(start, `no element with id ${id}`).toBeGreaterThan(-1);
  const ends = [page.indexOf('<details class="check', start), page.indexOf('</section>', start)].filter((i) => i > -1);
  return page.slice(start, Math.min(...ends));
}

describe('renderReport', () => {
  test('a whole page, self-contained: no script, no external resource, a CSP forbidding both', () => {
    const page = renderReport(results([check({ id: 'create.status' })]));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("default-src 'none'");
    expect(page).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
  });

  test('header: totals in words as well as colour, and the run facts', () => {
    const page = renderReport(
      results(
        [
          check({ id: 'create.status' }),
          check({ id: 'create.body.id', status: 'failed', message: 'm' }),
          check({ id: 'create.header.x', status: 'skipped', message: 'graph profile only' }),
        ],
        {
          shard: '2/3',
        },
      ),
    );
    for (const words of [
      '1</span> <span class="total-word"><span aria-hidden="true">✓</span> passed',
      '1</span> <span class="total-word"><span aria-hidden="true">✗</span> failed',
    ]) {
      expect(page).toContain(words);
    }
    expect(page).toContain('0</span> <span class="total-word"><span aria-hidden="true">!</span> warned');
    expect(page).toMatch(/✗<\/span> FAILED/);
    for (const fact of ['http://127.0.0.1:4010', '>graph<', '>42<', 'run42abc', '2026-11-27 03:46:01 UTC', '1.2 s', '>2/3<', 'shard'])
      expect(page).toContain(fact);
  });

  test('one section per operation, a row per check with id, title, status and duration', () => {
    const page = renderReport(
      results([
        check({ id: 'create.status', durationMs: 12 }),
        check({ id: 'read.status', status: 'failed', message: 'expected 200, got 404', expectation: '200 OK' }),
        check({ id: 'create.body.id' }),
      ]),
    );
    const sections = [...page.matchAll(/<section class="operation" id="op-([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['create', 'read']);
    const create = page.slice(page.indexOf('id="op-create"'), page.indexOf('id="op-read"'));
    expect(create).toContain('create.status');
    expect(create).toContain('create.body.id');
    expect(create).not.toContain('read.status');
    const row = element(page, 'check-create.status');
    expect(row).toContain('title of create.status');
    expect(row).toContain('✓</span> PASSED');
    expect(row).toContain('12 ms');
  });

  test('failed and warned rows are open with expectation, message, decisions and evidence; passed rows closed', () => {
    const page = renderReport(
      results([
        check({ id: 'create.status' }),
        check({
          id: 'create.body.echo',
          status: 'failed',
          expectation: 'name and region as sent',
          message: 'name: sent "a", got "A"',
          decisions: ['is-default-false-on-create', 'unknown-decision'],
          evidence: exchange('{"name":"A","isDefault":false}'),
        }),
        check({ id: 'create.header.request-id', status: 'warned', message: 'looks odd', evidence: exchange('{}') }),
      ]),
    );
    expect(element(page, 'check-create.status')).not.toMatch(/^id="[^"]+" open/);
    const echo = element(page, 'check-create.body.echo');
    expect(echo).toMatch(/^id="check-create.body.echo" open>/);
    expect(echo).toContain('name and region as sent');
    expect(echo).toContain('name: sent &quot;a&quot;, got &quot;A&quot;');
    expect(echo).toContain('The new group must answer isDefault false.');
    expect(echo).toContain('unknown-decision');
    expect(echo).toContain('POST http://127.0.0.1:4010/onPremisesPublishingProfiles/applicationProxy/connectorGroups');
    expect(echo).toContain('client-request-id');
    expect(echo).toContain('{\n  &quot;name&quot;: &quot;A&quot;,\n  &quot;isDefault&quot;: false\n}');
    expect(echo).toMatch(/<details class="exchange exchange-request">/);
    expect(echo).toMatch(/<details class="exchange exchange-response" open>/);
    expect(element(page, 'check-create.header.request-id')).toMatch(/^id="[^"]+" open>/);
    // A warning keeps its evidence folded: the page stays short; a failure shows what came back.
    expect(element(page, 'check-create.header.request-id')).toMatch(/<details class="exchange exchange-response">/);
    expect(page).toContain('Needs attention');
  });

  test('a passed check with a message shows it as a note', () => {
    const page = renderReport(results([check({ id: 'create.status', message: 'answered 201 after one 429 retry' })]));
    expect(element(page, 'check-create.status')).toContain('<dt>note</dt><dd>answered 201 after one 429 retry</dd>');
  });

  test('skipped rows show the skip reason', () => {
    const page = renderReport(results([check({ id: 'create.header.request-id', status: 'skipped', message: 'graph profile only (--profile openapi)' })]));
    expect(element(page, 'check-create.header.request-id')).toContain('skipped: graph profile only (--profile openapi)');
  });

  test('everything the target sent is escaped: an injected script renders as text', () => {
    const page = renderReport(
      results(
        [
          check({
            id: 'create.body.echo',
            title: INJECTED,
            status: 'failed',
            message: `name: got ${INJECTED}`,
            expectation: '"quoted" & <b>bold</b>',
            evidence: {
              request: { method: 'POST', url: 'http://x/"><script>1</script>', headers: { 'x-evil"><script>': INJECTED }, body: INJECTED },
              response: { status: 201, headers: { 'content-type': 'text/html', 'x-h': INJECTED }, body: `<html>${INJECTED}</html>` },
            },
          }),
          check({
            id: 'create.body.schema',
            status: 'failed',
            message: `/name<script> must be string`,
            evidence: exchange(JSON.stringify({ 'name<script>': INJECTED })),
          }),
        ],
        { errors: [`create.conformance.ts: ${INJECTED}`], baseUrl: 'http://x/<script>' },
      ),
    );
    expect(page).not.toMatch(/<script|<img|onerror="|<b>/i);
    expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned = 2&quot;&gt;');
    expect(page).toContain('&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;');
  });

  test('credentials are scrubbed a second time, as in results.json', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const ev = exchange(`{"token":"${jwt}"}`);
    ev.request.headers.authorization = `Bearer ${jwt}`;
    const page = renderReport(results([check({ id: 'create.status', status: 'failed', message: `got client_secret=hunter2 and ${jwt}`, evidence: ev })]));
    expect(page).not.toContain(jwt);
    expect(page).not.toContain('hunter2');
    expect(page).not.toMatch(/authorization/i);
  });

  test('schema failures get a JSON-pointer diff with the value found at each pointer, from the structured violations', () => {
    const body = JSON.stringify({ id: 'g1', name: 'n', connectorGroupType: 42, extra: { a: 1 }, 'a/b': true });
    const structured = [
      { pointer: '/connectorGroupType', keyword: 'type', why: 'must be string', message: '/connectorGroupType must be string' },
      { pointer: '/connectorGroupType', keyword: 'enum', why: 'must be equal to one of the allowed values (allowed: "applicationProxy")', message: '…' },
      { pointer: '', keyword: 'additionalProperties', why: "must NOT have additional properties ('extra')", message: '…', property: 'extra' },
      { pointer: '', keyword: 'required', why: "must have required property 'region'", message: '…', property: 'region' },
      { pointer: '/a~1b', keyword: 'type', why: 'must be string', message: '…' },
    ];
    // Any check id: the table comes from the violations, never from the message text (update.body has one too).
    const page = renderReport(
      results([check({ id: 'update.body', status: 'failed', message: 'whatever the message says', violations: structured, evidence: exchange(body) })]),
    );
    const diff = element(page, 'check-update.body').split('class="pointer-diff"')[1] ?? '';
    const rows = [
      ...diff.matchAll(
        /<tr><td><code class="pointer">([^<]*)<\/code><\/td><td class="arrow" aria-hidden="true">→<\/td><td>([^<]*)<\/td><td>(.*?)<\/td><\/tr>/g,
      ),
    ].map((m) => [m[1], m[2], m[3]!.replace(/<[^>]+>/g, '')]);
    expect(rows).toEqual([
      ['/connectorGroupType', 'must be string', '42'],
      ['/connectorGroupType', 'must be equal to one of the allowed values (allowed: &quot;applicationProxy&quot;)', '42'],
      ['/extra', 'must NOT have additional properties (&#39;extra&#39;)', '{&quot;a&quot;:1}'],
      ['/region', 'must have required property &#39;region&#39;', '(absent)'],
      ['/a~1b', 'must be string', 'true'],
    ]);
  });

  test('pointer diff: non-JSON bodies, no violations, and the validator names the property itself', () => {
    const v = (pointer: string, why: string, property?: string) => ({
      pointer,
      keyword: 'type',
      why,
      message: `${pointer} ${why}`,
      ...(property && { property }),
    });
    expect(pointerViolations([v('/x', 'must be string')], 'not json')).toEqual([{ pointer: '/x', why: 'must be string', looked: false, found: false }]);
    expect(pointerViolations([v('', 'must be object')], '[1]')).toEqual([{ pointer: '', why: 'must be object', looked: true, found: true, value: [1] }]);
    expect(pointerViolations([], '<html>')).toBeUndefined();
    expect(pointerViolations(undefined, '')).toBeUndefined();
    const missing = validatorFor(loadSlice()).validate({ $ref: '#/components/schemas/microsoft.graph.ODataErrors.MainError' }, { code: 'x' });
    expect(missing).toContainEqual(
      expect.objectContaining({ keyword: 'required', pointer: '', property: 'message', why: "must have required property 'message'" }),
    );
    expect(resolvePointer({ a: [{ 'b~c': 1 }] }, '/a/0/b~0c')).toEqual({ found: true, value: 1 });
    expect(resolvePointer({ a: [] }, '/a/0')).toEqual({ found: false });
    expect(resolvePointer({ a: { constructor: 1 } }, '/a/toString')).toEqual({ found: false });
    // No structured violations: no diff, even when the message looks like one.
    const page = renderReport(results([check({ id: 'create.status', status: 'failed', message: '/x must be string', evidence: exchange('{}') })]));
    expect(page).not.toContain('class="pointer-diff"');
  });

  test('baseline: a known failure is marked and does not make the verdict FAILED; a fixed entry says to remove it', () => {
    const known = check({
      id: 'create.status',
      status: 'failed',
      message: 'expected 201, got 200',
      baseline: { state: 'known', reason: 'tenant bug #12 <b>' },
    });
    const fixed = check({ id: 'create.body.id', status: 'passed', baseline: { state: 'fixed', reason: 'was issue #9' } });
    const page = renderReport(results([known, fixed, check({ id: 'create.body.echo' })]));
    expect(element(page, 'check-create.status')).toContain('KNOWN · baseline');
    expect(element(page, 'check-create.status')).toContain('does not fail the run. Reason: tenant bug #12 &lt;b&gt;');
    expect(element(page, 'check-create.body.id')).toMatch(/^id="check-create.body.id" open>/);
    expect(element(page, 'check-create.body.id')).toContain('FIXED · baseline');
    expect(element(page, 'check-create.body.id')).toContain('remove its entry. Reason given: was issue #9');
    expect(page).toContain('1 known (baseline)');
    expect(page).toContain('1 fixed (baseline)');
    expect(page).toMatch(/class="verdict verdict-warned"[^>]*><span aria-hidden="true">✓<\/span> PASSED/);
    // The same failure without a baseline entry fails the verdict.
    const plain = renderReport(results([{ ...known, baseline: undefined } as CheckResult]));
    expect(plain).toMatch(/class="verdict verdict-failed"[^>]*><span aria-hidden="true">✗<\/span> FAILED/);
    expect(plain).not.toMatch(/KNOWN · baseline|Known failure|known \(baseline\)/);
  });

  test('suite errors and an empty run are shown, not hidden', () => {
    const page = renderReport(results([], { errors: ['create.conformance.ts: cannot read recording'] }));
    expect(page).toContain('Suites that could not run (1)');
    expect(page).toContain('cannot read recording');
    expect(page).toContain('No check ran.');
    expect(page).toMatch(/verdict-failed/);
  });

  test('long bodies are cut in the page, with a pointer to results.json', () => {
    const page = renderReport(results([check({ id: 'create.status', status: 'failed', message: 'm', evidence: exchange('x'.repeat(150_000), 'text/plain') })]));
    expect(page).toContain('50000 more characters; results.json has the whole body');
    expect(page.length).toBeLessThan(130_000);
  });

  test('one cause that blocked every check: a banner at the top, before Needs attention, with what to do; its checks folded there', () => {
    const message = withFix('nothing under http://127.0.0.1:4010 serves <the family>', 'try --base-url http://127.0.0.1:4010/beta');
    const page = renderReport(
      results([
        check({ id: 'create.status', status: 'skipped', blockedBy: 'suite:base-url', message }),
        check({ id: 'create.body.id', status: 'skipped', blockedBy: 'suite:base-url', message }),
        check({ id: 'create.header.x', status: 'skipped', message: 'graph profile only' }),
      ]),
    );
    const banner = page.indexOf('class="root-cause"');
    expect(banner).toBeGreaterThan(-1);
    expect(banner).toBeLessThan(page.indexOf('Needs attention'));
    expect(page.indexOf('<main>')).toBeLessThan(banner);
    const section = page.slice(banner, page.indexOf('</section>', banner));
    expect(section).toContain('<code>suite:base-url</code>');
    expect(section).toContain('nothing under http://127.0.0.1:4010 serves &lt;the family&gt;');
    expect(section).toContain('<strong>What to do:</strong> try --base-url http://127.0.0.1:4010/beta');
    expect(section).toContain('2 checks were not judged');
    expect(page).toContain('2 checks blocked by <code>suite:base-url</code> (the cause above)');
    // A run where something was judged has no banner: its blocked checks are listed with their reasons.
    const judged = renderReport(
      results([check({ id: 'create.status' }), check({ id: 'create.body.id', status: 'skipped', blockedBy: 'suite:base-url', message })]),
    );
    expect(judged).not.toContain('class="root-cause"');
  });

  test('Needs attention gives each item its reason, escaped, cut in the middle when long', () => {
    const long = `name: got ${'x'.repeat(600)} (reproduce: --seed 7; fast-check path 1:2:3)`;
    const page = renderReport(
      results([
        check({ id: 'create.body.echo', status: 'failed', message: 'name: sent "a", got <b>A</b>' }),
        check({ id: 'create.body.id', status: 'failed', message: long }),
        check({ id: 'get.status', status: 'skipped', blockedBy: 'create.status', message: 'the get request was never sent' }),
        check({ id: 'create.header.x', status: 'warned', message: 'looks odd' }),
      ]),
    );
    const nav = page.slice(page.indexOf('<nav class="attention"'), page.indexOf('</nav>'));
    const item = (id: string) => nav.split('<li>').find((li) => li.includes(`<code>${id}</code>`)) ?? '';
    expect(item('create.body.echo')).toContain('— name: sent &quot;a&quot;, got &lt;b&gt;A&lt;/b&gt;');
    expect(item('get.status')).toContain('— blocked by create.status: the get request was never sent');
    expect(item('create.header.x')).toContain('— looks odd');
    const cut = item('create.body.id');
    expect(cut).toContain('(reproduce: --seed 7; fast-check path 1:2:3)');
    expect(cut).toMatch(/more characters in the row below/);
    expect(cut.length).toBeLessThan(long.length);
    // The row below has it whole.
    expect(element(page, 'check-create.body.id')).toContain(long);
  });

  test('each decision, and each reason a check was not judged, is shown once per check', () => {
    const page = renderReport(
      results([
        check({ id: 'create.body.echo', status: 'failed', message: 'm', decisions: ['is-default-false-on-create', 'connector-group-type-values'] }),
        check({
          id: 'get.status',
          status: 'skipped',
          blockedBy: 'create.status',
          message: 'the get request was never sent',
          decisions: ['is-default-false-on-create'],
        }),
        check({ id: 'create.header.x', status: 'skipped', message: 'graph profile only' }),
      ]),
    );
    const count = (text: string, part: string) => text.split(part).length - 1;
    const echo = element(page, 'check-create.body.echo');
    expect(count(echo, 'Decisions this check relied on')).toBe(1);
    expect(count(echo, 'The new group must answer isDefault false.')).toBe(1);
    expect(count(echo, 'connectorGroupType stays [applicationProxy].')).toBe(1);
    const blocked = element(page, 'check-get.status');
    expect(count(blocked, 'the get request was never sent')).toBe(1);
    expect(count(blocked, 'create.status')).toBe(1);
    expect(count(element(page, 'check-create.header.x'), 'graph profile only')).toBe(1);
  });

  test('its reporter writes report.html in the report dir and returns its path', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'gc-html-')), 'nested');
    const file = htmlReporter.write(results([check({ id: 'create.status' })]), { reportDir: dir, checksBySuite: new Map() });
    expect(file).toBe(path.join(dir, 'report.html'));
    expect(readFileSync(file, 'utf8')).toContain('create.status');
  });
});

const LAUNCH = {
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Opens a file with every network request of the page blocked and recorded, CSP refusals included. */
async function open(browser: Browser, file: string): Promise<{ page: Page; attempts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  const fileUrl = pathToFileURL(file).href;
  const attempts: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== fileUrl) attempts.push(`request ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/refused|blocked|failed to load|net::/i.test(message.text())) attempts.push(`console ${message.text()}`);
  });
  await context.route('**/*', (route) => (route.request().url() === fileUrl ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(fileUrl, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  return { page, attempts };
}

// Each test skipped with the reason (not describe.skipIf, which gives none): npm test's closing lines print it.
describe('report.html in headless chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (HAS_CHROMIUM) browser = await chromium.launch(LAUNCH);
  }, 120_000);
  beforeEach(({ skip }) => skip(!HAS_CHROMIUM, NO_CHROMIUM));
  afterAll(async () => {
    await browser?.close();
  });

  test('the real command against a defective double: the failing check, its expectation and the response are on the page; no network; screenshot', async () => {
    const double = await startEmulator({ defects: ['create-echo-name'] });
    let run: Awaited<ReturnType<typeof runConformance>>;
    try {
      run = await runConformance(['--base-url', double.baseUrl, '--token', 'T', '--seed', '7']);
    } finally {
      await double.close();
    }
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const file = path.join(run.reportDir, 'report.html');
    expect(existsSync(file), run.stdout).toBe(true);
    expect(run.stdout).toContain('report.html');
    const failing = run.results!.checks.find((c) => c.id === 'create.body.echo')!;
    expect(failing.status).toBe('failed');

    const { page, attempts } = await open(browser, file);
    await expect.poll(() => page.title()).toMatch(/^FAILED · graph-conformance/);
    expect(await page.locator('.verdict').innerText()).toMatch(/FAILED/);
    expect(await page.locator('.total-failed .total-n').innerText()).toBe(String(run.results!.summary.failed));

    const row = page.locator('[id="check-create.body.echo"]');
    expect(await row.isVisible()).toBe(true);
    expect(await row.getAttribute('open')).not.toBeNull();
    const text = await row.innerText();
    expect(text).toContain('FAILED');
    expect(text).toContain(failing.expectation!);
    expect(text).toContain(failing.message!.split(';')[0]!);
    const response = row.locator('.exchange-response');
    expect(await response.locator('pre').isVisible()).toBe(true);
    const shown = JSON.parse(await response.locator('pre').innerText()) as { name?: string };
    expect(shown.name).toBe((JSON.parse(failing.evidence!.response!.body) as { name?: string }).name);
    expect(await response.locator('summary').innerText()).toContain('201');
    // Passed rows are there, closed.
    expect(await page.locator('[id="check-create.status"]').getAttribute('open')).toBeNull();
    expect(await page.locator('details.check').count()).toBe(run.results!.checks.length);

    const screenshot = path.join(run.reportDir, 'report-screenshot.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.REPORT_SCREENSHOT) {
      mkdirSync(fromRoot('reports'), { recursive: true });
      copyFileSync(screenshot, fromRoot('reports', 'report-screenshot.png'));
      console.log(`report screenshot: ${fromRoot('reports', 'report-screenshot.png')}`);
    }
    expect(attempts).toEqual([]);
  }, 180_000);

  test('an injected script in a response body stays text in the browser', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-html-'));
    const page0 = renderReport(
      results([check({ id: 'create.body.echo', status: 'failed', message: `got ${INJECTED}`, evidence: exchange(`{"name":${JSON.stringify(INJECTED)}}`) })]),
    );
    const file = path.join(dir, 'report.html');
    writeFileSync(file, page0);
    const { page, attempts } = await open(browser, file);
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('.exchange-response pre').innerText()).toContain('<script>window.__pwned = 1</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(attempts).toEqual([]);
  });

  test('the no-network assertion can fail: a page that loads something is caught', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gc-html-')), 'leaky.html');
    writeFileSync(
      file,
      '<!doctype html><title>leaky</title><img src="http://127.0.0.1:9/pixel.png"><link rel="stylesheet" href="https://fonts.example.invalid/f.css">',
    );
    const { attempts } = await open(browser, file);
    expect(attempts.join('\n')).toContain('http://127.0.0.1:9/pixel.png');
  });
});
