/**
 * A check's record is the one place that says what it judges, what it rests on and what proves it can
 * fail. The registries beside it are made from the records or held to them in both directions here:
 * specs/decisions.yaml's `checks:` lists (each decision lists exactly the checks that cite it), the
 * self-proof table (each defect of the reference double fails exactly the checks that name it in
 * `provenBy`), the README's check table, and the committed list of expected operations (the operation
 * table may neither gain nor lose one quietly). Every problem names both sides, so the fix is plain.
 */
import type { Check } from '../../src/checks/check.js';

export type RuleRecord = Pick<
  Check<never>,
  'id' | 'title' | 'expectation' | 'profiles' | 'decisions' | 'needs' | 'provenBy' | 'unproven' | 'unavailable' | 'notStated'
>;

export interface DecisionRecord {
  id: string;
  checks?: readonly string[];
}

export interface DefectRecords {
  /** Every defect of the reference double. */
  names: readonly string[];
  /** Defects no check fails on purpose, each with why. */
  diffOnly: Readonly<Record<string, string | undefined>>;
}

export interface OperationRecords {
  /** The names of the operation table, as derived from the slice. */
  table: readonly string[];
  /** The committed list of the operations the slice must have. */
  expected: readonly string[];
}

const DECISIONS = 'specs/decisions.yaml';
const DEFECTS = 'src/emulator/defects.ts';
export const OPERATIONS_FILE = 'specs/operations.txt';
const TABLE = 'the operation table (from specs/openapi.yaml)';

export function consistencyProblems(
  records: readonly RuleRecord[],
  decisions: readonly DecisionRecord[],
  defects: DefectRecords,
  operations: OperationRecords,
): string[] {
  return [...recordProblems(records), ...decisionProblems(records, decisions), ...proofProblems(records, defects), ...operationProblems(operations)];
}

function recordProblems(records: readonly RuleRecord[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) problems.push(`check ${r.id} is declared twice`);
    seen.add(r.id);
  }
  return problems;
}

/** What each decision's `checks:` must list: the checks citing it, in the records' order. */
export function decisionChecks(records: readonly RuleRecord[], decisions: readonly DecisionRecord[]): Map<string, string[]> {
  return new Map(decisions.map((d) => [d.id, records.filter((r) => r.decisions?.includes(d.id)).map((r) => r.id)]));
}

function decisionProblems(records: readonly RuleRecord[], decisions: readonly DecisionRecord[]): string[] {
  const problems: string[] = [];
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const recordIds = new Map(records.map((r) => [r.id, r]));
  for (const r of records) {
    for (const id of r.decisions ?? []) {
      const decision = byId.get(id);
      if (!decision) problems.push(`check ${r.id} cites decision ${id}, which ${DECISIONS} does not have`);
      else if (!decision.checks?.includes(r.id)) problems.push(`check ${r.id} cites decision ${id}, but ${DECISIONS} ${id}'s checks: does not list ${r.id}`);
    }
  }
  for (const d of decisions) {
    for (const id of d.checks ?? []) {
      const record = recordIds.get(id);
      if (!record) problems.push(`${DECISIONS} ${d.id}'s checks: lists ${id}, which no check record declares`);
      else if (!record.decisions?.includes(d.id)) problems.push(`${DECISIONS} ${d.id}'s checks: lists ${id}, but check ${id}'s decisions do not cite ${d.id}`);
    }
  }
  return problems;
}

function proofProblems(records: readonly RuleRecord[], defects: DefectRecords): string[] {
  const problems: string[] = [];
  const known = new Set(defects.names);
  const proving = new Map<string, string[]>();
  for (const r of records) {
    if (r.provenBy.length === 0 && !r.unproven)
      problems.push(`check ${r.id} has an empty provenBy and no unproven saying why no defect of ${DEFECTS} fails it`);
    if (r.provenBy.length > 0 && r.unproven) problems.push(`check ${r.id} has both provenBy (${r.provenBy.join(', ')}) and unproven: one or the other`);
    for (const defect of r.provenBy) {
      if (!known.has(defect)) problems.push(`check ${r.id} is provenBy ${defect}, which ${DEFECTS} does not define`);
      proving.set(defect, [...(proving.get(defect) ?? []), r.id]);
    }
  }
  for (const defect of defects.names) {
    const checks = proving.get(defect) ?? [];
    const diffOnly = defects.diffOnly[defect];
    if (checks.length === 0 && !diffOnly)
      problems.push(
        `defect ${defect} of ${DEFECTS} is in no check's provenBy and not DIFF_ONLY: name it in the provenBy of the checks it fails, or say in DIFF_ONLY why none does`,
      );
    if (checks.length > 0 && diffOnly)
      problems.push(`defect ${defect} is DIFF_ONLY in ${DEFECTS} (no check fails it), but check ${checks.join(', ')} lists it in provenBy`);
  }
  for (const defect of Object.keys(defects.diffOnly)) {
    if (!known.has(defect)) problems.push(`DIFF_ONLY in ${DEFECTS} names ${defect}, which is not a defect`);
  }
  return problems;
}

function operationProblems({ table, expected }: OperationRecords): string[] {
  const problems: string[] = [];
  for (const name of table) if (!expected.includes(name)) problems.push(`operation ${name} is in ${TABLE} but not in ${OPERATIONS_FILE}`);
  for (const name of expected) if (!table.includes(name)) problems.push(`${OPERATIONS_FILE} lists operation ${name}, which ${TABLE} does not have`);
  const twice = expected.filter((name, i) => expected.indexOf(name) !== i);
  for (const name of new Set(twice)) problems.push(`${OPERATIONS_FILE} lists operation ${name} twice`);
  return problems;
}

/** specs/operations.txt: one operation name a line; `#` starts a comment. */
export function parseOperationList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** The self-proof table: each defect with the checks it must fail (none for a DIFF_ONLY defect). */
export function selfProofTable(records: readonly RuleRecord[], defectNames: readonly string[]): { defect: string; fails: string[] }[] {
  return defectNames.map((defect) => ({
    defect,
    fails: records
      .filter((r) => r.provenBy.includes(defect))
      .map((r) => r.id)
      .sort(),
  }));
}

export const CHECKS_START = '<!-- checks:start (npm run docs:tables writes this table from the check records; do not edit) -->';
export const CHECKS_END = '<!-- checks:end -->';

/** A correct variant of the reference double, as the table needs it: its name and the checks it stresses. */
export interface VariantRecord {
  name: string;
  exercises: readonly string[];
}

/**
 * docs/checks.md's table of hand-written checks, one row a record: each rule proven both ways, failing on the
 * defects that name it and passing on the correct variants that stress it (test/gallery.test.ts runs both).
 */
export function checkTable(records: readonly RuleRecord[], variants: readonly VariantRecord[] = []): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\s+/g, ' ').trim();
  const code = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');
  const rows = records.map((r) => {
    const profile = r.unavailable ? '—' : r.profiles.includes('openapi') ? 'both' : 'graph';
    const proof = r.provenBy.length > 0 ? code(r.provenBy) : cell(`none: ${r.unproven ?? ''}`);
    const passes = code(variants.filter((v) => v.exercises.includes(r.id)).map((v) => v.name));
    return `| \`${r.id}\` | ${profile} | ${cell(r.unavailable ? `always skipped: ${r.unavailable}` : r.expectation)} | ${code(r.decisions ?? [])} | ${proof} | ${passes} |`;
  });
  return [
    '| id | profile | a conforming target | decisions | fails on (defects of the double) | passes on (correct variants) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** `page` with the text between the check-table markers replaced by `table`; throws when a marker is missing. */
export function withCheckTable(page: string, table: string): string {
  const start = page.indexOf(CHECKS_START);
  const end = page.indexOf(CHECKS_END);
  if (start < 0 || end < start) throw new Error(`${CHECKS_PAGE} lacks the markers ${CHECKS_START} … ${CHECKS_END}`);
  return `${page.slice(0, start + CHECKS_START.length)}\n${table}\n${page.slice(end)}`;
}

/** Where the check table lives (from the project root). */
export const CHECKS_PAGE = 'docs/checks.md';
/** The decisions' reference page, written whole from specs/decisions.yaml. */
export const DECISIONS_PAGE = 'docs/decisions.md';

/** A decision as its reference page needs it. */
export interface DecisionSummary {
  id: string;
  summary: string;
  checks?: readonly string[];
}

/**
 * docs/decisions.md: every decision of specs/decisions.yaml, its summary and the checks that apply it, in the
 * file's order. The reasons and quoted sources stay in the YAML, which the page points to.
 */
export function decisionsPage(decisions: readonly DecisionSummary[]): string {
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replace(/\s+/g, ' ').trim();
  const rows = decisions.map((d) => `| \`${d.id}\` | ${cell(d.summary)} | ${(d.checks ?? []).map((c) => `\`${c}\``).join(', ')} |`);
  return [
    '# Decisions',
    '',
    '<!-- Written by npm run docs:tables from specs/decisions.yaml; do not edit. -->',
    '',
    "Where Microsoft's pages and its OpenAPI description disagree, or say nothing a check needs, the project decides,",
    'in [specs/decisions.yaml](../specs/decisions.yaml): each decision with its reason and the sentences of the',
    'vendored pages (specs/upstream/) it rests on. This page lists them, with the checks that apply each.',
    '',
    '| id | decided | checks |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
