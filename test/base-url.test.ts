/**
 * A base URL under which nothing serves the family says so once — exit 2, every check blocked by
 * `suite:base-url`, the probable cause named — instead of twenty failures that each say "not JSON".
 * A target that answers some requests (a partial mock) is judged normally.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SUITES } from '../suites/index.js';
import { runConformance } from './support/run-cli.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => handler(request, response));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const cannotGet = (request: IncomingMessage, response: ServerResponse) =>
  response.writeHead(404, { 'Content-Type': 'text/html' }).end(`<pre>Cannot ${request.method} ${request.url}</pre>`);

describe('a base URL that serves nothing of the family', () => {
  test('every request answered 404 with HTML: exit 2, every judged check blocked by suite:base-url, /beta suggested', async () => {
    const baseUrl = await serve(cannotGet);
    const run = await runConformance(['--base-url', baseUrl, '--property-runs', '2']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const selected = SUITES.flatMap((s) => s.checks);
    expect(run.results?.checks).toHaveLength(selected.length);
    const judged = run.results!.checks.filter((c) => !/needs an (installed connector|application)/.test(c.message ?? ''));
    expect(new Set(judged.map((c) => c.blockedBy))).toEqual(new Set(['suite:base-url']));
    expect(run.results?.summary.failed).toBe(0);
    expect(judged[0]?.message).toMatch(/every one of the run's \d+ requests was answered 404 with a body that is not JSON/);
    expect(judged[0]?.message).toContain(`(e.g. ${baseUrl}/beta)`);
    expect(run.stderr).toMatch(/blocked: \d+ checks not judged because of suite:base-url/);
  });

  test('a partial mock (create served, the rest 404 HTML) is judged normally: failures, exit 1', async () => {
    const baseUrl = await serve((request, response) => {
      if (request.method === 'POST' && request.url?.endsWith('/connectorGroups')) {
        response
          .writeHead(201, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: 'g1', name: 'x', isDefault: false, connectorGroupType: 'applicationProxy' }));
      } else cannotGet(request, response);
    });
    const run = await runConformance(['--base-url', baseUrl, '--only', 'create.,get.', '--profile', 'openapi']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.results?.checks.some((c) => c.blockedBy === 'suite:base-url')).toBe(false);
    expect(run.results?.checks.find((c) => c.id === 'create.status')?.status).toBe('passed');
    expect(run.results?.checks.find((c) => c.id === 'get.status')?.status).toBe('failed');
  });
});
