// What the JavaScript in dist/ was built from: a hash of every TypeScript source the build compiles.
// `npm run build` writes it next to the output; the launcher runs dist/ only while the sources still
// hash the same, and TypeScript through tsx otherwise, so an edited source is never run stale.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCES = ['src', 'suites', 'fixtures', 'generated'];
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function tsFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  const files = [...SOURCES.flatMap((d) => tsFiles(path.join(root, d))), ...CONFIGS.map((f) => path.join(root, f)).filter((f) => existsSync(f))].sort();
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** True when `root`/dist holds JavaScript built from the sources as they are now. */
export function distIsFresh(root = ROOT) {
  const stamp = path.join(root, 'dist', 'build-stamp.json');
  if (!existsSync(stamp)) return false;
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sources === sourceHash(root);
  } catch {
    return false;
  }
}

export function writeStamp(root = ROOT) {
  writeFileSync(path.join(root, 'dist', 'build-stamp.json'), `${JSON.stringify({ sources: sourceHash(root) }, null, 2)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeStamp();
