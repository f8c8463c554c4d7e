/**
 * The GitHub Action's inputs, as the runner hands them to a JavaScript action (`INPUT_<NAME>` variables),
 * turned into what the command reads: for `run` and `diff`, the options the command's resolver reads, keyed
 * by flag (one input per option of the command); for `check-mocks`, its command line (the inputs it has an
 * option for, and `mocks-file`). The token is not an input option: it travels as GRAPH_ACCESS_TOKEN, which
 * logs do not print.
 */
import { OPTIONS, PROFILES, UsageError, type CommandLine, type OptionFlag, type RawOptions } from '../config/run-config.js';

/** Options the Action does not offer: help, sweep's own, and the token (an environment variable instead). */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['help', 'older-than', 'yes', 'token']);
export const COMMANDS = ['run', 'diff', 'check-mocks'] as const;
export type ActionCommand = (typeof COMMANDS)[number];

/** The Action's inputs that mirror no run option: the command, and the file check-mocks judges. */
export const OWN_INPUTS = ['command', 'mocks-file'] as const;

/**
 * The inputs `check-mocks` reads: the mocks file and the options it has (profile, report-dir, baseline,
 * quiet), and `verbose`, the other side of `quiet`. Every other input is about a target the command never
 * sends to (base-url, target, token, capabilities, timeouts), recordings it never reads or writes
 * (fixtures-dir, record), or choices of a run it does not make (seed, only, shard, strict-baseline,
 * write-baseline…): given one, the step fails rather than ignore what the workflow asked for.
 */
export const CHECK_MOCKS_INPUTS = ['mocks-file', 'profile', 'report-dir', 'baseline', 'quiet', 'verbose'] as const;

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

/** The `command` input: run when empty. */
export function commandFromInputs(env: NodeJS.ProcessEnv): ActionCommand {
  const command = inputValue(env, 'command') || 'run';
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`input command: '${command}' is not one of ${COMMANDS.join(', ')}`);
  return command as ActionCommand;
}

/** `run` or `diff`: the inputs as the flag-keyed options the command's resolver judges. */
export function commandLineFromInputs(env: NodeJS.ProcessEnv): CommandLine & { command: 'run' | 'diff' } {
  const command = commandFromInputs(env);
  if (command === 'check-mocks') throw new Error('commandLineFromInputs: check-mocks has a command line of its own (checkMocksFromInputs)');
  // A mocks file is judged by check-mocks only: a run given one would check the target and not the file.
  if (inputValue(env, 'mocks-file') !== '') throw new UsageError(`input mocks-file: only for command check-mocks (command is ${command})`);
  return { command, options: optionsFromInputs(env) };
}

/** `check-mocks`: its arguments (after the command's name), with the mocks file and the report dir as given. */
export interface CheckMocksLine {
  args: string[];
  mocksFile: string;
  reportDir: string;
}

export function checkMocksFromInputs(env: NodeJS.ProcessEnv): CheckMocksLine {
  const options = optionsFromInputs(env);
  const foreign = (Object.keys(options) as OptionFlag[]).filter((name) => !(CHECK_MOCKS_INPUTS as readonly string[]).includes(name));
  if (tokenFromInputs(env) !== undefined) foreign.unshift('token');
  if (foreign.length > 0) {
    const these = foreign.length === 1 ? `input ${foreign[0]}: not an input` : `inputs ${foreign.join(', ')}: not inputs`;
    throw new UsageError(`${these} of command check-mocks, which judges a mocks file and sends no request; its inputs: ${CHECK_MOCKS_INPUTS.join(', ')}`);
  }
  const mocksFile = inputValue(env, 'mocks-file');
  if (mocksFile === '')
    throw new UsageError(
      'input mocks-file: required with command check-mocks (a Dev Proxy mocks file or a Mockoon environment file, relative to the workspace)',
    );
  // Judged here, in the inputs' words: check-mocks would answer a bad one with its command-line usage.
  if (options.profile !== undefined && !(PROFILES as readonly string[]).includes(options.profile))
    throw new UsageError(`input profile: '${options.profile}' is not one of ${PROFILES.join(', ')}`);
  const reportDir = options['report-dir'] ?? 'reports';
  const args = ['--report-dir', reportDir];
  if (options.profile !== undefined) args.push('--profile', options.profile);
  if (options.baseline !== undefined) args.push('--baseline', options.baseline);
  // quiet and verbose mean what they mean for a run (the resolver's rule): quiet by default on CI, verbose wins.
  if (options.verbose !== true && (options.quiet === true || env.CI === 'true' || env.CI === '1')) args.push('--quiet');
  // After `--`, a file whose name starts with a dash is still the file.
  args.push('--', mocksFile);
  return { args, mocksFile, reportDir };
}

/** The inputs that mirror a run option and are given (not empty; a boolean true), keyed by flag. */
function optionsFromInputs(env: NodeJS.ProcessEnv): RawOptions {
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
  return options as RawOptions;
}
