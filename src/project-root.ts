import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The folder holding package.json, whatever the working directory of the process. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function fromRoot(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
