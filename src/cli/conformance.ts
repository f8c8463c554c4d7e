/**
 * `graph-conformance [command] [options]` (in a clone, `npm run conformance -- …`): resolves the options,
 * runs the conformance checks through `conformanceRun` (src/api/run-conformance.ts, what runConformance
 * runs) with its lines on stdout and stderr, prints the closing summary, and exits 0/1/2/130
 * (docs/contract.md). Commands: run (default), sweep, diff, docs-check, contract (src/cli/contract.ts),
 * check-mocks, make-mocks, emulate (src/cli/emulate.ts: the emulator until a signal stops it).
 */
import { resolveRunConfig, UsageError, type RunConfig } from '../config/run-config.js';
import { preflight } from '../run/preflight.js';
import { HELP } from './help.js';
import { guardOutput, printable } from '../report/printable.js';
import { conformanceRun, PRINTING_HOST } from '../api/run-conformance.js';
import { diffRun } from '../api/diff-run.js';
import { printRunSummary } from '../report/run-summary.js';

/** How a write fails once nobody reads the output any more. */
const READER_GONE = new Set(['EPIPE', 'EIO', 'ERR_STREAM_DESTROYED']);

async function main(): Promise<number> {
  // A reader that goes away (`… | head`, a closed CI log pipe) must not end the run before its clean-up:
  // what it still prints is lost, what it created is deleted all the same.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (!READER_GONE.has(error.code ?? '')) throw error;
    });
  // The package's own slice, byte for byte: written before the guard below, which is for what a target
  // or a file wrote, so that nothing in it is ever rewritten.
  if (process.argv[2] === 'contract') {
    const { contractCommand } = await import('./contract.js');
    return contractCommand(process.argv.slice(3));
  }
  // Before anything else is printed: whatever a target or a file put in a line, the terminal and a CI
  // log get it escaped (printable.ts).
  guardOutput();
  if (process.argv[2] === 'docs-check') {
    const { docsCheck } = await import('../docs-check/docs-check-command.js');
    return docsCheck(process.argv.slice(3));
  }
  if (process.argv[2] === 'check-mocks') return (await import('./check-mocks.js')).checkMocksCommand(process.argv.slice(3));
  if (process.argv[2] === 'make-mocks') return (await import('./make-mocks.js')).makeMocksCommand(process.argv.slice(3));
  if (process.argv[2] === 'emulate') return (await import('./emulate.js')).emulateCommand(process.argv.slice(3));
  const { help, command, olderThanMs, yes, warnings, config } = resolveRunConfig(process.argv.slice(2), process.env, process.cwd());
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  if (help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === 'sweep') {
    await preflight(config);
    return sweep(config, olderThanMs, yes);
  }
  if (command === 'diff') return (await diffRun(config, PRINTING_HOST)).exitCode;
  const run = await conformanceRun(config, PRINTING_HOST);
  // Interrupted: the clean-up has said what it deleted and where the partial reports are.
  if (run.exitCode === 130) return 130;
  // A dry run has said what a live run would write; its own checks are not the target's.
  if (run.dryRun) return 0;
  printRunSummary(
    run,
    config,
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
  return run.exitCode;
}

/**
 * Lists, and with --yes deletes, the `conformance-` groups killed runs left on the target. Exit 0 when
 * the listing was read to its end and every group found was deleted (or, dry, listed); 1 when one could
 * not be deleted or the listing stopped at its page limit (stderr says so); 2 when it could not be read.
 */
async function sweep(config: RunConfig, olderThanMs: number | undefined, yes: boolean): Promise<number> {
  const { listGroups, deleteGroups, pageLimitNote } = await import('../hygiene/sweep.js');
  const now = Date.now();
  let listing: Awaited<ReturnType<typeof listGroups>>;
  try {
    listing = await listGroups(config);
  } catch (error) {
    // The target's answer, not a fault of the command: its message, escaped, without a stack trace.
    process.stderr.write(`error: sweep could not list the connectorGroups: ${printable((error as Error).message)}\n`);
    return 2;
  }
  // A group whose name carries no run time cannot be shown to be old: only an age-less sweep takes it.
  const stale = listing.groups.filter((g) => olderThanMs === undefined || (g.createdAt !== undefined && now - g.createdAt.getTime() > olderThanMs));
  for (const g of stale)
    process.stdout.write(`${printable(g.name)}  ${printable(g.id)}  ${g.createdAt ? `run started ${g.createdAt.toISOString()}` : 'run time unknown'}\n`);
  const scope = olderThanMs === undefined ? '' : ` older than ${Math.round(olderThanMs / 60_000)} min`;
  const atLeast = listing.more ? 'at least ' : '';
  if (listing.more) process.stderr.write(`${pageLimitNote(listing)}\n`);
  if (!yes) {
    process.stdout.write(
      `${atLeast}${stale.length} conformance group${stale.length === 1 ? '' : 's'}${scope} on ${config.baseUrl}; dry run, add --yes to delete them\n`,
    );
    return listing.more ? 1 : 0;
  }
  const refused = await deleteGroups(config, stale);
  for (const { group, status } of refused) process.stderr.write(`could not delete ${printable(group.name)} (${printable(group.id)}): ${status}\n`);
  process.stdout.write(`deleted ${stale.length - refused.length} of ${atLeast}${stale.length} conformance group${stale.length === 1 ? '' : 's'}${scope}\n`);
  return refused.length > 0 || listing.more ? 1 : 0;
}

main().then(
  // Once what was written has left the process: a reader slower than the run (a busy CI runner, a pipe
  // read late) still gets every line, the summary last.
  (code) => {
    process.exitCode = code;
    process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`error: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(2);
  },
);
