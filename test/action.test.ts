/**
 * action.yml, the composite GitHub Action: linted against the command it wraps (an input for every run
 * option and nothing else, each input handed to the step, actions pinned to commits, no input spliced
 * into a script, every output set by the step), each lint rule shown to fire on a broken action; and
 * its step run as Actions runs it, inputs in, outputs out.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { OPTIONS, resolveOptions } from '../src/config/run-config.js';
import { commandLineFromInputs } from '../src/action/inputs.js';
import { actionOutputs, OUTPUT_NAMES } from '../src/action/outputs.js';
import { OPTION_FLAGS, rawOptionsOf, type ConformanceOptions } from '../src/api/options.js';
import { fromRoot } from '../src/project-root.js';
import { startDouble, type RunningDouble } from '../harness/double/server.js';
import { runCommand } from './support/run-cli.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTION = readFileSync(fromRoot('action.yml'), 'utf8');
/** The run options an input mirrors: every option of the command but help and the sweep command's own. */
const RUN_OPTIONS = Object.keys(OPTIONS)
  .filter((o) => !['help', 'older-than', 'yes'].includes(o))
  .sort();

function lintAction(text: string): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [`YAML does not parse: ${doc.errors.map((e) => e.message).join('; ')}`];
  const action = doc.toJS() as unknown;
  if (!isObject(action)) return ['not a mapping'];
  const problems: string[] = [];
  const inputs = isObject(action.inputs) ? Object.keys(action.inputs) : [];
  const runs = isObject(action.runs) ? action.runs : {};
  if (runs.using !== 'composite') problems.push(`runs.using: ${String(runs.using)}, not composite`);
  const steps = Array.isArray(runs.steps) ? (runs.steps as unknown[]).filter(isObject) : [];
  const runsText = JSON.stringify(runs);

  for (const name of inputs) if (name !== 'command' && !RUN_OPTIONS.includes(name)) problems.push(`inputs.${name}: not an option of the command`);
  for (const option of RUN_OPTIONS) if (!inputs.includes(option)) problems.push(`option --${option}: no input mirrors it`);
  if (!inputs.includes('command')) problems.push('inputs.command: missing (run or diff)');
  for (const name of inputs) if (!runsText.includes(`inputs.${name}`)) problems.push(`inputs.${name}: never handed to a step`);

  steps.forEach((step, i) => {
    const where = `runs.steps[${i}]`;
    if (typeof step.uses === 'string' && !/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(step.uses))
      problems.push(`${where}: uses ${step.uses} is not pinned to a commit`);
    if (typeof step.run === 'string') {
      if (typeof step.shell !== 'string') problems.push(`${where}: a run step without shell`);
      // An expression in the script is spliced into it before bash reads it: script injection.
      if (step.run.includes('${{')) problems.push(`${where}: an expression inside run; hand it over through env`);
    }
    // Each INPUT_<NAME> variable must carry the input of that name, which is what the step reads.
    for (const [variable, value] of Object.entries(isObject(step.env) ? step.env : {})) {
      const m = /^INPUT_([A-Z_]+)$/.exec(variable);
      if (m && value !== `\${{ inputs.${m[1]!.toLowerCase().replace(/_/g, '-')} }}`)
        problems.push(`${where}: env ${variable} is ${String(value)}, not its input`);
    }
  });

  const outputs = isObject(action.outputs) ? action.outputs : {};
  for (const [name, spec] of Object.entries(outputs)) {
    if (!isObject(spec) || spec.value !== `\${{ steps.run.outputs.${name} }}`) problems.push(`outputs.${name}: not the run step's output of that name`);
    if (!(OUTPUT_NAMES as readonly string[]).includes(name)) problems.push(`outputs.${name}: the step never sets it`);
  }
  for (const name of OUTPUT_NAMES) if (!(name in outputs)) problems.push(`outputs.${name}: set by the step but not declared`);
  return problems;
}

describe('action.yml', () => {
  test('passes the lint', () => {
    expect(lintAction(ACTION)).toEqual([]);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['an input no option has', ACTION.replace('  seed:\n', '  colour:\n'), /inputs\.colour: not an option[\s\S]*option --seed: no input/],
    ['an input never handed over', ACTION.replace('        INPUT_SHARD: ${{ inputs.shard }}\n', ''), /inputs\.shard: never handed to a step/],
    [
      'a variable carrying another input',
      ACTION.replace('INPUT_SEED: ${{ inputs.seed }}', 'INPUT_SEED: ${{ inputs.shard }}'),
      /env INPUT_SEED is \$\{\{ inputs\.shard \}\}/,
    ],
    [
      'an action pinned to a tag',
      ACTION.replace(/actions\/setup-node@[0-9a-f]{40}/, 'actions/setup-node@v4'),
      /uses actions\/setup-node@v4 is not pinned to a commit/,
    ],
    [
      'an input spliced into the script',
      ACTION.replace('run: node "$GITHUB_ACTION_PATH/dist/src/cli/action.js"', 'run: node "$GITHUB_ACTION_PATH/dist/src/cli/action.js" ${{ inputs.only }}'),
      /an expression inside run/,
    ],
    [
      'a run step without shell',
      ACTION.replace('    - id: run\n      name: graph-conformance\n      shell: bash\n', '    - id: run\n      name: graph-conformance\n'),
      /a run step without shell/,
    ],
    [
      'an output not from the step',
      ACTION.replace('${{ steps.run.outputs.failed }}', '${{ steps.run.outputs.passed }}'),
      /outputs\.failed: not the run step's output/,
    ],
    ['a node action', ACTION.replace('using: composite', 'using: node20'), /runs\.using: node20/],
  ];
  test.each(broken)('the lint finds %s', (_name, text, finding) => {
    expect(text).not.toBe(ACTION);
    expect(lintAction(text).join('\n')).toMatch(finding);
  });
});

describe("the inputs and the API's fields become the options the command's resolver reads", () => {
  test("runConformance's options and the Action's inputs mirror the same run options", () => {
    expect(Object.values(OPTION_FLAGS).sort()).toEqual(RUN_OPTIONS);
    expect(rawOptionsOf({ baseUrl: 'http://127.0.0.1:4010', only: ['create.', 'list.'], seed: 5, record: true, quiet: false })).toEqual({
      'base-url': 'http://127.0.0.1:4010',
      record: true,
      seed: '5',
      only: ['create.', 'list.'],
    });
  });

  test("the API's options are judged by the command's resolver: the same values, the same refusals naming the flag", () => {
    const resolve = (options: ConformanceOptions) => resolveOptions({ command: 'run', options: rawOptionsOf(options) }, {}, fromRoot());
    expect(resolve({ only: 'create.,list.', seed: 5, timeout: 2000 }).config).toMatchObject({
      only: ['create.', 'list.'],
      seed: 5,
      seedGiven: true,
      timeoutMs: 2000,
    });
    expect(() => resolve({ timeout: -5 })).toThrow("--timeout / CONFORMANCE_TIMEOUT_MS: '-5' is not a whole number ≥ 1");
    expect(() => resolve({ record: 'yes' as unknown as boolean })).toThrow("--record: 'yes' is not true or false");
  });

  test('empty inputs are left out, booleans are switches, the command is kept apart; the token is never an option', () => {
    expect(commandLineFromInputs({ INPUT_COMMAND: 'run', INPUT_BASE_URL: '', INPUT_RECORD: 'false' })).toEqual({ command: 'run', options: {} });
    expect(
      commandLineFromInputs({
        INPUT_COMMAND: 'diff',
        INPUT_BASE_URL: 'http://127.0.0.1:4010',
        INPUT_ONLY: 'create.,list.',
        INPUT_VERBOSE: 'true',
        INPUT_TOKEN: 'secret',
      }),
    ).toEqual({
      command: 'diff',
      options: { 'base-url': 'http://127.0.0.1:4010', only: ['create.,list.'], verbose: true },
    });
  });

  test('a command or a boolean it does not know is a usage error', () => {
    expect(() => commandLineFromInputs({ INPUT_COMMAND: 'sweep' })).toThrow(/input command: 'sweep' is not one of run, diff/);
    expect(() => commandLineFromInputs({ INPUT_RECORD: 'yes' })).toThrow(/input record: 'yes' is not true or false/);
  });
});

describe("diff's outputs", () => {
  test('both numbers: the differences, and the behaviours they belong to', () => {
    const files = { results: 'reports/results.json', report: 'reports/report.html' };
    expect(actionOutputs(1, { command: 'diff', files, differences: 32, known: 0, behaviours: 1 })).toMatchObject({
      differences: '32',
      behaviours: '1',
      summary: '32 differences in 1 behaviour',
    });
    expect(actionOutputs(0, { command: 'diff', files, differences: 6, known: 6, behaviours: 3 })).toMatchObject({
      behaviours: '3',
      summary: '6 differences in 3 behaviours (6 known)',
    });
    expect(actionOutputs(0, { command: 'diff', files, differences: 0, known: 0, behaviours: 0 })).toMatchObject({ behaviours: '0', summary: '0 differences' });
  });
});

describe.concurrent('the step as Actions runs it', () => {
  let double: RunningDouble;
  beforeAll(async () => {
    double = await startDouble();
  });
  afterAll(() => double?.close());

  function outputsOf(file: string): Record<string, string> {
    const text = readFileSync(file, 'utf8');
    const out: Record<string, string> = {};
    for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)) out[m[1]!] = m[3]!;
    return out;
  }

  /** The step in a fresh folder; `stale`: an earlier run's results.json already lies in the report dir. */
  async function step(inputs: Record<string, string>, stale = false) {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-action-'));
    const output = path.join(dir, 'github-output');
    writeFileSync(output, '');
    if (stale) {
      const earlier = path.join(dir, 'reports', 'results.json');
      mkdirSync(path.dirname(earlier));
      writeFileSync(earlier, JSON.stringify({ summary: { passed: 99, failed: 0 } }));
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(earlier, anHourAgo, anHourAgo);
    }
    const env = { GITHUB_OUTPUT: output, CI: 'true', INPUT_REPORT_DIR: path.join(dir, 'reports'), ...inputs };
    const run = await runCommand('src/cli/action.ts', [], env);
    return { ...run, outputs: outputsOf(output) };
  }

  test('replay: exit 0; the summary, the counts and the report paths as outputs', async () => {
    const run = await step({ INPUT_ONLY: 'create.' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.outputs).toMatchObject({
      'exit-code': '0',
      passed: '8',
      failed: '0',
      blocked: '0',
      summary: '8 passed, 0 failed, 0 blocked, 0 skipped, 0 warned',
    });
    for (const file of ['results', 'junit', 'report']) expect(run.outputs[file]).toMatch(/reports\/(results\.json|junit\.xml|report\.html)$/);
  });

  test('a failing check: exit 1, failed counted', async () => {
    const broken = await startDouble({ defects: ['create-status-200'] });
    try {
      const run = await step({ INPUT_BASE_URL: broken.baseUrl, INPUT_ONLY: 'create.status', INPUT_SEED: '5' });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.outputs).toMatchObject({ 'exit-code': '1', failed: '1', passed: '0' });
    } finally {
      await broken.close();
    }
  });

  test('command diff against the double: exit 0, the differences as an output', async () => {
    const run = await step({ INPUT_COMMAND: 'diff', INPUT_BASE_URL: double.baseUrl });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'exit-code': '0', differences: '0', behaviours: '0', summary: '0 differences', junit: '' });
  });

  test("an unreachable target: exit 2, and an earlier run's results.json is not reported as this run's", async () => {
    const run = await step({ INPUT_BASE_URL: 'http://127.0.0.1:9', INPUT_TIMEOUT: '2000' }, true);
    expect(run.code).toBe(2);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '', passed: '', summary: 'no results.json: the run stopped before any check (exit 2)' });
  });

  test('a bad input: exit 2 and the reason, and the outputs still say what happened', async () => {
    const run = await step({ INPUT_PROFILE: 'strict' }, true);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--profile \/ CONFORMANCE_PROFILE: 'strict' is not one of/);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '' });
  });
});
