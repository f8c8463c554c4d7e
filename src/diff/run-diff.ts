/**
 * `npm run conformance -- diff --base-url URL`: every recorded request sent again to the target, in the
 * order it was recorded, and every answer compared with the recorded one (compare.ts). Ids the recording
 * learnt from an answer (a created group's) are mapped to the target's own, so later requests address
 * what the target created; what the diff creates, it deletes. Each difference gets a stable id
 * `diff.<operation>.<pointer>` (array indices written `*`), which --baseline accepts like a check id, and
 * belongs to the behaviour of that id (behaviours.ts): the same difference across requests is one thing
 * the target does. URLs each side wrote are read from that side's own roots (compare.ts `readFromRoot`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RunConfig } from '../config/run-config.js';
import { capturingFetch, type Exchange } from '../client/exchange.js';
import { readCassette, type Cassette, type RecordingSource } from '../engine/cassette.js';
import { loadSlice } from '../openapi/load.js';
import { operationOfRequest } from '../openapi/operation-table.js';
import { GROUPS_URL_PATH } from '../openapi/paths.js';
import { compareAnswers, GRAPH_SERVICE_ROOT, kindOf, parseBody, type Difference, type DifferenceKind, type UrlRoots } from './compare.js';
import { scrubText } from '../scrub/scrub.js';
import { destination, relativeToBase } from '../client/origin.js';

export interface DiffEntry extends Difference {
  id: string;
  /** The behaviour it belongs to: its id (the difference's own id) and the part of the answer it is in. */
  behaviour: { id: string; kind: DifferenceKind };
  recording: string;
  operation: string;
  request: string;
  /** Set when --baseline lists the id: a known difference, which does not fail the run. */
  known?: string;
}

export interface DiffRun {
  diffs: DiffEntry[];
  /** What each recording was made against (meta.source). */
  sources: Record<string, RecordingSource>;
  requests: number;
  leftBehind: string[];
  /** Recorded requests not sent because what the target's answers made of them left its origin. */
  refused: string[];
}

const HOP = new Set(['host', 'content-length', 'connection', 'authorization', 'accept-encoding']);

export async function runDiff(config: RunConfig, write: (line: string) => void): Promise<DiffRun> {
  const spec = loadSlice();
  const basePath = new URL(config.baseUrl).pathname.replace(/\/+$/, '');
  const names = readdirSync(config.fixturesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.basename(f, '.json'))
    .sort();
  const run: DiffRun = { diffs: [], sources: {}, requests: 0, leftBehind: [], refused: [] };
  for (const name of names) {
    const cassette = readCassette(config.fixturesDir, name);
    run.sources[name] = cassette.meta.source;
    if (cassette.meta.source !== 'graph-tenant') {
      write(
        `note: ${name}.json was recorded against ${cassette.meta.source === 'reference-double' ? "graph-conformance's own emulator" : 'a URL target'}, not against Microsoft Graph: the target is compared with that, not with Graph`,
      );
    }
    const found = await diffCassette(cassette, name, config, basePath, spec, run, write);
    write(`${name}: ${cassette.interactions.length} requests, ${found} difference${found === 1 ? '' : 's'}`);
  }
  for (const entry of run.diffs) {
    const known = config.baseline[entry.id];
    if (known !== undefined) entry.known = known;
  }
  return run;
}

async function diffCassette(
  cassette: Cassette,
  name: string,
  config: RunConfig,
  basePath: string,
  spec: ReturnType<typeof loadSlice>,
  run: DiffRun,
  write: (line: string) => void,
): Promise<number> {
  let last: Exchange | undefined;
  const transport = capturingFetch((e) => (last = e), config);
  /** Recorded value → the target's, for ids and next links learnt from answers. */
  const mapped = new Map<string, string>();
  const created = new Set<string>();
  const recordedBase = (cassette.meta.baseUrl ?? '').replace(/\/+$/, '');
  // Graph's own root on both sides: Graph names it whatever host served the request, and recordings made
  // against a double of Graph keep it although their base URL is the double's.
  const roots: UrlRoots = { recorded: [recordedBase, GRAPH_SERVICE_ROOT].filter(Boolean), target: [config.baseUrl, GRAPH_SERVICE_ROOT] };
  let found = 0;
  // In the order recorded: a request that needed an id was made after the answer that gave it.
  for (const interaction of cassette.interactions) {
    const { request } = interaction;
    const pathAndQuery = substitute(request.path, mapped);
    const body = request.body === undefined ? undefined : substitute(typeof request.body === 'string' ? request.body : JSON.stringify(request.body), mapped);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) if (!HOP.has(k.toLowerCase())) headers[k] = v;
    // Recordings keep no credentials, not even whether one was sent: a request the recorded target refused
    // with 401 was the one sent without a token, and goes without one again.
    if (config.token && interaction.response.status !== 401) headers.Authorization = `Bearer ${config.token}`;
    // The one origin rule: ids and links learnt from the target's answers are spliced into later requests,
    // and none of them may carry the token (or any request) off the target's origin.
    const where = destination(`${config.baseUrl}${pathAndQuery}`, config.baseUrl);
    if (!where.ok) {
      run.refused.push(`${name}: ${request.method} ${scrubText(where.why)}`);
      write(`not sent: ${run.refused.at(-1)!} (the target's own answers led this recorded request there)`);
      continue;
    }
    await transport(new Request(where.url, { method: request.method, headers, ...(body !== undefined && { body }) }));
    run.requests++;
    const exchange = last!;
    learn(interaction.response.body, parseBody(exchange.response.body), mapped, roots.recorded, config.baseUrl);
    const url = new URL(exchange.request.url);
    const opPath = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    const operation = operationOfRequest(spec, request.method, opPath)?.name ?? 'unknown';
    if (request.method === 'POST' && opPath === GROUPS_URL_PATH && exchange.response.status < 300) {
      const id = (parseBody(exchange.response.body) as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') created.add(id);
    }
    if (request.method === 'DELETE' && exchange.response.status < 300) created.delete(opPath.split('/').at(-1) ?? '');
    // Ids the recorded answer quotes (in a message, an @odata.context) stand for the ones mapped to the target's.
    const recordedAnswer = { ...interaction.response, body: remap(interaction.response.body, mapped) };
    const countOnly = operation === 'count' || operation.endsWith('.count');
    for (const difference of compareAnswers(recordedAnswer, exchange.response, request.headers['client-request-id'], countOnly, roots)) {
      found++;
      const id = `diff.${operation}.${difference.pointer.replace(/\/\d+(?=\/|$)/g, '/*')}`;
      run.diffs.push({
        ...difference,
        id,
        behaviour: { id, kind: kindOf(difference.pointer) },
        recording: name,
        operation,
        request: scrubText(`${request.method} ${pathAndQuery}`),
        recorded: difference.recorded,
        target: typeof difference.target === 'string' ? scrubText(difference.target) : difference.target,
      });
    }
  }
  // What the diff created and did not delete again (the recording's own deletes ran above).
  for (const id of created) {
    try {
      await transport(
        new Request(`${config.baseUrl}${GROUPS_URL_PATH}/${id}`, {
          method: 'DELETE',
          headers: config.token ? { Authorization: `Bearer ${config.token}` } : {},
        }),
      );
      if ((last?.response.status ?? 500) >= 300 && last?.response.status !== 404) run.leftBehind.push(id);
    } catch {
      run.leftBehind.push(id);
    }
  }
  return found;
}

/** Learns, wherever the recorded answer and the target's hold an `id` or a next link at the same place, the mapping. */
function learn(recorded: unknown, target: unknown, mapped: Map<string, string>, recordedRoots: readonly string[], targetBase: string): void {
  if (typeof recorded !== 'object' || recorded === null || typeof target !== 'object' || target === null) return;
  if (Array.isArray(recorded) || Array.isArray(target)) return;
  const a = recorded as Record<string, unknown>;
  const b = target as Record<string, unknown>;
  if (typeof a.id === 'string' && typeof b.id === 'string' && a.id !== b.id) mapped.set(a.id, b.id);
  const [was, is] = [a['@odata.nextLink'], b['@odata.nextLink']];
  if (typeof was !== 'string' || typeof is !== 'string') return;
  // Each side read from its own base URL, at a segment boundary and on its own origin only: a link the
  // target wrote elsewhere is not learnt, so the recorded request goes to the target's base URL instead.
  // The recorded side also from Graph's root, where a tenant's recording wrote its links.
  const from = recordedRoots.map((root) => relativeToBase(was, root)).find((rest) => rest !== undefined);
  const to = relativeToBase(is, targetBase);
  if (from !== undefined && to !== undefined) mapped.set(from, to);
}

function remap(body: unknown, mapped: ReadonlyMap<string, string>): unknown {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return substitute(body, mapped);
  // Inside JSON text each value stands in its escaped form: a target's id holding a quote or a control
  // character must not break the document it is spliced into.
  const escaped = new Map([...mapped].map(([from, to]) => [JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1)]));
  return JSON.parse(substitute(JSON.stringify(body), escaped)) as unknown;
}

function substitute(text: string, mapped: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of mapped) if (from) out = out.split(from).join(to);
  return out;
}
