/**
 * The README's quick starts that need no tenant and no GitHub, run as written in a folder that installed
 * the packed tarball (packed once by vitest's global setup): Prism from the project's own pinned dev
 * dependency stands in for `npx --yes @stoplight/prism-cli@5.14.2` (this machine has no network), on a free
 * port; the double is "your mock" of the API example. Besides exit 0, what the two Prism runs find is pinned
 * here (test/prism.test.ts runs Prism in its other roles).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fromRoot } from '../src/project-root.js';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { installTarball, type InstalledPackage } from '../harness/packaging/install-tarball.js';
import { escapeHtml } from '../src/report/html/escape.js';
import { PRISM_BIN } from '../tools/bench/prism.js';
import { spawnCollecting } from './support/run-cli.js';
import { failedIds, resultsIn as resultsInFolder, runIn } from './support/installed.js';
import { quickStart } from './support/readme.js';
import { closedPort } from './support/ports.js';
import { SHIPPED, SKIPPED_FOR_CAPABILITY, STATELESS_MOCK_FAILURES } from './support/stateless-mock.js';

let installed: InstalledPackage;
let double: RunningEmulator;
let broken: RunningEmulator;

beforeAll(async () => {
  installed = installTarball(inject('packed').tarball);
  [double, broken] = await Promise.all([startEmulator(), startEmulator({ defects: ['create-status-200'] })]);
});

afterAll(async () => {
  await Promise.all([double?.close(), broken?.close()]);
});

const inApp = (command: string, args: readonly string[], app = installed) => runIn(app, command, args);
const resultsIn = (dir: string) => resultsInFolder(installed, dir);

// One after another: every quick start writes the user's reports/, as the user's would.
describe('the README quick starts, as written', () => {
  /** A quick start's shell lines in the user's folder; background jobs stop when it ends. */
  const shell = (script: string) =>
    spawnCollecting('bash', ['-c', `set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${script}`], {
      cwd: installed.appDir,
      env: {
        PATH: `${path.join(installed.appDir, 'node_modules', '.bin')}:${process.env.PATH}`,
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
      },
    });
  const EXAMPLE_NOTE = "(the body is the slice's own example: a mock built from the slice answers it whatever was sent, and cannot echo, remember or refuse)";
  const PRISM_REPORT_NOTE = "the answer carries Prism's validation report, from Prism as the mock or as a proxy in front: ";

  test('validate a mock: Prism on the installed contract; the graph run fails only what the shipped baseline lists, exit 0', async () => {
    const port = await closedPort();
    const lines = quickStart('prism')
      .split('\n')
      // Already done: the folder installed the tarball.
      .filter((line) => !line.startsWith('npm install'));
    const run = await shell(lines.join('\n').replaceAll('npx --yes @stoplight/prism-cli@5.14.2', PRISM_BIN).replaceAll('4010', String(port)));
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);

    const graph = resultsIn('reports');
    const check = (id: string) => graph.checks.find((c) => c.id === id);
    expect(failedIds(graph)).toEqual(STATELESS_MOCK_FAILURES.prism);
    const known = graph.checks.filter((c) => c.baseline?.state === 'known');
    expect(known.map((c) => c.id).sort()).toEqual(STATELESS_MOCK_FAILURES.prism);
    expect(graph.summary).toMatchObject({ known: known.length, fixed: 0, blocked: 0 });
    for (const id of SKIPPED_FOR_CAPABILITY) expect(check(id)?.message, id).toMatch(/^capability:filter-startswith/);
    // The example, whatever was sent, and a message that says so.
    const echo = check('create.body.echo')?.message ?? '';
    expect(echo).toMatch(/^name: sent "conformance-[^"]+", got "Connector Group Demo"(; region: sent "[a-z]+", got "nam")?/);
    expect(echo).toContain(EXAMPLE_NOTE);
    expect(check('lifecycle.get-updated')?.message).toContain(EXAMPLE_NOTE);
    expect(check('create.header.request-id')?.message).toMatch(/^no request-id header/);
    expect(check('create.header.client-request-id')?.message).toMatch(
      /^sent client-request-id [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}, got no client-request-id header/,
    );
    // Prism refuses invalid bodies, with its own 422 where Graph answers 400, and says why in sl-violations.
    const wrongType = check('negative.body.wrong-type')?.message ?? '';
    expect(wrongType).toMatch(/^expected 400, got 422/);
    expect(wrongType).toContain(`(${PRISM_REPORT_NOTE}sl-violations (`);
    expect(wrongType).toContain('Request body property name must be string');
    // What Prism adds instead of Graph's headers.
    const headers = check('create.header.request-id')?.evidence?.response?.headers ?? {};
    expect(headers['access-control-allow-origin']).toBe('*');
    expect(headers['request-id']).toBeUndefined();
    // Each known failure with the shipped reason: in the terminal, junit.xml and report.html.
    const junit = readFileSync(path.join(installed.appDir, 'reports', 'junit.xml'), 'utf8');
    const html = readFileSync(path.join(installed.appDir, 'reports', 'report.html'), 'utf8');
    for (const { id, baseline } of known) {
      expect(baseline?.reason, id).toBe(SHIPPED.prism[id]);
      expect(run.stdout, id).toContain(`✗ ${id} (known failure: ${SHIPPED.prism[id]})`);
      expect(junit, id).toContain(`known failure (baseline: ${SHIPPED.prism[id]})`);
      expect(html, id).toContain(`Reason: ${escapeHtml(SHIPPED.prism[id]!)}`);
    }
  });

  test('run the emulator: the installed emulate, waited for, then a url run against it: exit 0, every operation exercised', async () => {
    const port = await closedPort();
    // The installed bin itself, not through npx: npm exec does not pass the SIGTERM that ends the script on
    // to what it runs (a user's Ctrl-C reaches the whole process group instead).
    const script = quickStart('emulator').replace('npx graph-conformance emulate', 'graph-conformance emulate').replaceAll('4010', String(port));
    const run = await shell(script);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const results = resultsIn('reports');
    expect(results.summary).toMatchObject({ failed: 0, blocked: 0 });
    expect(run.stdout).toMatch(/operations (\d+)\/\1 · query parameters (\d+)\/\2/);
  });

  test("check a Dev Proxy mocks file: the command as written, on a user's file in devproxy/", async () => {
    const dir = path.join(installed.appDir, 'devproxy');
    mkdirSync(dir, { recursive: true });
    // A correct file, then the same with its create mock answering 200 (Dev Proxy's default without statusCode).
    for (const name of ['connector-groups.json', 'connector-groups.list.json']) copyFileSync(fromRoot('test', 'fixtures', 'mocks', name), path.join(dir, name));
    const good = JSON.parse(readFileSync(path.join(dir, 'connector-groups.json'), 'utf8')) as { mocks: { response?: { statusCode?: number } }[] };
    writeFileSync(path.join(dir, 'mocks.json'), JSON.stringify(good));
    const passing = await shell(quickStart('dev-proxy'));
    expect(passing.code, `${passing.stdout}\n${passing.stderr}`).toBe(0);
    delete good.mocks[0]!.response!.statusCode;
    writeFileSync(path.join(dir, 'mocks.json'), JSON.stringify(good));
    const failing = await shell(quickStart('dev-proxy'));
    expect(failing.code, failing.stderr).toBe(1);
    expect(failing.stdout).toContain('✗ mock.0.status — POST …/connectorGroups: status 200 is not documented');
  });

  test('from your own code: the example, as an .mjs file, exits 0 against a correct mock and 1 against a broken one', async () => {
    const example = quickStart('api');
    writeFileSync(path.join(installed.appDir, 'check.mjs'), example.replaceAll('http://127.0.0.1:4010', double.baseUrl));
    writeFileSync(path.join(installed.appDir, 'check-broken.mjs'), example.replaceAll('http://127.0.0.1:4010', broken.baseUrl));
    const good = await inApp(process.execPath, ['check.mjs']);
    const bad = await inApp(process.execPath, ['check-broken.mjs']);
    expect(good.code, good.stderr).toBe(0);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stdout).toContain('create.status');
  });
});
