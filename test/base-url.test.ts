/**
 * A base URL under which nothing serves the family says so once — exit 2, every check blocked by
 * `suite:base-url`, the probable cause named first in the closing lines with what to do, as a banner in
 * report.html and as results.json's rootCause — instead of twenty failures that each say "not JSON".
 * A target that answers some requests (a partial mock) is judged normally.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
    expect(judged[0]?.message).toContain(`; fix: try --base-url ${baseUrl}/beta`);
    // results.json names the one cause, what happened apart from what to do.
    expect(run.results?.rootCause).toEqual({
      blockedBy: 'suite:base-url',
      message: expect.stringMatching(new RegExp(`^nothing under ${baseUrl} serves the application-proxy API: every one of the run's \\d+ requests`)),
      fix: expect.stringMatching(new RegExp(`^try --base-url ${baseUrl}/beta `)),
      checks: judged.length,
    });
    // The closing output starts with the cause and what to do, before the table; said once, not again as a blocked line.
    const lead = run.stderr.split('\n').filter((l) => l !== '');
    expect(lead[0]).toMatch(
      new RegExp(`^error: nothing under ${baseUrl} serves the application-proxy API: .*\\(${judged.length} checks not judged, blocked by suite:base-url\\)$`),
    );
    expect(lead[1]).toMatch(new RegExp(`^fix: try --base-url ${baseUrl}/beta `));
    expect(run.stderr).not.toMatch(/^blocked: /m);
    expect(run.stdout).not.toMatch(/^error: /m);
    // Printed as suites end, before the decision: withdrawn in one line, then the closing lines.
    expect(run.stdout).toMatch(/^suite:base-url: every answer of the run was a 404 that is not JSON; the verdicts above are withdrawn/m);
    expect(run.stdout).toMatch(/^not exercised: \d+ operations( and \d+ query parameters?)?, because of suite:base-url \(above\)$/m);
    expect(run.stdout.match(/^not exercised: /gm)).toHaveLength(1);
    // report.html: a banner with the cause and what to do, before Needs attention.
    const page = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    const banner = page.indexOf('class="root-cause"');
    expect(banner).toBeGreaterThan(-1);
    expect(banner).toBeLessThan(page.indexOf('Needs attention'));
    expect(page.slice(banner, page.indexOf('</section>', banner))).toContain(`<strong>What to do:</strong> try --base-url ${baseUrl}/beta`);
  });

  test('with --quiet: the closing output still starts with the cause and what to do', async () => {
    const baseUrl = await serve(cannotGet);
    const run = await runConformance(['--base-url', baseUrl, '--only', 'create.', '--quiet']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const lead = run.stderr.split('\n').filter((l) => l !== '');
    expect(lead[0]).toMatch(/^error: nothing under .* serves the application-proxy API: .*blocked by suite:base-url\)$/);
    expect(lead[1]).toMatch(new RegExp(`^fix: try --base-url ${baseUrl}/beta `));
    expect(lead).toHaveLength(2);
  });

  test('a base URL with a path under which nothing serves: the fix names the option and the root, not /beta', async () => {
    const root = await serve(cannotGet);
    const run = await runConformance(['--base-url', `${root}/v1.0`, '--only', 'create.']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.results?.rootCause?.fix).toMatch(
      /^check --base-url \/ GRAPH_BASE_URL: the slice's paths .* are appended to it, as to Graph's https:\/\/graph\.microsoft\.com\/beta$/,
    );
    expect(run.stderr).not.toContain('/v1.0/beta');
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
    expect(run.results?.rootCause).toBeUndefined();
    expect(run.stderr).not.toMatch(/^fix: /m);
    expect(run.results?.checks.find((c) => c.id === 'create.status')?.status).toBe('passed');
    expect(run.results?.checks.find((c) => c.id === 'get.status')?.status).toBe('failed');
  });
});
