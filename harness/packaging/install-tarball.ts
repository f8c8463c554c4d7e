/**
 * The package as a user gets it: `npm pack` of the project, unpacked into an empty folder's
 * node_modules, its declared runtime dependencies (and any peers asked for) linked from the project's
 * installed ones, its command linked into node_modules/.bin as npm links it. Only the packed files of
 * graph-conformance itself are there, and nothing above the folder can lend it a module it forgot to
 * declare. Used by the package's test and by `npm run bench -- --only package`.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../src/project-root.js';

export interface PackedProject {
  tarball: string;
  /** Bytes of the .tgz. */
  packedBytes: number;
  /** Bytes of the files in it. */
  unpackedBytes: number;
  /** Paths inside the package, as npm lists them. */
  files: string[];
}

export interface InstalledPackage {
  /** The user's folder: package.json, node_modules/graph-conformance, node_modules/.bin. */
  appDir: string;
  packageDir: string;
  /** node_modules/.bin/graph-conformance. */
  command: string;
  manifest: PackageManifest;
}

export interface PackageManifest {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** `npm pack` of the project as it is built now (dist/ must be fresh: the pack runs no script). */
export function packProject(destination = mkdtempSync(path.join(tmpdir(), 'gc-pack-'))): PackedProject {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
    cwd: fromRoot(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
  const [packed] = JSON.parse(out) as [{ filename: string; size: number; unpackedSize: number; files: { path: string }[] }];
  return {
    tarball: path.join(destination, packed.filename),
    packedBytes: packed.size,
    unpackedBytes: packed.unpackedSize,
    files: packed.files.map((f) => f.path).sort(),
  };
}

/** Installs the tarball into a new empty folder, as described above. */
export function installTarball(tarball: string, options: { peers?: string[]; appDir?: string } = {}): InstalledPackage {
  const appDir = options.appDir ?? mkdtempSync(path.join(tmpdir(), 'gc-app-'));
  const modules = path.join(appDir, 'node_modules');
  mkdirSync(path.join(modules, '.bin'), { recursive: true });
  writeFileSync(path.join(appDir, 'package.json'), `${JSON.stringify({ name: 'conformance-user', private: true, type: 'module' }, null, 2)}\n`);
  const unpack = mkdtempSync(path.join(tmpdir(), 'gc-unpack-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpack]);
  const packageDir = path.join(modules, 'graph-conformance');
  renameSync(path.join(unpack, 'package'), packageDir);
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as PackageManifest;
  for (const name of [...Object.keys(manifest.dependencies), ...(options.peers ?? [])]) {
    const link = path.join(modules, name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(fromRoot('node_modules', name), link, 'dir');
  }
  const [binName, binPath] = Object.entries(manifest.bin)[0]!;
  const command = path.join(modules, '.bin', binName);
  symlinkSync(path.join('..', 'graph-conformance', binPath), command);
  chmodSync(path.join(packageDir, binPath), 0o755);
  return { appDir, packageDir, command, manifest };
}

/** Bytes of the files under `dir`, symbolic links not followed. */
export function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sizeOf(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}
