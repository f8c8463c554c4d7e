/**
 * A target that answers an id it never issued keeps no state (a mock serving the slice's example for any
 * id): the run finds it once, before the suites, says so, and does not wait for writes that can never
 * show. A target that keeps state (the emulator), a --settle-ms the user gave, and replay are left alone.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runConformance, type ConformanceOptions } from '../src/index.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { NEVER_ISSUED_ID } from '../src/run/preflight.js';

const GROUP = {
  id: '3e6f4c35-a04b-4d03-b98a-66fff89b72e6',
  name: 'Connector Group Demo',
  connectorGroupType: 'applicationProxy',
  isDefault: false,
  region: 'nam',
};

/** A stateless mock: the same group for any id, 201 to any create, 204 to anything else. */
function statelessMock(): Promise<{ server: Server; baseUrl: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(`${request.method} ${request.url}`);
    request.resume();
    const json = (status: number) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(GROUP));
    if (request.method === 'POST') return json(201);
    if (request.method === 'GET') return json(200);
    response.writeHead(204).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths })),
  );
}

async function run(baseUrl: string, extra: ConformanceOptions = {}) {
  const lines: string[] = [];
  const result = await runConformance({
    baseUrl,
    token: 'T',
    only: 'lifecycle.',
    reportDir: mkdtempSync(path.join(tmpdir(), 'gc-stateless-')),
    env: {},
    onProgress: (line) => lines.push(line),
    ...extra,
  });
  return { result, lines };
}

describe('a target that keeps no state', () => {
  let mock: Awaited<ReturnType<typeof statelessMock>>;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    [mock, emulator] = await Promise.all([statelessMock(), startEmulator()]);
  });
  afterAll(async () => {
    await Promise.all([new Promise((resolve) => mock.server.close(resolve)), emulator.close()]);
  });

  test('is found by one read of an id it never issued, said once, and not waited for', async () => {
    const { result, lines } = await run(mock.baseUrl);
    expect(mock.paths).toContain(`GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups/${NEVER_ISSUED_ID}`);
    const notes = lines.filter((l) => l.startsWith('note: the target answered GET'));
    expect(notes).toEqual([
      `note: the target answered GET …/connectorGroups/${NEVER_ISSUED_ID}, an id it never issued, with 200: it keeps no state, so no write can show and reads after writes are not retried (--settle-ms 0; give --settle-ms to wait anyway)`,
    ]);
    // What it cannot do still fails, judged as before: the group is there after its DELETE.
    expect(result.results.checks.find((c) => c.id === 'lifecycle.get-after-delete')?.status).toBe('failed');
  });

  test('a --settle-ms the user gave is kept: no probe, no note', async () => {
    const before = mock.paths.length;
    const { lines } = await run(mock.baseUrl, { settleMs: 30 });
    expect(mock.paths.slice(before).filter((p) => p.includes(NEVER_ISSUED_ID))).toEqual([]);
    expect(lines.filter((l) => l.includes('keeps no state'))).toEqual([]);
  });

  test('a target that keeps state answers 404 to the probe and is waited for as before', async () => {
    const { result, lines } = await run(emulator.baseUrl);
    expect(emulator.requests.filter((r) => r.path.endsWith(NEVER_ISSUED_ID)).map((r) => r.status)).toEqual([404]);
    expect(lines.filter((l) => l.includes('keeps no state'))).toEqual([]);
    expect(result.exitCode).toBe(0);
  });
});
