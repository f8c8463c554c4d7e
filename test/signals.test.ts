/**
 * The command as a script or `timeout` starts it, `node bin/graph-conformance.mjs`: the run happens in
 * that one process (the launcher imports it, it spawns no child), so a signal sent to it reaches the run.
 * SIGTERM and SIGHUP end a run as SIGINT does — what it created deleted, exit 130 — and a signal before the
 * suites start ends the process as the signal does, the report dir's lock released either way. No process
 * of the run is left behind.
 */
import { groupMap } from './support/emulator.js';
import { afterAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { LOCK_FILE } from '../src/run/report-lock.js';
import { fromRoot } from '../src/project-root.js';
import { childEnv } from './support/run-cli.js';

const POSIX = process.platform !== 'win32';

/** The command in a process group of its own (as `timeout` runs it), so that none of its processes can hide. */
function start(args: string[]) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-signal-'));
  const child = spawn(process.execPath, [fromRoot('bin/graph-conformance.mjs'), '--report-dir', reportDir, ...args], {
    cwd: fromRoot(),
    env: childEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const collect = (c: Buffer) => {
    output += c.toString();
    for (const w of waiters.filter((w) => w.pattern.test(output))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    reportDir,
    ended,
    output: () => output,
    /** Resolves once the command has printed something matching `pattern`. */
    printed: (pattern: RegExp) => new Promise<void>((resolve) => (pattern.test(output) ? resolve() : waiters.push({ pattern, resolve }))),
  };
}

/** Waits until no process is left in the group the command started: nothing of the run outlives it. */
async function groupEmpties(pgid: number): Promise<boolean> {
  // The TypeScript loader's esbuild service ends by itself once its parent's pipe closes: a moment, not a fixed time.
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** Waits for `condition`, or for the command to have ended (the assertions after it then say what went wrong). */
async function until(condition: () => boolean, ended: Promise<unknown>): Promise<void> {
  let over = false;
  void ended.then(() => (over = true));
  while (!condition() && !over) await new Promise((resolve) => setTimeout(resolve, 20));
}

const leftovers = (double: RunningEmulator) => [...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-'));

// Side by side, each with a double of its own: what one run leaves behind is never another's.
describe.skipIf(!POSIX)('signals to node bin/graph-conformance.mjs', { concurrent: true }, () => {
  const doubles: RunningEmulator[] = [];
  /** Slow replies keep the run in the middle of its creates when the signal lands. */
  const slowDouble = async () => {
    const double = await startEmulator({ faults: { delayMs: 150 } });
    doubles.push(double);
    return double;
  };
  afterAll(() => Promise.all(doubles.map((d) => d.close())));

  test.each(['SIGTERM', 'SIGHUP'] as const)('%s to the process mid-run: clean-up, exit 130, no lock, no process left', async (signal) => {
    const slow = await slowDouble();
    const posts = slow.requests.filter((r) => r.method === 'POST').length;
    const run = start(['--base-url', slow.baseUrl, '--only', 'create.,lifecycle.', '--timeout', '1000']);
    // Once the run has created something, there is something to clean up.
    await until(() => slow.requests.filter((r) => r.method === 'POST').length > posts, run.ended);
    run.child.kill(signal);
    const { code } = await run.ended;
    expect(code, run.output()).toBe(130);
    expect(run.output()).toContain(`${signal}: stopping the run`);
    expect(run.output()).toMatch(new RegExp(`${signal}: deleted [1-9]\\d* groups? this run had created`));
    expect(leftovers(slow)).toEqual([]);
    expect(existsSync(path.join(run.reportDir, LOCK_FILE))).toBe(false);
    expect(await groupEmpties(run.child.pid!)).toBe(true);
  });

  test('SIGHUP, then the terminal gone (its output fails): the clean-up still finishes', async () => {
    const slow = await slowDouble();
    const posts = slow.requests.filter((r) => r.method === 'POST').length;
    const run = start(['--base-url', slow.baseUrl, '--only', 'create.,lifecycle.', '--timeout', '1000']);
    await until(() => slow.requests.filter((r) => r.method === 'POST').length > posts, run.ended);
    run.child.kill('SIGHUP');
    // Should the run not take the signal, it has ended, and the exit code below says so.
    await Promise.race([run.printed(/SIGHUP: stopping the run/), run.ended]);
    // What the run prints from now on fails with EPIPE, as it would with EIO on a closed terminal.
    run.child.stdout.destroy();
    run.child.stderr.destroy();
    const { code } = await run.ended;
    expect(code).toBe(130);
    expect(leftovers(slow)).toEqual([]);
    expect(existsSync(path.join(run.reportDir, LOCK_FILE))).toBe(false);
  });
});

describe.skipIf(!POSIX)('a signal before the suites start', () => {
  test('SIGTERM while the target is probed: the process ends by SIGTERM, its lock released, nothing left', async () => {
    let probed = false;
    // Takes the command's reachability probe and never answers it: the run is in its pre-flight.
    const silent = createServer(() => {
      probed = true;
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const run = start(['--base-url', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, '--timeout', '10000']);
      await until(() => probed, run.ended);
      expect(readdirSync(run.reportDir)).toEqual([LOCK_FILE]);
      run.child.kill('SIGTERM');
      expect(await run.ended).toEqual({ code: null, signal: 'SIGTERM' });
      expect(readdirSync(run.reportDir)).toEqual([]);
      expect(await groupEmpties(run.child.pid!)).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
