/** Runs a command as a child process and times it from spawn to exit, as a user's shell would see it. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fromRoot } from '../../src/project-root.js';

/** `npm run conformance` without npm's own start-up: the launcher package.json's script runs. */
export const CONFORMANCE = [process.execPath, [fromRoot('src/cli/launch.mjs'), fromRoot('src/cli/conformance.ts')]] as const;
export const VITEST = fromRoot('node_modules', '.bin', 'vitest');

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  ms: number;
}

export interface ChildOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Kills the child after this long; default 5 minutes. */
  timeoutMs?: number;
}

/** The parent's environment without what would change the child's behaviour (a vitest worker's, the run's). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VITEST') || k.startsWith('CONFORMANCE_') || k.startsWith('GRAPH_') || k === 'NODE_OPTIONS' || k === 'TEST') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd ?? fromRoot(), env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The last non-empty line of a text, for one-line reasons. */
export function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1)
      ?.trim() ?? ''
  );
}
