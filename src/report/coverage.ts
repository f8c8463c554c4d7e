/**
 * Coverage: which of the slice's operations, and which of their query parameters, the run actually sent.
 * A green run says nothing about an operation it never called; this says which ones those were, and why
 * when the run knows (a skipped suite, a profile that leaves it out).
 *
 * Counted against the operation table (src/openapi/operation-table.ts), so an operation or parameter added
 * to the slice shows up here as not exercised until something sends it.
 */
import type { TableOperation } from '../openapi/operation-table.js';
import type { OperationHit } from '../engine/run-suite.js';
import { shortPath } from '../openapi/paths.js';

export { shortPath };

export type { OperationHit };

export interface CoverageItem {
  name: string;
  /** Upper case, as a request line writes it. */
  method: string;
  /** The slice's path template. */
  path: string;
  exercised: boolean;
  /** Distinct, ascending. */
  statuses: number[];
  /** Every query parameter the operation declares → whether any request carried it. */
  parameters: Record<string, boolean>;
  /** Exercised, but never answered with a 2xx: the success path was not seen. */
  onlyErrors: boolean;
  /** Why the operation was not exercised, when that is known. */
  skipped?: string;
}

export interface Coverage {
  operations: { total: number; exercised: number; items: CoverageItem[] };
  /** (operation, declared query parameter) pairs. */
  parameters: { total: number; exercised: number };
}

/** Something the run did not send: an operation, or one query parameter of an operation it did send. */
export interface CoverageGap {
  name: string;
  method: string;
  path: string;
  /** Set when the gap is a query parameter of an exercised operation. */
  parameter?: string;
  reason?: string;
}

export function coverageOf(operations: readonly TableOperation[], hits: readonly OperationHit[], skipped?: ReadonlyMap<string, string>): Coverage {
  const byOperation = new Map<string, OperationHit[]>();
  for (const hit of hits) {
    const list = byOperation.get(hit.operation);
    if (list) list.push(hit);
    else byOperation.set(hit.operation, [hit]);
  }

  const items = operations.map((op): CoverageItem => {
    const own = byOperation.get(op.name) ?? [];
    const statuses = [...new Set(own.map((h) => h.status))].sort((a, b) => a - b);
    const sent = new Set(own.flatMap((h) => h.parameters));
    const exercised = own.length > 0;
    const reason = exercised ? undefined : skipped?.get(op.name);
    return {
      name: op.name,
      method: op.method.toUpperCase(),
      path: op.path,
      exercised,
      statuses,
      parameters: Object.fromEntries(op.query.map((q) => [q.name, sent.has(q.name)])),
      onlyErrors: exercised && !statuses.some(isSuccess),
      ...(reason !== undefined ? { skipped: reason } : {}),
    };
  });

  const pairs = items.flatMap((item) => Object.values(item.parameters));
  return {
    operations: { total: items.length, exercised: items.filter((i) => i.exercised).length, items },
    parameters: { total: pairs.length, exercised: pairs.filter(Boolean).length },
  };
}

export function coverageLine(c: Coverage): string {
  return `operations ${c.operations.exercised}/${c.operations.total} · query parameters ${c.parameters.exercised}/${c.parameters.total}`;
}

/**
 * In table order. The parameters of an operation never exercised are not listed one by one: they follow
 * from the operation's own line, and twenty lines saying so would bury the reason.
 */
export function coverageGaps(c: Coverage): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const item of c.operations.items) {
    const at = { name: item.name, method: item.method, path: item.path };
    if (!item.exercised) {
      gaps.push(item.skipped !== undefined ? { ...at, reason: item.skipped } : at);
      continue;
    }
    for (const [parameter, sent] of Object.entries(item.parameters)) if (!sent) gaps.push({ ...at, parameter });
  }
  return gaps;
}

/**
 * One line per gap: `GET …/connectorGroups/{connectorGroup-id}/applications/{application-id}/logo: not exercised (reason)`,
 * `GET …/connectorGroups/{connectorGroup-id}/members: $search never sent`.
 */
export function notExercised(c: Coverage): string[] {
  return coverageGaps(c).map((gap) => {
    const at = `${gap.method} ${shortPath(gap.path)}`;
    if (gap.parameter !== undefined) return `${at}: ${gap.parameter} never sent`;
    return `${at}: not exercised${gap.reason !== undefined ? ` (${gap.reason})` : ''}`;
  });
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}
