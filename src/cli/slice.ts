/**
 * npm run spec:slice -- [FILE_OR_URL] [--out specs/openapi.yaml] [--decisions specs/decisions.yaml] [--full-parse]
 *
 * Writes the project's contract (specs/openapi.yaml) from Microsoft's published OpenAPI description.
 * Exit 0 on success with a one-line summary; exit 2 with a one-line message naming the problem.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fromRoot, PROJECT_ROOT } from '../project-root.js';
import { DECISIONS_FILE, loadDecisions } from '../spec/decisions.js';
import { readSliceInput } from '../spec/input.js';
import { sliceOpenApi } from '../spec/slice.js';

export const DEFAULT_INPUT = '../shared/upstream/powershell-openApiDocs-beta-Applications.2024-10.yml';
const USAGE = 'usage: npm run spec:slice -- [FILE_OR_URL] [--out specs/openapi.yaml] [--decisions specs/decisions.yaml] [--full-parse]';

async function main(): Promise<void> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      decisions: { type: 'string' },
      'full-parse': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error(`one input expected, got ${positionals.length}; ${USAGE}`);
  // npm runs scripts from the project root; INIT_CWD is where the user typed the command.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  const [given] = positionals;
  const input = await readSliceInput(given ?? DEFAULT_INPUT, given === undefined ? PROJECT_ROOT : userDir);
  const out = values.out === undefined ? fromRoot('specs', 'openapi.yaml') : path.resolve(userDir, values.out);
  const decisions = loadDecisions(values.decisions === undefined ? DECISIONS_FILE : path.resolve(userDir, values.decisions));

  const result = sliceOpenApi(input.bytes, {
    sourceName: input.name,
    decisions: decisions.decisions,
    parser: values['full-parse'] ? 'full' : 'auto',
  });
  for (const notice of result.notices) console.error(`spec:slice: note: ${notice}`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, result.yaml);

  const ms = Math.round(performance.now() - started);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `spec:slice: ${result.paths} paths, ${result.components} components (${result.schemas} schemas), ` +
      `${result.applied.length} decisions applied, from ${input.name} (${mb(input.bytes.length)}, ${result.mode}) → ` +
      `${path.relative(process.cwd(), out) || out} (${Buffer.byteLength(result.yaml)} bytes) in ${ms} ms, peak RSS ${rssMb} MB`,
  );
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`spec:slice: ${message.split('\n')[0]}`);
  process.exitCode = 2;
});
