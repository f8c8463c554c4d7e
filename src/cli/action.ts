/**
 * The GitHub Action's one step (action.yml): runs graph-conformance with the inputs as options, in the
 * workspace, printing what it prints; then writes the outputs and exits with the command's code.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../project-root.js';
import { UsageError } from '../config/run-config.js';
import { argvFromInputs } from '../action/inputs.js';
import { actionOutputs, githubOutputText } from '../action/outputs.js';

function main(): number {
  let argv: string[];
  try {
    argv = argvFromInputs(process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const run = spawnSync(process.execPath, [fromRoot('bin', 'graph-conformance.mjs'), ...argv], { stdio: 'inherit' });
  const exitCode = run.status ?? 2;
  const reportDir = path.resolve(process.env.INPUT_REPORT_DIR?.trim() || process.env.CONFORMANCE_REPORT_DIR || 'reports');
  const outputs = actionOutputs(reportDir, exitCode);
  process.stdout.write(`graph-conformance: ${outputs.summary}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, githubOutputText(outputs));
  return exitCode;
}

process.exitCode = main();
