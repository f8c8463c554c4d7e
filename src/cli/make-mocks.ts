/**
 * `graph-conformance make-mocks --dev-proxy FILE`: writes a Dev Proxy mocks file made from the slice
 * (src/mocks/make-dev-proxy.ts), so a user starts from a mock that check-mocks passes rather than writing one.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSlice } from '../openapi/load.js';
import { devProxyMocksFromSlice } from '../mocks/make-dev-proxy.js';
import { printable } from '../report/printable.js';
import { writeFileWhole } from '../report/results.js';
import { UsageError } from '../config/usage-error.js';

export const MAKE_MOCKS_HELP = `Usage: graph-conformance make-mocks --dev-proxy FILE

Writes a Dev Proxy mocks file for the connectorGroups API, made from the contract: one mock per operation,
answering Graph's success status (201 on create, 204 on PATCH and DELETE, text/plain for a $count) with the
contract's own example body. Check it, or your edits of it, with graph-conformance check-mocks FILE.

Options:
  --dev-proxy FILE   where to write the mocks file (its folder is made if needed)
  -h, --help         this text

Exit codes: 0 written, 2 usage error or a file that cannot be written.
`;

/** Runs the command with its arguments (those after `make-mocks`); resolves with the exit code. */
export async function makeMocksCommand(args: readonly string[], cwd = process.cwd()): Promise<number> {
  let values: { 'dev-proxy'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { 'dev-proxy': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  if (values['dev-proxy'] === undefined || values['dev-proxy'] === '') {
    process.stderr.write(`error: make-mocks: name the file to write with --dev-proxy FILE\n\n${MAKE_MOCKS_HELP}`);
    return 2;
  }
  const file = path.resolve(cwd, values['dev-proxy']);
  const mocks = devProxyMocksFromSlice(loadSlice());
  try {
    writeFileWhole(file, `${JSON.stringify(mocks, null, 2)}\n`, (reason) => `make-mocks: cannot write ${file} (${reason})`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${printable(error.message)}\n`);
    return 2;
  }
  process.stdout.write(`make-mocks: ${mocks.mocks.length} Dev Proxy mocks written to ${printable(path.relative(cwd, file) || file)}\n`);
  return 0;
}
