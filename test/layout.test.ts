/**
 * The layout shows what ships: the package runs what `src/` and `suites/` hold (plus the generated
 * artefacts and the factories under fixtures/), and nothing it runs may reach into the maintainers'
 * tools (`tools/`), the test harness (`harness/`, the reference double among it) or the tests.
 */
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';

/** Where the package's entries start, as source: the command, the launcher, the two exports. */
const ENTRIES = ['bin/graph-conformance.mjs', 'src/cli/launch.mjs', 'src/cli/conformance.ts', 'src/index.ts', 'src/vitest.ts'];
const SHIPPED_ROOTS = ['src/', 'suites/', 'generated/', 'fixtures/factories/'];
const NEVER_SHIPPED = ['tools/', 'harness/', 'test/'];

const SPECIFIER = /(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The repository file a relative specifier names (a `.js` specifier names its `.ts` source). */
function resolve(from: string, specifier: string): string {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [target, target.replace(/\.js$/, '.ts'), target.replace(/\.mjs$/, '.mts')]) if (existsSync(fromRoot(candidate))) return candidate;
  return target;
}

type Graph = (file: string) => string[];
const importsOnDisk: Graph = (file) => [...readFileSync(fromRoot(file), 'utf8').matchAll(SPECIFIER)].map((m) => resolve(file, m[1]!));

/** Every file the entries reach, with the file that first imported it. */
function closure(entries: readonly string[], importsOf: Graph): Map<string, string | undefined> {
  const reached = new Map<string, string | undefined>(entries.map((e) => [e, undefined]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const next of importsOf(file)) {
      if (reached.has(next)) continue;
      reached.set(next, file);
      // dist/ is the build of src/: the installed command's import of it stands for src/ itself.
      if (!next.startsWith('dist/')) queue.push(next);
    }
  }
  return reached;
}

/** What the shipped closure must not hold, each named with the import that brought it in. */
function layoutProblems(entries: readonly string[], importsOf: Graph): string[] {
  const problems: string[] = [];
  for (const [file, by] of closure(entries, importsOf)) {
    if (file.startsWith('dist/') || entries.includes(file)) continue;
    // One problem per crossing: what a tool or the harness imports in turn is not named again.
    if (by !== undefined && NEVER_SHIPPED.some((root) => by.startsWith(root))) continue;
    if (NEVER_SHIPPED.some((root) => file.startsWith(root)))
      problems.push(`${by} imports ${file}, which the package must not run (${NEVER_SHIPPED.join(', ')} do not ship)`);
    else if (!SHIPPED_ROOTS.some((root) => file.startsWith(root))) problems.push(`${by} imports ${file}, outside what ships (${SHIPPED_ROOTS.join(', ')})`);
  }
  return problems;
}

describe('what ships', () => {
  test('the package entries reach only src/, suites/, generated/ and the factories: no tool, no harness, no test', () => {
    expect(layoutProblems(ENTRIES, importsOnDisk)).toEqual([]);
    // The closure is real: it holds the suites and the engine, not just the entries.
    const reached = [...closure(ENTRIES, importsOnDisk).keys()];
    expect(reached).toContain('suites/index.ts');
    expect(reached).toContain('src/engine/run-suite.ts');
  });

  test('a shipped module that imports the test harness, or a tool, is named with its importer', () => {
    const withLeak: Graph = (file) => [
      ...importsOnDisk(file),
      ...(file === 'src/engine/run-suite.ts' ? ['harness/packaging/install-tarball.ts', 'tools/checks/registry.ts'] : []),
    ];
    expect(layoutProblems(ENTRIES, withLeak)).toEqual([
      'src/engine/run-suite.ts imports harness/packaging/install-tarball.ts, which the package must not run (tools/, harness/, test/ do not ship)',
      'src/engine/run-suite.ts imports tools/checks/registry.ts, which the package must not run (tools/, harness/, test/ do not ship)',
    ]);
  });

  test("the package's files hold no tool and no harness", () => {
    const files = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { files: string[] }).files;
    for (const excluded of ['!dist/tools/', '!dist/harness/', '!dist/test/']) expect(files).toContain(excluded);
    expect(files.filter((f) => !f.startsWith('!') && NEVER_SHIPPED.some((root) => f.startsWith(root)))).toEqual([]);
  });
});
