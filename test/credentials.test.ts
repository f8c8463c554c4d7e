/**
 * Credentials the target refuses are a configuration error, said once: a run whose token is answered 401
 * stops before any suite, its checks blocked by `suite:credentials`, one line quoting the target's error
 * code and message, exit 2, the reports written. A run with a token the target accepts, or with no token
 * at all (a url target's placeholder), is judged as before, and the `negative.auth.*` rules keep judging
 * the 401 to requests sent without credentials.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { bearerToken, refusesToken } from '../src/emulator/auth.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { credentialsRefused, refusedCredentialsMessage, sendsCredentials } from '../src/run/preflight.js';
import { fromRoot } from '../src/project-root.js';
import { runConformance, type CliRun } from './support/run-cli.js';

const RIGHT = 'right-token';
const WRONG = 'wrong-token';
const GRAPH_MESSAGE = 'Access token has expired or is not yet valid.';

let double: RunningEmulator | undefined;
let server: Server | undefined;
afterEach(async () => {
  await double?.close();
  double = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const linesWith = (run: CliRun, text: string) => `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => line.includes(text));
const configFor = (args: string[], env: NodeJS.ProcessEnv = {}) => resolveRunConfig(args, env, fromRoot()).config;

describe('a refused token, through the command', () => {
  test('wrong token (GRAPH_ACCESS_TOKEN): exit 2, every judged check blocked by suite:credentials, the error quoted once, reports written', async () => {
    double = await startEmulator({ acceptTokens: [RIGHT] });
    const run = await runConformance(['--base-url', double.baseUrl, '--property-runs', '2'], { GRAPH_ACCESS_TOKEN: WRONG });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const checks = run.results?.checks ?? [];
    expect(checks.length).toBeGreaterThan(100);
    const blocked = checks.filter((c) => c.blockedBy === 'suite:credentials');
    // What the run would not judge anyway (unavailable here) keeps its own reason; nothing else is left.
    expect(checks.filter((c) => c.blockedBy !== 'suite:credentials').every((c) => c.status === 'skipped' && c.blockedBy === undefined)).toBe(true);
    expect(blocked.length).toBeGreaterThan(100);
    expect(run.results?.summary.failed).toBe(0);
    expect(blocked[0]?.message).toBe(
      `the target refused the run's credentials: GET ${double.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups answered 401 ` +
        `InvalidAuthenticationToken "${GRAPH_MESSAGE}"; no suite ran; fix: give a token the target accepts (GRAPH_ACCESS_TOKEN or --token)`,
    );
    // Said once, first in the closing lines: the cause with the target's words and its check count, then what to do; no wall of lines.
    const quoted = linesWith(run, 'InvalidAuthenticationToken');
    expect(quoted, run.stdout + run.stderr).toHaveLength(1);
    expect(quoted[0]).toContain(GRAPH_MESSAGE);
    expect(quoted[0]).toMatch(
      new RegExp(`^error: the target refused the run's credentials: .*; no suite ran \\(${blocked.length} checks not judged, blocked by suite:credentials\\)$`),
    );
    expect(run.stderr.split('\n').filter((l) => l !== '')[1]).toBe('fix: give a token the target accepts (GRAPH_ACCESS_TOKEN or --token)');
    expect(run.results?.rootCause).toMatchObject({ blockedBy: 'suite:credentials', checks: blocked.length });
    expect(run.stdout).not.toMatch(/⊘/);
    expect(run.stdout).toMatch(/^not exercised: \d+ operations, because of suite:credentials \(above\)$/m);
    // Only the two probes reached the target (reachability, sent without credentials; then the token): no suite ran.
    expect(double.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET / 401',
      'GET /onPremisesPublishingProfiles/applicationProxy/connectorGroups 401',
    ]);
    for (const file of ['results.json', 'junit.xml', 'report.html']) expect(existsSync(path.join(run.reportDir, file)), file).toBe(true);
    expect(run.results?.summary.blocked).toBe(blocked.length);
  });

  test('wrong token with --target live and --token: the same stop, exit 2', async () => {
    double = await startEmulator({ acceptTokens: [RIGHT] });
    const run = await runConformance(['--target', 'live', '--base-url', double.baseUrl, '--token', WRONG, '--only', 'create.']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(new Set(run.results?.checks.map((c) => c.blockedBy))).toEqual(new Set(['suite:credentials']));
    expect(linesWith(run, 'InvalidAuthenticationToken')).toHaveLength(1);
  });

  test('the right token: judged as before, exit 0; negative.auth.* still judge the 401 to a request sent without one', async () => {
    double = await startEmulator({ acceptTokens: [RIGHT] });
    const run = await runConformance(['--base-url', double.baseUrl, '--only', 'create.,negative.auth'], { GRAPH_ACCESS_TOKEN: RIGHT });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const checks = run.results?.checks ?? [];
    expect(checks.some((c) => c.blockedBy !== undefined)).toBe(false);
    expect(checks.filter((c) => c.id.startsWith('negative.auth')).map((c) => c.status)).not.toContain('failed');
    expect(checks.find((c) => c.id === 'create.status')?.status).toBe('passed');
    expect(linesWith(run, 'suite:credentials')).toEqual([]);
  });

  test('no token on a url target: the placeholder is no credential, the 401s are judged as today (exit 1)', async () => {
    double = await startEmulator({ acceptTokens: [RIGHT] });
    const run = await runConformance(['--base-url', double.baseUrl, '--only', 'create.status']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.results?.checks.map((c) => [c.id, c.status, c.blockedBy])).toEqual([['create.status', 'failed', undefined]]);
    expect(linesWith(run, 'suite:credentials')).toEqual([]);
  });

  test("a target's words reach the terminal escaped, and a 401 without Graph's envelope says so", async () => {
    server = createServer((request, response) => {
      request.resume();
      const body = request.url?.startsWith('/bad/')
        ? 'nope'
        : JSON.stringify({ error: { code: 'Bad\u001b]0;owned\u0007Token', message: 'line one\nline two' } });
      response.writeHead(request.url === '/' ? 404 : 401, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = await runConformance(['--base-url', baseUrl, '--only', 'create.status'], { GRAPH_ACCESS_TOKEN: WRONG });
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const quoted = linesWith(run, 'Token "line one');
    expect(quoted).toHaveLength(1);
    expect(quoted[0]).toContain('Bad\\x1b]0;owned\\x07Token');
    expect(`${run.stdout}${run.stderr}`).not.toContain('\u001b');

    const refused = await credentialsRefused(configFor(['--base-url', `${baseUrl}/bad/x`, '--token', WRONG]));
    expect(refused).toBeDefined();
    expect(refusedCredentialsMessage(refused!, false)).toContain("answered 401 without Graph's error envelope");
  });
});

describe('who sends credentials, and what the probe and its message say', () => {
  test('a given token or an obtained one does; the placeholder and replay do not', () => {
    expect(sendsCredentials(configFor(['--base-url', 'http://127.0.0.1:9']))).toBe(false);
    expect(sendsCredentials(configFor(['--base-url', 'http://127.0.0.1:9', '--token', 'T']))).toBe(true);
    expect(sendsCredentials(configFor(['--base-url', 'http://127.0.0.1:9'], { GRAPH_ACCESS_TOKEN: 'T' }))).toBe(true);
    expect(sendsCredentials(configFor([], { GRAPH_ACCESS_TOKEN: 'T' }))).toBe(false);
    expect(sendsCredentials({ ...configFor(['--target', 'live', '--base-url', 'http://127.0.0.1:9']), token: 'obtained' })).toBe(true);
  });

  test('the probe: a 401 is a refusal, an accepted token or an unanswered probe is not', async () => {
    double = await startEmulator({ acceptTokens: [RIGHT] });
    expect(await credentialsRefused(configFor(['--base-url', double.baseUrl, '--token', RIGHT]))).toBeUndefined();
    expect(await credentialsRefused(configFor(['--base-url', double.baseUrl, '--token', WRONG]))).toEqual({
      request: `GET ${double.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups`,
      code: 'InvalidAuthenticationToken',
      message: GRAPH_MESSAGE,
    });
    // Not sent at all for the placeholder.
    const before = double.requests.length;
    expect(await credentialsRefused(configFor(['--base-url', double.baseUrl]))).toBeUndefined();
    expect(double.requests.length).toBe(before);
    expect(await credentialsRefused(configFor(['--base-url', 'http://127.0.0.1:9', '--token', WRONG, '--timeout', '2000']))).toBeUndefined();
  });

  test('the message cuts a long target message and tells an @azure/identity user what to change', () => {
    const long = refusedCredentialsMessage({ request: 'GET u', code: 'C', message: 'x'.repeat(2_000) }, true);
    expect(long).toContain(`C "${'x'.repeat(500)}…"`);
    expect(long).toContain('the token @azure/identity obtained was refused');
  });

  test('the double: any non-empty token unless told which it accepts', () => {
    expect(bearerToken('Bearer  abc ')).toBe('abc');
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(refusesToken('abc', undefined)).toBe(false);
    expect(refusesToken('abc', ['abc'])).toBe(false);
    expect(refusesToken('abd', ['abc'])).toBe(true);
  });
});
