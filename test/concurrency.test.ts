/**
 * Runs bound by the network: suites and independent requests go side by side, replay knows each request
 * by its chain and step (never by arrival order or shape alone), and one throttled answer pauses the
 * whole run once, losing no check.
 */
import { groupMap } from './support/emulator.js';
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import { startEmulator } from '../src/emulator/index.js';
import { SUITES } from '../suites/index.js';
import { requestGuid } from '../src/engine/context.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';

const SHIPPED = fromRoot('fixtures', 'recordings');
type Named = { response: { body: { name: string } } };
const ALL_CHECKS = SUITES.flatMap((s) => s.checks).length;

describe.concurrent('replay by chain and step', () => {
  test('every recorded request carries its tag, and its client-request-id is the one the tag derives', () => {
    for (const file of readdirSync(SHIPPED)) {
      const cassette = JSON.parse(readFileSync(path.join(SHIPPED, file), 'utf8')) as Cassette;
      for (const i of cassette.interactions) {
        expect(i.tag, `${file} ${i.request.method} ${i.request.path}`).toMatch(/^[^#]+#\d+$/);
        // create's one request sends a client-request-id of its own (the echo check compares it).
        if (file !== 'create.json') {
          expect(i.request.headers['client-request-id']).toBe(requestGuid(cassette.meta.seed, cassette.meta.operation, i.tag!));
        }
      }
    }
  });

  test('recordings whose interactions are in reverse order still replay green: nothing matches by arrival order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-reversed-'));
    cpSync(SHIPPED, dir, { recursive: true });
    for (const file of readdirSync(dir)) {
      const cassette = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Cassette;
      cassette.interactions.reverse();
      writeFileSync(path.join(dir, file), JSON.stringify(cassette));
    }
    const run = await runConformance(['--fixtures-dir', dir]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results?.summary.failed).toBe(0);
  });

  test('twenty-five creates of one shape each find their own answer: swapping two answers fails the echo', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-swapped-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const file = path.join(dir, 'property.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    const creates = (cassette.interactions as unknown as Array<Cassette['interactions'][number] & Named>).filter(
      (i) => i.request.method === 'POST' && i.response.status === 201,
    );
    // Two valid creates of the same shape: the names in their answers traded (the ids stay, so the deletes
    // that follow still find theirs). Matched by shape, or in order, the two could not tell.
    const [a, b] = creates.filter((i) => typeof (i.request.body as { region?: unknown }).region === 'string').slice(0, 2) as unknown as [Named, Named];
    [a.response.body.name, b.response.body.name] = [b.response.body.name, a.response.body.name];
    writeFileSync(file, JSON.stringify(cassette));
    const run = await runConformance(['--fixtures-dir', dir, '--only', 'property.valid-bodies']);
    expect(idsWithStatus(run.results, 'failed')).toEqual(['property.valid-bodies']);
    expect(run.results?.checks[0]?.message).toMatch(/does not echo the body/);
  });
});

describe('one throttle for the whole run', () => {
  test('a 429 with Retry-After on one request while others are in flight pauses every request once, and no check is lost', async () => {
    const double = await startEmulator({ faults: { throttle: { status: 429, times: 1, retryAfterSeconds: 2, after: 40 } } });
    try {
      // Two suites, two requests each at once: at most four in flight when the 429 comes.
      const run = await runConformance(['--base-url', double.baseUrl, '--seed', '7', '--settle-ms', '0', '--concurrency', '2']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.results?.checks).toHaveLength(ALL_CHECKS);
      expect(run.results?.summary.failed).toBe(0);
      expect(run.results?.throttled).toMatchObject({ pauses: 1 });
      expect(run.results?.throttled?.waitedMs).toBeGreaterThanOrEqual(1900);
      expect(run.stdout).toMatch(/throttled: the target asked the run to wait 1 time; every request paused, 2\.\d s in all/);
      // While the gate was closed no new request started: at most the four in flight land (late, on a
      // loaded machine), where a run that paused only the throttled request would send dozens.
      const throttled = double.requests.find((r) => r.status === 429)!;
      const during = double.requests.filter((r) => r.at > throttled.at + 300 && r.at < throttled.at + 1900);
      expect(during.length, JSON.stringify(during.map((r) => `${r.method} ${r.path}`))).toBeLessThanOrEqual(4);
      expect(double.requests.filter((r) => r.at >= throttled.at + 1950).length).toBeGreaterThan(20);
      expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
    } finally {
      await double.close();
    }
  });
});
