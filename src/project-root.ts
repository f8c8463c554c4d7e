import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The folder holding package.json, whatever the working directory of the process: the nearest one above
 * this file, so the same code finds it from src/ (run as TypeScript) and from dist/src/ (built).
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export function fromRoot(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
