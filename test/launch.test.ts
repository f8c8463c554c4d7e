/**
 * The launcher runs the JavaScript `npm run build` made only while it was built from the sources as they
 * are: an edited source (or config) makes dist/ stale, and the command then runs the TypeScript itself.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distIsFresh, sourceHash, writeStamp } from '../src/cli/build-stamp.mjs';

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gc-stamp-'));
  for (const dir of ['src/cli', 'fixtures', 'generated', 'dist']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'src/cli/a.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'generated/openapi.ts'), 'export type X = 1;\n');
  writeFileSync(path.join(root, 'tsconfig.json'), '{}\n');
  return root;
}

describe('dist/ and its build stamp', () => {
  test('fresh right after a build; stale after any source, generated file or config changes', () => {
    const root = project();
    expect(distIsFresh(root)).toBe(false); // never built
    writeStamp(root);
    expect(distIsFresh(root)).toBe(true);
    for (const [file, text] of [
      ['src/cli/a.ts', 'export const a = 2;\n'],
      ['generated/openapi.ts', 'export type X = 2;\n'],
      ['tsconfig.json', '{"compilerOptions":{}}\n'],
      ['src/cli/b.ts', 'export const b = 1;\n'],
    ] as const) {
      writeStamp(root);
      const before = sourceHash(root);
      writeFileSync(path.join(root, file), text);
      expect(sourceHash(root), file).not.toBe(before);
      expect(distIsFresh(root), file).toBe(false);
    }
  });

  test('a declaration or non-TypeScript file does not count', () => {
    const root = project();
    writeStamp(root);
    writeFileSync(path.join(root, 'src/cli/notes.md'), 'hello\n');
    writeFileSync(path.join(root, 'src/cli/x.d.ts'), 'export {};\n');
    expect(distIsFresh(root)).toBe(true);
  });
});
