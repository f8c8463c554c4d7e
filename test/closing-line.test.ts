/**
 * `npm test`'s closing line is what CI log readers count: a test file that cannot load, a hook that
 * throws or an error outside any test must show as failed, never as `0 failed` of a failing run. After
 * it, one line per skipped test says why it was skipped.
 */
import { describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import { childEnv } from './support/run-cli.js';

/** Runs vitest with the project's closing-line reporter over `files` in a throwaway folder. */
function vitestOver(files: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-closing-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, 'vitest.config.mjs'),
    `import { ClosingLineReporter } from ${JSON.stringify(fromRoot('harness/closing-line-reporter.ts'))};
export default { test: { include: ['*.check.ts'], reporters: ['dot', new ClosingLineReporter()] } };`,
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fromRoot('node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs')], {
      cwd: fromRoot(),
      env: childEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const closingLine = (output: string) =>
  output
    .split('\n')
    .filter((l) => /^\d+ passed, \d+ failed, \d+ skipped$/.test(l))
    .at(-1);

const PASSING = `import { test } from 'vitest'; test('ok', () => {});`;

describe.concurrent('the closing line of a failing run never says 0 failed', () => {
  test('a file that fails to load counts as failed', async () => {
    const run = await vitestOver({
      'a.check.ts': PASSING,
      'b.check.ts': `import '../does/not/exist.js';\nimport { test } from 'vitest'; test('never', () => {});`,
    });
    expect(run.code).not.toBe(0);
    expect(closingLine(run.output)).toBe('1 passed, 1 failed, 0 skipped');
  });

  test('a beforeAll that throws counts as failed (its tests are skipped)', async () => {
    const run = await vitestOver({
      'a.check.ts': PASSING,
      'b.check.ts': `import { beforeAll, describe, test } from 'vitest';\ndescribe('s', () => { beforeAll(() => { throw new Error('setup'); }); test('t', () => {}); });`,
    });
    expect(run.code).not.toBe(0);
    expect(closingLine(run.output)).toMatch(/^1 passed, 1 failed, 1 skipped$/);
  });

  test('an error outside any test counts as failed', async () => {
    const run = await vitestOver({ 'a.check.ts': `import { test } from 'vitest'; test('ok', () => { setTimeout(() => { throw new Error('late'); }, 0); });` });
    expect(run.code).not.toBe(0);
    expect(closingLine(run.output)).not.toMatch(/ 0 failed/);
  });

  test('a green run says 0 failed', async () => {
    const run = await vitestOver({ 'a.check.ts': PASSING });
    expect(run.code).toBe(0);
    expect(closingLine(run.output)).toBe('1 passed, 0 failed, 0 skipped');
  });
});

const skippedLinesOf = (output: string) => output.split('\n').filter((l) => l.startsWith('skipped: '));

describe.concurrent('each skipped test is listed after the counts, with its reason', () => {
  test('a reason given by ctx.skip, by skip(condition, reason) in beforeEach, a failed hook, and none', async () => {
    const run = await vitestOver({
      'a.check.ts': [
        `import { beforeEach, describe, test } from 'vitest';`,
        `test('ok', () => {});`,
        `test('by design', (ctx) => { ctx.skip('the other profile: graph only'); });`,
        `describe('browser', () => { beforeEach(({ skip }) => skip(true, '/usr/bin/chromium not found')); test('renders', () => {}); });`,
        `test.skipIf(true)('platform', () => {});`,
      ].join('\n'),
      'b.check.ts': `import { beforeAll, describe, test } from 'vitest';\ndescribe('s', () => { beforeAll(() => { throw new Error('setup'); }); test('t', () => {}); });`,
    });
    expect(closingLine(run.output), run.output).toBe('1 passed, 1 failed, 4 skipped');
    const lines = skippedLinesOf(run.output);
    expect(lines).toHaveLength(4);
    expect(lines).toContain('skipped: a.check.ts > by design — the other profile: graph only');
    expect(lines).toContain('skipped: a.check.ts > browser > renders — /usr/bin/chromium not found');
    expect(lines).toContain('skipped: a.check.ts > platform — no reason given');
    expect(lines).toContain('skipped: b.check.ts > s > t — not run: a hook of "s" failed');
    // After the counts: the closing line is still the last count line, the reasons follow it.
    expect(run.output.lastIndexOf('1 passed, 1 failed, 4 skipped')).toBeLessThan(run.output.indexOf('skipped: a.check.ts'));
  });

  test('a green run without skips prints no skipped line', async () => {
    const run = await vitestOver({ 'a.check.ts': PASSING });
    expect(skippedLinesOf(run.output)).toEqual([]);
  });
});
