/**
 * npm run docs:tables: writes what is made from the check records — each decision's `checks:` in
 * specs/decisions.yaml (and generated/decisions.json from it), docs/checks.md's check table and docs/decisions.md. Exit 2 with a
 * one-line message on failure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { CHECKS_PAGE, checkTable, decisionChecks, DECISIONS_PAGE, decisionsPage, withCheckTable } from '../checks/registry.js';
import { DECISIONS_FILE, DECISIONS_JSON, generateDecisionsJson, parseDecisions } from '../../src/openapi/decisions.js';
import { fromRoot } from '../../src/project-root.js';
import { allRecords, handWritten, withDecisionChecks } from './check-records.js';
import { VARIANTS } from '../../src/emulator/index.js';

async function main(): Promise<void> {
  const records = allRecords();
  const yaml = await readFile(DECISIONS_FILE, 'utf8');
  const decisions = parseDecisions(yaml, DECISIONS_FILE).decisions;
  const updated = withDecisionChecks(yaml, decisionChecks(records, decisions));
  // Parsing again refuses a rewrite the decisions' own checks would refuse.
  parseDecisions(updated, DECISIONS_FILE);
  await writeFile(DECISIONS_FILE, updated);
  await writeFile(DECISIONS_JSON, generateDecisionsJson(updated));
  const checksFile = fromRoot(CHECKS_PAGE);
  const page = await readFile(checksFile, 'utf8');
  await writeFile(checksFile, withCheckTable(page, checkTable(handWritten(records), VARIANTS)));
  await writeFile(fromRoot(DECISIONS_PAGE), decisionsPage(parseDecisions(updated, DECISIONS_FILE).decisions));
  console.log(`docs:tables: ${records.length} checks → specs/decisions.yaml checks:, generated/decisions.json, ${CHECKS_PAGE} check table, ${DECISIONS_PAGE}`);
}

main().catch((error: unknown) => {
  console.error(`docs:tables: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  process.exitCode = 2;
});
