/**
 * --dry-run: what a live run would write, found by doing it somewhere harmless. The whole run goes against
 * an emulator in this process (loopback, the default tenant), writing exactly as a live run writes — the
 * suites ask `dryRun` for the live-writes decisions — and nothing is sent to the target. Every request that
 * is not a read is then listed by what it does (create, modify, delete), its operation and its path.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunConfig } from '../config/run-config.js';
import { loadDecisions } from '../openapi/decisions.js';
import { entitySetOf, writeKind } from '../openapi/live-writes.js';
import { loadSlice } from '../openapi/load.js';
import { operationOfRequest, operationTable } from '../openapi/operation-table.js';
import { shortPath } from '../report/coverage.js';

export interface DryRunWrite {
  what: 'create' | 'modify' | 'delete';
  operation: string;
  method: string;
  /** The operation's path as the slice writes it. */
  path: string;
  count: number;
}

const WHAT = { create: 'create', update: 'modify', link: 'modify', delete: 'delete' } as const;

/** The run's configuration pointed at the emulator at `baseUrl`, its reports in a folder of their own. */
export function dryRunConfig(config: RunConfig, baseUrl: string): RunConfig {
  return {
    ...config,
    target: 'url',
    baseUrl,
    token: 'dry-run',
    record: false,
    settleMs: 0,
    settleIsDefault: false,
    reportDir: mkdtempSync(path.join(tmpdir(), 'graph-conformance-dry-run-')),
    dryRun: true,
  };
}

/** The writes among the requests the emulator received, grouped by operation, in the slice's order. */
export function writesOf(requests: readonly { method: string; path: string }[]): DryRunWrite[] {
  const slice = loadSlice();
  const counts = new Map<string, DryRunWrite>();
  for (const request of requests) {
    if (request.method === 'GET' || request.method === 'HEAD') continue;
    const op = operationOfRequest(slice, request.method, request.path.split('?')[0]!);
    if (!op) continue;
    const kind = writeKind(op);
    if (kind === undefined) continue;
    const seen = counts.get(op.name) ?? { what: WHAT[kind], operation: op.name, method: op.method.toUpperCase(), path: op.path, count: 0 };
    seen.count++;
    counts.set(op.name, seen);
  }
  const order = operationTable(slice).map((o) => o.name);
  return [...counts.values()].sort((a, b) => order.indexOf(a.operation) - order.indexOf(b.operation));
}

/** The dry run's report: each write, then the sets a live run never writes and the decision that says so. */
export function dryRunLines(target: string, writes: readonly DryRunWrite[]): string[] {
  const total = writes.reduce((n, w) => n + w.count, 0);
  const lines = [`dry run: nothing was sent to ${target}. A live run, against a tenant like the emulator's default one, would send ${total} writes:`];
  const width = Math.max(0, ...writes.map((w) => w.operation.length));
  for (const w of writes) lines.push(`  ${w.what.padEnd(6)}  ${w.operation.padEnd(width)}  ${w.method} ${shortPath(w.path)}  ×${w.count}`);
  const written = new Set(writes.map((w) => entitySetOf(w.path)));
  const readOnly = loadDecisions()
    .decisions.filter((d) => d.liveWrites && d.liveWrites.allow.length === 0 && !written.has(d.liveWrites.set))
    .map((d) => `${d.liveWrites!.set} (${d.id})`);
  if (readOnly.length > 0) lines.push(`It only reads: ${readOnly.join(', ')}; those writes run against url targets only.`);
  return lines;
}
