/**
 * The clean-up register of one suite: what it created and has not deleted (connector groups, and any
 * other entity with the request that deletes it), and, when the suite ends, their deletion — whatever
 * happened in between.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '../../generated/openapi.js';
import type { RunConfig } from '../config/run-config.js';
import type { CapturedRequest, Exchange } from '../client/exchange.js';
import { GROUP_PATH, PROFILE_ID } from '../openapi/paths.js';

/** How to delete an entity that is not a connector group: its request path (below the base URL) and headers. */
export interface Removal {
  path: string;
  headers?: Record<string, string>;
}

export interface CleanupRegister {
  /** Registers a created entity for deletion when the suite ends: a connector group unless `removal` says how. */
  track(id: string, removal?: Removal): void;
  /** Forgets what the suite deleted itself. */
  untrack(id: string): void;
  /** Ids created and not yet deleted, oldest first. */
  created: ReadonlySet<string>;
  /** The removal of each tracked id that is not a connector group. */
  removals: ReadonlyMap<string, Removal>;
}

export function cleanupRegister(): CleanupRegister {
  const created = new Set<string>();
  const removals = new Map<string, Removal>();
  return {
    track: (id, removal) => {
      created.add(id);
      if (removal) removals.set(id, removal);
    },
    untrack: (id) => {
      created.delete(id);
      removals.delete(id);
    },
    created,
    removals,
  };
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
  /** Where it is deleted, when it is not a connector group (found by name): the clean-up after an interrupt tries again there. */
  removal?: Removal;
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
      const removal = scope.removals.get(id);
      if (removal) {
        // A path of the slice, filled in: the typed client takes it as it is.
        await (scope.client.DELETE as (path: string, init: { headers?: Record<string, string> }) => Promise<unknown>)(removal.path, {
          headers: removal.headers ?? {},
        });
      } else await scope.client.DELETE(GROUP_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID, 'connectorGroup-id': id } } });
      const { status } = scope.lastExchange().response;
      if (status >= 300 && status !== 404) left.push({ id, why: `DELETE answered ${status}`, ...(removal && { removal }) });
      scope.untrack(id);
    } catch (error) {
      const removal = scope.removals.get(id);
      left.push({ id, why: (error as Error).message, ...(removal && { removal }) });
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
