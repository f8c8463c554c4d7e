/**
 * The GitHub Action's entry (action.yml `runs.main`: action/index.mjs, this file bundled by
 * `npm run build:action`): runs the conformance checks (or `diff`) in this process with the inputs as
 * options, in the workspace, printing what the command prints; then writes the outputs from what the run
 * returned — its counts and the files it wrote — and the job summary, and exits with the command's code.
 */
import { appendFileSync } from 'node:fs';
import { resolveOptions, UsageError } from '../config/run-config.js';
import { commandLineFromInputs, tokenFromInputs } from '../action/inputs.js';
import { actionOutputs, githubOutputText, stepSummaryMarkdown, type Ran } from '../action/outputs.js';
import { conformanceRun, PRINTING_HOST } from '../api/run-conformance.js';
import { diffRun } from '../api/diff-run.js';
import { guardOutput, printable } from '../report/printable.js';
import { printRunSummary } from '../report/run-summary.js';

async function main(): Promise<number> {
  // The token input travels as GRAPH_ACCESS_TOKEN, as the command reads it; masked in the log first, in
  // case it did not come from a secret (the guard below would stop the mask command itself).
  const token = tokenFromInputs(process.env);
  if (token !== undefined) {
    if (!/[\r\n]/.test(token)) process.stdout.write(`::add-mask::${token}\n`);
    process.env.GRAPH_ACCESS_TOKEN = token;
  }
  // This step's log is a CI log: everything it prints goes through the same guard as the command's.
  guardOutput();
  let exitCode: number;
  let ran: Ran | undefined;
  let command: 'run' | 'diff' = 'run';
  /** What closes the run in the log, kept for the job summary. */
  let closing = '';
  const out = (text: string) => {
    closing += text;
    process.stdout.write(text);
  };
  const err = (text: string) => {
    closing += text;
    process.stderr.write(text);
  };
  try {
    const line = commandLineFromInputs(process.env);
    command = line.command;
    const { warnings, config } = resolveOptions(line, process.env, process.cwd());
    for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
    if (line.command === 'diff') {
      const run = await diffRun(config, PRINTING_HOST);
      ran = { command: 'diff', files: run.files, differences: run.differences, known: run.known, behaviours: run.behaviours };
      exitCode = run.exitCode;
    } else {
      const run = await conformanceRun(config, PRINTING_HOST);
      ran = { command: 'run', files: run.files, summary: run.results.summary };
      // Interrupted: the clean-up has said what it deleted and where the partial reports are.
      if (run.exitCode !== 130) printRunSummary(run, config, out, err);
      exitCode = run.exitCode;
    }
  } catch (error) {
    err(error instanceof UsageError ? `error: ${error.message}\n` : `error: ${(error as Error)?.stack ?? String(error)}\n`);
    exitCode = 2;
  }
  const outputs = actionOutputs(exitCode, ran);
  process.stdout.write(`graph-conformance: ${printable(outputs.summary)}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, githubOutputText(outputs));
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, stepSummaryMarkdown(command, outputs, closing));
  return exitCode;
}

// As the command does: a run's kept-alive connections and timers do not hold the step open.
void main().then((code) => process.exit(code));
