/**
 * `graph-conformance contract [--path]`: the slice the checks judge against (specs/openapi.yaml), for
 * starting a mock on it in a user's project: its bytes, exactly, on stdout, or with --path the absolute
 * path of the installed file, so that `prism mock "$(npx graph-conformance contract --path)"` works.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SLICE_FILE } from '../openapi/load.js';
import { printable } from '../report/printable.js';

export const CONTRACT_HELP = `Usage: graph-conformance contract [--path]

Writes the contract the checks judge against — specs/openapi.yaml, the OpenAPI 3.0 slice of the
application-proxy API with the project's decisions applied — to stdout, byte for byte; with --path,
prints the absolute path of the installed file instead, for starting a mock server on it:

  npx @stoplight/prism-cli@5.14.2 mock "$(npx graph-conformance contract --path)"
  npx graph-conformance contract > openapi.yaml

Options:
  --path        print the file's absolute path (one line), not its contents
  -h, --help    this text

Exit codes: 0 written, 2 usage error.
`;

/** Runs the command with its arguments (those after `contract`); resolves with the exit code. */
export async function contractCommand(args: readonly string[]): Promise<number> {
  let values: { path?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { path: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`error: contract: ${printable((error as Error).message)}\n\n${CONTRACT_HELP}`);
    return 2;
  }
  if (values.help === true) return write(process.stdout, CONTRACT_HELP);
  if (values.path === true) return write(process.stdout, `${SLICE_FILE}\n`);
  return write(process.stdout, readFileSync(SLICE_FILE));
}

/** Resolves once the stream has taken the bytes (or its reader went away), so exiting loses nothing. */
function write(stream: NodeJS.WriteStream, data: string | Uint8Array): Promise<number> {
  return new Promise((resolve) => stream.write(data, () => resolve(0)));
}
