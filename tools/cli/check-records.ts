/**
 * The check records as the suites hold them, and the registries made from them: what npm run docs:tables
 * writes and what the tests hold the committed files to (tools/checks/registry.ts states the links).
 */
import { readFileSync } from 'node:fs';
import { derivedChecks } from '../../src/checks/derived.js';
import { parseOperationList, type DecisionRecord, type RuleRecord } from '../checks/registry.js';
import { DEFECTS, DIFF_ONLY } from '../../src/emulator/index.js';
import { loadDecisions } from '../../src/openapi/decisions.js';
import { loadSlice } from '../../src/openapi/load.js';
import { operationTable } from '../../src/openapi/operation-table.js';
import { fromRoot } from '../../src/project-root.js';
import { SUITES } from '../../suites/index.js';

/** Every check of every suite, in the order a reader meets them. */
export function allRecords(): RuleRecord[] {
  return SUITES.flatMap((s) => s.checks);
}

/** The checks written out by hand: every record but the four derived from each operation of the table. */
export function handWritten(records: readonly RuleRecord[]): RuleRecord[] {
  const derived = new Set(
    operationTable(loadSlice())
      .flatMap(derivedChecks)
      .map((c) => c.id),
  );
  return records.filter((r) => !derived.has(r.id));
}

export function committedDecisions(): DecisionRecord[] {
  return [...loadDecisions().decisions];
}

export function defectRecords() {
  return { names: DEFECTS, diffOnly: DIFF_ONLY as Readonly<Record<string, string | undefined>> };
}

export function operationRecords() {
  return { table: operationTable(loadSlice()).map((o) => o.name), expected: parseOperationList(readFileSync(fromRoot('specs', 'operations.txt'), 'utf8')) };
}

/**
 * decisions.yaml with each decision's `checks:` set to `expected` where the set differs (a list already
 * right keeps its order and form). A decision without a `checks:` line gets one at the end of its entry
 * when some check cites it.
 */
export function withDecisionChecks(yaml: string, expected: ReadonlyMap<string, readonly string[]>): string {
  const lines = yaml.split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = /^ {2}- id: (\S+)\s*$/.exec(lines[i]!);
    if (!start) {
      out.push(lines[i++]!);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !/^ {2}- id: /.test(lines[end]!) && !/^\S/.test(lines[end]!)) end++;
    out.push(...entryWithChecks(lines.slice(i, end), expected.get(start[1]!) ?? []));
    i = end;
  }
  return out.join('\n');
}

function entryWithChecks(entry: string[], want: readonly string[]): string[] {
  const at = entry.findIndex((l) => /^ {4}checks:/.test(l));
  let until = at + 1;
  if (at >= 0 && !/\]\s*$/.test(entry[at]!)) while (until < entry.length && /^ {6}/.test(entry[until]!)) until++;
  const current = at < 0 ? undefined : parseChecks(entry.slice(at, until).join('\n'));
  if (current !== undefined && current.length === want.length && want.every((id) => current.includes(id))) return entry;
  if (at < 0 && want.length === 0) return entry;
  const line = `    checks: [${want.join(', ')}]`;
  const written = line.length <= 110 ? [line] : ['    checks:', ...want.map((id) => `      - ${id}`)];
  if (at >= 0) return [...entry.slice(0, at), ...written, ...entry.slice(until)];
  let last = entry.length;
  while (last > 1 && entry[last - 1]!.trim() === '') last--;
  return [...entry.slice(0, last), ...written, ...entry.slice(last)];
}

function parseChecks(text: string): string[] {
  const flow = /checks:\s*\[([^\]]*)\]/.exec(text);
  if (flow)
    return flow[1]!
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return [...text.matchAll(/^\s*- (\S+)/gm)].map((m) => m[1]!);
}
