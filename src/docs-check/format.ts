/** Terminal output of docs-check: one line per block, one indented line per violation, a summary line. */
import type { BlockResult } from './check-page.js';

export interface Summary {
  blocks: number;
  conforming: number;
  violations: number;
  skipped: number;
}

export function summarize(results: readonly BlockResult[]): Summary {
  return {
    blocks: results.length,
    conforming: results.filter((r) => r.status === 'conforming').length,
    violations: results.filter((r) => r.status === 'violations').length,
    skipped: results.filter((r) => r.status === 'skipped').length,
  };
}

export function summaryLine(s: Summary): string {
  return `${s.blocks} block${s.blocks === 1 ? '' : 's'}: ${s.conforming} conforming, ${s.violations} with violations, ${s.skipped} skipped`;
}

const MARK = { conforming: 'ok  ', violations: 'FAIL', skipped: 'skip' } as const;

/** The report of one page: its path, then its blocks in page order. */
export function formatPage(file: string, results: readonly BlockResult[]): string {
  const out = [file];
  if (results.length === 0) out.push('  (no annotated blocks)');
  for (const r of results) {
    const label = [r.blockType ?? 'block', r.name].filter((x) => x !== undefined).join(' ');
    out.push(`  ${MARK[r.status]}  line ${r.line}  ${label}${describe(r)}`);
    for (const note of r.notes) out.push(`        note: ${note}`);
    for (const v of r.violations) {
      const got = v.value !== undefined && !v.message.includes(JSON.stringify(v.value)) ? ` (got ${JSON.stringify(v.value)})` : '';
      out.push(`        ${file}:${v.line}  ${v.kind}/${v.keyword}  ${v.message}${got}`);
    }
  }
  return out.join('\n');
}

function describe(r: BlockResult): string {
  const parts: string[] = [];
  if (r.operation && r.blockType === 'request') parts.push(`${r.operation.method} ${r.operation.template}`);
  if (r.httpStatus !== undefined)
    parts.push(`HTTP ${r.httpStatus}${r.documentedAs !== undefined && r.documentedAs !== String(r.httpStatus) ? ` (documented as ${r.documentedAs})` : ''}`);
  if (r.schema !== undefined) parts.push(`→ ${r.schema}`);
  let text = parts.length > 0 ? `: ${parts.join(' ')}` : '';
  if (r.status === 'skipped' && r.reason !== undefined) text += ` — ${r.reason}`;
  if (r.status === 'violations') text += ` — ${r.violations.length} violation${r.violations.length === 1 ? '' : 's'}`;
  return text;
}
