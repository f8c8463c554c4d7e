/**
 * `npm test`'s closing line is what CI log readers count: a test file that cannot load, a hook that
 * throws or an error outside any test must show as failed, never as `0 failed` of a failing run.
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
