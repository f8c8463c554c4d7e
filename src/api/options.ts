/**
 * The options of `runConformance` and `conformanceSuites`: the command line's run options, one field
 * each, mapped onto the flags they mirror and judged by the command's own resolver, so the API cannot
 * accept what the command refuses or read a value another way.
 */
import { OPTIONS, UsageError, type OptionFlag, type Profile, type RawOptions, type Target } from '../config/run-config.js';

export interface ConformanceOptions {
  /** replay (default), url (needs baseUrl) or live: Microsoft Graph. */
  target?: Target;
  /** Where the slice's paths are appended; alone it implies target url. */
  baseUrl?: string;
  /** Bearer token; a url target gets a placeholder without one, live gets one from @azure/identity. */
  token?: string;
  /** graph (default) also judges Graph's documented behaviour; openapi only what the slice states. */
  profile?: Profile;
  /** With a url or live target: also write scrubbed recordings into fixturesDir. */
  record?: boolean;
  /** Where recordings are read (replay, diff) and written (record); default the package's own. */
  fixturesDir?: string;
  /** Where results.json, junit.xml and report.html go; default `reports` under cwd. */
  reportDir?: string;
  seed?: number;
  /** Check ids by prefix or glob (`create.`, `create.header.*`). */
  only?: string | string[];
  /** Per request, in ms. */
  timeout?: number;
  /** A response body past this many bytes is judged as too large, not read further. */
  maxBodyBytes?: number;
  /** Longest total wait for 429/503 over the run, in ms. */
  throttleBudget?: number;
  propertyRuns?: number;
  settleMs?: number;
  concurrency?: number;
  /**
   * A YAML file of check ids known to fail against this target, with reasons; or the name of a baseline
   * the package ships (`prism`, `mockoon`: the known limits of those mocks in the graph profile).
   */
  baseline?: string;
  strictBaseline?: boolean;
  /** Send nothing to the target: list what a live run would create, modify and delete (`dryRun` in the results). */
  dryRun?: boolean;
  /**
   * After the run, write a baseline of every failed or blocked check here, each check's message as its
   * reason (to be reviewed); the run's `writtenBaseline` names it.
   */
  writeBaseline?: string;
  /** `i/n`. */
  shard?: string;
  /** Capabilities declared instead of probed: `filter-startswith=no` (comma-separated `name=yes|no`). */
  capabilities?: string;
  /** Progress for failures only. */
  quiet?: boolean;
  verbose?: boolean;
  /** Read for the environment variables the command reads (GRAPH_ACCESS_TOKEN, CONFORMANCE_*); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Relative paths are resolved from here; default process.cwd(). */
  cwd?: string;
  /** Each progress line the command would print; nothing is printed by default. */
  onProgress?: (line: string) => void;
}

type Flag = OptionFlag;

/** The command-line option behind each field; `help` and the sweep command's own options are not run options. */
export const OPTION_FLAGS = {
  target: 'target',
  baseUrl: 'base-url',
  token: 'token',
  profile: 'profile',
  record: 'record',
  fixturesDir: 'fixtures-dir',
  reportDir: 'report-dir',
  seed: 'seed',
  only: 'only',
  timeout: 'timeout',
  maxBodyBytes: 'max-body-bytes',
  throttleBudget: 'throttle-budget',
  propertyRuns: 'property-runs',
  settleMs: 'settle-ms',
  concurrency: 'concurrency',
  baseline: 'baseline',
  strictBaseline: 'strict-baseline',
  dryRun: 'dry-run',
  writeBaseline: 'write-baseline',
  shard: 'shard',
  capabilities: 'capabilities',
  quiet: 'quiet',
  verbose: 'verbose',
} as const satisfies Record<string, Flag>;

/**
 * What `options` says, keyed by flag, as the command line would give it to the resolver: a number as its
 * text (so `timeout: -5` is refused with the command's own words), `false` as a switch not given.
 */
export function rawOptionsOf(options: ConformanceOptions): RawOptions {
  const raw: Partial<Record<Flag, string | boolean | string[]>> = {};
  for (const [field, flag] of Object.entries(OPTION_FLAGS) as [keyof typeof OPTION_FLAGS, Flag][]) {
    const value: unknown = options[field];
    if (value === undefined || value === false) continue;
    const spec: { type: string; multiple?: boolean } = OPTIONS[flag];
    if (spec.type === 'boolean') {
      // A caller without the types could pass anything: a switch is true, false or left out.
      if (value !== true) throw new UsageError(`--${flag}: '${String(value)}' is not true or false`);
      raw[flag] = true;
    } else if (spec.multiple) raw[flag] = (Array.isArray(value) ? value : [value]).map(String);
    else raw[flag] = String(value);
  }
  return raw as RawOptions;
}

/** Fails the type check when the command gains a run option that has no field here. */
type Unmirrored = Exclude<Exclude<Flag, 'help' | 'older-than' | 'yes'>, (typeof OPTION_FLAGS)[keyof typeof OPTION_FLAGS]>;
export const EVERY_OPTION_MIRRORED: [Unmirrored] extends [never] ? true : Unmirrored = true;
