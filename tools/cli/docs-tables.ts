/**
 * npm run docs:tables: writes what is made from the check records — each decision's `checks:` in
 * specs/decisions.yaml (and generated/decisions.json from it), and the README's check table. Exit 2 with a
 * one-line message on failure.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { checkTable, decisionChecks, withCheckTable } from '../checks/registry.js';
import { DECISIONS_FILE, DECISIONS_JSON, generateDecisionsJson, parseDecisions } from '../../src/openapi/decisions.js';
import { fromRoot } from '../../src/project-root.js';
import { allRecords, handWritten, withDecisionChecks } from './check-records.js';
import { VARIANTS } from '../../harness/double/variants.js';

async function main(): Promise<void> {
  const records = allRecords();
  const yaml = await readFile(DECISIONS_FILE, 'utf8');
  const decisions = parseDecisions(yaml, DECISIONS_FILE).decisions;
  const updated = withDecisionChecks(yaml, decisionChecks(records, decisions));
  // Parsing again refuses a rewrite the decisions' own checks would refuse.
  parseDecisions(updated, DECISIONS_FILE);
  await writeFile(DECISIONS_FILE, updated);
  await writeFile(DECISIONS_JSON, generateDecisionsJson(updated));
  const readmeFile = fromRoot('README.md');
  const readme = await readFile(readmeFile, 'utf8');
  await writeFile(readmeFile, withCheckTable(readme, checkTable(handWritten(records), VARIANTS)));
  console.log(`docs:tables: ${records.length} checks → specs/decisions.yaml checks:, generated/decisions.json, README.md check table`);
}

main().catch((error: unknown) => {
  console.error(`docs:tables: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  process.exitCode = 2;
});
