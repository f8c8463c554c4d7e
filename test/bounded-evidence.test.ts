/**
 * A hostile target's answers are judged without the report growing with them: violations are listed
 * up to MAX_VIOLATIONS and counted past it, evidence bodies are kept cut to MAX_EVIDENCE_BODY_BYTES with
 * the whole body's size and digest, and no message passes MAX_MESSAGE_CHARS. The validator judges a list
 * item by item, exactly as one Ajv call would, without its quadratic cost.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Exchange } from '../src/client/exchange.js';
import { BOTH, failed, type Check } from '../src/checks/check.js';
import { derivedChecks, type DerivedSubject } from '../src/checks/derived.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { loadSlice } from '../src/openapi/load.js';
import { operationTable } from '../src/openapi/operation-table.js';
import { MAX_VIOLATIONS, unsplitValidator, validatorFor } from '../src/openapi/validator.js';
import { fromRoot } from '../src/project-root.js';
import { renderReport } from '../src/report/html.js';
import { writeReports } from '../src/report/reporter.js';
import { boundedMessage, evidenceOf, MAX_EVIDENCE_BODY_BYTES, MAX_MESSAGE_CHARS } from '../src/engine/outcome.js';
import { runSuite } from '../src/engine/run-suite.js';
import type { SuiteDefinition } from '../src/engine/definition.js';
import { resultsOf } from './support/results.js';

const spec = loadSlice();
const validator = validatorFor(spec);
const unsplit = unsplitValidator(spec);
const LIST = { $ref: '#/components/schemas/microsoft.graph.connectorGroupCollectionResponse' };
const GROUP = { $ref: '#/components/schemas/microsoft.graph.connectorGroup' };
const GROUPS = 'http://127.0.0.1:9/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const JSON_TYPE = 'application/json;odata.metadata=minimal;charset=utf-8';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A valid group whose id is no GUID, so that scrubbing leaves the body's head as it was. */
const validGroup = (i: number) => ({
  id: `g-${String(i).padStart(6, '0')}`,
  name: `group ${i}`,
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  region: 'nam',
});
/** Two violations each: id and name of the wrong type. */
const invalidGroup = (i: number) => ({ id: i, name: i, connectorGroupType: 'applicationProxy', isDefault: false });
const listBody = (items: unknown[]) => JSON.stringify({ '@odata.context': `${GROUPS}/$metadata#connectorGroups`, value: items });

const reportDirs: string[] = [];
afterAll(() => reportDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the validator judges a list item by item, exactly as one Ajv call', () => {
  test('violation for violation, envelope and nested arrays included, in the same order', () => {
    const faulty = {
      id: 7,
      name: 5,
      connectorGroupType: 'syncFabric',
      isDefault: 'no',
      region: 'mars',
      colour: 'blue',
      applications: [{ appId: 3, onPremisesPublishing: { externalAuthenticationType: 'x' } }, 'x', null],
      members: [{ id: 1 }, 2],
    };
    const bodies: unknown[] = [
      { '@odata.context': 5, '@odata.nextLink': 7, extra: 'string', value: [faulty, validGroup(1), faulty, 'not an object', null] },
      { value: [validGroup(1), validGroup(2)] },
      { value: 'not an array', '@odata.nextLink': null },
      { value: [], extra: 1 },
      [validGroup(1)],
      { value: [{ ...validGroup(1), applications: [], members: [{ id: 'c', machineName: 5 }] }] },
    ];
    for (const body of bodies) {
      for (const schema of [LIST, GROUP]) {
        const all = validator.validate(schema, body);
        expect(all, JSON.stringify(body)).toEqual(unsplit.validate(schema, body));
        expect(validator.validateBounded(schema, body)).toEqual({ violations: all.slice(0, MAX_VIOLATIONS), total: all.length });
      }
    }
    expect(validator.validate(LIST, bodies[0]).length).toBeGreaterThan(20);
  });

  test('on lists drawn at random, valid and invalid items mixed', () => {
    const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant('applicationProxy'), fc.constant('nam'));
    const item = fc.oneof(
      fc.record({ id: value, name: value, connectorGroupType: value, isDefault: value, region: value, colour: value }, { requiredKeys: [] }),
      fc.record({
        id: fc.string(),
        applications: fc.array(fc.oneof(value, fc.record({ appId: value, displayName: value }, { requiredKeys: [] })), { maxLength: 3 }),
      }),
      value,
    );
    const body = fc.record({ value: fc.oneof(fc.array(item, { maxLength: 6 }), value), '@odata.nextLink': value, extra: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(body, (b) => {
        expect(validator.validate(LIST, b)).toEqual(unsplit.validate(LIST, b));
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });

  test('20,000 invalid items: the first 50 kept, all 40,000 counted, in well under a second', () => {
    const body = JSON.parse(listBody(Array.from({ length: 20_000 }, (_, i) => invalidGroup(i)))) as unknown;
    const started = performance.now();
    const { violations, total } = validator.validateBounded(LIST, body);
    const ms = performance.now() - started;
    expect(total).toBe(40_000);
    expect(violations).toHaveLength(MAX_VIOLATIONS);
    expect(violations.slice(0, 3).map((v) => v.message)).toEqual(['/value/0/id must be string', '/value/0/name must be string', '/value/1/id must be string']);
    expect(violations.at(-1)!.pointer).toBe('/value/24/name');
    // One Ajv call took 6 s for these: its errors were concatenated item after item.
    expect(ms).toBeLessThan(1_500);
  });

  test("a violation's texts are cut: a property name of a megabyte does not become a megabyte of message", () => {
    const name = 'p'.repeat(1 << 20);
    const [violation] = validator.validate(GROUP, { ...validGroup(1), [name]: 'not an object' });
    expect(violation!.pointer).toMatch(/^\/p{499}… \(1,048,077 more characters\)$/);
    expect(violation!.message).toBe(`${violation!.pointer} must be object`);
  });
});

/** A suite of the list operation's derived checks, and `extra`, judging `exchanges` (no request is sent). */
function suiteOf(exchanges: Exchange[], extra: Check<DerivedSubject>[] = []): SuiteDefinition<DerivedSubject> {
  const list = operationTable(spec).find((o) => o.name === 'list')!;
  return {
    name: 'bounded',
    checks: [...derivedChecks(list), ...extra],
    produce: async (ctx) => ({ spec, validator: ctx.validator, exchanges, notSent: new Map() }),
  };
}

function listExchange(body: string, contentType = JSON_TYPE): Exchange {
  return {
    request: { method: 'GET', url: GROUPS, headers: { accept: 'application/json' } },
    response: { status: 200, headers: { 'content-type': contentType }, body },
    durationMs: 1,
    operation: 'list',
    expect: 'success',
    tag: 'main#0',
  };
}

async function judged(exchanges: Exchange[], extra: Check<DerivedSubject>[] = []) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-bounded-'));
  reportDirs.push(reportDir);
  const config = {
    ...resolveRunConfig(['--base-url', 'http://127.0.0.1:9/beta', '--token', 'T', '--seed', '1', '--settle-ms', '0'], {}, fromRoot()).config,
    reportDir,
  };
  const { outcomes } = await runSuite(suiteOf(exchanges, extra), config);
  const results = resultsOf(outcomes);
  const files = writeReports(results, { reportDir, checksBySuite: new Map([['bounded', outcomes]]) });
  return { byId: new Map(outcomes.map((o) => [o.id, o])), sizes: { results: statSync(files.results).size, report: statSync(files.report).size } };
}

describe('through the engine: a hostile list answer, and results.json and report.html stay small', () => {
  test('100,000 valid items (14 MB) as evidence: the body kept cut to 64 KiB, with its byte count and sha256', async () => {
    const body = listBody(Array.from({ length: 100_000 }, (_, i) => validGroup(i)));
    expect(body.length).toBeGreaterThan(10_000_000);
    // The media type is wrong, so the content-type check fails with this answer as its evidence.
    const { byId, sizes } = await judged([listExchange(body, 'text/plain')]);
    expect(byId.get('list.body.schema')?.status).toBe('passed');
    const failure = byId.get('list.header.content-type')!;
    expect(failure.status).toBe('failed');
    const response = failure.evidence!.response!;
    expect(response).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(body), bodySha256: sha256(body) });
    expect(response.body).toBe(body.slice(0, MAX_EVIDENCE_BODY_BYTES));
    expect(failure.evidence!.request.bodyTruncated).toBeUndefined();
    expect(sizes.results).toBeLessThan(150_000);
    expect(sizes.report).toBeLessThan(250_000);
  });

  test('20,000 invalid items: 50 violations listed, 40,000 counted, the message bounded and saying how many more', async () => {
    const body = listBody(Array.from({ length: 20_000 }, (_, i) => invalidGroup(i)));
    const { byId, sizes } = await judged([listExchange(body)]);
    const failure = byId.get('list.body.schema')!;
    expect(failure.status).toBe('failed');
    expect(failure.violations).toHaveLength(MAX_VIOLATIONS);
    expect(failure.violationsTotal).toBe(40_000);
    expect(failure.message!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(failure.message).toMatch(/^GET …\/connectorGroups: \/value\/0\/id must be string; \/value\/0\/name must be string; /);
    expect(failure.message).toContain('; … and 39,950 more');
    expect(failure.evidence!.response).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(body), bodySha256: sha256(body) });
    expect(sizes.results).toBeLessThan(150_000);
    expect(sizes.report).toBeLessThan(250_000);
  });

  test('report.html shows the cut body with its count and digest, and how many violations it does not list', async () => {
    const body = listBody(Array.from({ length: 2_000 }, (_, i) => invalidGroup(i)));
    const { byId } = await judged([listExchange(body)]);
    const failure = byId.get('list.body.schema')!;
    const page = renderReport(resultsOf([failure]));
    const bytes = Buffer.byteLength(body).toLocaleString('en-US');
    expect(page).toContain(`body · cut: the first 65,536 of ${bytes} bytes`);
    expect(page).toContain(`sha256 <code class="digest">${sha256(body)}</code>`);
    expect(page).toContain('… and 3,950 more violations, counted but not listed (4,000 in all).');
    expect(page).toContain('The response body is kept cut in the evidence, so no values are shown.');
  });

  test('a normal failure is as it was: every violation listed in the message, no total, the body whole', async () => {
    const body = listBody([validGroup(1), invalidGroup(2)]);
    const { byId } = await judged([listExchange(body)]);
    const failure = byId.get('list.body.schema')!;
    expect(failure.message).toBe('GET …/connectorGroups: /value/1/id must be string; /value/1/name must be string');
    expect(failure.violations?.map((v) => v.pointer)).toEqual(['/value/1/id', '/value/1/name']);
    expect(failure).not.toHaveProperty('violationsTotal');
    expect(failure.evidence!.response).toEqual({ status: 200, headers: { 'content-type': JSON_TYPE }, body });
  });

  test('any check message past 4,096 characters is cut, saying how much; a secret the cut goes through is still scrubbed', async () => {
    const jwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${'eyJzdWIiOiIxMjM0NTY3ODkwIn0'.padEnd(200, 'A')}.${'s'.repeat(86)}`;
    const long = `${'x'.repeat(MAX_MESSAGE_CHARS - 100)} ${jwt} ${'y'.repeat(1_000_000)}`;
    const shouty: Check<DerivedSubject> = {
      id: 'bounded.shouty',
      operation: 'list',
      title: 'fails at length',
      expectation: '-',
      profiles: BOTH,
      provenBy: [],
      unproven: 'a fixture of this test',
      run: () => failed(long),
    };
    const { byId } = await judged([listExchange(listBody([validGroup(1)]))], [shouty]);
    const message = byId.get('bounded.shouty')!.message!;
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(message).toMatch(/… \(message cut: [\d,]+ more characters\)$/);
    expect(message).not.toContain('eyJhbGciOi');
    expect(message).toContain('<redacted>');
    expect(boundedMessage('short and sweet')).toBe('short and sweet');
  });
});

describe('evidence bodies', () => {
  const exchange = (requestBody: string | undefined, responseBody: string): Exchange => ({
    request: { method: 'POST', url: GROUPS, headers: {}, ...(requestBody !== undefined && { body: requestBody }) },
    response: { status: 400, headers: {}, body: responseBody },
    durationMs: 1,
  });

  test('a request body is cut like a response body; one within the limit is kept whole, with no extra field', () => {
    const big = `{"name":"${'n'.repeat(200_000)}"}`;
    const evidence = evidenceOf(exchange(big, '{"error":{}}'));
    expect(evidence.request).toMatchObject({ bodyTruncated: true, bodyBytes: big.length, bodySha256: sha256(big) });
    expect(evidence.request.body).toHaveLength(MAX_EVIDENCE_BODY_BYTES);
    expect(evidence.response).toEqual({ status: 400, headers: {}, body: '{"error":{}}' });
    expect(evidenceOf(exchange(undefined, '')).request).toEqual({ method: 'POST', url: GROUPS, headers: {} });
  });

  test('counted in UTF-8 bytes and never cut through a character', () => {
    const body = `"${'é€😀'.repeat(20_000)}"`;
    const kept = evidenceOf(exchange(undefined, body)).response!;
    expect(kept.bodyBytes).toBe(Buffer.byteLength(body));
    expect(Buffer.byteLength(kept.body)).toBeLessThanOrEqual(MAX_EVIDENCE_BODY_BYTES);
    expect(Buffer.byteLength(kept.body)).toBeGreaterThan(MAX_EVIDENCE_BODY_BYTES - 4);
    expect(kept.body).not.toContain('\uFFFD');
    expect(body.startsWith(kept.body)).toBe(true);
  });

  test('a secret the 64 KiB cut goes through is scrubbed before the cut, not left half-seen', () => {
    const jwt = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${'eyJzdWIiOiIxMjM0NTY3ODkwIn0'.padEnd(400, 'B')}.${'s'.repeat(86)}`;
    const body = `{"pad":"${'p'.repeat(MAX_EVIDENCE_BODY_BYTES - 200)}","token":"${jwt}","rest":"${'r'.repeat(100_000)}"}`;
    const kept = evidenceOf(exchange(undefined, body)).response!;
    expect(kept.bodyTruncated).toBe(true);
    expect(kept.body).not.toContain('eyJhbGciOi');
    expect(kept.body).toContain('<redacted>');
    expect(kept.bodySha256).toBe(sha256(body));
  });
});
