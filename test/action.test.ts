/**
 * action.yml, the GitHub Action (a JavaScript action running the committed bundle): linted against the
 * command it wraps (an input for every run option, its own two — command, mocks-file — and nothing else,
 * the bundle as its main, outputs the step writes and nothing a composite action would declare), each lint
 * rule shown to fire on a broken action; and its step run as the runner runs it, inputs in (INPUT_<NAME>,
 * hyphens kept), outputs and job summary out, for a run, diff and check-mocks. test/action-bundle.test.ts holds the bundle itself to its sources and runs it alone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { OPTIONS, resolveOptions } from '../src/config/run-config.js';
import { CHECK_MOCKS_INPUTS, checkMocksFromInputs, commandLineFromInputs, NOT_INPUTS, OWN_INPUTS, tokenFromInputs } from '../src/action/inputs.js';
import { actionOutputs, OUTPUT_NAMES, stepSummaryMarkdown } from '../src/action/outputs.js';
import { OPTION_FLAGS, rawOptionsOf, type ConformanceOptions } from '../src/api/options.js';
import { fromRoot } from '../src/project-root.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { ACTION_BUNDLE } from '../tools/cli/build-action.js';
import { runCommand } from './support/run-cli.js';
import { outputsOf, runnerEnv } from './support/action-runner.js';
import { SUITES } from '../suites/index.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTION = readFileSync(fromRoot('action.yml'), 'utf8');
/** The run options an input mirrors: every option of the command but help and the sweep command's own. */
const RUN_OPTIONS = Object.keys(OPTIONS)
  .filter((o) => !['help', 'older-than', 'yes'].includes(o))
  .sort();
/** The inputs the step reads: its own (`command`, `mocks-file`), one per run option (src/action/inputs.ts), and `token`. */
const READ_BY_STEP: string[] = [...OWN_INPUTS, 'token', ...Object.keys(OPTIONS).filter((o) => !NOT_INPUTS.has(o))];

function lintAction(text: string): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [`YAML does not parse: ${doc.errors.map((e) => e.message).join('; ')}`];
  const action = doc.toJS() as unknown;
  if (!isObject(action)) return ['not a mapping'];
  const problems: string[] = [];
  const inputs = isObject(action.inputs) ? action.inputs : {};
  const runs = isObject(action.runs) ? action.runs : {};
  // The runner's own Node runs the committed bundle: no install, no build, the job's Node left alone.
  if (runs.using !== 'node24') problems.push(`runs.using: ${String(runs.using)}, not node24 (a JavaScript action on the runner's Node 24)`);
  if (runs.main !== ACTION_BUNDLE) problems.push(`runs.main: ${String(runs.main)}, not the committed bundle ${ACTION_BUNDLE}`);
  else if (!existsSync(fromRoot(String(runs.main)))) problems.push(`runs.main: ${String(runs.main)} does not exist (npm run build:action)`);
  for (const key of Object.keys(runs))
    if (!['using', 'main'].includes(key)) problems.push(`runs.${key}: not part of this action (it runs one bundle, nothing before or after)`);

  for (const name of Object.keys(inputs))
    if (!(OWN_INPUTS as readonly string[]).includes(name) && !RUN_OPTIONS.includes(name)) problems.push(`inputs.${name}: not an option of the command`);
  for (const option of RUN_OPTIONS) if (!(option in inputs)) problems.push(`option --${option}: no input mirrors it`);
  for (const own of OWN_INPUTS) if (!(own in inputs)) problems.push(`inputs.${own}: missing (the step reads it)`);
  for (const name of CHECK_MOCKS_INPUTS) if (!(name in inputs)) problems.push(`inputs.${name}: missing, though check-mocks reads it`);
  for (const name of Object.keys(inputs)) if (!READ_BY_STEP.includes(name)) problems.push(`inputs.${name}: the step never reads it`);
  for (const [name, spec] of Object.entries(inputs)) {
    if (!isObject(spec) || typeof spec.description !== 'string' || spec.description.trim() === '') problems.push(`inputs.${name}: no description`);
    else if (spec.default !== undefined && typeof spec.default !== 'string') problems.push(`inputs.${name}: default ${String(spec.default)} is not a string`);
  }

  // A JavaScript action's outputs are what its step writes to GITHUB_OUTPUT: declared, described, no `value`.
  const outputs = isObject(action.outputs) ? action.outputs : {};
  for (const [name, spec] of Object.entries(outputs)) {
    if (!isObject(spec) || typeof spec.description !== 'string') problems.push(`outputs.${name}: no description`);
    if (isObject(spec) && 'value' in spec) problems.push(`outputs.${name}: a value, which only a composite action's outputs have`);
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
    ['an input without a description', ACTION.replace(/( {2}shard:\n) {4}description: .*\n/, '$1'), /inputs\.shard: no description/],
    ['no mocks-file', ACTION.replace(/ {2}mocks-file:\n( {4}.*\n)+/, ''), /inputs\.mocks-file: missing \(the step reads it\)/],
    ['a default that is not a string', ACTION.replace("default: 'false'", 'default: false'), /inputs\.record: default false is not a string/],
    ['a composite action', ACTION.replace('using: node24', 'using: composite'), /runs\.using: composite, not node24/],
    ['an older Node', ACTION.replace('using: node24', 'using: node20'), /runs\.using: node20, not node24/],
    [
      'main not the bundle',
      ACTION.replace(`main: ${ACTION_BUNDLE}`, 'main: dist/src/cli/action.js'),
      /runs\.main: dist\/src\/cli\/action\.js, not the committed bundle/,
    ],
    ['a step before the run', ACTION.replace(`main: ${ACTION_BUNDLE}`, `main: ${ACTION_BUNDLE}\n  pre: setup.mjs`), /runs\.pre: not part of this action/],
    [
      "an output with a composite action's value",
      ACTION.replace('  failed:\n    description: checks failed\n', '  failed:\n    description: checks failed\n    value: ${{ steps.run.outputs.failed }}\n'),
      /outputs\.failed: a value, which only a composite action's outputs have/,
    ],
    [
      'an output the step never sets',
      ACTION.replace('  warned:\n', '  warnings:\n'),
      /outputs\.warnings: the step never sets it[\s\S]*outputs\.warned: set by the step but not declared/,
    ],
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
    expect(commandLineFromInputs({ INPUT_COMMAND: 'run', 'INPUT_BASE-URL': '', INPUT_RECORD: 'false' })).toEqual({ command: 'run', options: {} });
    expect(
      commandLineFromInputs({
        INPUT_COMMAND: 'diff',
        'INPUT_BASE-URL': 'http://127.0.0.1:4010',
        INPUT_ONLY: 'create.,list.',
        INPUT_VERBOSE: 'true',
        INPUT_TOKEN: 'secret',
      }),
    ).toEqual({
      command: 'diff',
      options: { 'base-url': 'http://127.0.0.1:4010', only: ['create.,list.'], verbose: true },
    });
    expect(tokenFromInputs({ INPUT_TOKEN: ' secret ' })).toBe('secret');
    expect(tokenFromInputs({ INPUT_TOKEN: '' })).toBeUndefined();
  });

  test("the runner's names (INPUT_BASE-URL, hyphens kept) are read first; the underscore spelling only where they are absent", () => {
    const every = runnerEnv({ 'base-url': 'http://127.0.0.1:4010', 'max-body-bytes': '1000' });
    expect(every).toMatchObject({
      'INPUT_BASE-URL': 'http://127.0.0.1:4010',
      'INPUT_MAX-BODY-BYTES': '1000',
      'INPUT_REPORT-DIR': 'reports',
      INPUT_RECORD: 'false',
    });
    expect(commandLineFromInputs(every).options).toEqual({ 'base-url': 'http://127.0.0.1:4010', 'max-body-bytes': '1000', 'report-dir': 'reports' });
    expect(commandLineFromInputs({ INPUT_BASE_URL: 'http://a.test' }).options).toEqual({ 'base-url': 'http://a.test' });
    // The runner always sets its own spelling (to the default when none is given): a stray INPUT_BASE_URL in the job's env does not win.
    expect(commandLineFromInputs({ 'INPUT_BASE-URL': '', INPUT_BASE_URL: 'http://a.test' }).options).toEqual({});
  });

  test('a command or a boolean it does not know is a usage error', () => {
    expect(() => commandLineFromInputs({ INPUT_COMMAND: 'sweep' })).toThrow(/input command: 'sweep' is not one of run, diff/);
    expect(() => commandLineFromInputs({ INPUT_RECORD: 'yes' })).toThrow(/input record: 'yes' is not true or false/);
  });
});

describe('check-mocks: the inputs it reads become its command line; the others are refused, by name', () => {
  const given = (inputs: Record<string, string>) => runnerEnv({ command: 'check-mocks', ...inputs });

  test('mocks-file after --, report-dir always (the runner gives its default), profile and baseline as given; quiet on CI unless verbose, as a run', () => {
    expect(checkMocksFromInputs(given({ 'mocks-file': 'devproxy/mocks.json' }))).toEqual({
      args: ['--report-dir', 'reports', '--quiet', '--', 'devproxy/mocks.json'],
      mocksFile: 'devproxy/mocks.json',
      reportDir: 'reports',
    });
    expect(checkMocksFromInputs(given({ 'mocks-file': '-m.json', profile: 'openapi', baseline: 'prism', 'report-dir': 'out', verbose: 'true' })).args).toEqual([
      '--report-dir',
      'out',
      '--profile',
      'openapi',
      '--baseline',
      'prism',
      '--',
      '-m.json',
    ]);
    const offCi = { ...given({ 'mocks-file': 'm.json' }), CI: '' };
    expect(checkMocksFromInputs(offCi).args).not.toContain('--quiet');
    expect(checkMocksFromInputs({ ...offCi, INPUT_QUIET: 'true' }).args).toContain('--quiet');
  });

  test('every input check-mocks reads is one action.yml declares', () => {
    const declared = Object.keys((parseDocument(ACTION).toJS() as { inputs: Json }).inputs);
    expect(CHECK_MOCKS_INPUTS.filter((name) => !declared.includes(name))).toEqual([]);
  });

  test('without mocks-file: a usage error naming the input', () => {
    expect(() => checkMocksFromInputs(given({}))).toThrow(/^input mocks-file: required with command check-mocks/);
  });

  test('an input about a target, recordings or a run: refused, each named, with the inputs it does read', () => {
    expect(() => checkMocksFromInputs(given({ 'mocks-file': 'm.json', 'base-url': 'http://127.0.0.1:4010' }))).toThrow(
      'input base-url: not an input of command check-mocks, which judges a mocks file and sends no request; its inputs: mocks-file, profile, report-dir, baseline, quiet, verbose',
    );
    expect(() =>
      checkMocksFromInputs(given({ 'mocks-file': 'm.json', token: 't', seed: '5', record: 'true', shard: '1/2', 'strict-baseline': 'true' })),
    ).toThrow(/^inputs token, record, seed, strict-baseline, shard: not inputs of command check-mocks/);
    // A boolean at its default ('false') is what the runner always sets: not a choice the workflow made.
    expect(() => checkMocksFromInputs(given({ 'mocks-file': 'm.json', record: 'false' }))).not.toThrow();
    expect(() => checkMocksFromInputs(given({ 'mocks-file': 'm.json', profile: 'strict' }))).toThrow("input profile: 'strict' is not one of openapi, graph");
  });

  test('mocks-file with run or diff: a usage error naming the input', () => {
    expect(() => commandLineFromInputs(runnerEnv({ 'mocks-file': 'm.json' }))).toThrow('input mocks-file: only for command check-mocks (command is run)');
    expect(() => commandLineFromInputs(runnerEnv({ command: 'diff', 'mocks-file': 'm.json' }))).toThrow(
      'input mocks-file: only for command check-mocks (command is diff)',
    );
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
  let double: RunningEmulator;
  beforeAll(async () => {
    double = await startEmulator();
  });
  afterAll(() => double?.close());

  /** The step in a fresh folder; `stale`: an earlier run's results.json already lies in the report dir. */
  async function step(inputs: Record<string, string>, stale = false) {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-action-'));
    const output = path.join(dir, 'github-output');
    const summary = path.join(dir, 'step-summary');
    writeFileSync(output, '');
    writeFileSync(summary, '');
    if (stale) {
      const earlier = path.join(dir, 'reports', 'results.json');
      mkdirSync(path.dirname(earlier));
      writeFileSync(earlier, JSON.stringify({ summary: { passed: 99, failed: 0 } }));
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(earlier, anHourAgo, anHourAgo);
    }
    const env = { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, ...runnerEnv({ 'report-dir': path.join(dir, 'reports'), ...inputs }) };
    const run = await runCommand('src/cli/action.ts', [], env);
    return { ...run, outputs: outputsOf(output), summary: readFileSync(summary, 'utf8') };
  }

  test('replay: exit 0; the summary, the counts and the report paths as outputs', async () => {
    const run = await step({ only: 'create.' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    // Every create.* check of the graph profile, from the suites' records.
    const n = SUITES.flatMap((s) => s.checks).filter((c) => c.id.startsWith('create.') && c.profiles.includes('graph')).length;
    expect(run.outputs).toMatchObject({
      'exit-code': '0',
      passed: String(n),
      failed: '0',
      blocked: '0',
      summary: `${n} passed, 0 failed, 0 blocked, 0 skipped, 0 warned`,
    });
    for (const file of ['results', 'junit', 'report']) expect(run.outputs[file]).toMatch(/reports\/(results\.json|junit\.xml|report\.html)$/);
    // The job summary: the one line as its heading, the report files, the closing table verbatim.
    expect(run.summary).toMatch(
      new RegExp(`^### graph-conformance run: ${n} passed, 0 failed, 0 blocked, 0 skipped, 0 warned\\n\\nexit code 0 · reports: \`[^\`]*report\\.html\``),
    );
    expect(run.summary).toMatch(new RegExp(`\`\`\`text\\n[\\s\\S]*^create +${n} +0 +0 +0$[\\s\\S]*^${n} passed, 0 failed[\\s\\S]*\`\`\`\\n$`, 'm'));
  });

  test('the token input reaches the run as GRAPH_ACCESS_TOKEN, masked in the log before anything else is printed', async () => {
    const run = await step({ 'base-url': double.baseUrl, only: 'create.status', seed: '5', token: 'token-from-a-secret' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout.startsWith('::add-mask::token-from-a-secret\n')).toBe(true);
    expect(run.stdout.split('token-from-a-secret')).toHaveLength(2);
  });

  test('a failing check: exit 1, failed counted', async () => {
    const broken = await startEmulator({ defects: ['create-status-200'] });
    try {
      const run = await step({ 'base-url': broken.baseUrl, only: 'create.status', seed: '5' });
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.outputs).toMatchObject({ 'exit-code': '1', failed: '1', passed: '0' });
    } finally {
      await broken.close();
    }
  });

  test('command diff against the double: exit 0, the differences as an output', async () => {
    const run = await step({ command: 'diff', 'base-url': double.baseUrl });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'exit-code': '0', differences: '0', behaviours: '0', summary: '0 differences', junit: '' });
  });

  test("an unreachable target: exit 2, and an earlier run's results.json is not reported as this run's", async () => {
    const run = await step({ 'base-url': 'http://127.0.0.1:9', timeout: '2000' }, true);
    expect(run.code).toBe(2);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '', passed: '', summary: 'no results.json: the run stopped before any check (exit 2)' });
  });

  test('a bad input: exit 2 and the reason, and the outputs still say what happened', async () => {
    const run = await step({ profile: 'strict' }, true);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--profile \/ CONFORMANCE_PROFILE: 'strict' is not one of/);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '' });
    expect(run.summary).toMatch(
      /^### graph-conformance run: no results\.json: the run stopped before any check \(exit 2\)\n\nexit code 2\n\n```text\nerror: --profile/,
    );
  });

  /** The fixture check-mocks passes: four mocks of the slice (one serving an @file body) and one of another API. */
  const MOCKS = 'test/fixtures/mocks/connector-groups.json';

  test('check-mocks on a mocks file that passes: exit 0; the counts, the report paths and a job summary naming the file', async () => {
    const run = await step({ command: 'check-mocks', 'mocks-file': MOCKS });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.outputs).toMatchObject({
      'exit-code': '0',
      passed: '16',
      failed: '0',
      blocked: '0',
      skipped: '4',
      differences: '',
      summary: '16 passed, 0 failed, 0 blocked, 4 skipped, 0 warned',
    });
    for (const [output, file] of [
      ['results', 'results.json'],
      ['junit', 'junit.xml'],
      ['report', 'report.html'],
    ] as const) {
      expect(run.outputs[output]).toMatch(new RegExp(`reports/${file.replace('.', '\\.')}$`));
      expect(existsSync(run.outputs[output]!), file).toBe(true);
    }
    expect(JSON.parse(readFileSync(run.outputs.results!, 'utf8'))).toMatchObject({ command: 'check-mocks', mocksFile: fromRoot(MOCKS) });
    expect(run.summary).toMatch(
      /^### graph-conformance check-mocks: 16 passed, 0 failed, 0 blocked, 4 skipped, 0 warned\n\nchecked the mocks file `test\/fixtures\/mocks\/connector-groups\.json` · 1 mock outside the slice, not judged\n\nexit code 0 · reports: `[^`]*report\.html`/,
    );
    // Quiet on CI, as a run: no line per passed check; what check-mocks said to close, verbatim (its wording is
    // check-mocks' own, tested with it: here, only that the outside mock and the counts reach the summary).
    expect(run.stdout).not.toContain('✓ mock.0.status');
    expect(run.summary).toMatch(
      /```text\n[\s\S]*^outside the slice[^\n]*\b1 mock\b[\s\S]*graph\.microsoft\.com\/v1\.0\/me[\s\S]*^16 passed, 0 failed[\s\S]*```\n$/m,
    );
  });

  test('check-mocks on a mocks file whose create answers 200 (no statusCode): exit 1, the failure counted and named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-mocks-'));
    const mocks = JSON.parse(readFileSync(fromRoot(MOCKS), 'utf8')) as { mocks: { request: { method?: string }; response: Json }[] };
    const create = mocks.mocks.find((m) => m.request.method === 'POST')!;
    expect(create.response.statusCode).toBe(201);
    delete create.response.statusCode;
    writeFileSync(path.join(dir, 'mocks.json'), JSON.stringify(mocks, null, 2));
    // The list mock's body is an @file beside the mocks file.
    writeFileSync(path.join(dir, 'connector-groups.list.json'), readFileSync(fromRoot('test/fixtures/mocks/connector-groups.list.json')));
    const run = await step({ command: 'check-mocks', 'mocks-file': path.join(dir, 'mocks.json') });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs).toMatchObject({ 'exit-code': '1', passed: '15', failed: '1', summary: '15 passed, 1 failed, 0 blocked, 4 skipped, 0 warned' });
    expect(run.outputs.junit).toMatch(/junit\.xml$/);
    expect(run.summary).toMatch(/^### graph-conformance check-mocks: 15 passed, 1 failed/);
    expect(run.summary).toMatch(/^ {2}✗ mock\.0\.status\b.*\b200\b/m);
  });

  test("check-mocks without mocks-file: exit 2 naming the input; nothing judged, and an earlier run's results.json not reported", async () => {
    const run = await step({ command: 'check-mocks' }, true);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: input mocks-file: required with command check-mocks/m);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '', passed: '', summary: 'no results.json: the run stopped before any check (exit 2)' });
    expect(run.summary).toMatch(/^### graph-conformance check-mocks: no results\.json[^\n]*\n\nexit code 2\n\n```text\nerror: input mocks-file: required/);
  });

  test('check-mocks on a file that is not there: exit 2, the reason and the file in the job summary', async () => {
    const run = await step({ command: 'check-mocks', 'mocks-file': 'no/such/mocks.json' }, true);
    expect(run.code).toBe(2);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '', junit: '' });
    expect(run.summary).toMatch(/^checked the mocks file `no\/such\/mocks\.json`\n/m);
    expect(run.summary).toMatch(/```text\nerror: check-mocks: [^\n]*no\/such\/mocks\.json/);
  });

  test('mocks-file with command run: exit 2 naming the input, and no run', async () => {
    const run = await step({ 'mocks-file': MOCKS, only: 'create.' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: input mocks-file: only for command check-mocks \(command is run\)$/m);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '', passed: '' });
  });

  test('check-mocks given an input about a target: exit 2 naming it', async () => {
    const run = await step({ command: 'check-mocks', 'mocks-file': MOCKS, 'base-url': double.baseUrl });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: input base-url: not an input of command check-mocks/m);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '' });
  });
});

describe('the job summary', () => {
  const outputs = actionOutputs(1, {
    command: 'run',
    files: { results: '/w/reports/results.json', junit: '/w/reports/junit.xml', report: '/w/reports/report.html' },
    summary: { passed: 1, failed: 1, blocked: 0, skipped: 0, warned: 0, known: 0, fixed: 0 } as never,
  });
  test('report paths relative to the workspace; a fence no backtick run in the text can close', () => {
    const text = stepSummaryMarkdown('run', outputs, 'a ```` fence inside\n', '/w');
    expect(text).toContain('exit code 1 · reports: `reports/report.html`, `reports/results.json`, `reports/junit.xml`');
    expect(text).toContain('`````text\na ```` fence inside\n`````\n');
  });
});
