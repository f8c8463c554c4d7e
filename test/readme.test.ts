/**
 * The README is a page a newcomer finishes: at most README_LINE_BUDGET lines, its own words defined before
 * they are used, every link it and the guides make pointing at a file that exists, and each quick start
 * that needs no tenant and no GitHub run as written — in an empty folder that installed the packed tarball,
 * with Prism from the project's own pinned dev dependency standing in for `npx --yes @stoplight/prism-cli@…`
 * (this machine has no network) and the project's double as "your mock".
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { installTarball, packProject, type InstalledPackage } from '../harness/packaging/install-tarball.js';
import { startDouble, type RunningDouble } from '../harness/double/server.js';
import { spawnCollecting } from './support/run-cli.js';
import { closedPort as freePort } from './support/ports.js';
import { PRISM_BIN } from '../tools/bench/prism.js';

/** Lines the README may have: what is longer goes into docs/. */
const README_LINE_BUDGET = 200;
const README = readFileSync(fromRoot('README.md'), 'utf8');

/** The project's own words, which the README's "Words" section defines. */
const TERMS = ['slice', 'profile', 'decision', 'baseline', 'recording', 'target'];

/** The fenced block that follows `<!-- quickstart: NAME -->`. */
function quickStart(name: string): string {
  const marker = `<!-- quickstart: ${name} -->`;
  const at = README.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!block) throw new Error(`no code block after ${marker}`);
  return block[1]!;
}

describe('README.md', () => {
  test(`is at most ${README_LINE_BUDGET} lines`, () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(README_LINE_BUDGET);
  });

  test('defines each of its own words before it uses one', () => {
    const words = README.indexOf('## Words');
    expect(words).toBeGreaterThan(0);
    const before = README.slice(0, words).toLowerCase();
    expect(TERMS.filter((term) => new RegExp(`\\b${term}s?\\b`).test(before))).toEqual([]);
    const defined = README.slice(words, README.indexOf('\n## ', words + 1));
    expect(TERMS.filter((term) => !defined.includes(`**${term}**`))).toEqual([]);
  });

  test('every relative link of the README and the docs names a file that exists', () => {
    const pages = [
      'README.md',
      'CHANGELOG.md',
      ...['architecture', 'checks', 'contract', 'decisions', 'development', 'guide-ci', 'guide-mock', 'guide-tenant'].map((p) => `docs/${p}.md`),
    ];
    const broken: string[] = [];
    for (const page of pages) {
      const text = readFileSync(fromRoot(page), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue;
        if (!existsSync(path.join(fromRoot(path.dirname(page)), target!))) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('the quick starts, run as written in a folder that installed the tarball', () => {
  let installed: InstalledPackage;
  let double: RunningDouble;
  beforeAll(async () => {
    installed = installTarball(packProject().tarball);
    double = await startDouble();
  }, 120_000);
  afterAll(() => double?.close());

  /** Runs a quick start's shell lines in the installed folder; background jobs are stopped when it ends. */
  const shell = (script: string) =>
    spawnCollecting('bash', ['-c', `set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${script}`], {
      cwd: installed.appDir,
      env: {
        PATH: `${path.join(installed.appDir, 'node_modules', '.bin')}:${process.env.PATH}`,
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
      },
    });

  test('validate a mock: Prism on the installed contract, then both runs exit 0', async () => {
    const port = await freePort();
    const script = quickStart('prism')
      .split('\n')
      // Already done: the folder installed the tarball.
      .filter((line) => !line.startsWith('npm install'))
      .join('\n')
      .replaceAll('npx --yes @stoplight/prism-cli@5.14.2', PRISM_BIN)
      .replaceAll('4010', String(port));
    const run = await shell(script);
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/\d+ passed, 0 failed, 0 blocked/);
    expect(run.stdout).toContain('known');
  }, 120_000);

  test('from your own code: the example, as an .mjs file, runs against a mock and sets the exit code', async () => {
    const code = quickStart('api').replaceAll('http://127.0.0.1:4010', double.baseUrl);
    writeFileSync(path.join(installed.appDir, 'check.mjs'), code);
    const run = await spawnCollecting(process.execPath, ['check.mjs'], { cwd: installed.appDir });
    expect(run.code, run.stderr).toBe(0);
    // A failing run sets exit 1: the same example against a double that breaks create.
    const broken = await startDouble({ defects: ['create-status-200'] });
    try {
      writeFileSync(path.join(installed.appDir, 'check-broken.mjs'), quickStart('api').replaceAll('http://127.0.0.1:4010', broken.baseUrl));
      const failing = await spawnCollecting(process.execPath, ['check-broken.mjs'], { cwd: installed.appDir });
      expect(failing.code).toBe(1);
      expect(failing.stdout).toContain('create.status');
    } finally {
      await broken.close();
    }
  }, 120_000);
});
