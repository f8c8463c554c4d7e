/**
 * The environment the Actions runner gives a JavaScript action's process: every input action.yml
 * declares, as `INPUT_<NAME>` upper-cased with its hyphens kept (`INPUT_BASE-URL`), set to what the
 * workflow's `with:` gives or else to the input's default ('' without one), and `CI=true`.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { fromRoot } from '../../src/project-root.js';

type Inputs = Record<string, { default?: unknown }>;

export function declaredInputs(actionYml = readFileSync(fromRoot('action.yml'), 'utf8')): Inputs {
  return ((parseDocument(actionYml).toJS() as { inputs?: Inputs }).inputs ?? {}) as Inputs;
}

/** `with:` → the runner's INPUT_* variables; an input action.yml does not declare is a mistake of the test. */
export function runnerEnv(given: Record<string, string>, inputs: Inputs = declaredInputs()): Record<string, string> {
  for (const name of Object.keys(given)) if (!(name in inputs)) throw new Error(`with: ${name} is not an input of action.yml`);
  const env: Record<string, string> = { CI: 'true' };
  for (const [name, spec] of Object.entries(inputs))
    env[`INPUT_${name.toUpperCase()}`] = given[name] ?? (spec?.default === undefined ? '' : String(spec.default));
  return env;
}

/** The outputs a step wrote to GITHUB_OUTPUT (`name<<DELIMITER`, the value, the delimiter). */
export function outputsOf(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8');
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2\n/gm)) out[m[1]!] = m[3]!;
  return out;
}
