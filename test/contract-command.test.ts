/**
 * `graph-conformance contract`: the slice, byte for byte, or where it is (`--path`), for starting a mock
 * on it in a user's project; a bad option is exit 2 with the usage. (The installed package's own
 * `contract --path` is test/package.test.ts's.)
 */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { CONTRACT_HELP } from '../src/cli/contract.js';
import { HELP } from '../src/cli/help.js';
import { childEnv } from './support/run-cli.js';

/** The command as package.json's scripts start it, its output kept as bytes (a character may span two chunks). */
function contract(args: readonly string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fromRoot('src', 'cli', 'launch.mjs'), fromRoot('src', 'cli', 'conformance.ts'), 'contract', ...args], {
      cwd: fromRoot(),
      env: childEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const SLICE = fromRoot('specs', 'openapi.yaml');

describe.concurrent('graph-conformance contract', () => {
  test('writes specs/openapi.yaml to stdout, exactly its bytes', async () => {
    const run = await contract([]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.equals(readFileSync(SLICE))).toBe(true);
  });

  test('--path prints the absolute path of the file, one line, and the file is the slice', async () => {
    const run = await contract(['--path']);
    expect(run.code, run.stderr).toBe(0);
    const text = run.stdout.toString('utf8');
    expect(text).toMatch(/^[^\n]+\n$/);
    const file = text.trimEnd();
    expect(path.isAbsolute(file)).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file).equals(readFileSync(SLICE))).toBe(true);
  });

  test('--help prints its usage', async () => {
    const run = await contract(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout.toString('utf8')).toBe(CONTRACT_HELP);
  });

  test.each([[['--nope']], [['--path=x']], [['openapi.yaml']], [['--path', 'extra']]])('%j is a usage error: exit 2, the usage on stderr', async (args) => {
    const run = await contract(args);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBe(0);
    expect(run.stderr).toMatch(/^error: contract: /);
    expect(run.stderr).toContain(CONTRACT_HELP);
  });

  test('the main --help names the command', () => {
    expect(HELP).toMatch(/^\s+graph-conformance contract \[--path\]$/m);
    expect(HELP).toContain('"$(npx graph-conformance contract --path)"');
  });
});
