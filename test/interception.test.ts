/**
 * Replay proves its own isolation before any suite runs: the interceptor must serve a request it holds
 * and refuse one it does not, through the client's own fetch. Broken on purpose here (a preloaded module
 * switches nock's interception off before the run loads it), the run exits 2 naming the likely cause,
 * and no suite sends anything.
 */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { childEnv } from './support/run-cli.js';
import { interceptionProblem } from '../src/engine/interception-check.js';
import { REPLAY_BASE_URL } from '../src/config/run-config.js';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: fromRoot(), env: childEnv({}), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the interception self-test', () => {
  test('passes where nock sees the fetch the client uses', async () => {
    expect(await interceptionProblem(REPLAY_BASE_URL)).toBeUndefined();
  });

  test('with interception switched off on purpose: exit 2, the likely cause named, no suite run, no report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-intercept-'));
    // Before the run starts, the process's fetch and undici's global dispatcher are pinned: whatever an
    // interceptor assigns or defines there is dropped, so nock (bundled into the command, or loaded from
    // node_modules) never sees the client's fetch, whatever the run asks of it.
    const breaker = path.join(dir, 'fetch-pinned.mjs');
    writeFileSync(
      breaker,
      [
        "const key = Symbol.for('undici.globalDispatcher.1');",
        'const fetchAt = globalThis.fetch;',
        'const dispatcher = globalThis[key];',
        "Object.defineProperty(globalThis, 'fetch', { configurable: true, get: () => fetchAt, set: () => {} });",
        'Object.defineProperty(globalThis, key, { configurable: true, get: () => dispatcher, set: () => {} });',
        'const define = Object.defineProperty;',
        'Object.defineProperty = function (target, property, descriptor) {',
        "  if (target === globalThis && (property === key || property === 'fetch')) return target;",
        '  return define.call(this, target, property, descriptor);',
        '};',
        '',
      ].join('\n'),
    );
    const reportDir = path.join(dir, 'reports');
    const { code, output } = await run(['--import', breaker, fromRoot('src/cli/launch.mjs'), fromRoot('src/cli/conformance.ts'), '--report-dir', reportDir]);
    expect(code, output).toBe(2);
    expect(output).toMatch(
      /error: replay cannot run offline: the interceptor \(nock\) does not see the fetch the client uses: a request the interceptor holds was not served by it/,
    );
    expect(output).toMatch(/the fetch implementation changed under the interceptor/);
    expect(output).not.toMatch(/→ \w+: \d+ checks running/);
    expect(existsSync(path.join(reportDir, 'results.json'))).toBe(false);
  });
});
