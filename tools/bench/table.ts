/** The bench's table: one row per figure, median with min and max, aligned for a terminal. */
import type { Stats } from './measure.js';

export interface Row {
  /** Groups rows: replay, url, validation, property. */
  section: string;
  /** What was measured, e.g. "npm run conformance (replay)". */
  subject: string;
  /** Absent for a row that only says something (a tool that could not run, a ratio given as text). */
  stats?: Stats;
  unit?: string;
  /** Printed in place of the figures when there are none. */
  text?: string;
  note?: string;
}

const HEADER = ['section', 'measurement', 'median', 'min', 'max', 'unit', 'note'] as const;

/** Three significant digits, no exponent, thousands kept whole: 1234.5 → 1235, 12.345 → 12.3, 0.01234 → 0.0123. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 100 || n === 0) return String(Math.round(n));
  const decimals = Math.min(6, 2 - Math.floor(Math.log10(abs)));
  return n
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => {
    const figures = r.stats ? [formatNumber(r.stats.median), formatNumber(r.stats.min), formatNumber(r.stats.max)] : [r.text ?? '', '', ''];
    return [r.section, r.subject, ...figures, r.stats ? (r.unit ?? '') : '', r.note ?? ''];
  });
  const all = [[...HEADER], ...cells];
  const widths = HEADER.map((_, i) => Math.max(...all.map((row, j) => (isTextOnly(rows, j - 1) && i === 2 ? 0 : row[i]!.length))));
  const numeric = new Set([2, 3, 4]);
  const line = (row: readonly string[], j: number) => {
    if (isTextOnly(rows, j - 1)) {
      // A text-only row spans the figure columns.
      const span = widths[2]! + widths[3]! + widths[4]! + widths[5]! + 6;
      return [row[0]!.padEnd(widths[0]!), row[1]!.padEnd(widths[1]!), row[2]!.padEnd(span), row[6]!].join('  ').trimEnd();
    }
    return row
      .map((cell, i) => (numeric.has(i) && j > 0 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  };
  const out: string[] = [];
  let section: string | undefined;
  all.forEach((row, j) => {
    if (j === 1) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
    const current = j === 0 ? undefined : rows[j - 1]!.section;
    if (j > 1 && current !== section) out.push('');
    section = current;
    out.push(line(row, j));
  });
  return out.join('\n');
}

function isTextOnly(rows: readonly Row[], index: number): boolean {
  const row = rows[index];
  return row !== undefined && row.stats === undefined;
}
