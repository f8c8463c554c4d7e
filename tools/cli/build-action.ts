/**
 * `npm run build:action`: the GitHub Action's bundle, action/index.mjs (committed; action.yml's `main`).
 * One ESM file holding everything the Action runs, what the run loads lazily included (replay's nock, diff,
 * the report writers, @azure/identity for a live run without a token): the Action runs from a checkout of
 * this repository at the pinned ref, which has the slice, the decisions, generated/ and the recordings but
 * no node_modules. Deterministic: the same sources and lockfile give the same bytes
 * (test/action-bundle.test.ts rebuilds it and compares).
 *
 * Two things the sources do at run time that a bundler cannot see are made static here:
 * - the project root: src/project-root.ts (the folder holding package.json) is replaced by
 *   src/action/project-root.ts (the folder holding action.yml above the bundle);
 * - `createRequire(import.meta.url)(id)` (yaml, the secretlint preset's package.json, the Ajv formats file
 *   by its path): `node:module` imported by the project's own sources gets a createRequire whose require
 *   answers those ids from the bundle, and anything else as Node's would.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../src/project-root.js';

/** The bundle, relative to the repository root: action.yml's `runs.main`. */
export const ACTION_BUNDLE = 'action/index.mjs';
export const ACTION_ENTRY = 'src/cli/action.ts';

const ROOT = fromRoot();
const SOURCES = [fromRoot('src'), fromRoot('suites'), fromRoot('fixtures'), fromRoot('generated')].map((dir) => dir + path.sep);
const isOwnSource = (file: string) => SOURCES.some((dir) => file.startsWith(dir));

const BUNDLED_REQUIRE = 'graph-conformance:bundled-require';

/** What the sources ask createRequire's require for, answered from the bundle. */
const BUNDLED_REQUIRE_SOURCE = `
import { createRequire as nodeCreateRequire } from 'node:module';
import path from 'node:path';
import * as yaml from 'yaml';
import presetManifest from '@secretlint/secretlint-rule-preset-recommend/package.json';
import formats from './src/openapi/formats.cjs';

const BY_ID = new Map([
  ['yaml', yaml],
  ['@secretlint/secretlint-rule-preset-recommend/package.json', presetManifest],
]);
const FORMATS_FILE = path.join('src', 'openapi', 'formats.cjs');

export function createRequire(from) {
  const nodeRequire = nodeCreateRequire(from);
  const require = (id) => {
    if (BY_ID.has(id)) return BY_ID.get(id);
    if (path.isAbsolute(id) && id.endsWith(path.sep + FORMATS_FILE)) return formats;
    return nodeRequire(id);
  };
  return Object.assign(require, { resolve: nodeRequire.resolve, cache: nodeRequire.cache });
}
`;

/**
 * What makes the sources bundleable: `createRequire` answered from the bundle, and for the Action (which
 * runs from a checkout with action.yml, not from a package) the project root found by action.yml.
 */
export function bundlePlugin(options: { actionRoot: boolean }): Plugin {
  return {
    name: options.actionRoot ? 'graph-conformance-action' : 'graph-conformance-bundle',
    setup(b) {
      if (options.actionRoot) {
        b.onResolve({ filter: /(^|\/)project-root\.js$/ }, (args) => {
          if (!isOwnSource(args.importer)) return undefined;
          const resolved = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
          return resolved === fromRoot('src', 'project-root.ts') ? { path: fromRoot('src', 'action', 'project-root.ts') } : undefined;
        });
      }
      b.onResolve({ filter: /^(node:)?module$/ }, (args) =>
        isOwnSource(args.importer) ? { path: BUNDLED_REQUIRE, namespace: BUNDLED_REQUIRE } : { path: 'node:module', external: true },
      );
      b.onLoad({ filter: /.*/, namespace: BUNDLED_REQUIRE }, () => ({ contents: BUNDLED_REQUIRE_SOURCE, resolveDir: ROOT, loader: 'js' }));
    },
  };
}

/**
 * What the Action's bundle and the command's (tools/cli/build-cli.ts) share: one ESM file for Node, with a
 * require of its own (bundled CommonJS modules require Node's own modules, and an ESM file has none),
 * minified with names kept. `first` is the file's first line, saying what made it.
 */
export function bundleBuild(options: { entry: string; first: string; actionRoot: boolean }): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: [fromRoot(options.entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // node24 runs the Action in Actions; the project's own Node (≥ 20.19) runs both in the tests.
    target: 'node20',
    banner: {
      js: [options.first, "import { createRequire as __gcCreateRequire } from 'node:module';", 'const require = __gcCreateRequire(import.meta.url);'].join(
        '\n',
      ),
    },
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [bundlePlugin({ actionRoot: options.actionRoot })],
  };
}

export const ACTION_BUILD: BuildOptions = bundleBuild({
  entry: ACTION_ENTRY,
  first: '// graph-conformance GitHub Action, bundled by `npm run build:action` (tools/cli/build-action.ts): do not edit.',
  actionRoot: true,
});

/** The bundle's bytes, built in memory. */
export async function bundleAction(): Promise<Uint8Array> {
  const result = await build({ ...ACTION_BUILD, write: false, outfile: fromRoot(ACTION_BUNDLE) });
  if (result.outputFiles.length !== 1) throw new Error(`build-action: ${result.outputFiles.length} output files, expected one`);
  return result.outputFiles[0]!.contents;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const started = performance.now();
  const bytes = await bundleAction();
  writeFileSync(fromRoot(ACTION_BUNDLE), bytes);
  console.log(`build:action: ${ACTION_BUNDLE} (${bytes.byteLength} bytes) in ${Math.round(performance.now() - started)} ms`);
}
