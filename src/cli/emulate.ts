/**
 * `graph-conformance emulate` (in a clone, `npm run double -- …`): the emulator (src/emulator) on a port of
 * this machine until SIGINT or SIGTERM — an in-memory Graph for the application-proxy slice, seeded with a
 * default tenant or a seed file, optionally with defects (a known-bad target) or variants (a correct server
 * that makes another choice Graph allows). stdout carries its base URL alone, for scripts; everything
 * else goes to stderr. Exit 0 once stopped by a signal (or a list printed), 2 on a usage error, a seed file
 * it cannot use, or a port it cannot listen on (docs/contract.md).
 */
import { parseArgs } from 'node:util';
import { argvError, UsageError } from '../config/usage-error.js';
import { invocation } from '../config/invocation.js';
import { printable } from '../report/printable.js';
import {
  DEFAULT_SEED,
  DEFECT_DESCRIPTIONS,
  DEFECTS,
  isDefect,
  LOOPBACK_HOSTS,
  readSeedFile,
  SeedError,
  startEmulator,
  tenantWords,
  VARIANTS,
  type Defect,
  type EmulatorOptions,
  type RunningEmulator,
  type SeedData,
} from '../emulator/index.js';

export const EMULATE_USAGE =
  'graph-conformance emulate [--port 4010] [--host 127.0.0.1] [--seed FILE] [--latency MS] [--page-size N] [--defect NAME]… [--variant NAME]…';

export const EMULATE_HELP = `Usage: ${EMULATE_USAGE}
       graph-conformance emulate --list-defects | --list-variants

Serves an in-memory Microsoft Graph for the application-proxy slice on this machine: every operation of the
contract with Graph's statuses, headers, errors, query options and paging, remembering what clients write
until it stops. It starts with a default tenant (${tenantWords(DEFAULT_SEED)})
unless --seed gives another. Requests need an Authorization: Bearer header (any token). It prints its base
URL alone on stdout; Ctrl-C (SIGINT) or SIGTERM stops it.

  npx graph-conformance emulate --port 4010 &
  npx graph-conformance --base-url http://127.0.0.1:4010 --target url

Options:
  --port N          port to listen on; default 4010, 0 picks a free one
  --host HOST       127.0.0.1 (default), ::1 or localhost: it never listens beyond this machine
  --seed FILE       the tenant it starts with instead of the default: JSON or YAML, each collection's
                    path (from the base URL) to a list of entities with an id, e.g.
                      onPremisesPublishingProfiles: [{ id: applicationProxy }]
                      onPremisesPublishingProfiles/applicationProxy/connectorGroups:
                        - { id: g1, name: Mine, connectorGroupType: applicationProxy, isDefault: true, region: eur }
  --latency MS      every reply waits MS milliseconds before it is sent
  --page-size N     items per page of a list when the client sends no $top (default 100)
  --defect NAME     one of Graph's behaviours broken on purpose, a target the checks must fail;
                    repeatable (--list-defects names them)
  --variant NAME    a correct server that makes another choice Graph allows (gzip, ETags, tiny pages,
                    throttling, …); repeatable (--list-variants names them). --seed, --page-size and
                    --latency override what a variant sets
  --list-defects    print the defects, one a line with what each breaks, and exit
  --list-variants   print the variants, one a line with what each does differently, and exit
  -h, --help        this text

Exit codes: 0 stopped by SIGINT or SIGTERM (or a list printed), 2 usage error, a seed file that cannot be
used, or a port it cannot listen on.
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  latency: { type: 'string' },
  'page-size': { type: 'string' },
  defect: { type: 'string', multiple: true },
  variant: { type: 'string', multiple: true },
  'list-defects': { type: 'boolean' },
  'list-variants': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How this command was started, for the hint after an error. */
function started(): string {
  return process.env.npm_lifecycle_event === 'double' ? 'npm run double --' : `${invocation()} emulate`;
}

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}\n`).join('');
}

const defectTable = () => table(DEFECTS.map((d) => [d, DEFECT_DESCRIPTIONS[d]] as const));
const variantTable = () => table(VARIANTS.map((v) => [v.name, v.behaviour] as const));

/** A whole number from `min` to `max`, or a UsageError naming the option and what it takes. */
function whole(option: string, raw: string | undefined, min: number, max: number, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${option} takes a whole number from ${min} to ${max}, got '${printable(raw)}'`);
  }
  return n;
}

/**
 * The variants' options, merged in the order given. Two variants that set the same option (or the same
 * fault) contradict each other: refused, naming both, rather than one silently winning.
 */
function variantOptions(names: readonly string[]): EmulatorOptions {
  const merged: Record<string, unknown> = {};
  const faults: Record<string, unknown> = {};
  const setBy = new Map<string, string>();
  const claim = (key: string, name: string) => {
    const earlier = setBy.get(key);
    if (earlier !== undefined && earlier !== name) {
      throw new UsageError(`--variant ${earlier} and --variant ${name} both set ${key}; pass one of them`);
    }
    setBy.set(key, name);
  };
  for (const name of names) {
    const variant = VARIANTS.find((v) => v.name === name);
    if (!variant) {
      throw new UsageError(
        `unknown variant '${printable(name)}'; the variants are ${VARIANTS.map((v) => v.name).join(', ')} (--list-variants says what each does)`,
      );
    }
    for (const [key, value] of Object.entries(variant.options)) {
      if (key === 'faults') {
        for (const [fault, setting] of Object.entries(value as Record<string, unknown>)) {
          claim(`faults.${fault}`, name);
          faults[fault] = setting;
        }
      } else {
        claim(key, name);
        merged[key] = value;
      }
    }
  }
  if (Object.keys(faults).length > 0) merged.faults = faults;
  return merged as EmulatorOptions;
}

/** Runs the command with its arguments (those after `emulate`); resolves with the exit code once it has stopped. */
export async function emulateCommand(argv: string[]): Promise<number> {
  try {
    return await emulate(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: emulate: ${error.message}\n`);
    return 2;
  }
}

async function emulate(argv: readonly string[]): Promise<number> {
  let values: {
    port?: string;
    host?: string;
    seed?: string;
    latency?: string;
    'page-size'?: string;
    defect?: string[];
    variant?: string[];
    'list-defects'?: boolean;
    'list-variants'?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    throw argvError(error, argv, OPTIONS, `${started()} --help`);
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${printable(positionals[0]!)}': emulate takes options only (a seed file is --seed FILE); ${started()} --help lists them`,
    );
  }
  if (values.help) {
    process.stdout.write(EMULATE_HELP);
    return 0;
  }
  if (values['list-defects'] || values['list-variants']) {
    if (values['list-defects']) process.stdout.write(defectTable());
    if (values['list-variants']) process.stdout.write(variantTable());
    return 0;
  }

  const port = whole('port', values.port, 0, 65535, 4010)!;
  const host = values.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new UsageError(`--host ${printable(host)}: the emulator listens on this machine only; give 127.0.0.1 (the default), ::1 or localhost`);
  }
  const latency = whole('latency', values.latency, 0, 600_000);
  const pageSize = whole('page-size', values['page-size'], 1, 1_000_000);
  const defects = values.defect ?? [];
  const unknown = defects.filter((d) => !isDefect(d));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown defect${unknown.length > 1 ? 's' : ''} ${unknown.map((d) => `'${printable(d)}'`).join(', ')}; the defects are listed below (--list-defects)\n${defectTable()}`,
    );
  }
  const variants = values.variant ?? [];
  const fromVariants = variantOptions(variants);

  let seed: SeedData | undefined;
  let seedWords: string;
  if (values.seed !== undefined) {
    try {
      seed = readSeedFile(values.seed);
    } catch (error) {
      if (error instanceof SeedError) throw new UsageError(printable(error.message));
      throw error;
    }
    seedWords = `${printable(values.seed)} (${tenantWords(seed)})`;
  } else if (fromVariants.seed) {
    seedWords = `the variant's tenant (${tenantWords(fromVariants.seed)})`;
  } else {
    seedWords = `the default tenant (${tenantWords(DEFAULT_SEED)})`;
  }

  const options: EmulatorOptions = {
    ...fromVariants,
    port,
    host,
    defects: defects as Defect[],
    ...(seed !== undefined && { seed }),
    ...(pageSize !== undefined && { pageSize }),
    ...(latency !== undefined && { faults: { ...fromVariants.faults, delayMs: latency } }),
    // A long-running emulator keeps no log of what it served: its memory stays flat.
    recordRequests: false,
  };

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    throw new UsageError(cannotStart(error, port, values.seed));
  }

  // The signals are taken before the base URL is printed: whoever reads it may send one at once, and a
  // signal that arrives before its listener ends the process by default, not with exit 0.
  const stopped = new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void emulator.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

  // stdout carries the base URL alone so that scripts can read it; everything else goes to stderr.
  process.stdout.write(`${emulator.baseUrl}\n`);
  const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'none');
  process.stderr.write(
    `graph-conformance emulate: serving the application-proxy slice at ${emulator.baseUrl}; seed: ${seedWords}; defects: ${list(defects)}; variants: ${list(variants)}. Ctrl-C stops it.\n`,
  );
  return stopped;
}

/** Why the emulator could not start, in one line that says what to do. */
function cannotStart(error: unknown, port: number, seedFile: string | undefined): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = printable(error instanceof Error ? error.message : String(error));
  if (code === 'EADDRINUSE') return `port ${port} is in use; pass --port 0 for a free one or another port`;
  if (code === 'EACCES') return `port ${port} needs privileges this process lacks; pass --port 0 for a free one or a port above 1023`;
  if (code === 'EADDRNOTAVAIL') return `cannot listen on that address (${message}); give --host 127.0.0.1`;
  // The seed's entities are checked against the slice as they are loaded.
  if (seedFile !== undefined && /^seed /.test(message)) return `--seed ${printable(seedFile)}: ${message}`;
  return `the emulator could not start: ${message}`;
}
