/**
 * Finds and deletes the connectorGroups conformance runs create (`conformance-<runId>-…`), for the
 * groups a killed run could not delete itself, and for an interrupted run's own clean-up.
 */
import { capturingFetch, type Exchange } from '../client/exchange.js';
import type { RunConfig } from '../config/run-config.js';
import { retryPolicy } from '../runtime/context.js';
import { GROUPS_URL_PATH as GROUPS } from '../openapi/paths.js';

const MAX_PAGES = 50;
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
  const exchanges: Exchange[] = [];
  const send = capturingFetch((e) => exchanges.push(e), config.timeoutMs, retryPolicy(config));
  const headers: Record<string, string> = config.token ? { Authorization: `Bearer ${config.token}` } : {};
  return async (method: string, url: string): Promise<Exchange> => {
    await send(new Request(url, { method, headers }));
    return exchanges.at(-1)!;
  };
}

/** Every group whose name starts with `prefix`, following @odata.nextLink. */
export async function findGroups(config: RunConfig, prefix = 'conformance-'): Promise<LeftGroup[]> {
  const send = transport(config);
  const found: LeftGroup[] = [];
  let url: string | undefined = `${config.baseUrl}${GROUPS}`;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const exchange = await send('GET', url);
    if (exchange.response.status !== 200) throw new Error(`listing connectorGroups answered ${exchange.response.status}: ${exchange.response.body.slice(0, 200)}`);
    const body = JSON.parse(exchange.response.body) as { value?: { id?: string; name?: string }[]; '@odata.nextLink'?: string };
    for (const group of body.value ?? []) {
      if (typeof group.id !== 'string' || typeof group.name !== 'string' || !group.name.startsWith(prefix)) continue;
      const match = NAME.exec(group.name);
      found.push({
        id: group.id,
        name: group.name,
        ...(match && { runId: `${match[1]}${match[2]}`, createdAt: new Date(parseInt(match[1]!, 36)) }),
      });
    }
    url = body['@odata.nextLink'];
    if (url !== undefined && originOf(url) !== originOf(config.baseUrl)) {
      throw new Error(`the listing's @odata.nextLink leads to another origin (${originOf(url)}); not followed, so the token stays with ${originOf(config.baseUrl)}`);
    }
  }
  return found;
}

/** Deletes each group; returns the ones the target would not delete, with why. */
export async function deleteGroups(config: RunConfig, groups: readonly LeftGroup[]): Promise<{ group: LeftGroup; status: number }[]> {
  const send = transport(config);
  const refused: { group: LeftGroup; status: number }[] = [];
  for (const group of groups) {
    const exchange = await send('DELETE', `${config.baseUrl}${GROUPS}/${encodeURIComponent(group.id)}`);
    if (exchange.response.status >= 300 && exchange.response.status !== 404) refused.push({ group, status: exchange.response.status });
  }
  return refused;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
