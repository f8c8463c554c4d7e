#!/usr/bin/env node
// The graph-conformance command. An installed package holds only built JavaScript and runs it — the
// command bundled as one file (dist/cli.mjs, quicker to load), or dist/src where a build has none; a clone
// of the repository (its TypeScript beside this file) goes through the launcher, which runs dist/ while
// it matches the sources and the TypeScript itself otherwise.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/conformance.ts', import.meta.url));
if (existsSync(source)) {
  const { launch } = await import('../src/cli/launch.mjs');
  await launch(source, process.argv.slice(2));
} else if (existsSync(fileURLToPath(new URL('../dist/cli.mjs', import.meta.url)))) {
  await import('../dist/cli.mjs');
} else {
  await import('../dist/src/cli/conformance.js');
}
