/**
 * The command as one file, dist/cli.mjs, made by `npm run build` after tsc: the command starts a process
 * per run, and loading one file costs about a third less than resolving and reading the few hundred
 * modules of dist/src and its dependencies (0.5 s against 0.85 s of CPU for a run of one check on this
 * machine). bin/ runs it in an installed package, src/cli/launch.mjs in a clone while dist/ is fresh; the
 * package's API (`import 'graph-conformance'`) stays dist/src. Made as the Action's bundle is
 * (tools/cli/build-action.ts: createRequire answered from the bundle), except that the project root is
 * found as in dist/src (the folder holding package.json above it), and what the command loads only
 * sometimes stays a package of its own, loaded when needed: @azure/identity (an optional peer, for a live
 * run without a token) and @mockoon/commons (check-mocks on a Mockoon environment). nock is bundled (its
 * dynamic import stays lazy: a url run never evaluates it), without the undici interceptor it adds when the
 * `undici` package is installed — a development dependency here, absent where users install the package —
 * so the command intercepts replay the same way in a clone as when installed: through fetch (the
 * interception self-test checks it, test/interception.test.ts).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import path from 'node:path';
import { fromRoot } from '../../src/project-root.js';
import { bundleBuild } from './build-action.js';

/** The bundle, relative to the repository root. */
export const CLI_BUNDLE = 'dist/cli.mjs';
export const CLI_ENTRY = 'src/cli/conformance.ts';

const BASE = bundleBuild({
  entry: CLI_ENTRY,
  first: '// graph-conformance command, bundled by `npm run build` (tools/cli/build-cli.ts): do not edit.',
  actionRoot: false,
});

export const CLI_BUILD: BuildOptions = {
  ...BASE,
  outfile: fromRoot(CLI_BUNDLE),
  external: ['@azure/identity', '@mockoon/commons'],
  plugins: [...(BASE.plugins ?? []), undiciAbsentForNock()],
};

/** nock's `require('undici')` answered as where the package is not installed: nock then mocks fetch alone. */
function undiciAbsentForNock(): Plugin {
  return {
    name: 'undici-absent-for-nock',
    setup(b) {
      b.onResolve({ filter: /^undici$/ }, (args) => (/[\\/]nock[\\/]/.test(args.importer) ? { path: 'undici', namespace: 'absent' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'absent' }, () => ({
        contents: "const error = new Error(\"Cannot find module 'undici'\"); error.code = 'MODULE_NOT_FOUND'; throw error;",
        loader: 'js',
      }));
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const started = performance.now();
  await build(CLI_BUILD);
  console.log(`build: ${CLI_BUNDLE} in ${Math.round(performance.now() - started)} ms`);
}
