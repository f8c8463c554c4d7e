/**
 * Mockoon CLI 9.9.0 (the project's pinned @mockoon/cli), started on specs/openapi.yaml as a user would,
 * and the suite run against it. Mockoon builds its default answer from each response schema's own
 * `example` (decisions connector-group-example … error-example) and serves only numeric statuses
 * (decision exact-status-beside-range). What it still cannot serve is its own limit, pinned here and
 * listed in the README.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSlice, SLICE_FILE } from '../src/openapi/load.js';
import { operationTable } from '../src/openapi/operation-table.js';
import { SUITES } from '../suites/index.js';
import { startMockoon, type RunningMockoon } from '../tools/bench/mockoon.js';
import type { RunResults } from '../src/report/results.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { diffsIn, operationsAnsweredWithRequestId } from './support/diffs.js';
import { MOCKOON_LIMITS, SHIPPED, SKIPPED_FOR_CAPABILITY, STATELESS_MOCK_FAILURES } from './support/stateless-mock.js';

/** Several runs share one mock process (and two cores) in these tests: fewer requests in flight each. */
const GENTLY = ['--concurrency', '4'];

const table = operationTable(loadSlice());
/**
 * Mockoon's own limits, from the slice alone: every `$count` operation's body (text/plain, not served from an
 * import) and both checks of every OData key-segment operation (never routed). baselines/mockoon.yaml marks
 * exactly these "(fails in --profile openapi too)".
 */
const LIMITS_FROM_THE_SLICE = [
  ...table.filter((op) => op.path.endsWith('/$count')).map((op) => `${op.name}.body.schema`),
  ...table.filter((op) => /\(.*\)$/.test(op.path)).flatMap((op) => [`${op.name}.body.schema`, `${op.name}.header.content-type`]),
].sort();
/** Every write of a link (POST or DELETE of …/$ref): the run always names an id no one issued at its far end. */
const LINK_WRITES = table.filter((op) => op.path.endsWith('/$ref') && op.method !== 'get').map((op) => `${op.name}.status`);

let mockoon: RunningMockoon;
const message = (results: RunResults | undefined, id: string) => results?.checks.find((c) => c.id === id)?.message ?? '';

beforeAll(async () => {
  mockoon = await startMockoon(SLICE_FILE);
}, 45_000);

afterAll(async () => {
  await mockoon?.close();
});

describe.concurrent('mockoon-cli start --data specs/openapi.yaml', () => {
  test('serves under servers[0] path, /beta', () => {
    expect(mockoon.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta$/);
  });

  test('the baseline marks as failing in --profile openapi too exactly what the slice asks of Mockoon that it cannot serve', () => {
    expect(MOCKOON_LIMITS).toEqual(LIMITS_FROM_THE_SLICE);
  });

  test('--profile openapi: only the checks Mockoon cannot serve fail, each for its own reason', async () => {
    const run = await runConformance(['--base-url', mockoon.baseUrl, '--profile', 'openapi', '--seed', '7', ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual(MOCKOON_LIMITS);
    expect(run.results?.summary.blocked).toBe(0);
    const judged = SUITES.flatMap((s) => s.checks).filter((c) => c.profiles.includes('openapi') && c.unavailable === undefined);
    expect(idsWithStatus(run.results, 'passed')).toEqual(
      judged
        .map((c) => c.id)
        .filter((id) => !MOCKOON_LIMITS.includes(id))
        .sort(),
    );
    // text/plain is not served from an import: the documented type, no body.
    expect(message(run.results, 'count.body.schema')).toBe('GET …/connectorGroups/$count: the response has no body');
    // The OData key segment is never routed: Mockoon's own HTML 404.
    expect(message(run.results, 'applications.by-appId.get.header.content-type')).toMatch(/expected application\/json, got "text\/html; charset=utf-8"$/);
  });

  test("diff against the recordings: Mockoon's own behaviour, among it the empty text/plain $count and no Graph header", async () => {
    const run = await runConformance(['diff', '--base-url', mockoon.baseUrl, ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const written = diffsIn(run.reportDir);
    const { diffs, ids } = written;
    // Graph's correlation headers are missing on every operation the mock answered.
    expect(operationsAnsweredWithRequestId(written)).toEqual([]);
    // A count Graph answers as text, Mockoon with no body at all.
    expect(diffs).toContainEqual(expect.objectContaining({ id: 'diff.count./', target: 'absent' }));
    // Its HTML 404 for the OData key segment it cannot route.
    expect(diffs).toContainEqual(
      expect.objectContaining({ id: 'diff.applications.by-appId.get.header:content-type', recorded: 'application/json', target: 'text/html' }),
    );
    expect(ids.has('diff.list.status')).toBe(false);
  });

  /** One graph-profile run with the baseline the package ships for Mockoon, by name (the guide's quick start). */
  test("--profile graph --baseline mockoon: fails what a stateless mock cannot do and Mockoon's own limits, each known with its reason, exit 0", async () => {
    const run = await runConformance(['--base-url', mockoon.baseUrl, '--profile', 'graph', '--baseline', 'mockoon', '--seed', '7', ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(idsWithStatus(run.results, 'failed')).toEqual(STATELESS_MOCK_FAILURES.mockoon);
    for (const id of SKIPPED_FOR_CAPABILITY) expect(run.results?.checks.find((c) => c.id === id)?.message, id).toMatch(/^capability:filter-startswith/);
    expect(message(run.results, 'negative.auth.no-token')).toMatch(/^expected 401, got 201 .*the body is the slice's own example/);
    expect(message(run.results, 'lifecycle.get-updated')).toContain("the body is the slice's own example");
    // Every link write, in every set, is answered as if the unknown id at its far end existed.
    for (const id of LINK_WRITES)
      expect(message(run.results, id), id).toMatch(/^(POST|DELETE) .*: expected a 4xx for a request on something that does not exist, got 2\d\d/);
    const known = (run.results?.checks ?? []).filter((c) => c.baseline?.state === 'known');
    expect(known.map((c) => c.id).sort()).toEqual(STATELESS_MOCK_FAILURES.mockoon);
    expect(run.results?.summary).toMatchObject({ known: known.length, fixed: 0, blocked: 0 });
    for (const { id, baseline } of known) {
      expect(baseline?.reason, id).toBe(SHIPPED.mockoon[id]);
      expect(run.stdout, id).toContain(`✗ ${id} (known failure: ${SHIPPED.mockoon[id]})`);
    }
  });
});
