/**
 * `sweep`'s listing: it follows @odata.nextLink only on the base URL's origin (the project's one origin
 * rule, client/origin.ts), and when it stops at its page limit it says so — how many pages it read, that
 * more may exist, how to go on — and exits 1, never passing a cut listing off as complete.
 */
import { describe, expect, test } from 'vitest';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCommand } from './support/run-cli.js';
import { MAX_PAGES } from '../src/hygiene/sweep.js';

const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const twoHoursAgo = (Date.now() - 2 * 3_600_000).toString(36).padStart(8, '0');

/**
 * A listing server: page N holds one conformance group, and `next(N, origin)` says where page N's
 * @odata.nextLink points (none when undefined). Deletes succeed.
 */
async function listingServer(next: (page: number, origin: string) => string | undefined) {
  const requests: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    requests.push(request);
    request.resume();
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/') return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Cannot GET /');
    if (request.method === 'DELETE') return void response.writeHead(204).end();
    const page = Number(url.searchParams.get('page') ?? '1');
    const link = next(page, origin);
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({
        value: [{ id: `g${page}`, name: `conformance-${twoHoursAgo}a1b2c3-p${page}` }],
        ...(link !== undefined && { '@odata.nextLink': link }),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    listings: () => requests.filter((r) => r.method === 'GET' && r.url !== '/').length,
    deletes: () => requests.filter((r) => r.method === 'DELETE').length,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sweep = (baseUrl: string, ...extra: string[]) => runCommand('src/cli/conformance.ts', ['sweep', '--base-url', baseUrl, ...extra]);

describe('sweep', () => {
  test('a listing that never ends stops at the page limit and says so: pages read, more may exist, how to go on; exit 1', async () => {
    const server = await listingServer((page, origin) => `${origin}${GROUPS}?page=${page + 1}`);
    try {
      const dry = await sweep(server.origin);
      expect(dry.code, dry.stderr).toBe(1);
      expect(server.listings()).toBe(MAX_PAGES);
      expect(dry.stderr).toContain(`sweep: stopped at its page limit after reading ${MAX_PAGES} pages of connectorGroups`);
      expect(dry.stderr).toContain('more groups may exist that this sweep neither listed nor deleted');
      expect(dry.stderr).toContain('run the same sweep again with --yes');
      expect(dry.stdout).toContain(`at least ${MAX_PAGES} conformance groups on ${server.origin}; dry run`);
      expect(dry.stdout.split('\n').filter((l) => l.startsWith('conformance-'))).toHaveLength(MAX_PAGES);

      const wet = await sweep(server.origin, '--yes');
      expect(wet.code, wet.stderr).toBe(1);
      expect(wet.stderr).toContain(`after reading ${MAX_PAGES} pages`);
      expect(wet.stdout).toContain(`deleted ${MAX_PAGES} of at least ${MAX_PAGES} conformance groups`);
      expect(server.deletes()).toBe(MAX_PAGES);
    } finally {
      await server.close();
    }
  });

  test('a listing that ends is read to its end, without a note; exit 0', async () => {
    const server = await listingServer((page, origin) => (page < 3 ? `${origin}${GROUPS}?page=${page + 1}` : undefined));
    try {
      const run = await sweep(server.origin);
      expect(run.code, run.stderr).toBe(0);
      expect(server.listings()).toBe(3);
      expect(run.stdout).toMatch(/^3 conformance groups on http:\/\/127\.0\.0\.1:\d+; dry run/m);
      expect(run.stderr).not.toContain('page limit');
    } finally {
      await server.close();
    }
  });

  test('a next link is compared by parsed origin: the same origin spelt otherwise is followed, another port is not requested (exit 2, naming it)', async () => {
    const elsewhere = await listingServer(() => undefined);
    const server = await listingServer((page, origin) =>
      page === 1 ? `${origin.replace('http://', 'HTTP://')}${GROUPS}?page=2` : page === 2 ? `${elsewhere.origin}${GROUPS}?page=3` : undefined,
    );
    try {
      const run = await sweep(server.origin);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(server.listings()).toBe(2);
      expect(elsewhere.requests).toEqual([]);
      expect(run.stderr).toContain(
        `error: sweep could not list the connectorGroups: the listing's @odata.nextLink was not followed: ${elsewhere.origin}${GROUPS}?page=3 is on another origin (${elsewhere.origin})`,
      );
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await Promise.all([server.close(), elsewhere.close()]);
    }
  });
});
