/**
 * A target the user does not trust cannot hang the run, exhaust it, or send its requests elsewhere. Each
 * hostile behaviour is a small server on 127.0.0.1, met first by the transport alone (fast, exact) and
 * then by the command as a user runs it (the verdict, the exit code, the reports).
 */
import { withGroups, startEmulator } from '../src/emulator/index.js';
import { afterAll, describe, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { capturingFetch, jsonDepthBeyond, MAX_JSON_DEPTH, TransportError, type RetryPolicy } from '../src/client/exchange.js';
import { ThrottleGate } from '../src/client/throttle-gate.js';
import { destination, isAbsoluteHttpUrl, relativeToBase, sameOrigin } from '../src/client/origin.js';
import { runConformance } from './support/run-cli.js';

// A forced collection while a request waits: the timer that bounds it must survive one (nodejs/node#57736).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// Closed once the file is done: tests below run side by side, so none may close another's servers.
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port = 0): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers the reachability probe (GET of the base URL itself) like any server, then `hostile` for the rest. */
function target(hostile: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  return listen((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url === ''))
      return void res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":{"code":"NotFound","message":"no"}}');
    hostile(req, res);
  });
}

async function failure(send: Promise<unknown>): Promise<TransportError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

const LIMITS = { timeoutMs: 600, maxBodyBytes: 1 << 20 };

describe('every request is bounded by --timeout and --max-body-bytes', () => {
  test('a target that accepts and never answers: the timeout fires, through forced collections', async () => {
    const url = await listen(() => undefined);
    const collecting = setInterval(gc, 20);
    const started = performance.now();
    try {
      const error = await failure(capturingFetch(() => {}, LIMITS)(new Request(`${url}/x`)));
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe(`GET ${url}/x: no response within 600 ms (--timeout)`);
    } finally {
      clearInterval(collecting);
    }
    expect(performance.now() - started).toBeLessThan(600 + 1_500);
  });

  test('a body that trickles in forever: stopped at the timeout, saying how much came', async () => {
    const url = await listen((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 10);
      res.on('close', () => clearInterval(drip));
    });
    const error = await failure(capturingFetch(() => {}, LIMITS)(new Request(`${url}/x`)));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(new RegExp(`^GET ${url}/x: the response body did not finish within 600 ms \\(\\d[\\d,]* bytes arrived\\) \\(--timeout\\)$`));
  });

  test('a body that never stops, fast: read up to --max-body-bytes, then judged as too large', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const url = await listen((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    const error = await failure(capturingFetch(() => {}, { timeoutMs: 30_000, maxBodyBytes: 1 << 20 })(new Request(`${url}/x`)));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toMatch(
      new RegExp(`^GET ${url}/x: answered 200 with a body past --max-body-bytes 1,048,576 \\(stopped reading after [\\d,]+ bytes\\); judged as too large$`),
    );
  });

  test('a Content-Length past the limit is refused before a byte of the body is read', async () => {
    const url = await listen(
      (_, res) => void res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(200 * 1024 * 1024) }).write('['),
    );
    const error = await failure(capturingFetch(() => {}, LIMITS)(new Request(`${url}/x`)));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toBe(
      `GET ${url}/x: answered 200 announcing a 209,715,200-byte body, more than --max-body-bytes 1,048,576; judged as too large, not read`,
    );
  });

  test("JSON nested 100,000 deep is the target's failure, named, not a stack overflow", async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const url = await listen((_, res) => void res.writeHead(201, { 'Content-Type': 'application/json' }).end(deep));
    const error = await failure(capturingFetch(() => {}, LIMITS)(new Request(`${url}/x`, { method: 'POST', body: '{}' })));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toBe(
      `POST ${url}/x: answered 201 with JSON nested more than ${MAX_JSON_DEPTH} levels deep (at byte ${MAX_JSON_DEPTH}); no Graph body nests like that, and it is not judged further`,
    );
  });

  test('the depth scan skips strings and escapes, and lets a body at the limit through', () => {
    expect(jsonDepthBeyond('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBeUndefined();
    expect(jsonDepthBeyond(`{"a":"${'['.repeat(1000)}\\"[["}`, 3)).toBeUndefined();
    expect(jsonDepthBeyond('{"a":{"b":[1]}}', 2)).toBe(10);
  });

  test("headers past Node's limit read as that, not as an unreachable target", async () => {
    const url = await listen((_, res) => void res.writeHead(200, { 'X-Big': 'a'.repeat(20_000) }).end('{}'));
    const error = await failure(capturingFetch(() => {}, LIMITS)(new Request(`${url}/x`)));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toMatch(
      /: the response headers are larger than Node's limit \([\d,]+ bytes, --max-http-header-size\); the answer is not read \[UND_ERR_HEADERS_OVERFLOW\]$/,
    );
  });
});

describe('waiting for a throttling target has a budget', () => {
  const RETRY: RetryPolicy = { max: 3, maxWaitMs: 60_000, scale: 1 };

  test('Retry-After: 999999 past the budget: the throttling is the verdict, at once, naming the request', async () => {
    const url = await listen((_, res) => void res.writeHead(429, { 'Retry-After': '999999', 'Content-Type': 'application/json' }).end('{}'));
    const gate = new ThrottleGate();
    gate.budgetMs = 5_000;
    const started = performance.now();
    const error = await failure(capturingFetch(() => {}, LIMITS, RETRY, { gate })(new Request(`${url}/x`)));
    expect(error.kind).toBe('throttled');
    expect(error.message).toBe(
      `the target answered 429 to GET ${url}/x (Retry-After: 999999, capped at 60 s); waiting 60.0 s more would pass the run's throttle budget of 5.0 s (--throttle-budget; 0.0 s waited already): the target throttled the run out`,
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('a wait within the budget is announced, waited and counted', async () => {
    let calls = 0;
    const url = await listen((_, res) =>
      calls++ === 0 ? res.writeHead(503, { 'Retry-After': '1' }).end() : res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'),
    );
    const gate = new ThrottleGate();
    gate.budgetMs = 5_000;
    const said: string[] = [];
    gate.onWait = (ms, why) => said.push(`${ms} ${why}`);
    const response = await capturingFetch(() => {}, LIMITS, { ...RETRY, scale: 0.05 }, { gate })(new Request(`${url}/x`));
    expect(response.status).toBe(200);
    expect(said).toEqual([`50 the target answered 503 to GET ${url}/x (Retry-After: 1)`]);
    expect(gate.pauses).toBe(1);
  });
});

describe('one rule for where requests may go', () => {
  test('origins are compared as origins, never as prefixes', () => {
    expect(sameOrigin('http://127.0.0.1:47201/beta/x', 'http://127.0.0.1:4720')).toBe(false);
    expect(sameOrigin('https://mock.example.evil.net/x', 'https://mock.example')).toBe(false);
    expect(sameOrigin('https://mock.example:443/x', 'https://MOCK.example')).toBe(true);
    expect(sameOrigin('HTTP://127.0.0.1:4720/x', 'http://127.0.0.1:4720')).toBe(true);
    expect(sameOrigin('http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'http://127.0.0.1:4720')).toBe(false);
    expect(isAbsoluteHttpUrl('HTTP://127.0.0.1/x')).toBe(true);
    expect(isAbsoluteHttpUrl('/beta/x')).toBe(false);
    expect(isAbsoluteHttpUrl('file:///etc/passwd')).toBe(false);
    expect(destination('http://127.0.0.1:47201/x', 'http://127.0.0.1:4720')).toEqual({
      ok: false,
      why: "http://127.0.0.1:47201/x is on another origin (http://127.0.0.1:47201), not the target's (http://127.0.0.1:4720): not requested",
    });
  });

  test('a path is under a base only at a segment boundary', () => {
    expect(relativeToBase('http://h/beta/x?y', 'http://h/beta')).toBe('/x?y');
    expect(relativeToBase('http://h/betax/y', 'http://h/beta')).toBeUndefined();
    expect(relativeToBase('http://h:81/beta/x', 'http://h/beta')).toBeUndefined();
    expect(relativeToBase('http://h/x', 'http://h')).toBe('/x');
  });
});

/**
 * The request a verdict names: the contract suite sends its creates and the reads that need no create side
 * by side first, so it is whichever of them the target answered first — a GET or a POST of the slice, below
 * the profile.
 */
const FIRST_REQUEST = String.raw`(?:GET|POST) http://127\.0\.0\.1:\d+/onPremisesPublishingProfiles/applicationProxy(?:/[^\s:]+)?`;

describe.concurrent('the command against hostile targets', () => {
  test('a target that never answers, --timeout 1000: the run ends within seconds, blocked by suite:timeout', async () => {
    const url = await target(() => undefined);
    const started = performance.now();
    const run = await runConformance(['--base-url', url, '--timeout', '1000', '--only', 'create.status']);
    const wall = performance.now() - started;
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const check = run.results?.checks.find((c) => c.id === 'create.status');
    expect(check?.blockedBy).toBe('suite:timeout');
    expect(check?.message).toMatch(/no response within 1000 ms \(--timeout\)/);
    // Two rounds of the limit at most (the suite's requests, then the clean-up's search for an unanswered
    // create), plus the command's start: far from the five minutes of undici's own limit.
    expect(wall).toBeLessThan(2 * 1_000 + 10_000);
  });

  test('an endless invalid answer: read up to the limit, every report written, exit 1 naming the request', async () => {
    const item = Buffer.from('{"id":1,"name":2,"connectorGroupType":3},');
    const url = await target((req, res) => {
      res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' });
      res.write('{"value":[');
      const pump = () => {
        while (res.write(item));
      };
      res.on('drain', pump);
      pump();
    });
    const run = await runConformance(['--base-url', url, '--max-body-bytes', '1000000', '--only', 'create.status']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const check = run.results?.checks.find((c) => c.id === 'create.status');
    expect(check?.blockedBy).toBe('suite:unreadable-answer');
    expect(check?.message).toMatch(new RegExp(`^${FIRST_REQUEST}: answered 20[01] with a body past --max-body-bytes 1,000,000`));
    for (const file of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(run.reportDir, file)), file).toBe(true);
  });

  test('headers past 16 KB on every answer: exit 1 saying so, not "target unreachable"', async () => {
    const url = await listen((_, res) => void res.writeHead(200, { 'X-Big': 'a'.repeat(20_000), 'Content-Type': 'application/json' }).end('{}'));
    const run = await runConformance(['--base-url', url, '--only', 'create.status']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/unreachable/);
    expect(run.results?.checks[0]?.blockedBy).toBe('suite:unreadable-answer');
    expect(run.results?.checks[0]?.message).toMatch(/the response headers are larger than Node's limit/);
  });

  test('JSON nested 100,000 deep: exit 1, the request named, no stack overflow', async () => {
    const deep = '{"value":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    const url = await target((req, res) => void res.writeHead(req.method === 'POST' ? 201 : 200, { 'Content-Type': 'application/json' }).end(deep));
    const run = await runConformance(['--base-url', url, '--only', 'create.status']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const check = run.results?.checks.find((c) => c.id === 'create.status');
    expect(check?.blockedBy).toBe('suite:unreadable-answer');
    expect(check?.message).toMatch(new RegExp(`^${FIRST_REQUEST}: answered 20[01] with JSON nested more than 512 levels deep`));
    expect(run.stdout + run.stderr).not.toMatch(/Maximum call stack/);
  });

  test('throttled without end: the budget runs out at once, blocked by suite:throttled naming the request; a wait within it is announced', async () => {
    const url = await target((_, res) => void res.writeHead(429, { 'Retry-After': '999999', 'Content-Type': 'application/json' }).end('{}'));
    const started = performance.now();
    const run = await runConformance(['--base-url', url, '--throttle-budget', '1000', '--only', 'create.status']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.results?.checks[0]?.blockedBy).toBe('suite:throttled');
    expect(run.results?.checks[0]?.message).toMatch(
      new RegExp(
        `^the target answered 429 to ${FIRST_REQUEST} \\(Retry-After: 999999, capped at 60 s\\); waiting 60\\.0 s more would pass the run's throttle budget of 1\\.0 s`,
      ),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    // After the two reads before the suites (reachability, and whether the target keeps state): the create.
    const double = await startEmulator({ faults: { throttle: { status: 429, times: 1, retryAfterSeconds: 1, after: 2 } } });
    try {
      const waited = await runConformance(['--base-url', double.baseUrl, '--only', 'create.status']);
      expect(waited.code, waited.stdout + waited.stderr).toBe(0);
      expect(waited.stdout).toMatch(
        /^waiting 1\.0 s: the target answered 429 to \S+ \S+ \(Retry-After: 1\); throttle budget left 299\.0 s \(--throttle-budget\)$/m,
      );
    } finally {
      await double.close();
    }
  });

  test('next links to another origin, in every suite that reads pages: nothing reaches it, the verdicts name it', async () => {
    const seen: string[] = [];
    const foreign = await listen((req, res) => (seen.push(`${req.method} ${req.url}`), res.writeHead(404).end()));
    const double = await startEmulator({ pageSize: 2, seed: withGroups(3), faults: { linkBase: `${foreign}/latest/meta-data/iam/security-credentials` } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', 'query.*,list.paging']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(seen).toEqual([]);
      const checks = run.results?.checks ?? [];
      expect(checks.find((c) => c.id === 'list.paging')?.message).toMatch(
        /has @odata\.nextLink http:\/\/127\.0\.0\.1:\d+\/latest\/meta-data\/\S+ is on another origin/,
      );
      const refused = checks.filter((c) => c.blockedBy === 'suite:foreign-link');
      expect(refused.map((c) => c.id)).toContain('query.orderby');
      for (const check of refused)
        expect(check.message).toMatch(
          /@odata\.nextLink http:\/\/127\.0\.0\.1:\d+\/latest\/meta-data\/.* is on another origin .*; the pages behind it were not read/,
        );
    } finally {
      await double.close();
    }
  });

  test("diff: a next link on a port that merely starts with the target's never gets the token", async () => {
    // The double on port N, a listener on port N·10+1: "http://127.0.0.1:N" is a string prefix of its URL.
    const seen: string[] = [];
    let double: Awaited<ReturnType<typeof startEmulator>> | undefined;
    for (let tries = 0; !double && tries < 20; tries++) {
      const port = 2000 + Math.floor(Math.random() * 4000);
      let foreign: string;
      try {
        foreign = await listen(
          (req, res) => (seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`), res.writeHead(404).end()),
          port * 10 + 1,
        );
      } catch {
        continue;
      }
      try {
        double = await startEmulator({ port, seed: groupsUnderRecordedFilter(3), faults: { linkBase: foreign } });
      } catch {
        double = undefined;
      }
    }
    expect(double).toBeDefined();
    try {
      // The target answers the recorded first page with a next link on that other port: one the diff could learn.
      const page = await fetch(`${double!.baseUrl}${recordedFirstPage().first.request.path}`, { headers: { Authorization: 'Bearer t' } });
      expect(((await page.json()) as { '@odata.nextLink'?: string })['@odata.nextLink']).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${new URL(double!.baseUrl).port}1/`),
      );
      const run = await runConformance(['diff', '--base-url', double!.baseUrl, '--token', 'SECRET-TOKEN-2', '--fixtures-dir', pagingRecording()]);
      expect(run.stdout).toMatch(/^query: 2 requests/m);
      expect(seen).toEqual([]);
      // The recorded page read went to the target itself: the target's link elsewhere was not learnt.
      expect(double!.requests.map((r) => r.path)).toContain(recordedNextPath());
    } finally {
      await double!.close();
    }
  });
});

/**
 * The shipped query recording's first page read with $top=1 (chain `top`; the contract suite now reads its
 * collections with every query option at once, a page with no next link), the path its next link names, and
 * the recorded read of that link.
 */
function recordedFirstPage() {
  const shipped = JSON.parse(readFileSync(fromRoot('fixtures', 'recordings', 'query.json'), 'utf8')) as Cassette;
  const first = shipped.interactions.find((i) => i.tag === 'top#0')!;
  const link = (first.response.body as { '@odata.nextLink': string })['@odata.nextLink'];
  const nextPath = link.slice(shipped.meta.baseUrl!.length);
  const next = shipped.interactions.find((i) => i.request.method === 'GET' && i.request.path === nextPath)!;
  return { shipped, first, next, nextPath };
}

const recordedNextPath = () => recordedFirstPage().nextPath;

/**
 * The default tenant and `n` more groups named under the prefix the recorded first page filters by
 * (`startswith(name,'conformance-<run>-query-')`), so the target's answer to it is a first page with a next link.
 */
function groupsUnderRecordedFilter(n: number) {
  const filter = new URL(recordedFirstPage().first.request.path, 'http://x').searchParams.get('$filter') ?? '';
  const prefix = /^startswith\(name,'([^']+)'\)$/.exec(filter)![1]!;
  const seed = withGroups(n);
  const groups = 'onPremisesPublishingProfiles/applicationProxy/connectorGroups';
  return { ...seed, [groups]: seed[groups]!.map((g) => (String(g.name).startsWith('preexisting-') ? { ...g, name: `${prefix}${String(g.name)}` } : g)) };
}

/** A recording of a first page with a next link, and the read of that link: what diff replays in order. */
function pagingRecording(): string {
  const { shipped, first, next } = recordedFirstPage();
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-paging-'));
  writeFileSync(path.join(dir, 'query.json'), JSON.stringify({ ...shipped, interactions: [first, next] }));
  return dir;
}
