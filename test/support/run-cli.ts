/** Runs a project command in a child process, as a user or CI would, and reads what it wrote. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/project-root.js';
import type { RunResults } from '../../src/report/results.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  results?: RunResults;
}

/** How package.json's scripts start a command: the launcher, with vitest loaded natively. */
const LAUNCHER = fromRoot('src', 'cli', 'launch.mjs');

/** The child must not think it is a vitest worker: vitest's own variables would leak into its run. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VITEST') || k.startsWith('CONFORMANCE_') || k.startsWith('GRAPH_') || k === 'NODE_OPTIONS' || k === 'TEST' || k === 'CI') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export function runCommand(script: string, args: readonly string[], env: Record<string, string> = {}): Promise<Omit<CliRun, 'reportDir'>> {
  return spawnCollecting(process.execPath, [LAUNCHER, fromRoot(script), ...args], { cwd: fromRoot(), env });
}

/** Any command, as a user's shell would run it there, with what it printed and its exit code. */
export function spawnCollecting(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Omit<CliRun, 'reportDir'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: childEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function runConformance(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const reportDir = args.includes('--report-dir') ? args[args.indexOf('--report-dir') + 1]! : mkdtempSync(path.join(tmpdir(), 'gc-report-'));
  const withReport = args.includes('--report-dir') ? args : [...args, '--report-dir', reportDir];
  const run = await runCommand('src/cli/conformance.ts', withReport, env);
  const file = path.join(reportDir, 'results.json');
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunResults) : undefined;
  return { ...run, reportDir, results };
}

export function idsWithStatus(results: RunResults | undefined, status: string): string[] {
  return (results?.checks ?? [])
    .filter((c) => c.status === status)
    .map((c) => c.id)
    .sort();
}
