/**
 * The GitHub Action's inputs, as the runner hands them to a JavaScript action (`INPUT_<NAME>` variables),
 * turned into the options the command's resolver reads, keyed by flag: one input per option of the
 * command, plus `command` (run or diff). The token is not an input option: it travels as
 * GRAPH_ACCESS_TOKEN, which logs do not print.
 */
import { OPTIONS, UsageError, type CommandLine, type OptionFlag, type RawOptions } from '../config/run-config.js';

/** Options the Action does not offer: help, sweep's own, and the token (an environment variable instead). */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['help', 'older-than', 'yes', 'token']);
export const COMMANDS = ['run', 'diff'] as const;

/**
 * An input's value: the runner names a JavaScript action's input `INPUT_<NAME>` upper-cased with its
 * hyphens kept (`INPUT_BASE-URL`), and always sets it (to its default when the workflow gives none); the
 * underscore spelling (`INPUT_BASE_URL`, what a shell can set) is read only where that one is absent.
 */
export function inputValue(env: NodeJS.ProcessEnv, input: string): string {
  const upper = input.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/** The `token` input, when given: the step hands it to the run as GRAPH_ACCESS_TOKEN. */
export function tokenFromInputs(env: NodeJS.ProcessEnv): string | undefined {
  return inputValue(env, 'token') || undefined;
}

export function commandLineFromInputs(env: NodeJS.ProcessEnv): CommandLine & { command: (typeof COMMANDS)[number] } {
  const command = inputValue(env, 'command') || 'run';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`input command: '${command}' is not one of ${COMMANDS.join(', ')}`);
  const options: Partial<Record<OptionFlag, string | boolean | string[]>> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as [OptionFlag, { type: string; multiple?: boolean }][]) {
    if (NOT_INPUTS.has(name)) continue;
    const value = inputValue(env, name);
    if (value === '') continue;
    if (spec.type === 'boolean') {
      if (value === 'true') options[name] = true;
      else if (value !== 'false') throw new UsageError(`input ${name}: '${value}' is not true or false`);
    } else options[name] = spec.multiple ? [value] : value;
  }
  return { command: command as (typeof COMMANDS)[number], options: options as RawOptions };
}
