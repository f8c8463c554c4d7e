/**
 * The GitHub Action's inputs, as the composite step hands them over (`INPUT_<NAME>` variables), turned
 * into the options the command's resolver reads, keyed by flag: one input per option of the command,
 * plus `command` (run or diff). The token is not an input option: it travels as GRAPH_ACCESS_TOKEN,
 * which logs do not print.
 */
import { OPTIONS, UsageError, type CommandLine, type OptionFlag, type RawOptions } from '../config/run-config.js';

/** Options the Action does not offer: help, sweep's own, and the token (an environment variable instead). */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['help', 'older-than', 'yes', 'token']);
export const COMMANDS = ['run', 'diff'] as const;

const envName = (input: string) => `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;

export function commandLineFromInputs(env: NodeJS.ProcessEnv): CommandLine & { command: (typeof COMMANDS)[number] } {
  const command = env[envName('command')]?.trim() || 'run';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`input command: '${command}' is not one of ${COMMANDS.join(', ')}`);
  const options: Partial<Record<OptionFlag, string | boolean | string[]>> = {};
  for (const [name, spec] of Object.entries(OPTIONS) as [OptionFlag, { type: string; multiple?: boolean }][]) {
    if (NOT_INPUTS.has(name)) continue;
    const value = env[envName(name)]?.trim() ?? '';
    if (value === '') continue;
    if (spec.type === 'boolean') {
      if (value === 'true') options[name] = true;
      else if (value !== 'false') throw new UsageError(`input ${name}: '${value}' is not true or false`);
    } else options[name] = spec.multiple ? [value] : value;
  }
  return { command: command as (typeof COMMANDS)[number], options: options as RawOptions };
}
