/**
 * The resolved configuration of one conformance run: command line over environment over defaults,
 * as docs/contract.md lays them out. Everything downstream (suites, reporters) reads this object only.
 * Two steps: `parseCommandLine` (argv → the options as given, keyed by flag) and `resolveOptions`
 * (those, the environment and cwd → RunConfig, every check and message); the API and the Action build
 * the flag-keyed options themselves and go straight to the second.
 */
import { parseArgs } from 'node:util';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { readBaseline, resolveBaseline } from './baseline.js';
import { argvError, UsageError } from './usage-error.js';
import { parseAge } from './age.js';
import { invocation } from './invocation.js';
import { fromRoot, PROJECT_ROOT } from '../project-root.js';
import { CAPABILITY_NAMES, declaredFinding, isCapability, type CapabilityFindings } from '../checks/capabilities.js';

export const TARGETS = ['replay', 'url', 'live'] as const;
export const PROFILES = ['openapi', 'graph'] as const;
export type Target = (typeof TARGETS)[number];
export type Profile = (typeof PROFILES)[number];

export const LIVE_BASE_URL = 'https://graph.microsoft.com/beta';
/** Replay serves recordings under a host that cannot exist, so nothing could leak even without nock. */
export const REPLAY_BASE_URL = 'https://replay.graph-conformance.invalid/beta';
/** Sent to a `url` target when no token is given: mocks and proxies check its presence, not its value. */
export const PLACEHOLDER_TOKEN = 'graph-conformance-placeholder-token';
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Far above any Graph answer (a page is at most 999 items of a few kB), far below what fills the memory. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/** How long in all a run may wait out 429/503 answers before the throttling itself is the verdict. */
export const DEFAULT_THROTTLE_BUDGET_MS = 300_000;
/** Bodies per property: enough to find a missing rule, few enough for a live tenant. */
export const DEFAULT_PROPERTY_RUNS = 25;

export interface RunConfig {
  target: Target;
  baseUrl: string;
  token?: string;
  profile: Profile;
  record: boolean;
  fixturesDir: string;
  reportDir: string;
  seed: number;
  /** Whether the seed was chosen by the user (printed either way). */
  seedGiven: boolean;
  only: string[];
  timeoutMs: number;
  /** A response body past this many bytes is not read further, and judged as too large. */
  maxBodyBytes: number;
  /** Longest total wait for throttling (429/503 Retry-After) over the whole run. */
  throttleBudgetMs: number;
  /** Generated bodies per property check (valid and invalid each). */
  propertyRuns: number;
  /** Longest total wait for eventual consistency per read after a write (four retries, doubling). */
  settleMs: number;
  /** settleMs is the target's default, not a value the user gave: the run may find waiting pointless (stateless-target). */
  settleIsDefault?: boolean;
  /** Requests (and suites) in flight at once; dependent steps of one chain still run in order. */
  concurrency: number;
  /** Check id → why it is known to fail against this target (--baseline FILE, or a shipped baseline's name). */
  baseline: Record<string, string>;
  /** A baseline entry that now passes fails the run. */
  strictBaseline: boolean;
  /** --write-baseline FILE: after the run, a baseline of every failed or blocked check is written here (absolute). */
  writeBaseline?: string;
  /** `i/n`: run the i-th of n slices of the suites (vitest's --shard). */
  shard?: string;
  /** Progress lines for failures only (on by default when CI=true). */
  quiet: boolean;
  /** Names everything the run creates: `conformance-<runId>-…`. */
  runId: string;
  /** Capabilities the user declared (--capabilities): not probed, reported as declared. */
  capabilities?: CapabilityFindings;
  /**
   * --dry-run: nothing is sent to the target. The run goes against an emulator in this process, writing as a
   * live run would, and lists every write it made: what a live run would create, modify and delete.
   */
  dryRun: boolean;
}

export { UsageError };

/**
 * Requests in flight at once, per target: Graph throttles a tenant (and one 429 pauses the whole run), so
 * live stays modest; a mock or proxy on a URL takes more; replay answers from memory.
 */
export const DEFAULT_CONCURRENCY: Record<Target, number> = { live: 4, url: 32, replay: 32 };

/** Every option of the command line; the programmatic API and the Action take the same ones. */
export const OPTIONS = {
  target: { type: 'string' },
  'base-url': { type: 'string' },
  token: { type: 'string' },
  profile: { type: 'string' },
  record: { type: 'boolean' },
  'fixtures-dir': { type: 'string' },
  'report-dir': { type: 'string' },
  seed: { type: 'string' },
  only: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'throttle-budget': { type: 'string' },
  'property-runs': { type: 'string' },
  'settle-ms': { type: 'string' },
  concurrency: { type: 'string' },
  baseline: { type: 'string' },
  'strict-baseline': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'write-baseline': { type: 'string' },
  shard: { type: 'string' },
  capabilities: { type: 'string' },
  quiet: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'older-than': { type: 'string' },
  yes: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type OptionFlag = keyof typeof OPTIONS;
type RawValue<F extends OptionFlag> = (typeof OPTIONS)[F] extends { type: 'boolean' }
  ? boolean
  : (typeof OPTIONS)[F] extends { multiple: true }
    ? string[]
    : string;
/**
 * The options as given, keyed by flag, before any is judged: a value's text, `true` for a switch, every
 * `--only`. The command line parses into it and the API's fields map onto it (OPTION_FLAGS), so one
 * resolver judges both and its messages name the flag either way.
 */
export type RawOptions = { [F in OptionFlag]?: RawValue<F> };
/** `run` (the checks), `sweep` (find and delete what killed runs left) or `diff` (a target against recordings). */
export type Command = 'run' | 'sweep' | 'diff';
export interface CommandLine {
  command: Command;
  options: RawOptions;
}

export interface ParsedCommandLine {
  help: boolean;
  command: Command;
  /** sweep: only groups whose run started longer ago than this. */
  olderThanMs?: number;
  /** sweep: delete, not just list. */
  yes: boolean;
  /** Said before the run starts: a secret given where logs keep it, say. */
  warnings: string[];
  config: RunConfig;
}

/** The command line, parsed and resolved. */
export function resolveRunConfig(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): ParsedCommandLine {
  return resolveOptions(parseCommandLine(argv), env, cwd);
}

/** Parsing only: the command and its options, each as given; nothing is judged but the words themselves. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let values: RawOptions;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: joinDashValues(argv), options: OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    // One line: the unknown option with the one it most likely meant (`did you mean --base-url?`), or where the options are.
    throw argvError(error, argv, OPTIONS, `${invocation()} --help`);
  }
  const command = positionals[0] === 'sweep' ? 'sweep' : positionals[0] === 'diff' ? 'diff' : 'run';
  const extra = positionals.slice(command === 'run' ? 0 : 1);
  if (extra.length > 0)
    throw new UsageError(
      `unexpected argument '${extra[0]}'; the commands are 'sweep', 'diff', 'docs-check', 'contract', 'check-mocks', 'make-mocks' and 'emulate'. Run with --help for the options.`,
    );
  return { command, options: { ...values } };
}

/**
 * Resolving: options as given, over the environment, over the defaults, into the run's configuration —
 * every value judged here, each refusal a UsageError naming the flag and its variable.
 */
export function resolveOptions({ command, options: values }: CommandLine, env: NodeJS.ProcessEnv, cwd: string): ParsedCommandLine {
  if (command === 'run' && (values['older-than'] !== undefined || values.yes !== undefined)) {
    throw new UsageError(`--older-than and --yes belong to the sweep command: ${invocation(env)} sweep --older-than 1h --yes`);
  }
  const olderThanRaw = values['older-than'];
  const olderThanMs = olderThanRaw === undefined ? undefined : parseAge(olderThanRaw);
  if (olderThanRaw !== undefined && olderThanMs === undefined) throw new UsageError(`--older-than: '${olderThanRaw}' is not an age like 45s, 30m, 1h or 2d`);
  const str = (flag: OptionFlag, envName: string): string | undefined => {
    const v = values[flag];
    if (typeof v === 'string') return v;
    const e = env[envName];
    return e === undefined || e === '' ? undefined : e;
  };

  const baseUrlRaw = str('base-url', 'GRAPH_BASE_URL');
  const targetRaw = str('target', 'CONFORMANCE_TARGET') ?? (baseUrlRaw !== undefined ? 'url' : 'replay');
  const target = oneOf(targetRaw, TARGETS, '--target / CONFORMANCE_TARGET');
  const profile = oneOf(str('profile', 'CONFORMANCE_PROFILE') ?? 'graph', PROFILES, '--profile / CONFORMANCE_PROFILE');

  if (target === 'url' && baseUrlRaw === undefined) {
    throw new UsageError('--target url needs --base-url URL (or GRAPH_BASE_URL), e.g. --base-url http://127.0.0.1:4010');
  }
  const baseUrl = target === 'replay' ? REPLAY_BASE_URL : parseBaseUrl(baseUrlRaw ?? LIVE_BASE_URL);

  const record = values.record === true || env.CONFORMANCE_RECORD === '1' || env.CONFORMANCE_RECORD === 'true';
  if (command === 'sweep' && target === 'replay') {
    throw new UsageError('sweep needs a real target: add --base-url URL (or --target live)');
  }
  if (command === 'diff' && target === 'replay') {
    throw new UsageError('diff compares a target with the recordings: add --base-url URL (the mock, or --target live)');
  }
  if (record && target === 'replay') {
    throw new UsageError('--record needs a real target to record from: add --base-url URL (or --target live)');
  }

  const seedRaw = str('seed', 'CONFORMANCE_SEED');
  const seed = seedRaw === undefined ? randomInt(1, 2 ** 31 - 1) : integer(seedRaw, '--seed / CONFORMANCE_SEED', 0);
  const timeoutRaw = str('timeout', 'CONFORMANCE_TIMEOUT_MS');
  const timeoutMs = timeoutRaw === undefined ? DEFAULT_TIMEOUT_MS : integer(timeoutRaw, '--timeout / CONFORMANCE_TIMEOUT_MS', 1);

  const maxBodyRaw = str('max-body-bytes', 'CONFORMANCE_MAX_BODY_BYTES');
  const maxBodyBytes = maxBodyRaw === undefined ? DEFAULT_MAX_BODY_BYTES : integer(maxBodyRaw, '--max-body-bytes / CONFORMANCE_MAX_BODY_BYTES', 1);
  const budgetRaw = str('throttle-budget', 'CONFORMANCE_THROTTLE_BUDGET_MS');
  const throttleBudgetMs = budgetRaw === undefined ? DEFAULT_THROTTLE_BUDGET_MS : integer(budgetRaw, '--throttle-budget / CONFORMANCE_THROTTLE_BUDGET_MS', 0);

  const runsRaw = str('property-runs', 'CONFORMANCE_PROPERTY_RUNS');
  const propertyRuns = runsRaw === undefined ? DEFAULT_PROPERTY_RUNS : integer(runsRaw, '--property-runs / CONFORMANCE_PROPERTY_RUNS', 1);

  const concurrencyRaw = str('concurrency', 'CONFORMANCE_CONCURRENCY');
  const concurrency = concurrencyRaw === undefined ? DEFAULT_CONCURRENCY[target] : integer(concurrencyRaw, '--concurrency / CONFORMANCE_CONCURRENCY', 1);
  const settleRaw = str('settle-ms', 'CONFORMANCE_SETTLE_MS');
  const settleMs =
    settleRaw === undefined ? (target === 'live' ? 15_000 : target === 'url' ? 3_750 : 0) : integer(settleRaw, '--settle-ms / CONFORMANCE_SETTLE_MS', 0);

  const baselineRaw = str('baseline', 'CONFORMANCE_BASELINE');
  const writeBaselineRaw = str('write-baseline', 'CONFORMANCE_WRITE_BASELINE');
  if (writeBaselineRaw !== undefined && command !== 'run') {
    throw new UsageError(`--write-baseline / CONFORMANCE_WRITE_BASELINE belongs to the run (the checks), not to ${command}`);
  }
  const shard = str('shard', 'CONFORMANCE_SHARD');
  if (shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(shard);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
      throw new UsageError(`--shard / CONFORMANCE_SHARD: '${shard}' is not i/n with 1 ≤ i ≤ n, e.g. 2/3`);
  }
  const quiet = values.verbose === true ? false : values.quiet === true || env.CI === 'true' || env.CI === '1';

  const capabilitiesRaw = str('capabilities', 'CONFORMANCE_CAPABILITIES');
  const capabilities =
    capabilitiesRaw === undefined
      ? {}
      : parseCapabilities(capabilitiesRaw, typeof values.capabilities === 'string' ? '--capabilities' : 'CONFORMANCE_CAPABILITIES');

  const onlyFlag = values.only;
  const only = (onlyFlag ?? (env.CONFORMANCE_ONLY ? [env.CONFORMANCE_ONLY] : []))
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter((p) => p !== '');

  // Replay and diff read the recordings the package ships unless told otherwise; an installed package's
  // own folder is not where a user's recordings belong, so recording there needs a folder named.
  const fixturesRaw = str('fixtures-dir', 'CONFORMANCE_FIXTURES_DIR');
  if (record && fixturesRaw === undefined && isInstalledPackage()) {
    throw new UsageError(
      '--record writes recordings: name the folder with --fixtures-dir DIR (or CONFORMANCE_FIXTURES_DIR); the installed package keeps its own',
    );
  }
  const fixturesDir = fixturesRaw === undefined ? fromRoot('fixtures', 'recordings') : path.resolve(cwd, fixturesRaw);

  const token = str('token', 'GRAPH_ACCESS_TOKEN') ?? (target === 'url' ? PLACEHOLDER_TOKEN : undefined);
  const warnings: string[] = [];
  if (typeof values.token === 'string' && (env.CI === 'true' || env.CI === '1')) {
    // npm echoes the command line, so a token given as --token is in every CI log.
    warnings.push('--token puts the token on the command line, which npm and CI logs print; set GRAPH_ACCESS_TOKEN from a secret instead');
  }

  return {
    help: values.help === true,
    command,
    ...(olderThanMs !== undefined && { olderThanMs }),
    yes: values.yes === true,
    warnings,
    config: {
      target,
      baseUrl,
      token,
      profile,
      record,
      fixturesDir,
      reportDir: path.resolve(cwd, str('report-dir', 'CONFORMANCE_REPORT_DIR') ?? 'reports'),
      seed,
      seedGiven: seedRaw !== undefined,
      only,
      timeoutMs,
      maxBodyBytes,
      throttleBudgetMs,
      propertyRuns,
      settleMs,
      settleIsDefault: settleRaw === undefined,
      concurrency,
      baseline: baselineRaw === undefined ? {} : readBaseline(resolveBaseline(baselineRaw, cwd)),
      strictBaseline: values['strict-baseline'] === true || env.CONFORMANCE_STRICT_BASELINE === '1',
      ...(writeBaselineRaw !== undefined && { writeBaseline: path.resolve(cwd, writeBaselineRaw) }),
      ...(shard !== undefined && { shard }),
      quiet,
      runId: newRunId(),
      capabilities,
      dryRun: values['dry-run'] === true,
    },
  };
}

/**
 * `filter-startswith=no,other=yes`: each capability the user declares, so the run believes it instead of
 * probing (a target known to refuse a probe, or a replay of one). Every name and value is judged here.
 */
function parseCapabilities(raw: string, by: string): CapabilityFindings {
  const what = '--capabilities / CONFORMANCE_CAPABILITIES';
  const found: CapabilityFindings = {};
  for (const item of raw.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    const m = /^([^=\s]+)\s*=\s*(yes|no)$/i.exec(item);
    if (!m) throw new UsageError(`${what}: '${item}' is not name=yes or name=no, e.g. filter-startswith=no`);
    const name = m[1]!;
    if (!isCapability(name)) throw new UsageError(`${what}: '${name}' is not a capability; the capabilities are ${CAPABILITY_NAMES.join(', ')}`);
    if (found[name] !== undefined) throw new UsageError(`${what}: ${name} is declared twice`);
    found[name] = declaredFinding(m[2]!.toLowerCase() === 'yes', by);
  }
  return found;
}

/**
 * `--timeout -5` is a value that starts with a dash; node's parser would call it ambiguous. Options
 * that take a value take the next word whatever it starts with, so the value's own check can judge it.
 */
function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    const takesValue = name !== undefined && (OPTIONS as Record<string, { type: string }>)[name]?.type === 'string';
    const next = argv[i + 1];
    if (takesValue && next !== undefined && next.startsWith('-') && !next.startsWith('--')) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${what}: '${value}' is not one of ${allowed.join(', ')}`);
}

function integer(value: string, what: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${what}: '${value}' is not a whole number${min > 0 ? ` ≥ ${min}` : ''}`);
  }
  return Number(value);
}

function parseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `--base-url / GRAPH_BASE_URL: '${raw}' is not an absolute URL; give one like http://127.0.0.1:4010 or https://graph.microsoft.com/beta`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--base-url / GRAPH_BASE_URL: '${raw}' must be http:// or https://`);
  }
  if (url.search || url.hash) {
    throw new UsageError(`--base-url / GRAPH_BASE_URL: '${raw}' must not carry a query or fragment; the spec's paths are appended to it`);
  }
  return url.href.replace(/\/+$/, '');
}

/** Short, sortable by time, unique enough to keep concurrent runs' objects apart. */
export function newRunId(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** This code runs from a package installed under node_modules, not from a clone of the repository. */
export function isInstalledPackage(root = PROJECT_ROOT): boolean {
  return root.split(path.sep).includes('node_modules');
}
