/**
 * The clean-up register of one suite: the groups it created and has not deleted, and, when the suite
 * ends, their deletion — whatever happened in between.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { RunConfig } from '../config/run-config.js';
import type { CapturedRequest, Exchange } from '../client/exchange.js';
import { GROUP_PATH, PROFILE_ID } from '../openapi/paths.js';

export interface CleanupRegister {
  /** Registers a created group for deletion when the suite ends. */
  track(id: string): void;
  /** Forgets a group the suite deleted itself. */
  untrack(id: string): void;
  /** Groups created and not yet deleted, oldest first. */
  created: ReadonlySet<string>;
}

export function cleanupRegister(): CleanupRegister {
  const created = new Set<string>();
  return { track: (id) => void created.add(id), untrack: (id) => void created.delete(id), created };
}

/** What the clean-up needs of the suite: its register, the client it deletes with, and what went unanswered. */
export interface CleanupScope extends CleanupRegister {
  config: RunConfig;
  /** The run id the suite's names carry: `conformance-<runId>-…`. */
  runId: string;
  client: Client<paths>;
  lastExchange(): Exchange;
  unanswered: readonly CapturedRequest[];
}

export interface LeftBehind {
  id: string;
  why: string;
}

/**
 * Deletes what the suite created (newest first) — and, when a create got no answer, the group it may
 * have made anyway, found by the name it sent. Never throws: it returns what it could not delete, with
 * why, so the command can point to a sweep.
 */
export async function deleteCreated(scope: CleanupScope): Promise<LeftBehind[]> {
  const left: LeftBehind[] = [];
  const remove = async (id: string) => {
    try {
      await scope.client.DELETE(GROUP_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID, 'connectorGroup-id': id } } });
      const { status } = scope.lastExchange().response;
      if (status >= 300 && status !== 404) left.push({ id, why: `DELETE answered ${status}` });
      scope.untrack(id);
    } catch (error) {
      left.push({ id, why: (error as Error).message });
    }
  };
  for (const id of [...scope.created].reverse()) await remove(id);
  if (scope.config.target !== 'replay') {
    const names = unansweredCreates(scope.unanswered);
    if (names.size > 0) {
      try {
        const { findGroups } = await import('../hygiene/sweep.js');
        for (const group of await findGroups(scope.config, `conformance-${scope.runId}-`)) if (names.has(group.name)) await remove(group.id);
      } catch (error) {
        left.push({ id: [...names].join(', '), why: `a create got no answer and the groups could not be listed to find it: ${(error as Error).message}` });
      }
    }
  }
  return left;
}

/** The names sent by creates that never got an answer. */
function unansweredCreates(requests: readonly CapturedRequest[]): Set<string> {
  const names = new Set<string>();
  for (const request of requests) {
    if (request.method !== 'POST' || !new URL(request.url).pathname.endsWith('/connectorGroups') || !request.body) continue;
    try {
      const name = (JSON.parse(request.body) as { name?: unknown }).name;
      if (typeof name === 'string') names.add(name);
    } catch {
      // Not JSON: a malformed-body probe, which creates nothing.
    }
  }
  return names;
}
