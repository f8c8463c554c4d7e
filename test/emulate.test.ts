/**
 * `graph-conformance emulate`: the emulator as a command, started as a user starts it (`node
 * bin/graph-conformance.mjs emulate`, what `npm run double` runs). It prints its base URL alone on stdout,
 * serves the slice from its default tenant or a seed file, takes defects and variants by name, refuses bad
 * input with exit 2 and one line that says what to do, and stops on SIGINT or SIGTERM with exit 0. Offline:
 * every server here listens on 127.0.0.1, and every child is killed after its test. (The installed
 * package's own `emulate` is test/package.test.ts's.)
 */
import { afterEach, describe, expect, test } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { HELP } from '../src/cli/help.js';
import { EMULATE_HELP } from '../src/cli/emulate.js';
import { DEFAULT_SEED, DEFECTS, tenantWords, VARIANTS } from '../src/emulator/index.js';
import { childEnv } from './support/run-cli.js';

const BIN = fromRoot('bin', 'graph-conformance.mjs');
const GROUPS = '/onPremisesPublishingProfiles/applicationProxy/connectorGroups';
const AUTH = { Authorization: 'Bearer x' };

interface Running {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string | null>;
}

/** What each test started, by its id: tests run side by side, and each one's afterEach ends only its own. */
const started = new Map<string, { children: ChildProcessWithoutNullStreams[]; servers: Server[] }>();
const ofTest = (task: { id: string }) => {
  let mine = started.get(task.id);
  if (!mine) started.set(task.id, (mine = { children: [], servers: [] }));
  return mine;
};

afterEach(async ({ task }) => {
  const mine = started.get(task.id);
  started.delete(task.id);
  for (const child of mine?.children ?? []) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all((mine?.servers ?? []).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Starts the command (for the test `task`) and resolves once it has printed its first stdout line (its base URL). */
function start(task: { id: string }, args: readonly string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'emulate', '--port', '0', ...args], { cwd: fromRoot(), env: childEnv({}), stdio: 'pipe' });
  ofTest(task).children.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<number | string | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve({ child, baseUrl: out.split('\n')[0]!, stdout: () => out, stderr: () => err, exited });
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    void exited.then((code) => reject(new Error(`emulate ended (${code}) before printing its base URL: ${err}`)));
  });
}

/** Runs the command (for the test `task`) to its end: for what it refuses, and for what it prints and exits on. */
function run(task: { id: string }, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'emulate', ...args], { cwd: fromRoot(), env: childEnv({}), stdio: 'pipe' });
  ofTest(task).children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function groupNames(baseUrl: string): Promise<string[]> {
  const answer = await fetch(`${baseUrl}${GROUPS}`, { headers: AUTH });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await answer.json()) as { value: { name: string }[] };
  expect(Array.isArray(body.value)).toBe(true);
  return body.value.map((g) => g.name);
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'gc-emulate-'));
}

describe.concurrent('graph-conformance emulate', () => {
  test('prints its base URL alone on stdout, says on stderr what it serves, answers the list from the default tenant, and SIGTERM stops it with exit 0', async ({
    task,
  }) => {
    const emulator = await start(task, []);
    expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await groupNames(emulator.baseUrl)).toContain('Default');
    expect(emulator.stderr()).toMatch(
      /serving the application-proxy slice at http:\/\/127\.0\.0\.1:\d+; seed: the default tenant .*defects: none; variants: none\. Ctrl-C stops it\.\n$/,
    );
    emulator.child.kill('SIGTERM');
    expect(await emulator.exited).toBe(0);
    expect(emulator.stdout()).toBe(`${emulator.baseUrl}\n`);
  });

  test('SIGINT (Ctrl-C) stops it too, with exit 0', async ({ task }) => {
    const emulator = await start(task, []);
    emulator.child.kill('SIGINT');
    expect(await emulator.exited).toBe(0);
  });

  test('--seed FILE (YAML): the tenant is the file’s, and the list shows exactly its group', async ({ task }) => {
    const dir = tempDir();
    const seed = path.join(dir, 'tenant.yaml');
    writeFileSync(
      seed,
      [
        'onPremisesPublishingProfiles: [{id: applicationProxy}]',
        'onPremisesPublishingProfiles/applicationProxy/connectorGroups: [{id: g1, name: Mine, connectorGroupType: applicationProxy, isDefault: true, region: eur}]',
        '',
      ].join('\n'),
    );
    const emulator = await start(task, ['--seed', seed]);
    expect(await groupNames(emulator.baseUrl)).toEqual(['Mine']);
    expect(emulator.stderr()).toContain(`seed: ${seed} (one connector group)`);
  });

  test('--defect create-status-200: create answers 200 instead of 201', async ({ task }) => {
    const emulator = await start(task, ['--defect', 'create-status-200']);
    const answer = await fetch(`${emulator.baseUrl}${GROUPS}`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'conformance-emulate' }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { name: string }).name).toBe('conformance-emulate');
    expect(emulator.stderr()).toContain('defects: create-status-200;');
  });

  test('--variant compressed: bodies are gzip-coded when the request accepts it', async ({ task }) => {
    const emulator = await start(task, ['--variant', 'compressed']);
    const answer = await fetch(`${emulator.baseUrl}${GROUPS}`, { headers: { ...AUTH, 'Accept-Encoding': 'gzip' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(((await answer.json()) as { value: unknown[] }).value.length).toBeGreaterThan(0);
    expect(emulator.stderr()).toContain('variants: compressed.');
  });

  test('--latency MS: every reply waits that long', async ({ task }) => {
    const emulator = await start(task, ['--latency', '150']);
    const began = performance.now();
    await groupNames(emulator.baseUrl);
    expect(performance.now() - began).toBeGreaterThanOrEqual(140);
  });

  test('--page-size 1: the list pages', async ({ task }) => {
    const emulator = await start(task, ['--page-size', '1']);
    const answer = await fetch(`${emulator.baseUrl}${GROUPS}`, { headers: AUTH });
    const body = (await answer.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    expect(body.value).toHaveLength(1);
    expect(body['@odata.nextLink']).toBeDefined();
  });

  test('--list-defects and --list-variants name every one, with what it does; --help prints the usage', async ({ task }) => {
    const [defects, variants, help] = await Promise.all([run(task, ['--list-defects']), run(task, ['--list-variants']), run(task, ['--help'])]);
    expect(defects.code).toBe(0);
    expect(
      defects.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual([...DEFECTS]);
    expect(variants.code).toBe(0);
    expect(
      variants.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual(VARIANTS.map((v) => v.name));
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(EMULATE_HELP);
  });

  test.for<[string[], RegExp]>([
    [['--defect', 'nope'], /^error: emulate: unknown defect 'nope'; the defects are listed below \(--list-defects\)\n(?=[\s\S]*create-status-200)/],
    [['--variant', 'nope'], /^error: emulate: unknown variant 'nope'; the variants are [^\n]*compressed[^\n]* \(--list-variants says what each does\)\n$/],
    [
      ['--variant', 'busy-tenant', '--variant', 'tiny-pages'],
      /^error: emulate: --variant busy-tenant and --variant tiny-pages both set \w+; pass one of them\n$/,
    ],
    [['--port', 'x'], /^error: emulate: --port takes a whole number from 0 to 65535, got 'x'\n$/],
    [['--port', '70000'], /^error: emulate: --port takes a whole number from 0 to 65535, got '70000'\n$/],
    [['--page-size', '0'], /^error: emulate: --page-size takes a whole number from 1 to /],
    [['--latency', '-5'], /^error: emulate: --latency /],
    [
      ['--host', '0.0.0.0'],
      /^error: emulate: --host 0\.0\.0\.0: the emulator listens on this machine only; give 127\.0\.0\.1 \(the default\), ::1 or localhost\n$/,
    ],
    [['--prot', '1'], /^error: emulate: unknown option --prot; did you mean --port\?\n$/],
    [['extra'], /^error: emulate: /],
  ])('%j: exit 2, nothing on stdout, the error first and what to do', async ([args, message], { task }) => {
    const result = await run(task, args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  test('a seed file that is missing, not YAML, or not a seed: exit 2 with the seed’s own message, one line', async ({ task }) => {
    const dir = tempDir();
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'a: [unclosed\n');
    const list = path.join(dir, 'list.json');
    writeFileSync(list, '[1, 2]\n');
    const noId = path.join(dir, 'no-id.yaml');
    writeFileSync(noId, 'onPremisesPublishingProfiles: [{name: x}]\n');
    const results = await Promise.all([path.join(dir, 'missing.yaml'), broken, list, noId].map((file) => run(task, ['--seed', file])));
    const expected = [
      `cannot read the seed file ${path.join(dir, 'missing.yaml')} (no such file); a seed file is JSON or YAML`,
      `the seed file ${broken} is neither JSON nor YAML: `,
      `${list}: a seed is an object whose keys are collection paths`,
      `${noId}: 'onPremisesPublishingProfiles' item 1 has no id`,
    ];
    results.forEach((result, i) => {
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(`error: emulate: ${expected[i]}`), result.stderr).toBe(true);
      expect(result.stderr.split('\n')).toHaveLength(2);
    });
  });

  test('a port in use: exit 2, said plainly, with what to do', async ({ task }) => {
    const busy = createServer();
    ofTest(task).servers.push(busy);
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    const result = await run(task, ['--port', String(port)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`error: emulate: port ${port} is in use; pass --port 0 for a free one or another port\n`);
  });

  test('the main --help names the command', () => {
    expect(HELP).toMatch(/^\s+graph-conformance emulate \[--port 4010\]/m);
    expect(HELP).toContain('npx graph-conformance emulate --port 4010');
  });
});

describe('the default tenant in words', () => {
  test('made from the seed, and the README and the contract say the same', () => {
    const words = tenantWords(DEFAULT_SEED);
    expect(words).toBe('two connector groups, three connectors, one application, one agent group, one agent, one published resource, one application segment');
    for (const doc of ['README.md', 'docs/contract.md']) {
      expect(readFileSync(fromRoot(doc), 'utf8').replace(/\s+/g, ' '), doc).toContain(`default tenant (${words})`);
    }
    expect(EMULATE_HELP.replace(/\s+/g, ' ')).toContain(`default tenant (${words})`);
  });
});
