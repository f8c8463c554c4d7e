/**
 * The gallery of correct-but-different servers (src/emulator/variants.ts): each variant really differs
 * from the default double over HTTP, and the command passes every one of them — exit 0, every rule it
 * stresses passed or warned. A rule that fails a variant is a false alarm of the suite, fixed in the rule.
 */
import { groupMap } from './support/emulator.js';
import { describe, expect, test } from 'vitest';
import { startEmulator, VARIANTS, type EmulatorOptions, type RunningEmulator, type Variant } from '../src/emulator/index.js';
import { allRecords } from '../tools/cli/check-records.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runConformance } from '../src/index.js';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const AUTH = { Authorization: 'Bearer T' };
const JSON_BODY = { ...AUTH, 'Content-Type': 'application/json' };

describe('the variant records', () => {
  test('at least twelve, each name unique, each with a behaviour and a source', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(12);
    const names = VARIANTS.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VARIANTS) {
      expect(v.behaviour.trim(), v.name).not.toBe('');
      expect(v.source.trim(), v.name).not.toBe('');
      expect(v.exercises.length, v.name).toBeGreaterThan(0);
    }
  });

  test('every id a variant exercises is a real check id', () => {
    const ids = new Set(allRecords().map((r) => r.id));
    const unknown = VARIANTS.flatMap((v) => v.exercises.filter((id) => !ids.has(id)).map((id) => `${v.name}: ${id}`));
    expect(unknown).toEqual([]);
  });

  test('every variant has a probe below that shows it differs', () => {
    expect(VARIANTS.map((v) => v.name).filter((name) => !(name in PROBES))).toEqual([]);
    expect(Object.keys(PROBES).filter((name) => !VARIANTS.some((v) => v.name === name))).toEqual([]);
  });
});

/** One request to a double, its answer read whole. */
async function call(double: RunningEmulator, method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${double.baseUrl}${path}`, {
    method,
    headers: init.headers ?? AUTH,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const create = async (double: RunningEmulator, name: string) =>
  (await call(double, 'POST', GROUPS, { headers: JSON_BODY, body: { name } })).json?.['id'] as string;
const itemNames = (json: Record<string, unknown> | undefined) => ((json?.['value'] ?? []) as { name: string }[]).map((g) => g.name);
const skipTokenOf = (link: unknown) => new URL(String(link)).searchParams.get('$skiptoken') ?? '';

type Probe = (variant: RunningEmulator, reference: RunningEmulator) => Promise<void>;

/** Per variant: one or two requests to it and to the default double, and the difference they show. */
const PROBES: Record<string, Probe> = {
  'busy-tenant': async (variant, reference) => {
    const [v, r] = [await call(variant, 'GET', GROUPS), await call(reference, 'GET', GROUPS)];
    expect(itemNames(v.json)).toHaveLength(25);
    expect(v.json?.['@odata.nextLink']).toEqual(expect.any(String));
    // The default tenant's two groups, on one page.
    expect(itemNames(r.json)).toEqual(['Default', 'West']);
    expect(r.json?.['@odata.nextLink']).toBeUndefined();
  },
  'tiny-pages': async (variant, reference) => {
    await create(reference, 'a');
    const [v, r] = [await call(variant, 'GET', GROUPS), await call(reference, 'GET', GROUPS)];
    expect(itemNames(v.json)).toHaveLength(2);
    expect(v.json?.['@odata.nextLink']).toEqual(expect.any(String));
    expect(r.json?.['@odata.nextLink']).toBeUndefined();
  },
  'no-startswith': async (variant, reference) => {
    const query = `${GROUPS}?$filter=${encodeURIComponent("startswith(name,'x')")}`;
    const [v, r] = [await call(variant, 'GET', query), await call(reference, 'GET', query)];
    expect(v.status).toBe(400);
    expect((v.json?.['error'] as { code?: string } | undefined)?.code).toBe('Request_UnsupportedQuery');
    expect(r.status).toBe(200);
    // name eq still works on the variant.
    expect((await call(variant, 'GET', `${GROUPS}?$filter=${encodeURIComponent("name eq 'x'")}`)).status).toBe(200);
  },
  compressed: async (variant, reference) => {
    const [v, r] = [await call(variant, 'GET', GROUPS), await call(reference, 'GET', GROUPS)];
    expect(v.headers.get('content-encoding')).toBe('gzip');
    expect(v.headers.get('vary')).toBe('Accept-Encoding');
    expect(r.headers.get('content-encoding')).toBeNull();
    // Decoded by fetch: the same document either way.
    expect(v.json).toEqual(r.json);
    const identity = await call(variant, 'GET', GROUPS, { headers: { ...AUTH, 'Accept-Encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    const deflate = await call(variant, 'GET', GROUPS, { headers: { ...AUTH, 'Accept-Encoding': 'deflate' } });
    expect(deflate.headers.get('content-encoding')).toBe('deflate');
  },
  etags: async (variant, reference) => {
    const [v, r] = [
      await call(variant, 'POST', GROUPS, { headers: JSON_BODY, body: { name: 'e' } }),
      await call(reference, 'POST', GROUPS, { headers: JSON_BODY, body: { name: 'e' } }),
    ];
    const tag = v.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);
    expect(r.headers.get('etag')).toBeNull();
    const [vid, rid] = [v.json?.['id'] as string, r.json?.['id'] as string];
    // A stale tag is refused on the variant; the default double ignores If-Match on PATCH.
    const stale = { headers: { ...JSON_BODY, 'If-Match': '"stale"' }, body: { name: 'e2' } };
    expect((await call(variant, 'PATCH', `${GROUPS}/${vid}`, stale)).status).toBe(412);
    expect((await call(reference, 'PATCH', `${GROUPS}/${rid}`, stale)).status).toBe(204);
    // Without If-Match nothing is required, and the tag changes with the group.
    expect((await call(variant, 'PATCH', `${GROUPS}/${vid}`, { headers: JSON_BODY, body: { name: 'e3' } })).status).toBe(204);
    const current = (await call(variant, 'GET', `${GROUPS}/${vid}`)).headers.get('etag')!;
    expect(current).not.toBe(tag);
    expect((await call(variant, 'DELETE', `${GROUPS}/${vid}`, { headers: { ...AUTH, 'If-Match': tag! } })).status).toBe(412);
    expect((await call(variant, 'DELETE', `${GROUPS}/${vid}`, { headers: { ...AUTH, 'If-Match': current } })).status).toBe(204);
  },
  'opaque-skip-tokens': async (variant, reference) => {
    await Promise.all([create(reference, 'a'), create(reference, 'b'), create(reference, 'c')]);
    // Both asked for pages of two, so both hand out a token.
    const [v, r] = [await call(variant, 'GET', `${GROUPS}?$top=2`), await call(reference, 'GET', `${GROUPS}?$top=2`)];
    const [vt, rt] = [skipTokenOf(v.json?.['@odata.nextLink']), skipTokenOf(r.json?.['@odata.nextLink'])];
    expect(Buffer.from(rt, 'base64url').toString('utf8')).toMatch(/^(after|offset)=\d+$/);
    expect(Buffer.from(vt, 'base64url').toString('utf8')).not.toMatch(/(after|offset)=/);
    expect(vt.length).toBeGreaterThan(40);
    const next = await call(variant, 'GET', new URL(String(v.json?.['@odata.nextLink'])).pathname + new URL(String(v.json?.['@odata.nextLink'])).search);
    expect(next.status).toBe(200);
    // Default, West and three preexisting groups: pages of two, the second one full.
    expect(itemNames(next.json)).toEqual(['preexisting-1', 'preexisting-2']);
    // A readable token the variant did not hand out is refused.
    expect((await call(variant, 'GET', `${GROUPS}?$skiptoken=${rt}`)).status).toBe(400);
  },
  'newest-first': async (variant, reference) => {
    for (const double of [variant, reference]) {
      await create(double, 'first');
      await create(double, 'second');
    }
    const [v, r] = [itemNames((await call(variant, 'GET', GROUPS)).json), itemNames((await call(reference, 'GET', GROUPS)).json)];
    expect(v.indexOf('second')).toBeLessThan(v.indexOf('first'));
    expect(r.indexOf('first')).toBeLessThan(r.indexOf('second'));
    // $orderby still decides where it is sent.
    expect(itemNames((await call(variant, 'GET', `${GROUPS}?$orderby=name&$filter=${encodeURIComponent("name eq 'first'")}`)).json)).toEqual(['first']);
  },
  'other-client': async (variant, reference) => {
    for (let i = 0; i < 14; i++) await Promise.all([call(variant, 'GET', `${GROUPS}/$count`), call(reference, 'GET', `${GROUPS}/$count`)]);
    const others = (double: RunningEmulator) => [...groupMap(double).values()].filter((g) => g.name.startsWith('other-client-')).map((g) => g.name);
    expect(others(variant)).toEqual(['other-client-1', 'other-client-2']);
    expect(others(reference)).toEqual([]);
    for (let i = 0; i < 14; i++) await call(variant, 'GET', `${GROUPS}/$count`);
    // It deletes its oldest beyond three, and nothing else.
    expect(others(variant)).toEqual(['other-client-2', 'other-client-3', 'other-client-4']);
  },
  'patch-200': async (variant, reference) => {
    const [vid, rid] = [await create(variant, 'p'), await create(reference, 'p')];
    const patch = { headers: JSON_BODY, body: { name: 'p2' } };
    const [v, r] = [await call(variant, 'PATCH', `${GROUPS}/${vid}`, patch), await call(reference, 'PATCH', `${GROUPS}/${rid}`, patch)];
    expect(v.status).toBe(200);
    expect(v.json?.['name']).toBe('p2');
    expect(r.status).toBe(204);
  },
  'throttled-429': async (variant, reference) => {
    const statuses = async (double: RunningEmulator) => {
      const seen: { status: number; retryAfter: string | null }[] = [];
      for (let i = 0; i < 5; i++) {
        const answer = await call(double, 'GET', GROUPS);
        seen.push({ status: answer.status, retryAfter: answer.headers.get('retry-after') });
      }
      return seen;
    };
    const v = await statuses(variant);
    expect(v.filter((s) => s.status === 429)).toEqual([{ status: 429, retryAfter: '1' }]);
    expect((await statuses(reference)).every((s) => s.status === 200)).toBe(true);
  },
  'count-busy-503': async (variant, reference) => {
    const [v, r] = [await call(variant, 'GET', `${GROUPS}/$count`), await call(reference, 'GET', `${GROUPS}/$count`)];
    expect(v.status).toBe(503);
    expect(v.headers.get('retry-after')).toBe('1');
    expect(r.status).toBe(200);
    expect((await call(variant, 'GET', `${GROUPS}/$count`)).status).toBe(200);
  },
  'eventually-consistent': async (variant, reference) => {
    const [vid, rid] = [await create(variant, 'l'), await create(reference, 'l')];
    expect((await call(variant, 'GET', `${GROUPS}/${vid}`)).status).toBe(404);
    expect((await call(reference, 'GET', `${GROUPS}/${rid}`)).status).toBe(200);
  },
  'own-service-root': async (variant, reference) => {
    const [v, r] = [await call(variant, 'GET', GROUPS), await call(reference, 'GET', GROUPS)];
    expect(String(v.json?.['@odata.context'])).toMatch(new RegExp(`^${variant.baseUrl.replaceAll('.', '\\.')}/\\$metadata#`));
    expect(String(r.json?.['@odata.context'])).toMatch(/^https:\/\/graph\.microsoft\.com\/beta\/\$metadata#/);
  },
  'slow-replies': async (variant, reference) => {
    const timed = async (double: RunningEmulator) => {
      const start = performance.now();
      await call(double, 'GET', GROUPS);
      return performance.now() - start;
    };
    const [v, r] = [await timed(variant), await timed(reference)];
    expect(v).toBeGreaterThanOrEqual(24);
    expect(v).toBeGreaterThan(r);
  },
};

async function withDoubles(options: EmulatorOptions, probe: Probe): Promise<void> {
  const [variant, reference] = await Promise.all([startEmulator(options), startEmulator()]);
  try {
    await probe(variant, reference);
  } finally {
    await Promise.all([variant.close(), reference.close()]);
  }
}

describe('each variant differs from the default double over HTTP', () => {
  test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', async (name, variant) => {
    const probe = PROBES[name];
    expect(probe, `no probe for ${name}`).toBeDefined();
    await withDoubles(variant.options, probe!);
  });
});

const passing = (v: Variant) => v.knownFalseAlarm === undefined;

// In-process, through the package's API: what is judged is the run's verdicts, the same ones the command
// prints (the command itself is test/cli-*.test.ts's), without a process to start per variant.
describe.concurrent('a run passes every correct variant', () => {
  test.each(VARIANTS.filter(passing).map((v) => [v.name, v] as const))('%s: exit 0, every rule it stresses passed or warned', async (_name, variant) => {
    const double = await startEmulator(variant.options);
    try {
      const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-gallery-'));
      const lines: string[] = [];
      const run = await runConformance({
        baseUrl: double.baseUrl,
        token: 'T',
        seed: 7,
        settleMs: 0,
        reportDir,
        env: {},
        onProgress: (line) => lines.push(line),
      });
      const failing = run.results.checks.filter((c) => c.status === 'failed' || c.blockedBy !== undefined).map((c) => `${c.id}: ${c.message ?? ''}`);
      expect(failing).toEqual([]);
      expect(run.exitCode, lines.join('\n')).toBe(0);
      const stressed = variant.exercises.map((id) => ({ id, status: run.results.checks.find((c) => c.id === id)?.status }));
      expect(stressed.filter((s) => s.status !== 'passed' && s.status !== 'warned')).toEqual([]);
      // Only the run's own groups are cleaned up: what others hold stays.
      expect([...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'))).toEqual([]);
    } finally {
      await double.close();
    }
  });
});
