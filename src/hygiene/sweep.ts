/**
 * Finds and deletes the connectorGroups conformance runs create (`conformance-<runId>-…`), for the
 * groups a killed run could not delete itself, and for an interrupted run's own clean-up.
 */
import { capturingFetch, type Exchange } from '../client/exchange.js';
import type { RunConfig } from '../config/run-config.js';
import { retryPolicy } from '../engine/transport.js';
import { inPool } from '../engine/pool.js';
import { GROUPS_URL_PATH as GROUPS } from '../openapi/paths.js';
import { destination } from '../client/origin.js';
import { printable } from '../report/printable.js';

/**
 * Pages of the listing read at most: a target that answers every page with another @odata.nextLink
 * would otherwise keep a sweep (or a clean-up) going for ever. At Graph's page size that is thousands
 * of groups; reaching it is said, never passed over (`Listing.more`).
 */
export const MAX_PAGES = 50;
/** runId = 8 base-36 digits of Date.now() + 6 hex digits (run-config.ts newRunId). */
const NAME = /^conformance-([0-9a-z]{8})([0-9a-f]{6})-/;

export interface LeftGroup {
  id: string;
  name: string;
  runId?: string;
  /** When the run that made it started, read from its run id. */
  createdAt?: Date;
}

function transport(config: RunConfig) {
  const headers: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  return async (method: string, url: string): Promise<Exchange> => {
    // A capture of its own for each request: deletes run side by side, and each needs its own answer.
    let answer: Exchange | undefined;
    await capturingFetch((e) => (answer = e), config, retryPolicy(config))(new Request(url, { method, headers }));
    return answer!;
  };
}

/** What one listing found, and whether it stopped at MAX_PAGES with a next link it did not follow. */
export interface Listing {
  groups: LeftGroup[];
  /** Pages read. */
  pages: number;
  /** True when the last page read still had an @odata.nextLink: more groups may exist past it. */
  more: boolean;
}

/** Every group whose name starts with `prefix`, following @odata.nextLink up to MAX_PAGES pages. */
export async function listGroups(config: RunConfig, prefix = 'conformance-'): Promise<Listing> {
  const send = transport(config);
  const groups: LeftGroup[] = [];
  let url: string | undefined = `${config.baseUrl}${GROUPS}`;
  let pages = 0;
  while (url !== undefined && pages < MAX_PAGES) {
    const exchange = await send('GET', url);
    pages++;
    // The body is the target's: it is quoted escaped, so an error printed from here shows it and cannot
    // drive the terminal or a CI log.
    const quoted = () => printable(exchange.response.body.slice(0, 200));
    if (exchange.response.status !== 200) throw new Error(`listing connectorGroups answered ${exchange.response.status}: ${quoted()}`);
    let body: { value?: { id?: string; name?: string }[]; '@odata.nextLink'?: unknown };
    try {
      body = JSON.parse(exchange.response.body) as typeof body;
    } catch {
      // JSON.parse's own message quotes the body raw.
      throw new Error(`listing connectorGroups answered 200 with a body that is not JSON: ${quoted()}`);
    }
    for (const group of Array.isArray(body?.value) ? body.value : []) {
      if (typeof group?.id !== 'string' || typeof group.name !== 'string' || !group.name.startsWith(prefix)) continue;
      const match = NAME.exec(group.name);
      groups.push({
        id: group.id,
        name: group.name,
        ...(match && { runId: `${match[1]}${match[2]}`, createdAt: new Date(parseInt(match[1]!, 36)) }),
      });
    }
    const next = body?.['@odata.nextLink'];
    if (next === undefined || next === null) {
      url = undefined;
      continue;
    }
    // The project's one origin rule: the token goes to the base URL's origin and nowhere else.
    const where = destination(String(next), config.baseUrl);
    if (!where.ok) throw new Error(`the listing's @odata.nextLink was not followed: ${printable(where.why)}`);
    url = where.url;
  }
  return { groups, pages, more: url !== undefined };
}

/** Every group whose name starts with `prefix` that a listing of at most MAX_PAGES pages finds. */
export async function findGroups(config: RunConfig, prefix = 'conformance-'): Promise<LeftGroup[]> {
  return (await listGroups(config, prefix)).groups;
}

/** What a listing cut at MAX_PAGES says: how far it read, that more may exist, and how to go on. */
export function pageLimitNote(listing: Listing): string {
  return (
    `sweep: stopped at its page limit after reading ${listing.pages} pages of connectorGroups; the last one still had an ` +
    '@odata.nextLink, so more groups may exist that this sweep neither listed nor deleted. To continue, run the same sweep ' +
    'again with --yes: what a pass deletes leaves the listing, so each pass reaches further'
  );
}

/** Deletes each group; returns the ones the target would not delete, with why. */
export async function deleteGroups(config: RunConfig, groups: readonly LeftGroup[]): Promise<{ group: LeftGroup; status: number }[]> {
  const send = transport(config);
  // Side by side, as many as --concurrency allows: a clean-up after Ctrl-C should not take a request's
  // round trip once per group (the order of the refusals stays the order of the groups).
  const statuses = await inPool(groups, config.concurrency, async (group) => {
    const exchange = await send('DELETE', `${config.baseUrl}${GROUPS}/${encodeURIComponent(group.id)}`);
    return exchange.response.status;
  });
  return groups.flatMap((group, i) => (statuses[i]! >= 300 && statuses[i] !== 404 ? [{ group, status: statuses[i]! }] : []));
}

/**
 * Deletes entities that are not connector groups at the paths their suites tracked them by (below the base
 * URL): after an interrupt, what a url run made in the other sets. Returns those whose DELETE did not succeed
 * (404 counts as gone).
 */
export async function deletePaths(config: RunConfig, paths: readonly string[]): Promise<{ path: string; status: number }[]> {
  const send = transport(config);
  const statuses = await inPool(paths, config.concurrency, async (path) => (await send('DELETE', `${config.baseUrl}${path}`)).response.status);
  return paths.flatMap((path, i) => (statuses[i]! >= 300 && statuses[i] !== 404 ? [{ path, status: statuses[i]! }] : []));
}
