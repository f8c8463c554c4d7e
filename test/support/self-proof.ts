/**
 * What the self-proof tests share: each defect of the reference double with the checks it must fail (the
 * inverse of every check's provenBy), and a run of every suite in-process against a double switched into
 * defects, as the command runs them. The defects are judged in three files side by side
 * (test/self-proof*.test.ts, `describeDefects`): each run is CPU-bound on one core.
 */
import { withGroups, startEmulator, DEFECTS, type Defect, type EmulatorOptions } from '../../src/emulator/index.js';
import { groupMap } from './emulator.js';
import { describe, expect, test } from 'vitest';
import { derivedChecks } from '../../src/checks/derived.js';
import { loadSlice } from '../../src/openapi/load.js';
import { operationTable } from '../../src/openapi/operation-table.js';
import { LIFECYCLE_CHECKS } from '../../src/checks/lifecycle.js';
import { NAVIGATION_CHECKS } from '../../src/checks/navigation.js';
import { QUERY_CHECKS } from '../../src/checks/query.js';
import { conventionsNotFound } from '../../src/checks/conventions.js';
import { updateReadBack } from '../../src/checks/update-read-back.js';
import type { Check } from '../../src/checks/check.js';
import { selfProofTable } from '../../tools/checks/registry.js';
import { resolveRunConfig } from '../../src/config/run-config.js';
import { fromRoot } from '../../src/project-root.js';
import { planSuite, runShared, runSuite } from '../../src/engine/run-suite.js';
import type { CheckOutcome } from '../../src/engine/outcome.js';
import { SUITES as SUITE_DEFINITIONS } from '../../suites/index.js';

/** Suite (recording) name → its checks, from the one list of suites; --only below runs just the suites a defect can touch. */
export const SUITES: Record<string, readonly Check<never>[]> = Object.fromEntries(SUITE_DEFINITIONS.map((s) => [s.name, s.checks]));
export const ALL = Object.values(SUITES).flat();
export const ids = (checks: readonly Check<never>[]) => checks.map((c) => c.id).sort();
/** Checks that can never run here (no application can be assigned): reported skipped with the reason. */
export const ALWAYS_SKIPPED = ['applications.assign'];

/** The --only patterns naming every check of the suites these ids belong to. */
export function onlySuitesOf(expected: readonly string[]): string {
  const suites = Object.values(SUITES).filter((checks) => checks.some((c) => expected.includes(c.id)));
  return suites.flatMap((checks) => checks.map((c) => c.id)).join(',');
}

/**
 * Checks that also judge answers about the other entity sets of the slice, which the contract suite creates,
 * patches and reads back whatever happened to the group: with the group's id unusable they are judged on
 * those (an unknown id of another set, a PATCH of another set read back), not blocked.
 */
const JUDGED_WITHOUT_THE_GROUP = [conventionsNotFound.id, updateReadBack.id];

/**
 * Every check that works on the group a suite creates: an unusable id stops them all. A derived check needs
 * it when its path is below the group; a link's far end (`…/memberOf/{connectorGroup-id}/$ref`) is an id
 * that does not exist whatever the create answered.
 */
const NEEDS_THE_NEW_ID = [
  ...LIFECYCLE_CHECKS,
  ...NAVIGATION_CHECKS,
  ...QUERY_CHECKS,
  ...operationTable(loadSlice())
    .filter((o) => o.path.includes('/connectorGroups/{connectorGroup-id}'))
    .flatMap(derivedChecks),
]
  .map((c) => c.id)
  .filter((id) => !ALWAYS_SKIPPED.includes(id) && !JUDGED_WITHOUT_THE_GROUP.includes(id));

/**
 * Each defect with the checks it must fail: the inverse of every check's `provenBy` (tools/checks/registry.ts),
 * so a check names its own proof and this table cannot drift from the records.
 */
interface Case {
  defect: Defect;
  fails: string[];
  /** Checks that cannot be judged once `fails` failed: reported blocked by the failing check's id. */
  blocks?: { by: string; ids: string[] };
  /** Double options the defect needs to show (paging needs several pages). */
  double?: Omit<EmulatorOptions, 'defects'>;
}

/** What some defects need beyond failing their checks. */
const EXTRAS: Partial<Record<Defect, Omit<Case, 'defect' | 'fails'>>> = {
  // The property suite's accepted bodies come back without an id too: nothing to read back.
  'create-id-empty': { blocks: { by: 'create.body.id', ids: [...NEEDS_THE_NEW_ID, 'property.read-back'] } },
  'list-next-link-loop': { double: { pageSize: 2, seed: withGroups(3) } },
};

export const CAUGHT_BY: readonly Case[] = selfProofTable(ALL, DEFECTS).map(({ defect, fails }) => ({
  defect: defect as Defect,
  fails,
  ...EXTRAS[defect as Defect],
}));

/** The target a test run addresses: the double's base URL, a fixed seed, the suites the defect can touch. */
export function configFor(baseUrl: string, propertyRuns: number) {
  // No waiting for eventual consistency: the double is consistent, and its defects would only wait longer.
  return resolveRunConfig(['--base-url', baseUrl, '--token', 'T', '--seed', '7', '--settle-ms', '0', '--property-runs', String(propertyRuns)], {}, fromRoot())
    .config;
}

/**
 * Bodies per property check: a defect of every body shows on the first; one of some bodies needs the
 * default 25 (seed 7 draws region ind among them).
 */
export const propertyRunsFor = (defects: readonly Defect[]) => (defects.includes('region-ind-rejected') ? 25 : 3);

/** Runs every suite in-process (same definitions, checks and cleanup as the command) and lists the failed ids. */
export async function failedIds(defects: Defect[], options: Omit<EmulatorOptions, 'defects'> = {}) {
  const double = await startEmulator({ ...options, defects });
  try {
    const config = configFor(double.baseUrl, propertyRunsFor(defects));
    const failed: string[] = [];
    const blocked: { id: string; by: string }[] = [];
    const judged = (outcomes: readonly CheckOutcome[]) => {
      for (const { id, status, blockedBy } of outcomes) {
        if (status === 'failed') failed.push(id);
        if (blockedBy !== undefined) blocked.push({ id, by: blockedBy });
      }
    };
    // As the command runs them: one journal, so the checks over the whole run see every suite's answers.
    const shared = { ...runShared(config), journal: [] };
    const overRun: (() => CheckOutcome[])[] = [];
    for (const suite of SUITE_DEFINITIONS) {
      const run = await runSuite(suite, config, undefined, planSuite(suite, config, shared));
      judged(run.outcomes);
      if (run.overRun) overRun.push(run.overRun);
    }
    for (const judge of overRun) judged(judge());
    return { failed: failed.sort(), blocked, left: [...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-')).length };
  } finally {
    await double.close();
  }
}

/** The defects whose index is `part` modulo `parts`, each run and held to exactly its checks. */
export function describeDefects(part: number, parts: number): void {
  const mine = CAUGHT_BY.filter((_, i) => i % parts === part);
  describe(`each defect fails exactly its checks (${part + 1} of ${parts})`, () => {
    test.each(mine.map((c) => [c.defect, c] as const))('%s', async (_name, { defect, fails, blocks, double }) => {
      const { failed, blocked, left } = await failedIds([defect], double);
      expect(failed).toEqual([...fails].sort());
      expect(blocked.map((b) => b.id).sort()).toEqual([...(blocks?.ids ?? [])].sort());
      for (const b of blocked) expect(b.by, b.id).toBe(blocks?.by);
      // A defect may hide the new id or keep what was deleted; otherwise nothing the suites made may stay.
      if (defect !== 'delete-not-deleting' && defect !== 'create-id-empty') expect(left).toBe(0);
    });
  });
}
