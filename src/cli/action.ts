/**
 * The GitHub Action's one step (action.yml): runs graph-conformance with the inputs as options, in the
 * workspace, printing what it prints; then writes the outputs and exits with the command's code.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { fromRoot } from '../project-root.js';
import { resolveRunConfig, UsageError } from '../config/run-config.js';
import { argvFromInputs } from '../action/inputs.js';
import { actionOutputs, githubOutputText } from '../action/outputs.js';
import { guardOutput, printable } from '../report/printable.js';

function main(): number {
  // This step's log is a CI log: what it prints itself goes through the same guard as the command's.
  guardOutput();
  let argv: string[];
  try {
    argv = argvFromInputs(process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const startedAt = Date.now();
  const run = spawnSync(process.execPath, [fromRoot('bin', 'graph-conformance.mjs'), ...argv], { stdio: 'inherit' });
  const exitCode = run.status ?? 2;
  const outputs = actionOutputs(reportDirOf(argv), exitCode, startedAt);
  // The summary is read back from results.json, a file: escaped like any value from a file.
  process.stdout.write(`graph-conformance: ${printable(outputs.summary)}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, githubOutputText(outputs));
  return exitCode;
}

/** Where the command wrote, by its own parser; none when it refused the options (it wrote nothing then). */
function reportDirOf(argv: string[]): string | undefined {
  try {
    return resolveRunConfig(argv, process.env, process.cwd()).config.reportDir;
  } catch {
    return undefined;
  }
}

process.exitCode = main();
