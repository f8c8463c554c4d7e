/**
 * Prism (@stoplight/prism-cli 5.14.2, the project's pinned copy) against the project, both ways round:
 * as a mock built from the slice that the suite runs against, and as a validating proxy in front of the
 * reference double. Each test pins what Prism does today and why, so that a change on either side shows.
 * Everything listens on 127.0.0.1; the runs are restricted to the create checks (`--only create.`: the
 * create suite's own, and create's checks derived from the slice, judged in the contract suite): the
 * other operations' checks against Prism are not what this file is about.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SUITES } from '../src/suites/index.js';
import { proxyViolations } from '../src/checks/proxy-violations.js';
import { loadSlice, SLICE_FILE } from '../src/openapi/load.js';
import { validatorFor } from '../src/openapi/validator.js';
import type { CheckResult, RunResults } from '../src/report/results.js';
import { startDouble, type RunningDouble } from '../src/double/server.js';
import { startPrism, writeMicrosoftFormSlice, writeSliceWithoutExample, type RunningPrism } from '../src/bench/prism.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';

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

/** Prism's `--errors` false alarm on a correct Graph create, read from Microsoft's own form of the schema. */
const ODATA_CONTEXT_VIOLATION = {
  location: ['response', 'body', '@odata.context'],
  severity: 'Error',
  code: 'type',
  message: 'Response body property @odata.context must be object',
};
const ODATA_CONTEXT_REPORT = 'sl-violations (1 error): Response body property @odata.context must be object';

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
let direct: RunningDouble;
let behindMicrosoftForm: RunningDouble;
let behindSlice: RunningDouble;
let microsoftFormProxy: RunningPrism;
let sliceProxy: RunningPrism;
let reverted: string[];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'gc-prism-'));
  const microsoftForm = writeMicrosoftFormSlice(tmp);
  reverted = microsoftForm.reverted;
  [direct, behindMicrosoftForm, behindSlice] = await Promise.all([
    startDouble(),
    startDouble(),
    startDouble({ defects: ['create-body-schema'] }),
  ]);
  // Four Prisms load their descriptions side by side (~2–4 s each).
  const started = await Promise.allSettled([
    startPrism(['mock', SLICE_FILE]),
    startPrism(['proxy', '--errors', microsoftForm.file, behindMicrosoftForm.baseUrl]),
    startPrism(['proxy', '--errors', SLICE_FILE, behindSlice.baseUrl]),
    startPrism(['mock', writeSliceWithoutExample(tmp)]),
  ]);
  const [m, f, s, w] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  // Assigned even when one failed to start, so that afterAll stops the others.
  [mock, microsoftFormProxy, sliceProxy, samplingMock] = [m!, f!, s!, w!];
  const failedStart = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failedStart) throw failedStart.reason;
}, 45_000);

afterAll(async () => {
  await Promise.all([mock, microsoftFormProxy, sliceProxy, samplingMock].map((p) => p?.close()));
  await Promise.all([direct, behindMicrosoftForm, behindSlice].map((d) => d?.close()));
});

describe.concurrent('prism mock specs/openapi.yaml', () => {
  /** Prism answers create with the slice's example (decision create-response-example), a valid connectorGroup. */
  test('--profile openapi: every create check passes: no false failure against a third-party mock of the slice', async () => {
    const run = await runConformance(['--base-url', mock.baseUrl, '--profile', 'openapi', '--seed', '7', ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(onlyCreate(idsWithStatus(run.results, 'passed'))).toEqual(createIds('openapi'));
  });

  test("--profile graph: fails echo, request-id and client-request-id (Prism echoes nothing and sends none of Graph's headers)", async () => {
    const run = await runConformance(['--base-url', mock.baseUrl, '--profile', 'graph', '--seed', '7', ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(onlyCreate(idsWithStatus(run.results, 'failed'))).toEqual(['create.body.echo', 'create.header.client-request-id', 'create.header.request-id']);
    expect(onlyCreate(idsWithStatus(run.results, 'passed'))).toEqual(['create.body.id', 'create.body.schema', 'create.header.content-type', 'create.server-error', 'create.status']);
    // The example, whatever was sent.
    const echo = check(run.results, 'create.body.echo')?.message ?? '';
    expect(echo).toMatch(/^name: sent "conformance-[^"]+", got "Connector Group Demo"(; region: sent "[a-z]+", got "nam")?$/);
    expect(check(run.results, 'create.header.request-id')?.message).toBe('no request-id header');
    expect(check(run.results, 'create.header.client-request-id')?.message).toMatch(
      /^sent client-request-id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}, got no client-request-id header$/,
    );
    // What Prism adds instead of Graph's headers.
    const headers = check(run.results, 'create.header.request-id')?.evidence?.response?.headers ?? {};
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['request-id']).toBeUndefined();
  });
});

describe.concurrent('prism mock of the slice without the example', () => {
  /**
   * Without an example Prism's static mock samples create's body from the schema (json-schema-sampler
   * 0.3.0). The sampler knows no `pattern` and no `format: duration`, so it writes the placeholder
   * "string" into Microsoft's duration fields (maxLifetime, interval: `^-?P…$`); and where the schema
   * recurses (connector.memberOf → connectorGroup) it cuts the recursion with `null`. Both make the body
   * invalid against the slice — the reason for decision create-response-example — and nothing else
   * does: repaired, the body validates, so the validator has no false alarm here.
   */
  test('create.body.schema fails on Prism\'s sampling alone', async () => {
    const run = await runConformance(['--base-url', samplingMock.baseUrl, '--profile', 'openapi', '--seed', '7', ...ONLY_CREATE]);
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
    const run = await runConformance(['--base-url', direct.baseUrl, '--profile', 'graph', '--seed', '7', ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(onlyCreate(idsWithStatus(run.results, 'passed'))).toEqual(createIds('graph'));
  });

  /**
   * With the schema in Microsoft's own form (region a bare $ref; the copy differs from the slice only
   * there), Prism compiles it and reads `additionalProperties: {type: object}` literally: the
   * double's correct `"@odata.context": "https://…"` string must be an object, so Prism replaces the
   * 201 by its own 500. The project decides otherwise (odata-annotations, allof-inheritance).
   */
  test("on Microsoft's form of the schema it turns a correct create into a 500, and every create check names Prism's report", async () => {
    expect(reverted).toEqual(['components.schemas.microsoft.graph.connectorGroup.allOf.1.properties.region']);
    const run = await runConformance(['--base-url', microsoftFormProxy.baseUrl, '--profile', 'graph', '--seed', '7', ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // Every create check fails but the schema one, which leaves a 5xx to create.server-error.
    const failing = createIds('graph').filter((id) => id !== 'create.body.schema');
    expect(onlyCreate(idsWithStatus(run.results, 'failed'))).toEqual(failing);
    expect(check(run.results, 'create.status')?.message).toBe(
      `POST …/connectorGroups: status 500 is not documented (documented: 201, default; default covers a 4xx only) (a proxy in front reported: ${ODATA_CONTEXT_REPORT})`,
    );
    for (const id of failing) expect(check(run.results, id)?.message, id).toContain(`(a proxy in front reported: ${ODATA_CONTEXT_REPORT})`);
    const evidence = check(run.results, 'create.status')?.evidence?.response;
    expect(evidence?.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(evidence?.headers['sl-violations'] ?? '[]')).toEqual([ODATA_CONTEXT_VIOLATION]);
    // The double did create the groups (the create and contract suites' each); the suites never saw their
    // ids, so they could not delete them.
    expect([...behindMicrosoftForm.groups.values()].filter((g) => g.name.startsWith(`conformance-${run.results?.runId}-`))).toHaveLength(2);
  });

  test("Prism's 500 and its sl-violations header, as a client sees them", async () => {
    const response = await post(microsoftFormProxy.baseUrl, { name: 'prism-test', isDefault: false });
    expect(response.status).toBe(500);
    const headers = Object.fromEntries(response.headers);
    expect(JSON.parse(headers['sl-violations'] ?? '[]')).toEqual([ODATA_CONTEXT_VIOLATION]);
    expect(proxyViolations(headers)).toBe(ODATA_CONTEXT_REPORT);
    expect(await response.json()).toMatchObject({ type: 'https://stoplight.io/prism/errors#VIOLATIONS', status: 500, validation: [ODATA_CONTEXT_VIOLATION] });
    // An invalid request is refused by Prism itself (422) before it reaches the double.
    expect((await post(microsoftFormProxy.baseUrl, { name: 5 })).status).toBe(422);
  });

  /**
   * On the slice itself Prism validates no connectorGroup at all: its Ajv refuses to compile `nullable`
   * without `type` (region: `anyOf: [$ref]` + `nullable: true`, decision region-nullable) and Prism
   * swallows the compile error, so every create request and response passes. A double that breaks the
   * schema goes through unreported; the suite catches it alone. Graph's error envelope does compile,
   * and there Prism reads innerError's `additionalProperties: {type: object}` literally: the double's
   * correct 400 (innerError date and request-id strings) becomes Prism's 500 (decision
   * inner-error-service-specific).
   */
  test('on the slice itself Prism reports nothing on a broken create body (the suite catches it) and a false alarm on every Graph error', async () => {
    const response = await post(sliceProxy.baseUrl, { name: 'prism-test', isDefault: false });
    expect(response.status).toBe(201);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(((await response.json()) as { connectorGroupType?: unknown }).connectorGroupType).toBe(42);
    // An invalid request is not refused by Prism (no 422): the double's 400 comes back, as Prism's 500.
    const invalid = await post(sliceProxy.baseUrl, { name: 5 });
    expect(invalid.status).toBe(500);
    expect(proxyViolations(Object.fromEntries(invalid.headers))).toBe(
      'sl-violations (3 errors): Response body property error.innerError.date must be object; ' +
        'Response body property error.innerError.request-id must be object; ' +
        'Response body property error.innerError.client-request-id must be object',
    );

    const run = await runConformance(['--base-url', sliceProxy.baseUrl, '--profile', 'graph', '--seed', '7', ...ONLY_CREATE]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(onlyCreate(idsWithStatus(run.results, 'failed'))).toEqual(['create.body.schema']);
    const message = check(run.results, 'create.body.schema')?.message ?? '';
    expect(message).toMatch(/^POST …\/connectorGroups: \/connectorGroupType /);
    expect(message).not.toContain('a proxy in front reported');
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
