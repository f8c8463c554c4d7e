/**
 * The project root as the GitHub Action's bundle (action/index.mjs) finds it: the folder holding
 * action.yml above the bundle's own file. The Action runs from a checkout of this repository at the ref
 * the workflow pins ($GITHUB_ACTION_PATH), so the slice, the decisions, generated/ and the recordings are
 * there beside it; node_modules are not, and no package.json is needed. The build (tools/cli/build-action.ts)
 * puts this module in place of src/project-root.ts, with the same exports.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ACTION_FILE = 'action.yml';

export function findActionRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, ACTION_FILE)) && existsSync(path.join(dir, 'specs', 'openapi.yaml'))) return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`graph-conformance: no ${ACTION_FILE} beside specs/openapi.yaml above ${from}: the Action's checkout is incomplete`);
  }
}

export const PROJECT_ROOT = findActionRoot(path.dirname(fileURLToPath(import.meta.url)));

export function fromRoot(...segments: string[]): string {
  return path.join(PROJECT_ROOT, ...segments);
}
