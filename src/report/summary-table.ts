/** The closing table of a run: operations down, outcomes across, so a failing area stands out. */
import type { RunResults } from './results.js';
import { printable } from './printable.js';

const COLUMNS = ['passed', 'failed', 'skipped', 'warned'] as const;

export function summaryTable(results: RunResults): string {
  const rows = new Map<string, Record<(typeof COLUMNS)[number], number>>();
  for (const check of results.checks) {
    const row = rows.get(check.operation) ?? { passed: 0, failed: 0, skipped: 0, warned: 0 };
    row[check.status]++;
    rows.set(check.operation, row);
  }
  const header = ['operation', ...COLUMNS];
  // Escaped before the widths are measured: the operation names a suite file gave are printed here.
  const body = [...rows].map(([operation, row]) => [printable(operation), ...COLUMNS.map((c) => String(row[c]))]);
  const total = ['total', ...COLUMNS.map((c) => String(results.summary[c]))];
  const table = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line), rule, line(total)].join('\n');
}
