/**
 * `graph-conformance make-mocks --dev-proxy FILE --mockoon FILE`: writes a Dev Proxy mocks file
 * (src/mocks/make-dev-proxy.ts), a Mockoon environment (src/mocks/make-mockoon.ts), or both, made from the
 * slice, so a user starts from a mock that check-mocks passes rather than writing one.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSlice } from '../openapi/load.js';
import { devProxyMocksFromSlice } from '../mocks/make-dev-proxy.js';
import { printable } from '../report/printable.js';
import { writeFileWhole } from '../report/results.js';
import { UsageError } from '../config/usage-error.js';

export const MAKE_MOCKS_HELP = `Usage: graph-conformance make-mocks [--dev-proxy FILE] [--mockoon FILE]

Writes mocks of the application-proxy API made from the contract: a Dev Proxy mocks file, a Mockoon
environment, or both (at least one). Each answers a request that carries the contract's example ids with
Graph's success status (201 on create, 204 on PATCH and DELETE, text/plain for a $count) and the
contract's own example body, and a request for any other id with 404 and Graph's error envelope. The
Mockoon environment also answers with Graph's request-id (a new GUID each time) and echoes the
client-request-id. Check them, or your edits of them, with graph-conformance check-mocks FILE; run the
suite against Mockoon with mockoon-cli start --data FILE and --base-url http://HOST:PORT/beta.

Options:
  --dev-proxy FILE   where to write the Dev Proxy mocks file (its folder is made if needed)
  --mockoon FILE     where to write the Mockoon 9.9.0 environment (its folder is made if needed)
  -h, --help         this text

Exit codes: 0 written, 2 usage error or a file that cannot be written.
`;

/** Runs the command with its arguments (those after `make-mocks`); resolves with the exit code. */
export async function makeMocksCommand(args: readonly string[], cwd = process.cwd()): Promise<number> {
  let values: { 'dev-proxy'?: string; mockoon?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { 'dev-proxy': { type: 'string' }, mockoon: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`error: make-mocks: ${printable((error as Error).message)}\n\n${MAKE_MOCKS_HELP}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(MAKE_MOCKS_HELP);
    return 0;
  }
  const devProxy = values['dev-proxy'];
  const mockoon = values.mockoon;
  if (devProxy === '' || mockoon === '' || (devProxy === undefined && mockoon === undefined)) {
    process.stderr.write(`error: make-mocks: name the file to write with --dev-proxy FILE, --mockoon FILE or both\n\n${MAKE_MOCKS_HELP}`);
    return 2;
  }
  const doc = loadSlice();
  const written: { file: string; content: unknown; summary: (shown: string) => string }[] = [];
  if (devProxy !== undefined) {
    const mocks = devProxyMocksFromSlice(doc);
    written.push({ file: devProxy, content: mocks, summary: (shown) => `${mocks.mocks.length} Dev Proxy mocks written to ${shown}` });
  }
  if (mockoon !== undefined) {
    // Loaded only when asked for: @mockoon/commons brings its schema library with it.
    const environment = await (await import('../mocks/make-mockoon.js')).mockoonEnvironmentFromSlice(doc);
    written.push({ file: mockoon, content: environment, summary: (shown) => `${environment.routes.length} Mockoon routes written to ${shown}` });
  }
  for (const { file: given, content, summary } of written) {
    const file = path.resolve(cwd, given);
    try {
      writeFileWhole(file, `${JSON.stringify(content, null, 2)}\n`, (reason) => `make-mocks: cannot write ${file} (${reason})`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`error: ${printable(error.message)}\n`);
      return 2;
    }
    process.stdout.write(`make-mocks: ${summary(printable(path.relative(cwd, file) || file))}\n`);
  }
  return 0;
}
