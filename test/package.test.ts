/**
 * The package as users install it: packed by npm, unpacked into an empty folder with only its declared
 * runtime dependencies beside it, and run from there — the installed command (replay), `npx
 * graph-conformance` against the emulator and against one defect of it, the installed `emulate` command,
 * the programmatic API, its types, and the vitest suites under the user's own vitest. Nothing here reaches the network.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { installTarball, type InstalledPackage, type PackedProject } from '../harness/packaging/install-tarball.js';
import { SUITES } from '../suites/index.js';
import { IDENTITY_INSTALL, IDENTITY_RANGE } from '../src/auth/token.js';
import { failedIds, resultsIn as resultsInFolder, runIn } from './support/installed.js';
import { childEnv } from './support/run-cli.js';

const ALL_CHECKS = SUITES.flatMap((s) => s.checks).length;

let packed: PackedProject;
let installed: InstalledPackage;
/** The same tarball where the user has no vitest: the optional peer stays optional. */
let withoutVitest: InstalledPackage;
let double: RunningEmulator;
let broken: RunningEmulator;

beforeAll(async () => {
  // Packed once for the whole run by vitest's global setup (harness/build-once.ts), from dist/ as built then.
  packed = inject('packed');
  installed = installTarball(packed.tarball, { peers: ['vitest'] });
  withoutVitest = installTarball(packed.tarball);
  [double, broken] = await Promise.all([startEmulator(), startEmulator({ defects: ['create-status-200'] })]);
});

afterAll(async () => {
  await Promise.all([double?.close(), broken?.close()]);
});

const inApp = (command: string, args: readonly string[], app = installed) => runIn(app, command, args);
const resultsIn = (dir: string) => resultsInFolder(installed, dir);

describe('what npm pack puts in the package', () => {
  test('the command, built JavaScript with its types, the slice and its artefacts, the decisions, the recordings, the README; no TypeScript source, no tests', () => {
    const files = packed.files;
    for (const needed of [
      'bin/graph-conformance.mjs',
      'dist/src/cli/conformance.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/vitest.js',
      'dist/src/cli/emulate.js',
      'dist/src/emulator/index.js',
      'dist/src/emulator/server.js',
      'dist/validators.cjs',
      'src/openapi/formats.cjs',
      'specs/openapi.yaml',
      'specs/decisions.yaml',
      'baselines/prism.yaml',
      'baselines/mockoon.yaml',
      'specs/upstream/dev-proxy/mockresponseplugin.mocksfile.schema.v3.2.0.json',
      'generated/openapi.json',
      'generated/decisions.json',
      'fixtures/recordings/create.json',
      'README.md',
      'package.json',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const typescript = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'generated/openapi.ts');
    expect(typescript).toEqual([]);
    expect(
      files.filter((f) =>
        /^(test|suites|src\/(?!openapi\/formats\.cjs$)|dist\/src\/(bench|double|packaging)\/|specs\/upstream\/(?!dev-proxy\/mockresponseplugin)|node_modules)/.test(
          f,
        ),
      ),
    ).toEqual([]);
  });

  test('package.json: the bin, Node ≥ 20.19, vitest an optional peer, no TypeScript runner among the dependencies', () => {
    const m = installed.manifest;
    expect(m.bin).toEqual({ 'graph-conformance': 'bin/graph-conformance.mjs' });
    expect(m.engines.node).toBe('>=20.19');
    expect(m.peerDependencies?.vitest).toBeDefined();
    expect(m.peerDependenciesMeta?.vitest?.optional).toBe(true);
    expect(Object.keys(m.dependencies)).not.toContain('vitest');
    expect(Object.keys(m.dependencies)).not.toContain('tsx');
    expect(Object.keys(m.dependencies)).not.toContain('typescript');
    expect(readFileSync(path.join(installed.packageDir, m.bin['graph-conformance']!), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });
});

describe.concurrent('installed from the tarball, offline', () => {
  test('graph-conformance (the installed command) replays the shipped recordings: exit 0, a verdict for every check', async () => {
    const run = await inApp(installed.command, ['--report-dir', 'replay-reports']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const results = resultsIn('replay-reports');
    expect(results.target).toBe('replay');
    expect(results.checks).toHaveLength(ALL_CHECKS);
    expect(results.summary.failed).toBe(0);
  });

  test('npx graph-conformance --base-url <the reference double>: exit 0', async () => {
    const run = await inApp('npx', ['graph-conformance', '--base-url', double.baseUrl, '--seed', '5', '--report-dir', 'double-reports']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const results = resultsIn('double-reports');
    expect(results.checks).toHaveLength(ALL_CHECKS);
    expect(results.summary.passed).toBeGreaterThan(0);
  });

  test('npx graph-conformance against a double that answers create with 200: exit 1, exactly the checks that defect breaks', async () => {
    const run = await inApp('npx', ['graph-conformance', '--base-url', broken.baseUrl, '--seed', '5', '--report-dir', 'defect-reports']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(failedIds(resultsIn('defect-reports'))).toEqual(['create.status', 'property.valid-bodies']);
  });

  test('--help and a usage error: the same text and exit codes as in the repository', async () => {
    const help = await inApp(installed.command, ['--help']);
    expect(help.code).toBe(0);
    const { HELP } = await import('../src/cli/help.js');
    expect(help.stdout).toBe(HELP);
    const bad = await inApp(installed.command, ['--profile', 'strict']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --profile/);
  });

  test('--target live without a token, where @azure/identity (an optional peer) is not installed: exit 2, one line naming the install command', async () => {
    const m = installed.manifest;
    expect(Object.keys(m.dependencies)).not.toContain('@azure/identity');
    expect(m.peerDependencies?.['@azure/identity']).toBe(IDENTITY_RANGE);
    expect(m.peerDependenciesMeta?.['@azure/identity']?.optional).toBe(true);
    expect(existsSync(path.join(installed.appDir, 'node_modules', '@azure', 'identity'))).toBe(false);
    const run = await inApp(installed.command, ['--target', 'live', '--report-dir', 'live-reports']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `error: --target live without a token signs in through @azure/identity, which is not installed: run ${IDENTITY_INSTALL} (or give a token in GRAPH_ACCESS_TOKEN)`,
    ]);
  });

  test('docs-check is a subcommand', async () => {
    const page = path.join(installed.appDir, 'page.md');
    writeFileSync(page, readFileSync(fromRoot('test', 'fixtures', 'docs', 'conforming.md')));
    const run = await inApp(installed.command, ['docs-check', 'page.md']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/\d+ blocks?: \d+ conforming, 0 with violations/);
  });

  test("contract --path names the installed slice, for a mock started in the user's project", async () => {
    const run = await inApp(installed.command, ['contract', '--path']);
    expect(run.code, run.stderr).toBe(0);
    const file = run.stdout.trimEnd();
    expect(path.isAbsolute(file)).toBe(true);
    expect(realpathSync(file)).toBe(realpathSync(path.join(installed.packageDir, 'specs', 'openapi.yaml')));
    expect(readFileSync(file)).toEqual(readFileSync(fromRoot('specs', 'openapi.yaml')));
  });

  test('emulate (the installed command): prints its base URL, answers the connectorGroups list from its default tenant, SIGTERM stops it with exit 0', async ({
    onTestFinished,
  }) => {
    const child = spawn(installed.command, ['emulate', '--port', '0'], { cwd: installed.appDir, env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
      });
      void exited.then((code) => reject(new Error(`emulate ended (${code}) before printing its base URL: ${stderr}`)));
    });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, { headers: { Authorization: 'Bearer x' } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { value: { name: string }[] }).value.map((g) => g.name)).toContain('Default');
    child.kill('SIGTERM');
    expect(await exited, stderr).toBe(0);
  });

  test('--record without --fixtures-dir is refused: the installed package keeps its own recordings', async () => {
    const run = await inApp(installed.command, ['--base-url', double.baseUrl, '--record']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fixtures-dir');
  });

  test("import { runConformance } from 'graph-conformance', where no vitest is installed: the results.json document, the same options", async () => {
    expect(existsSync(path.join(withoutVitest.appDir, 'node_modules', 'vitest'))).toBe(false);
    const script = path.join(withoutVitest.appDir, 'api.mjs');
    writeFileSync(
      script,
      `import { runConformance, UsageError } from 'graph-conformance';\n` +
        `const run = await runConformance({ baseUrl: ${JSON.stringify(broken.baseUrl)}, only: ['create.'], seed: 5, reportDir: 'api-reports' });\n` +
        `let usage = '';\n` +
        `try { await runConformance({ profile: 'strict' }); } catch (error) { usage = error instanceof UsageError ? error.message : 'not a UsageError'; }\n` +
        `console.log(JSON.stringify({ exitCode: run.exitCode, failed: run.results.checks.filter((c) => c.status === 'failed').map((c) => c.id), files: run.files, usage }));\n`,
    );
    const run = await inApp(process.execPath, [script], withoutVitest);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { exitCode: number; failed: string[]; files: Record<string, string>; usage: string };
    expect(out.exitCode).toBe(1);
    expect(out.failed).toEqual(['create.status']);
    for (const file of Object.values(out.files)) expect(existsSync(file), file).toBe(true);
    expect(out.usage).toMatch(/^--profile/);
  });

  test('its types: a user file that calls runConformance type-checks against the installed declarations, and a wrong option does not', async () => {
    const good =
      "import { runConformance, type ConformanceRun } from 'graph-conformance';\nconst run: ConformanceRun = await runConformance({ baseUrl: 'http://127.0.0.1:4010', profile: 'openapi', only: 'create.' });\nconst failed: number = run.results.summary.failed;\nexport { failed };\n";
    const bad = "import { runConformance } from 'graph-conformance';\nawait runConformance({ profile: 'strict' });\n";
    writeFileSync(path.join(installed.appDir, 'good.ts'), good);
    writeFileSync(path.join(installed.appDir, 'bad.ts'), bad);
    const tsc = fromRoot('node_modules', 'typescript', 'bin', 'tsc');
    const options = [
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      '--types',
      'node',
      '--typeRoots',
      fromRoot('node_modules', '@types'),
    ];
    // One compiler run for both files (it is the slow part): every error it reports is in bad.ts, at the wrong option.
    const run = await inApp(process.execPath, [tsc, ...options, 'good.ts', 'bad.ts']);
    expect(run.code).not.toBe(0);
    const errors = run.stdout.split('\n').filter((l) => /error TS\d+/.test(l));
    expect(errors.length, run.stdout).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^bad\.ts\(2,\d+\): error TS2322: Type '"strict"' is not assignable/);
  });

  test("the vitest suites under the user's own vitest: one test per check, the verdicts of the engine", async () => {
    writeFileSync(
      path.join(installed.appDir, 'mock.test.mjs'),
      `import { conformanceSuites } from 'graph-conformance/vitest';\nconformanceSuites({ baseUrl: ${JSON.stringify(broken.baseUrl)}, only: ['create.status', 'create.body.schema'], seed: 5 });\n`,
    );
    const vitest = path.join(installed.appDir, 'node_modules', 'vitest', 'vitest.mjs');
    const run = await inApp(process.execPath, [vitest, 'run', 'mock.test.mjs', '--reporter', 'json', '--outputFile', 'vitest.json']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(path.join(installed.appDir, 'vitest.json'), 'utf8')) as {
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    const tests = Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults.map((a) => [a.title, a.status])));
    expect(tests).toEqual({ 'create.status': 'failed', 'create.body.schema': 'passed' });
  });
});
