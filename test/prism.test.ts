/**
 * Prism (@stoplight/prism-cli 5.14.2, the project's pinned copy) against the project, both ways round:
 * as a mock built from the slice that the suite runs against, and as a validating proxy in front of the
 * reference double. Each test pins what Prism does today and why, so that a change on either side shows.
 * Everything listens on 127.0.0.1.
 */
import { groupMap } from './support/emulator.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUITES } from '../suites/index.js';
import { proxyViolations } from '../src/checks/proxy-violations.js';
import { loadSlice, SLICE_FILE } from '../src/openapi/load.js';
import { operationTable } from '../src/openapi/operation-table.js';
import { validatorFor } from '../src/openapi/validator.js';
import type { CheckResult, RunResults } from '../src/report/results.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { startPrism, type RunningPrism } from '../tools/bench/prism.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { diffsIn, operationsAnsweredWithRequestId } from './support/diffs.js';
import { writeDoctoredSlice, writeSliceWithoutExamples } from './support/slice-copies.js';

/** Several runs share one mock process (and two cores) in these tests: fewer requests in flight each. */
const GENTLY = ['--concurrency', '4'];

const CREATE_URL = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const CONNECTOR_GROUP = { $ref: '#/components/schemas/microsoft.graph.connectorGroup' };
const ONLY_CREATE = ['--only', 'create.'];

/** Every create.* check: the create suite's own and those derived from the slice (judged in the contract suite). */
const createIds = (profile: 'openapi' | 'graph') =>
  SUITES.flatMap((s) => s.checks)
    .filter((c) => c.id.startsWith('create.') && c.profiles.includes(profile))
    .map((c) => c.id)
    .sort();
const onlyCreate = (ids: string[]) => ids.filter((id) => id.startsWith('create.'));
const check = (results: RunResults | undefined, id: string): CheckResult | undefined => results?.checks.find((c) => c.id === id);

/** Prism's `--errors` false alarm on a correct Graph create: `additionalProperties: {type: object}` read literally. */
const ODATA_CONTEXT_VIOLATION = {
  location: ['response', 'body', '@odata.context'],
  severity: 'Error',
  code: 'type',
  message: 'Response body property @odata.context must be object',
};
const ODATA_CONTEXT_REPORT = 'sl-violations (1 error): Response body property @odata.context must be object';
/** How a check's message introduces Prism's report: the answer does not say whether Prism was the mock or a proxy. */
const PRISM_REPORT_NOTE = "the answer carries Prism's validation report, from Prism as the mock or as a proxy in front: ";

function post(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}${CREATE_URL}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer prism-test', 'client-request-id': 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' },
    body: JSON.stringify(body),
  });
}

let tmp: string;
let mock: RunningPrism;
let samplingMock: RunningPrism;
let doctoredMock: RunningPrism;
let proxy: RunningPrism;
let direct: RunningEmulator;
let behindProxy: RunningEmulator;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'gc-prism-'));
  [direct, behindProxy] = await Promise.all([startEmulator(), startEmulator()]);
  // Four Prisms load their descriptions side by side (~2–4 s each).
  const started = await Promise.allSettled([
    startPrism(['mock', SLICE_FILE]),
    startPrism(['mock', writeSliceWithoutExamples(tmp)]),
    startPrism(['mock', writeDoctoredSlice(tmp)]),
    startPrism(['proxy', '--errors', SLICE_FILE, behindProxy.baseUrl]),
  ]);
  const [m, w, d, p] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  // Assigned even when one failed to start, so that afterAll stops the others.
  [mock, samplingMock, doctoredMock, proxy] = [m!, w!, d!, p!];
  const failedStart = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failedStart) throw failedStart.reason;
}, 45_000);

afterAll(async () => {
  await Promise.all([mock, samplingMock, doctoredMock, proxy].map((p) => p?.close()));
  await Promise.all([direct, behindProxy].map((d) => d?.close()));
});

describe.concurrent('prism mock specs/openapi.yaml', () => {
  /**
   * Prism answers every operation with the slice's examples (decisions connector-group-example …
   * count-example, and other-sets-examples for every set beside connectorGroups), with an exact code where
   * Microsoft documents only 2XX (exact-status-beside-range).
   */
  test('--profile openapi: exit 0, every check the profile judges passes: no false failure against a third-party mock of the slice', async () => {
    const run = await runConformance(['--base-url', mock.baseUrl, '--profile', 'openapi', '--seed', '7', ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(idsWithStatus(run.results, 'failed')).toEqual([]);
    expect(run.results?.summary.blocked).toBe(0);
    const judged = SUITES.flatMap((s) => s.checks).filter((c) => c.profiles.includes('openapi') && c.unavailable === undefined);
    expect(idsWithStatus(run.results, 'passed')).toEqual(judged.map((c) => c.id).sort());
    // Every operation of the slice was sent, with every query parameter it declares, and its success answer judged.
    const table = operationTable(loadSlice());
    const coverage = run.results?.coverage;
    expect(coverage?.operations.items.map((i) => i.name)).toEqual(table.map((op) => op.name));
    expect(coverage?.operations.items.filter((i) => !i.exercised || i.onlyErrors).map((i) => i.name)).toEqual([]);
    const declared = table.reduce((n, op) => n + op.query.length, 0);
    expect(coverage?.parameters).toEqual({ total: declared, exercised: declared });
  });

  // The README's quick start against Prism (the graph profile with the shipped baseline: exactly what a
  // stateless mock cannot do, each known with its reason) is in test/quick-starts.test.ts, run as a user runs
  // it from the installed package.

  /** Prism validates requests again: region's nullability is written beside a type (decision region-nullable). */
  test('refuses an invalid create with 422 before answering', async () => {
    expect((await post(mock.baseUrl, { name: 5 })).status).toBe(422);
    expect((await post(mock.baseUrl, { name: 'x', region: 'mars' })).status).toBe(422);
    expect((await post(mock.baseUrl, { name: 'x', region: null })).status).toBe(201);
  });
});

describe.concurrent('diff: prism mock against the recordings', () => {
  /** The differences are a stateless mock's, each a real behaviour of Prism's. */
  test("every difference is Prism's: none of Graph's headers, the slice's example whatever was sent, unknown ids answered 200", async () => {
    const run = await runConformance(['diff', '--base-url', mock.baseUrl, ...GENTLY]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const written = diffsIn(run.reportDir);
    const { diffs, ids } = written;
    // Graph's correlation headers are missing on every operation the mock answered.
    expect(operationsAnsweredWithRequestId(written)).toEqual([]);
    // The example, whatever name was sent.
    expect(diffs).toContainEqual(expect.objectContaining({ id: 'diff.create./name', target: 'Connector Group Demo' }));
    // An application no one created: Graph's 404, Prism's 200 with the example.
    expect(diffs).toContainEqual(expect.objectContaining({ id: 'diff.applications.get.status', recorded: 404, target: 200 }));
    // Where both answer alike, nothing: the list's status.
    expect(ids.has('diff.list.status')).toBe(false);
  });
});

describe.concurrent('prism mock of a slice broken on purpose', () => {
  test('a wrong status and an invalid example fail exactly the checks that judge them', async () => {
    // Only what the two faults touch, so this Prism is not one of four under a full run's load.
    const run = await runConformance([
      '--base-url',
      doctoredMock.baseUrl,
      '--profile',
      'openapi',
      '--seed',
      '7',
      '--only',
      'create.,list.,property.valid-bodies',
      ...GENTLY,
    ]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // create documents 200 in the copy: create.status, and the property check that holds every valid body to 201.
    expect(idsWithStatus(run.results, 'failed'), run.stdout).toEqual(['create.status', 'list.body.schema', 'property.valid-bodies']);
    expect(check(run.results, 'create.status')?.message).toMatch(/^POST …\/connectorGroups: status 200 is not documented \(documented: 201, default/);
    expect(check(run.results, 'list.body.schema')?.message).toMatch(
      /^GET …\/connectorGroups: \/value\/0\/connectorGroupType must be equal to one of the allowed values/,
    );
  });
});

describe.concurrent('prism mock of the slice without its examples', () => {
  /**
   * Without examples Prism's static mock samples create's body from the schema (json-schema-sampler
   * 0.3.0). The sampler knows no `pattern` and no `format: duration`, so it writes the placeholder
   * "string" into Microsoft's duration fields (maxLifetime, interval: `^-?P…$`); and where the schema
   * recurses (connector.memberOf → connectorGroup) it cuts the recursion with `null`. Both make the body
   * invalid against the slice — the reason for decision connector-group-example — and nothing else
   * does: repaired, the body validates, so the validator has no false alarm here.
   */
  test("create.body.schema fails on Prism's sampling alone", async () => {
    const run = await runConformance(['--base-url', samplingMock.baseUrl, '--profile', 'openapi', '--seed', '7', ...GENTLY, ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(onlyCreate(idsWithStatus(run.results, 'failed'))).toEqual(['create.body.schema']);
    const schema = check(run.results, 'create.body.schema');
    expect(schema?.message).toContain('/maxLifetime must match format "duration"');
    expect(schema?.message).toContain('/members/0/memberOf/0/members/0/memberOf/0 must be object');
  });

  test("the validator's only objections to Prism's sampled body are the two sampling deviations; repaired, it validates", async () => {
    const body = (await (await post(samplingMock.baseUrl, { name: 'prism-test', isDefault: false })).json()) as Record<string, unknown>;
    const validator = validatorFor(loadSlice());
    const violations = validator.validate(CONNECTOR_GROUP, body);
    const placeholder = violations.filter((v) => (v.keyword === 'pattern' || v.keyword === 'format') && valueAt(body, v.pointer) === 'string');
    const cutRecursion = violations.filter((v) => v.keyword === 'type' && valueAt(body, v.pointer) === null && /\/memberOf\/\d+$/.test(v.pointer));
    expect(placeholder.length).toBeGreaterThan(0);
    expect(cutRecursion.length).toBeGreaterThan(0);
    expect(violations.filter((v) => !placeholder.includes(v) && !cutRecursion.includes(v))).toEqual([]);
    expect(new Set(placeholder.map((v) => v.pointer.split('/').at(-1)))).toEqual(new Set(['maxLifetime', 'interval']));

    const repaired = structuredClone(body);
    for (const v of placeholder) setAt(repaired, v.pointer, 'PT1H');
    // Deepest first, so that removing one null does not shift the index of another.
    for (const v of [...cutRecursion].sort((a, b) => b.pointer.localeCompare(a.pointer))) removeAt(repaired, v.pointer);
    expect(validator.validate(CONNECTOR_GROUP, repaired)).toEqual([]);
  });
});

describe.concurrent('prism proxy --errors in front of the reference double', () => {
  test('the suite passes against the double directly', async () => {
    const run = await runConformance(['--base-url', direct.baseUrl, '--profile', 'graph', '--seed', '7', ...GENTLY, ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(onlyCreate(idsWithStatus(run.results, 'passed'))).toEqual(createIds('graph'));
  });

  /**
   * Prism compiles the slice and reads `additionalProperties: {type: object}` literally: the double's
   * correct `"@odata.context": "https://…"` string must be an object, so Prism replaces the 201 by its
   * own 500. The project decides otherwise (odata-annotations, allof-inheritance).
   */
  test("it turns a correct create into a 500, and every create check names Prism's report", async () => {
    const run = await runConformance(['--base-url', proxy.baseUrl, '--profile', 'graph', '--seed', '7', ...GENTLY, ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // Every create check fails but the schema one, which leaves a 5xx to create.server-error, and the
    // read-back, which no accepted create leaves anything to judge: blocked by the first create's status.
    const failing = createIds('graph').filter((id) => id !== 'create.body.schema' && id !== 'create.read-back');
    expect(onlyCreate(idsWithStatus(run.results, 'failed'))).toEqual(failing);
    expect(check(run.results, 'create.read-back')).toMatchObject({ status: 'skipped', blockedBy: expect.stringMatching(/create\.status$/) });
    expect(check(run.results, 'create.status')?.message).toBe(
      `POST …/connectorGroups: status 500 is not documented (documented: 201, default; default covers a 4xx only) (${PRISM_REPORT_NOTE}${ODATA_CONTEXT_REPORT})`,
    );
    for (const id of failing) expect(check(run.results, id)?.message, id).toContain(`(${PRISM_REPORT_NOTE}${ODATA_CONTEXT_REPORT})`);
    const evidence = check(run.results, 'create.status')?.evidence?.response;
    expect(evidence?.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(evidence?.headers['sl-violations'] ?? '[]')).toEqual([ODATA_CONTEXT_VIOLATION]);
    // The double did create the groups (the create and contract suites' each); the suites never saw their
    // ids, so they could not delete them.
    expect([...groupMap(behindProxy).values()].filter((g) => g.name.startsWith(`conformance-${run.results?.runId}-`))).toHaveLength(2);
  });

  test("Prism's 500 and its sl-violations header, as a client sees them; an invalid request is Prism's own 422", async () => {
    const response = await post(proxy.baseUrl, { name: 'prism-test', isDefault: false });
    expect(response.status).toBe(500);
    const headers = Object.fromEntries(response.headers);
    expect(JSON.parse(headers['sl-violations'] ?? '[]')).toEqual([ODATA_CONTEXT_VIOLATION]);
    expect(proxyViolations(headers)).toBe(ODATA_CONTEXT_REPORT);
    expect(await response.json()).toMatchObject({ type: 'https://stoplight.io/prism/errors#VIOLATIONS', status: 500, validation: [ODATA_CONTEXT_VIOLATION] });
    expect((await post(proxy.baseUrl, { name: 5 })).status).toBe(422);
  });
});

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function walk(root: unknown, keys: readonly string[]): unknown {
  let value = root;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function valueAt(root: unknown, pointer: string): unknown {
  return walk(root, segments(pointer));
}

function parentOf(root: unknown, pointer: string): [Record<string, unknown> | unknown[], string] {
  const keys = segments(pointer);
  const last = keys.pop();
  if (last === undefined) throw new Error('the root has no parent');
  return [walk(root, keys) as Record<string, unknown> | unknown[], last];
}

function setAt(root: unknown, pointer: string, value: unknown): void {
  const [parent, key] = parentOf(root, pointer);
  (parent as Record<string, unknown>)[key] = value;
}

function removeAt(root: unknown, pointer: string): void {
  const [parent, key] = parentOf(root, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
}
