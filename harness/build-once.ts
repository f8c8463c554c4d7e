/**
 * vitest's global setup: builds dist/ once, before any test, when it does not match the sources, then packs
 * the package once. About a hundred tests run the command in a child process; with a fresh dist/ each child
 * runs JavaScript instead of compiling the TypeScript again through tsx (about 0.6 s less each on this
 * project's two cores). The tests that install the package (test/package.test.ts, test/quick-starts.test.ts)
 * each unpack the one tarball made here (`inject('packed')`) rather than packing again. The sources are never
 * changed here, only dist/ and its stamp.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { distIsFresh } from '../src/cli/build-stamp.mjs';
import { fromRoot } from '../src/project-root.js';
import { packProject, type PackedProject } from './packaging/install-tarball.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The package as `npm pack` made it from the sources of this run (see packProject). */
    packed: PackedProject;
  }
}

export default function buildOnce(project: TestProject): void {
  if (!distIsFresh()) execFileSync('npm', ['run', 'build'], { cwd: fromRoot(), stdio: ['ignore', 'ignore', 'inherit'] });
  project.provide('packed', packProject());
}
