// Starts a command of the project in a clone of the repository: the JavaScript `npm run build` made in
// dist/ while it matches the sources (build-stamp.mjs), TypeScript through tsx otherwise. Either way
// the same code runs. An installed package has no TypeScript and runs dist/ through bin/ directly.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { distIsFresh, ROOT } from './build-stamp.mjs';

/** Commands `npm run build` also bundles into one file (tools/cli/build-cli.ts): quicker to load than dist/src. */
const BUNDLES = { [path.join('src', 'cli', 'conformance.ts')]: path.join('dist', 'cli.mjs') };

/**
 * Runs SCRIPT.ts (a path) with `args` as its command line, in this process: imported, never spawned, so a
 * signal sent to the command (Ctrl-C, `timeout`, `kill`) reaches the run itself, which cleans up and
 * exits 130 (test/signals.test.ts); there is no child to forward it to or to leave running.
 */
export async function launch(script, args) {
  const source = path.resolve(process.cwd(), script);
  const bundled = BUNDLES[path.relative(ROOT, source)];
  const built =
    bundled && existsSync(path.join(ROOT, bundled)) ? path.join(ROOT, bundled) : path.join(ROOT, 'dist', path.relative(ROOT, source)).replace(/\.ts$/, '.js');
  process.argv = [process.argv[0], source, ...args];
  if (existsSync(built) && distIsFresh()) {
    await import(pathToFileURL(built).href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import(pathToFileURL(source).href);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [script, ...rest] = process.argv.slice(2);
  if (!script) {
    process.stderr.write('usage: node src/cli/launch.mjs SCRIPT.ts [args]\n');
    process.exit(2);
  }
  await launch(script, rest);
}
