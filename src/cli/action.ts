/**
 * The GitHub Action's entry (action.yml `runs.main`: action/index.mjs, this file bundled by
 * `npm run build:action`): runs the conformance checks (or `diff`, or `check-mocks` on a mocks file) in
 * this process with the inputs as options, in the workspace, printing what the command prints; then writes
 * the outputs from what the run returned — its counts and the files it wrote — and the job summary, and
 * exits with the command's code.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { resolveOptions, UsageError } from '../config/run-config.js';
import { checkMocksFromInputs, commandFromInputs, commandLineFromInputs, tokenFromInputs, type ActionCommand } from '../action/inputs.js';
import { actionOutputs, checkMocksRan, githubOutputText, stepSummaryMarkdown, type Ran } from '../action/outputs.js';
import { conformanceRun, PRINTING_HOST } from '../api/run-conformance.js';
import { diffRun } from '../api/diff-run.js';
import { checkMocksCommand } from './check-mocks.js';
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
  let command: ActionCommand = 'run';
  /** check-mocks: the file, named in the job summary whether or not the command got to judge it. */
  let mocksFile: string | undefined;
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
    command = commandFromInputs(process.env);
    if (command === 'check-mocks') {
      const line = checkMocksFromInputs(process.env);
      mocksFile = line.mocksFile;
      const since = Date.now();
      // check-mocks prints to the process's streams itself, its closing lines and its errors included: kept for the job summary.
      exitCode = await alsoTo(
        (text) => (closing += text),
        () => checkMocksCommand(line.args),
      );
      // It returns its exit code alone: the counts and the files are read back from what it wrote.
      if (exitCode !== 2) ran = checkMocksRan(path.resolve(line.reportDir), since);
    } else {
      const line = commandLineFromInputs(process.env);
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
    }
  } catch (error) {
    err(error instanceof UsageError ? `error: ${error.message}\n` : `error: ${(error as Error)?.stack ?? String(error)}\n`);
    exitCode = 2;
  }
  const outputs = actionOutputs(exitCode, ran);
  process.stdout.write(`graph-conformance: ${printable(outputs.summary)}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, githubOutputText(outputs));
  if (process.env.GITHUB_STEP_SUMMARY) {
    const mocks = mocksFile === undefined ? undefined : { file: mocksFile, outside: ran?.command === 'check-mocks' ? ran.outside : undefined };
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, stepSummaryMarkdown(command, outputs, closing, process.cwd(), mocks));
  }
  return exitCode;
}

/**
 * Runs `task` with every string written to stdout and stderr also handed to `also`, as written (before the
 * output guard, as `out` and `err` keep a run's closing lines), until it settles.
 */
async function alsoTo<T>(also: (text: string) => void, task: () => Promise<T>): Promise<T> {
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const [i, stream] of streams.entries()) {
    const write = writes[i]!;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      also(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  try {
    return await task();
  } finally {
    for (const [i, stream] of streams.entries()) stream.write = writes[i]!;
  }
}

// As the command does: a run's kept-alive connections and timers do not hold the step open.
void main().then((code) => process.exit(code));
