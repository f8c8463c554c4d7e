/**
 * The GitHub Action's bundle (action/index.mjs, action.yml's `main`): committed, so it must be what
 * `npm run build:action` makes from the sources as they are now (same bytes; the build is deterministic);
 * and it must run as the runner runs it, from a checkout of the repository that has no node_modules: the
 * bundle, action.yml, specs/, generated/ and the recordings copied into an empty folder, run by `node`
 * with the runner's INPUT_* variables, against the recordings and against the reference double.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { isBuiltin } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { OUTPUT_NAMES } from '../src/action/outputs.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { ACTION_BUNDLE, bundleAction } from '../tools/cli/build-action.js';
import type { RunResults } from '../src/report/results.js';
import { SUITES } from '../suites/index.js';
import { outputsOf, runnerEnv } from './support/action-runner.js';
import { spawnCollecting } from './support/run-cli.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const ALL_CHECKS = SUITES.flatMap((s) => s.checks).length;
/** The baselines the repository ships by name (`baseline: prism`), read from the checkout too. */
const SHIPPED_BASELINES = existsSync(fromRoot('baselines')) ? ['baselines'] : [];

describe('the committed bundle', () => {
  test('is what npm run build:action makes from the sources now, byte for byte (rebuild and commit it when this fails)', async () => {
    const committed = readFileSync(fromRoot(ACTION_BUNDLE));
    const built = await bundleAction();
    expect(sha256(built), `${ACTION_BUNDLE} is stale: run npm run build:action and commit it`).toBe(sha256(committed));
  });

  test('the build is deterministic: two builds, the same bytes', async () => {
    const [a, b] = await Promise.all([bundleAction(), bundleAction()]);
    expect(sha256(a)).toBe(sha256(b));
  });

  test("holds what a live run needs (@azure/identity), and loads nothing but Node's own modules", () => {
    const text = readFileSync(fromRoot(ACTION_BUNDLE), 'utf8');
    expect(text).toContain('DefaultAzureCredential');
    const loaded = [
      ...text.matchAll(/(?:^|[;}\s])import\s*[^;"'()]*?from\s*["']([^"']+)["']/g),
      ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
      ...text.matchAll(/\b__require\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1]!);
    expect(loaded.length).toBeGreaterThan(0);
    // node:sqlite and the like (undici's lazy loaders) are Node's own even where this Node does not have them yet.
    expect([...new Set(loaded.filter((specifier) => !specifier.startsWith('node:') && !isBuiltin(specifier)))]).toEqual([]);
  });
});

describe.concurrent('the bundle run as the runner runs it, from a checkout without node_modules', () => {
  /** The Action's checkout ($GITHUB_ACTION_PATH): only the repository files the run reads. */
  let actionPath: string;
  let double: RunningEmulator;

  beforeAll(async () => {
    actionPath = path.join(mkdtempSync(path.join(tmpdir(), 'gc-action-path-')), 'graph-conformance');
    // specs/upstream/dev-proxy: the mocks file schema check-mocks validates a Dev Proxy file against;
    // specs/entity-facts.yaml: what the body factories never send (read-only and server-set properties).
    for (const file of [
      ACTION_BUNDLE,
      'action.yml',
      'specs/openapi.yaml',
      'specs/decisions.yaml',
      'specs/entity-facts.yaml',
      'specs/upstream/dev-proxy',
      'generated',
      'fixtures/recordings',
      ...SHIPPED_BASELINES,
    ]) {
      mkdirSync(path.dirname(path.join(actionPath, file)), { recursive: true });
      cpSync(fromRoot(file), path.join(actionPath, file), { recursive: true });
    }
    double = await startEmulator();
  });
  afterAll(() => double?.close());

  test('nothing above the copy can lend it a module', () => {
    for (let dir = actionPath; path.dirname(dir) !== dir; dir = path.dirname(dir)) expect(existsSync(path.join(dir, 'node_modules')), dir).toBe(false);
    expect(existsSync(path.join(actionPath, 'package.json'))).toBe(false);
  });

  /** `node <bundle>` in a fresh workspace (holding `files`: repository files copied to a path of the workspace), as the runner starts a node24 action. */
  async function step(inputs: Record<string, string>, files: Record<string, string> = {}) {
    const workspace = mkdtempSync(path.join(tmpdir(), 'gc-workspace-'));
    for (const [to, from] of Object.entries(files)) cpSync(fromRoot(from), path.join(workspace, to), { recursive: true });
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'gc-runner-temp-'));
    const [output, summary] = [path.join(runnerTemp, 'output'), path.join(runnerTemp, 'summary')];
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env = { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, ...runnerEnv(inputs) };
    const run = await spawnCollecting(process.execPath, [path.join(actionPath, ACTION_BUNDLE)], { cwd: workspace, env });
    const reports = path.join(workspace, 'reports');
    const results = existsSync(path.join(reports, 'results.json'))
      ? (JSON.parse(readFileSync(path.join(reports, 'results.json'), 'utf8')) as RunResults)
      : undefined;
    return { ...run, workspace, reports, results, outputs: outputsOf(output), summary: readFileSync(summary, 'utf8') };
  }

  test("replay (the checkout's own recordings): exit 0, every check judged, the three reports, the outputs and the job summary", async () => {
    const run = await step({});
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results?.target).toBe('replay');
    expect(run.results?.checks).toHaveLength(ALL_CHECKS);
    expect(run.results?.summary.failed).toBe(0);
    for (const file of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(run.reports, file)), file).toBe(true);
    expect(Object.keys(run.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
    expect(run.outputs).toMatchObject({
      'exit-code': '0',
      failed: '0',
      results: path.join(run.reports, 'results.json'),
      junit: path.join(run.reports, 'junit.xml'),
      report: path.join(run.reports, 'report.html'),
    });
    expect(run.outputs.summary).toMatch(/^\d+ passed, 0 failed, 0 blocked, \d+ skipped, \d+ warned$/);
    expect(run.summary).toContain(`### graph-conformance run: ${run.outputs.summary}`);
  });

  test('base-url: the reference double, exit 0', async () => {
    const run = await step({ 'base-url': double.baseUrl, seed: '5', only: 'create.,list.,get.' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results?.target).toBe('url');
    expect(run.outputs).toMatchObject({ 'exit-code': '0', failed: '0' });
    expect(Number(run.outputs.passed)).toBeGreaterThan(0);
    for (const file of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(run.reports, file)), file).toBe(true);
  });

  test('command diff against the double: exit 0, no differences', async () => {
    const run = await step({ command: 'diff', 'base-url': double.baseUrl });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'exit-code': '0', differences: '0', summary: '0 differences' });
  });

  test.runIf(SHIPPED_BASELINES.length > 0)("a shipped baseline by name is read from the Action's checkout", async () => {
    const run = await step({ baseline: 'prism', only: 'create.' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ 'exit-code': '0', failed: '0' });
  });

  test('command check-mocks on a mocks file in the workspace: exit 0, its three reports and the counts', async () => {
    const run = await step({ command: 'check-mocks', 'mocks-file': 'devproxy/connector-groups.json' }, { devproxy: 'test/fixtures/mocks' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.results).toMatchObject({ command: 'check-mocks', mocksFile: path.join(run.workspace, 'devproxy', 'connector-groups.json') });
    expect(run.outputs).toMatchObject({ 'exit-code': '0', failed: '0', passed: '16', junit: path.join(run.reports, 'junit.xml') });
    expect(run.summary).toContain('checked the mocks file `devproxy/connector-groups.json` · 1 mock outside the slice, not judged');
  });

  test('a bad input: exit 2 and the reason', async () => {
    const run = await step({ profile: 'strict' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--profile \/ CONFORMANCE_PROFILE: 'strict' is not one of/);
    expect(run.outputs).toMatchObject({ 'exit-code': '2', results: '' });
  });
});
