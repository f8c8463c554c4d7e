/**
 * The package: what `npm pack` makes (packed and unpacked bytes, and installed with its runtime
 * dependencies), and the replay run started the two ways users start it — `npx graph-conformance` in a
 * folder where the tarball is installed, `npm run conformance` in the repository — both through npm, so
 * both pay npm's own start-up; and the installed command itself, without npx.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../../src/project-root.js';
import { installTarball, packProject, sizeOf } from '../../../harness/packaging/install-tarball.js';
import { distIsFresh } from '../../../src/cli/build-stamp.mjs';
import { repeat } from '../measure.js';
import { lastLine, runChild } from '../process.js';
import type { Row } from '../table.js';

const OFFLINE = { npm_config_offline: 'true', npm_config_update_notifier: 'false' };

export async function packageScenario(runs: number): Promise<Row[]> {
  if (!distIsFresh()) throw new Error('dist/ is missing or older than the sources: npm run build first (the pack runs no script)');
  const packed = packProject();
  const installed = installTarball(packed.tarball);
  const dependencies = runtimeClosureBytes();
  const timed = (command: string, args: string[], cwd: string) =>
    repeat({ runs, warmup: 1 }, async () => {
      const child = await runChild(command, args, { cwd, env: OFFLINE });
      if (child.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${child.code}: ${lastLine(child.stderr || child.stdout)}`);
      return child.ms;
    });
  const npx = await timed('npx', ['graph-conformance', '--quiet'], installed.appDir);
  const bin = await timed(installed.command, ['--quiet'], installed.appDir);
  const npmRun = await timed('npm', ['run', '--silent', 'conformance', '--', '--quiet'], fromRoot());
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    { section: 'package', subject: 'npm pack: the tarball', text: kb(packed.packedBytes), note: `${packed.files.length} files` },
    { section: 'package', subject: 'npm pack: unpacked', text: kb(packed.unpackedBytes), note: `installed folder ${kb(sizeOf(installed.packageDir))}` },
    {
      section: 'package',
      subject: 'installed with its runtime dependencies',
      text: kb(packed.unpackedBytes + dependencies.bytes),
      note: `${dependencies.packages} packages from the lockfile beside it`,
    },
    { section: 'package', subject: 'npx graph-conformance (installed tarball, replay), wall', stats: npx, unit: 'ms' },
    { section: 'package', subject: 'node_modules/.bin/graph-conformance (replay), wall', stats: bin, unit: 'ms', note: 'the installed command without npx' },
    { section: 'package', subject: 'npm run conformance (repository, replay), wall', stats: npmRun, unit: 'ms', note: distIsFresh() ? 'dist/ built' : 'tsx' },
  ];
}

/** Bytes of every package the lockfile installs for a user (not dev), as installed here. */
function runtimeClosureBytes(): { bytes: number; packages: number } {
  const lock = JSON.parse(readFileSync(fromRoot('package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
  let bytes = 0;
  let packages = 0;
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '' || entry.dev) continue;
    try {
      bytes += sizeOf(path.join(fromRoot(), where));
      packages++;
    } catch {
      // An optional package for another platform is not installed here.
    }
  }
  return { bytes, packages };
}
