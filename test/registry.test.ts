/**
 * One rule, one record: decisions.yaml's `checks:`, the self-proof table, the README's check table and the
 * expected operations are made from the check records or held to them both ways (tools/checks/registry.ts).
 */
import { VARIANTS } from '../src/emulator/index.js';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BOTH, passed, type Check } from '../src/checks/check.js';
import {
  CHECKS_PAGE,
  checkTable,
  consistencyProblems,
  decisionChecks,
  DECISIONS_PAGE,
  decisionsPage,
  selfProofTable,
  withCheckTable,
  type DecisionRecord,
  type RuleRecord,
} from '../tools/checks/registry.js';
import { allRecords, committedDecisions, defectRecords, handWritten, operationRecords, withDecisionChecks } from '../tools/cli/check-records.js';
import { DECISIONS_FILE, parseDecisions } from '../src/openapi/decisions.js';
import { fromRoot } from '../src/project-root.js';
import { isCapability } from '../src/checks/capabilities.js';

const records = allRecords();
const decisions = committedDecisions();
const defects = defectRecords();
const operations = operationRecords();

const problems = (r: readonly RuleRecord[] = records, d: readonly DecisionRecord[] = decisions, o = operations) => consistencyProblems(r, d, defects, o);

describe('the committed registries agree with the check records', () => {
  test('no problem: decisions ⇔ checks, provenBy ⇔ defects, operation table ⇔ specs/operations.txt', () => {
    expect(problems()).toEqual([]);
  });

  test('the check table of docs/checks.md is the one the records make (npm run docs:tables)', () => {
    const page = readFileSync(fromRoot(CHECKS_PAGE), 'utf8');
    const fresh = withCheckTable(page, checkTable(handWritten(records), VARIANTS));
    expect(page === fresh, `${CHECKS_PAGE} check table is out of date with the check records: run npm run docs:tables`).toBe(true);
  });

  test('docs/decisions.md is the one specs/decisions.yaml makes (npm run docs:tables)', () => {
    const page = readFileSync(fromRoot(DECISIONS_PAGE), 'utf8');
    expect(
      page === decisionsPage(parseDecisions(readFileSync(DECISIONS_FILE, 'utf8')).decisions),
      `${DECISIONS_PAGE} is out of date: run npm run docs:tables`,
    ).toBe(true);
  });

  test("decisions.yaml's checks: lists are what the records cite (npm run docs:tables leaves it as it is)", () => {
    const yaml = readFileSync(DECISIONS_FILE, 'utf8');
    expect(
      withDecisionChecks(yaml, decisionChecks(records, decisions)) === yaml,
      'specs/decisions.yaml checks: differ from the records: run npm run docs:tables',
    ).toBe(true);
  });
});

/** A rule no suite has: it exists only in this test. */
const throwaway: Check<never> = {
  id: 'create.throwaway-rule',
  title: 'a throwaway rule',
  operation: 'create',
  expectation: 'whatever the throwaway rule asks',
  profiles: BOTH,
  decisions: ['create-status-201'],
  provenBy: ['create-status-200'],
  run: () => passed(),
};

describe('a new record reaches every registry', () => {
  const withIt = [...records, throwaway];

  test('the check table gains its row', () => {
    expect(checkTable(handWritten(withIt))).toContain(
      '| `create.throwaway-rule` | both | whatever the throwaway rule asks | `create-status-201` | `create-status-200` |',
    );
  });

  test("its decision's checks: must list it, and the generator writes it there", () => {
    expect(problems(withIt)).toEqual([
      `check create.throwaway-rule cites decision create-status-201, but specs/decisions.yaml create-status-201's checks: does not list create.throwaway-rule`,
    ]);
    const want = decisionChecks(withIt, decisions);
    expect(want.get('create-status-201')).toEqual(['create.status', 'create.throwaway-rule']);
    const yaml = withDecisionChecks(readFileSync(DECISIONS_FILE, 'utf8'), want);
    const written = parseDecisions(yaml).decisions;
    expect(written.find((d) => d.id === 'create-status-201')?.checks).toEqual(['create.status', 'create.throwaway-rule']);
    expect(problems(withIt, written)).toEqual([]);
  });

  test('the self-proof table expects its defect to fail it', () => {
    const row = selfProofTable(withIt, defects.names).find((r) => r.defect === 'create-status-200');
    expect(row?.fails).toContain('create.throwaway-rule');
  });
});

describe('one side of a link changed: the check fails naming both sides', () => {
  test("a decision's checks: loses a check that cites it", () => {
    const mutated = decisions.map((d) => (d.id === 'unknown-id-404' ? { ...d, checks: d.checks?.filter((c) => c !== 'lifecycle.delete-twice') } : d));
    expect(problems(records, mutated)).toEqual([
      `check lifecycle.delete-twice cites decision unknown-id-404, but specs/decisions.yaml unknown-id-404's checks: does not list lifecycle.delete-twice`,
    ]);
  });

  test("a decision's checks: gains a check that does not cite it, or one that does not exist", () => {
    const mutated = decisions.map((d) => (d.id === 'region-values' ? { ...d, checks: [...(d.checks ?? []), 'create.body.id', 'create.no-such-check'] } : d));
    expect(problems(records, mutated)).toEqual([
      "specs/decisions.yaml region-values's checks: lists create.body.id, but check create.body.id's decisions do not cite region-values",
      "specs/decisions.yaml region-values's checks: lists create.no-such-check, which no check record declares",
    ]);
  });

  test('a check cites a decision that does not exist', () => {
    const mutated = records.map((r) => (r.id === 'create.body.id' ? { ...r, decisions: ['no-such-decision'] } : r));
    expect(problems(mutated)).toEqual(['check create.body.id cites decision no-such-decision, which specs/decisions.yaml does not have']);
  });

  test('a provenBy loses the only check a defect fails', () => {
    const mutated = records.map((r) => (r.id === 'query.search' ? { ...r, provenBy: r.provenBy.filter((d) => d !== 'query-search-ignored') } : r));
    expect(problems(mutated)).toEqual([
      "defect query-search-ignored of src/emulator/defects.ts is in no check's provenBy and not DIFF_ONLY: name it in the provenBy of the checks it fails, or say in DIFF_ONLY why none does",
    ]);
  });

  test('a provenBy names a defect the double does not have, or one that is DIFF_ONLY', () => {
    const mutated = records.map((r) => (r.id === 'create.body.id' ? { ...r, provenBy: [...r.provenBy, 'no-such-defect', 'default-region-eur'] } : r));
    expect(problems(mutated)).toEqual([
      'check create.body.id is provenBy no-such-defect, which src/emulator/defects.ts does not define',
      'defect default-region-eur is DIFF_ONLY in src/emulator/defects.ts (no check fails it), but check create.body.id lists it in provenBy',
    ]);
  });

  test('a check with an empty provenBy and no reason', () => {
    const mutated = records.map((r) => (r.id === 'applications.assign' ? { ...r, unproven: undefined } : r));
    expect(problems(mutated)).toEqual([
      'check applications.assign has an empty provenBy and no unproven saying why no defect of src/emulator/defects.ts fails it',
    ]);
  });

  test('the operation list loses an operation, or the table does', () => {
    const lost = { ...operations, expected: operations.expected.filter((o) => o !== 'members.ref.delete') };
    expect(problems(records, decisions, lost)).toEqual([
      'operation members.ref.delete is in the operation table (from specs/openapi.yaml) but not in specs/operations.txt',
    ]);
    const dropped = { ...operations, table: operations.table.filter((o) => o !== 'members.ref.delete') };
    expect(problems(records, decisions, dropped)).toEqual([
      'specs/operations.txt lists operation members.ref.delete, which the operation table (from specs/openapi.yaml) does not have',
    ]);
  });
});

describe('the records', () => {
  test('every check says what proves it can fail, or why nothing does; every defect fails a check or says why not', () => {
    for (const r of records) expect(r.provenBy.length > 0 !== Boolean(r.unproven), r.id).toBe(true);
    for (const defect of defects.names) {
      const proving = records.some((r) => r.provenBy.includes(defect));
      expect(proving !== Boolean(defects.diffOnly[defect]), defect).toBe(true);
    }
  });

  test('needs names only the capabilities src/checks/capabilities.ts defines', () => {
    const unknown = records.flatMap((r) => (r.needs ?? []).filter((n) => !isCapability(n)).map((n) => `${r.id}: ${n}`));
    expect(unknown).toEqual([]);
  });
});
