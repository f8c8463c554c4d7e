/**
 * A throttled answer (429/503) that the suite waits out and sends again is evidence that the target
 * throttled, never the answer judged: the derived and conventions checks judge the last attempt of each
 * request, and the retries show in results.json (the passing message, `evidence.retries`) and report.html.
 * Against the reference double throttling only `…/connectorGroups/$count`; the one real wait is the
 * scenario's own `Retry-After: 1` (about a second), the control waits nothing (`Retry-After: 0`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import { conventionsHeaders } from '../src/checks/conventions.js';
import { derivedChecks, type DerivedSubject } from '../src/checks/derived.js';
import { loadSlice } from '../src/openapi/load.js';
import { operationTable } from '../src/openapi/operation-table.js';
import { validatorFor } from '../src/openapi/validator.js';
import type { RunResults } from '../src/report/results.js';
import { startEmulator } from '../src/emulator/index.js';
import { runConformance } from './support/run-cli.js';

const COUNT_PATH = '/connectorGroups/$count';
const check = (results: RunResults | undefined, id: string) => results?.checks.find((c) => c.id === id);

describe('a target that throttles $count, then answers', () => {
  test('503 with Retry-After: 1 once, then 200: the answer is judged, the count checks pass, exit 0', async () => {
    const double = await startEmulator({ faults: { throttle: { status: 503, times: 1, retryAfterSeconds: 1, path: COUNT_PATH } } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', 'count.']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // The double did answer 503 first: the pass is the retry's, not a missed throttle.
      expect(double.requests.filter((r) => r.status === 503).map((r) => r.path)).toEqual([
        '/onPremisesPublishingProfiles/applicationProxy/connectorGroups/$count',
      ]);
      for (const id of ['count.status', 'count.server-error']) {
        expect(check(run.results, id)?.status, id).toBe('passed');
        expect(check(run.results, id)?.message, id).toMatch(/; 1 throttled answer \(503\) waited out and sent again, not judged\)?$/);
      }
      expect(run.results?.throttled).toEqual({ pauses: 1, waitedMs: 1000 });
    } finally {
      await double.close();
    }
  });

  test('503 every time, past the retries: count.status still fails on the last answer, which says it was retried', async () => {
    const double = await startEmulator({ faults: { throttle: { status: 503, times: 1000, retryAfterSeconds: 0, path: COUNT_PATH } } });
    try {
      const run = await runConformance(['--base-url', double.baseUrl, '--only', 'count.']);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const status = check(run.results, 'count.status');
      expect(status?.status).toBe('failed');
      expect(status?.message).toMatch(
        /^GET …\/connectorGroups\/\$count: status 503 is not documented .*\(after 3 throttled answers waited out and sent again\)$/,
      );
      expect(status?.evidence?.response?.status).toBe(503);
      expect(status?.evidence?.retries).toBe(3);
      expect(check(run.results, 'count.server-error')?.status).toBe('failed');
      const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
      expect(html).toContain('The target throttled this request first: 3 answers (429/503) waited out and sent again; the response below is the one judged.');
    } finally {
      await double.close();
    }
  });
});

describe('checks skip the attempts marked retried', () => {
  const spec = loadSlice();
  const validator = validatorFor(spec);
  const COUNT = 'https://t.example.invalid/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/$count';
  const id = '5eed0000-0000-4000-8000-000000000001';
  const attempt = (status: number, body: string, type: string, extra: Partial<Exchange>): Exchange => ({
    request: { method: 'GET', url: COUNT, headers: { 'client-request-id': id } },
    response: { status, headers: { 'content-type': type, ...(status === 200 && { 'request-id': id, 'client-request-id': id }) }, body },
    durationMs: 1,
    operation: 'count',
    ...extra,
  });
  // A throttled answer without Graph's headers, then the answer: neither the derived nor the headers check fails.
  const exchanges = [
    attempt(503, '{"error":{"code":"ServiceUnavailable","message":"busy"}}', 'application/json', { retried: true }),
    attempt(200, '3', 'text/plain', { retries: 1, expect: 'success' }),
  ];
  const subject: DerivedSubject = { spec, validator, exchanges, notSent: new Map() };

  test('the derived checks of $count judge the answer and name the throttled attempt', () => {
    const op = operationTable(spec).find((o) => o.name === 'count')!;
    for (const c of derivedChecks(op)) {
      const verdict = c.run(subject, 'graph');
      expect(verdict.status, c.id).toBe('passed');
      expect(verdict.status === 'passed' && verdict.note, c.id).toContain('1 throttled answer (503) waited out and sent again, not judged');
    }
  });

  test('conventions.headers judges the answer, not the throttled attempt', () => {
    expect(conventionsHeaders.run(subject, 'graph')).toEqual({
      status: 'passed',
      note: '1 responses; 1 throttled answer (503) waited out and sent again, not judged',
    });
  });
});
