/**
 * What a run against a real tenant must get right, proven on local servers only: nothing left behind
 * when interrupted, stale groups swept, throttling and eventual consistency waited out, transport
 * failures reported, and credentials asked for clearly.
 */
import { groupMap } from './support/emulator.js';
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator/index.js';
import { childEnv, runCommand, runConformance } from './support/run-cli.js';
import { fromRoot } from '../src/project-root.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { judgeSuite } from '../src/engine/run-suite.js';
import { createSuite } from '../suites/create.js';
import { lifecycleSuite } from '../suites/lifecycle.js';
import { navigationSuite } from '../suites/navigation.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acquireToken } from '../src/auth/token.js';
import { retryAfterMs } from '../src/client/exchange.js';
import { UsageError } from '../src/config/usage-error.js';
import type { SuiteDefinition } from '../src/engine/definition.js';

const leftovers = (double: RunningEmulator) => [...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'));

async function judged(suite: SuiteDefinition<never>, options: EmulatorOptions, extra: string[] = []) {
  const double = await startEmulator(options);
  try {
    const config = resolveRunConfig(['--base-url', double.baseUrl, '--seed', '5', ...extra], {}, fromRoot()).config;
    const started = performance.now();
    const verdicts = await judgeSuite(suite, config);
    return {
      verdicts,
      ms: performance.now() - started,
      requests: double.requests.length,
      methods: double.requests.map((r) => r.method),
      left: leftovers(double).length,
    };
  } finally {
    await double.close();
  }
}

const CREATE_IDS = createSuite.checks.map((c) => c.id);
const blockedOf = (verdicts: Map<string, { blockedBy?: string }>) =>
  [...verdicts].filter(([, v]) => v.blockedBy !== undefined).map(([id, v]) => [id, v.blockedBy]);
const failedOf = (verdicts: Map<string, { status: string }>) => [...verdicts].filter(([, v]) => v.status === 'failed').map(([id]) => id);
const messageOf = (verdicts: Map<string, unknown>, id: string) =>
  (verdicts.get(id) as { message?: string; note?: string })?.message ?? (verdicts.get(id) as { note?: string })?.note;

describe('throttling, eventual consistency and transport faults', () => {
  test('429 with Retry-After is waited out and retried', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { throttle: { status: 429, times: 2, retryAfterSeconds: 0 } } });
    expect(failedOf(run.verdicts)).toEqual([]);
    expect(run.requests).toBe(2 + 2); // two refusals, the create, the clean-up delete
    expect(run.left).toBe(0);
  });

  test('503 waits as long as Retry-After says', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { throttle: { status: 503, times: 1, retryAfterSeconds: 1 } } });
    expect(failedOf(run.verdicts)).toEqual([]);
    expect(run.ms).toBeGreaterThanOrEqual(950);
  });

  test('retries are bounded: a target that keeps throttling fails create.body.id with the status', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { throttle: { status: 429, times: 10, retryAfterSeconds: 0 } } });
    expect(failedOf(run.verdicts)).toContain('create.body.id');
    expect(run.verdicts.get('create.body.id')?.evidence?.response?.status).toBe(429);
    expect(run.requests).toBe(4); // the first try and three retries
  });

  test('reads right after a create wait for eventual consistency, and say so', async () => {
    const run = await judged(lifecycleSuite as SuiteDefinition<never>, { faults: { lagReads: 2 } }, ['--settle-ms', '150']);
    expect(failedOf(run.verdicts)).toEqual([]);
    expect(messageOf(run.verdicts, 'lifecycle.get-same')).toMatch(/after 2 retries for eventual consistency/);
  });

  test('a slow reply past --timeout blocks the checks with the timeout, naming the request', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { delayMs: 400 } }, ['--timeout', '150']);
    expect(failedOf(run.verdicts)).toEqual([]);
    expect(blockedOf(run.verdicts)).toEqual(CREATE_IDS.map((id) => [id, 'suite:timeout']));
    expect(messageOf(run.verdicts, 'create.body.id')).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/\S+connectorGroups: no response within 150 ms \(--timeout\)/);
  });

  test('a connection ended before any answer is sent once more, and the second answer is judged', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { resetRequests: 1 } });
    expect(failedOf(run.verdicts)).toEqual([]);
    expect(blockedOf(run.verdicts)).toEqual([]);
    // The create's second attempt, its clean-up delete, then the look for a group the unanswered first attempt may have made.
    expect(run.methods).toEqual(['POST', 'DELETE', 'GET']);
    expect(run.left).toBe(0);
  });

  test('a request whose connection ends twice blocks the checks, saying so in words', async () => {
    const run = await judged(createSuite as SuiteDefinition<never>, { faults: { resetRequests: 2 } });
    expect(blockedOf(run.verdicts)).toEqual(CREATE_IDS.map((id) => [id, 'suite:network']));
    expect(messageOf(run.verdicts, 'create.body.id')).toMatch(
      /^POST http:\/\/127\.0\.0\.1:\d+\/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups: the target (reset|closed) the connection before answering.*, also when sent a second time/,
    );
  });

  test('the check that can never run stays skipped with its reason when create fails on the wire; the others are blocked', async () => {
    const run = await judged(navigationSuite as SuiteDefinition<never>, { faults: { resetRequests: 2 } });
    expect(run.verdicts.get('applications.assign')).toMatchObject({ status: 'skipped', message: expect.stringMatching(/needs an application/) });
    expect(run.verdicts.get('members.add-remove')?.blockedBy).toBe('suite:network');
    expect(run.verdicts.get('members.list')?.blockedBy).toBe('suite:network');
  });

  test('Retry-After as seconds, as an HTTP date, and absent', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs(undefined)).toBe(1000);
  });
});

/** Starts the command, sends `signal` `afterMs` after the first suite started, and waits for it to end. */
function interrupted(baseUrl: string, afterMs: number, signal: NodeJS.Signals, extra: string[] = []) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-int-'));
  const child = spawn(
    process.execPath,
    [fromRoot('src/cli/launch.mjs'), fromRoot('src/cli/conformance.ts'), '--base-url', baseUrl, '--report-dir', reportDir, ...extra],
    {
      cwd: fromRoot(),
      env: childEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
    if (!timer && /\w+: \d+ checks/.test(output)) timer = setTimeout(() => child.kill(signal), afterMs);
  });
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe.concurrent('an interrupted run leaves nothing behind', () => {
  test.each([
    [0, 'SIGINT'],
    [400, 'SIGINT'],
    [1_200, 'SIGTERM'],
  ] as const)('%i ms after the first suite starts, %s', async (afterMs, signal) => {
    // Slow replies keep the run in the middle of its creates when the signal lands (a run side by side
    // against 150 ms replies takes over two seconds).
    const double = await startEmulator({ faults: { delayMs: 150 } });
    try {
      // --timeout also bounds the clean-up's second look for late creates (min(timeout, 5 s)): 1.5 s here.
      const { code, output } = await interrupted(double.baseUrl, afterMs, signal, ['--timeout', '1500']);
      expect(code, output).toBe(130);
      expect(output).toMatch(new RegExp(`${signal}: stopping the run`));
      expect(output).toMatch(new RegExp(`${signal}: deleted \\d+ groups? this run had created`));
      expect(leftovers(double), output).toEqual([]);
      expect(
        double.requests.some((r) => r.method === 'POST'),
        'the run had created something to clean up',
      ).toBe(true);
    } finally {
      await double.close();
    }
  });
});

test('Ctrl-C against a target that stops answering: exit 130, no stack trace, the sweep command to run', async () => {
  // Answers the command's reachability probe, then never answers anything else.
  const hanging = createServer((request, response) => {
    if (request.url === '/') response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Cannot GET /');
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
  try {
    const { code, output } = await interrupted(baseUrl, 200, 'SIGINT', ['--timeout', '700']);
    expect(code, output).toBe(130);
    expect(output).toMatch(
      /SIGINT: clean-up could not list or delete this run's groups: GET http:\/\/127\.0\.0\.1:\d+\/\S+connectorGroups: no response within 700 ms/,
    );
    expect(output).toContain(`run: npx graph-conformance sweep --target url --base-url ${baseUrl} --yes`);
    expect(output).not.toMatch(/\n\s+at /);
  } finally {
    hanging.closeAllConnections();
    await new Promise<void>((resolve) => hanging.close(() => resolve()));
  }
});

describe('sweep', () => {
  test('lists stale conformance groups (dry run), deletes them with --yes, and leaves the rest', async () => {
    const double = await startEmulator();
    try {
      const twoHoursAgo = (Date.now() - 2 * 3_600_000).toString(36).padStart(8, '0');
      const now = Date.now().toString(36).padStart(8, '0');
      const plant = (name: string) =>
        fetch(`${double.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, {
          method: 'POST',
          headers: { authorization: 'Bearer T', 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        });
      for (const name of [
        `conformance-${twoHoursAgo}a1b2c3-stale-one`,
        `conformance-${twoHoursAgo}a1b2c3-stale-two`,
        `conformance-${now}d4e5f6-fresh`,
        'production-group',
      ])
        await plant(name);

      const dry = await runCommand('src/cli/conformance.ts', ['sweep', '--base-url', double.baseUrl, '--older-than', '1h']);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/2 conformance groups older than 60 min .*dry run, add --yes/);
      expect(dry.stdout).toContain('stale-one');
      expect(dry.stdout).not.toContain('fresh');
      // The default tenant's two groups and the four planted.
      expect(groupMap(double).size).toBe(6);

      const wet = await runCommand('src/cli/conformance.ts', ['sweep', '--base-url', double.baseUrl, '--older-than', '1h', '--yes']);
      expect(wet.code, wet.stderr).toBe(0);
      expect(wet.stdout).toMatch(/deleted 2 of 2/);
      expect([...groupMap(double).values()].map((g) => g.name).sort()).toEqual(
        [`conformance-${now}d4e5f6-fresh`, 'Default', 'West', 'production-group'].sort(),
      );
    } finally {
      await double.close();
    }
  });

  test.each([
    [['sweep'], /sweep needs a real target/],
    [['sweep', '--base-url', 'http://127.0.0.1:9', '--older-than', 'soon'], /--older-than: 'soon' is not an age/],
    [['--yes'], /--older-than and --yes belong to the sweep command/],
    [['sweeep'], /unexpected argument 'sweeep'/],
  ])('%j is a usage error', async (args, message) => {
    const run = await runConformance(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('live credentials', () => {
  test('a token from the credential is used as it is', async () => {
    await expect(acquireToken({ getToken: async () => ({ token: 'from-credential', expiresOnTimestamp: Date.now() + 60_000 }) })).resolves.toBe(
      'from-credential',
    );
  });

  test('a failing credential is a usage error naming what to set and the permission', async () => {
    const error = await acquireToken({ getToken: async () => Promise.reject(new Error('EnvironmentCredential is unavailable.')) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    for (const needed of [
      'EnvironmentCredential is unavailable',
      'GRAPH_ACCESS_TOKEN',
      'AZURE_CLIENT_SECRET',
      'AZURE_FEDERATED_TOKEN_FILE',
      'az login',
      'Directory.ReadWrite.All',
      'create-permissions',
    ]) {
      expect(message).toContain(needed);
    }
  });

  test('--target live without credentials exits 2 with that message', async () => {
    // Only the environment credential: nothing else to try, and no managed-identity probe on the network.
    const run = await runConformance(['--target', 'live', '--base-url', 'http://127.0.0.1:9'], { AZURE_TOKEN_CREDENTIALS: 'EnvironmentCredential' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--target live: no token/);
    expect(run.stderr).toContain('AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET');
  });

  test('--target live with a token runs like Graph against a Graph-like server', async () => {
    const double = await startEmulator();
    try {
      const run = await runConformance(['--target', 'live', '--base-url', double.baseUrl, '--token', 'T', '--only', 'create.']);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.results?.target).toBe('live');
    } finally {
      await double.close();
    }
  });
});
