// Starts the Graph double on its own: npm run double -- [--port 4010] [--defect NAME]…
import { parseArgs } from 'node:util';
import { DEFECT_DESCRIPTIONS, DEFECTS, isDefect, startDouble, type Defect } from './server.js';

const USAGE = 'usage: npm run double -- [--port 4010] [--host 127.0.0.1] [--page-size N] [--seed-groups N] [--defect NAME]… [--list-defects]';

function defectList(): string {
  return DEFECTS.map((d) => `  ${d.padEnd(38)} ${DEFECT_DESCRIPTIONS[d]}`).join('\n');
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string; 'page-size'?: string; 'seed-groups'?: string; defect?: string[]; 'list-defects'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'page-size': { type: 'string' },
      'seed-groups': { type: 'string' },
      defect: { type: 'string', multiple: true },
      'list-defects': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n\ndefects:\n${defectList()}\n`);
  process.exit(0);
}
if (values['list-defects']) {
  process.stdout.write(`${defectList()}\n`);
  process.exit(0);
}

const port = values.port === undefined ? 4010 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got '${values.port}'\n${USAGE}`);

function count(flag: 'page-size' | 'seed-groups', min: number): number | undefined {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) fail(`--${flag} must be a whole number ≥ ${min}, got '${raw}'\n${USAGE}`);
  return n;
}
const pageSize = count('page-size', 1);
const seedGroups = count('seed-groups', 0);

const requested = values.defect ?? [];
const unknown = requested.filter((d) => !isDefect(d));
if (unknown.length > 0) fail(`unknown defect(s): ${unknown.join(', ')}\nvalid defects:\n${defectList()}`);

let double;
try {
  double = await startDouble({ port, defects: requested as Defect[], pageSize, seedGroups, ...(values.host !== undefined && { host: values.host }) });
} catch (error) {
  fail(`cannot start the Graph double: ${error instanceof Error ? error.message : String(error)}`);
}
const running = double;

// stdout carries the base URL alone so that scripts can read it; everything else goes to stderr.
process.stdout.write(`${running.baseUrl}\n`);
process.stderr.write(`Graph double listening; defects: ${requested.length > 0 ? requested.join(', ') : 'none'}. Ctrl-C stops it.\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
