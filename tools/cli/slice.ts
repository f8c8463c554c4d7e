/**
 * npm run spec:slice -- [FILE_OR_URL] [--out specs/openapi.yaml] [--decisions specs/decisions.yaml] [--full-parse]
 * npm run spec:slice -- --from microsoft|URL|FILE [FILE_OR_URL] [--fail-on-drift]
 *
 * Writes the project's contract (specs/openapi.yaml) from Microsoft's published OpenAPI description, by
 * default the copy vendored in specs/upstream/. With --from it writes nothing and reports what changed in
 * the selected family (specs/selection.yaml) between that copy and another revision (tools/openapi/drift.ts).
 * Exit codes in HELP below.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { fromRoot, PROJECT_ROOT } from '../../src/project-root.js';
import { DECISIONS_FILE, loadDecisions, type DecisionSet } from '../../src/openapi/decisions.js';
import { computeDrift, familyOf, formatDrift } from '../openapi/drift.js';
import { FetchError, isUrl, readSliceInput, type SliceInput } from '../openapi/input.js';
import { sliceOpenApi } from '../openapi/slice.js';
import { isObject, type JsonObject } from '../openapi/source.js';

/** The vendored 2024-10 Applications module, relative to the project root (never to the working directory). */
export const DEFAULT_INPUT = 'specs/upstream/powershell-openApiDocs-beta-Applications.2024-10.yml';
/** The newest Applications module (beta) on Microsoft's public repository, for `--from microsoft`. */
export const MICROSOFT_MODULE_URL = 'https://raw.githubusercontent.com/microsoftgraph/msgraph-sdk-powershell/dev/openApiDocs/beta/Applications.yml';
/** Overrides MICROSOFT_MODULE_URL (a mirror, a proxy, a local server in tests). */
export const UPSTREAM_URL_ENV = 'GRAPH_CONFORMANCE_UPSTREAM_URL';

const USAGE =
  'usage: npm run spec:slice -- [FILE_OR_URL] [--out FILE] [--decisions FILE] [--full-parse] | --from microsoft|URL|FILE [FILE_OR_URL] [--fail-on-drift]';
const HELP = `Usage: npm run spec:slice -- [FILE_OR_URL] [--out FILE] [--decisions FILE] [--full-parse]
       npm run spec:slice -- --from microsoft|URL|FILE [FILE_OR_URL] [--decisions FILE] [--fail-on-drift]

Cuts the contract, specs/openapi.yaml (the operations specs/selection.yaml selects), out of Microsoft's published OpenAPI description
and applies specs/decisions.yaml. Without FILE_OR_URL it reads the copy vendored in the repository,
${DEFAULT_INPUT}.

With --from it writes nothing. It reads another revision of the description and prints the drift: what
changed in the selected family (specs/selection.yaml) from FILE_OR_URL (default: the vendored copy) to that revision
(operations, status codes, bodies, parameters, schemas, properties, enum members, nullability,
renamed-looking pairs), whether the project's decisions still apply to it, and how to take it.
  --from microsoft  the newest Applications module on Microsoft's public repository:
                      ${MICROSOFT_MODULE_URL}
                    or the URL in ${UPSTREAM_URL_ENV} when that is set
  --from URL|FILE   any other revision

Options:
  --out FILE         where the slice is written; default specs/openapi.yaml
  --decisions FILE   default specs/decisions.yaml
  --full-parse       parse the whole YAML instead of reading it through the line index
  --from SOURCE      report drift against SOURCE instead of slicing (see above)
  --fail-on-drift    with --from: exit 1 when the selected family (specs/selection.yaml) changed
  -h, --help         this text

Exit codes: 0 the slice was written, or the drift report was printed (whatever it reports); 1 with
--fail-on-drift, the family changed; 2 bad options, or an input that cannot be read, fetched or sliced
(nothing is written; the vendored copy and specs/openapi.yaml stay as they were).
`;

class CliError extends Error {}

async function main(): Promise<void> {
  const started = performance.now();
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      decisions: { type: 'string' },
      'full-parse': { type: 'boolean', default: false },
      from: { type: 'string' },
      'fail-on-drift': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (positionals.length > 1) throw new CliError(`one input expected, got ${positionals.length}; ${USAGE}`);
  if (values.from === undefined && values['fail-on-drift']) throw new CliError(`--fail-on-drift needs --from; ${USAGE}`);
  if (values.from !== undefined && values.out !== undefined) throw new CliError('--out does not go with --from: the drift report writes nothing');
  // npm runs scripts from the project root; INIT_CWD is where the user typed the command.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  const [given] = positionals;
  const input = await readSliceInput(given ?? DEFAULT_INPUT, given === undefined ? PROJECT_ROOT : userDir);
  const decisions = loadDecisions(values.decisions === undefined ? DECISIONS_FILE : path.resolve(userDir, values.decisions));

  if (values.from !== undefined) {
    const drifted = await reportDrift(input, given ?? `${DEFAULT_INPUT} (vendored)`, values.from, userDir, decisions);
    if (drifted && values['fail-on-drift']) process.exitCode = 1;
    return;
  }

  const out = values.out === undefined ? fromRoot('specs', 'openapi.yaml') : path.resolve(userDir, values.out);
  const options = { sourceName: input.name, decisions: decisions.decisions, parser: values['full-parse'] ? ('full' as const) : ('auto' as const) };
  let result = sliceOpenApi(input.bytes, options);
  // The same slice cut again keeps its date: a new date alone would change its sha256 and make every
  // recording look as if it had been made against another contract.
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
  const previousDate = previous === undefined ? undefined : /slicedAt: '(\d{4}-\d{2}-\d{2})'/.exec(previous)?.[1];
  if (previousDate !== undefined) {
    const redated = sliceOpenApi(input.bytes, { ...options, slicedAt: previousDate });
    if (redated.yaml === previous) result = redated;
  }
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

/** Prints the drift report on stdout; true when the family changed. */
async function reportDrift(before: SliceInput, beforeLabel: string, from: string, userDir: string, decisions: DecisionSet): Promise<boolean> {
  const override = process.env[UPSTREAM_URL_ENV];
  const source = from === 'microsoft' ? override || MICROSOFT_MODULE_URL : from;
  if (from === 'microsoft' && override) console.error(`spec:slice: ${UPSTREAM_URL_ENV} is set: reading ${source} instead of Microsoft's repository`);
  const unchanged = `Nothing was changed: the vendored copy (${DEFAULT_INPUT}) and specs/openapi.yaml are as they were.`;
  const started = performance.now();
  let after: SliceInput;
  try {
    after = await readSliceInput(source, userDir);
  } catch (error) {
    if (error instanceof FetchError) throw new CliError(`could not fetch the Applications module from ${error.url}: ${error.reason}. ${unchanged}`);
    throw new CliError(`could not read the Applications module: ${(error as Error).message}. ${unchanged}`);
  }
  const afterSha = sha256(after.bytes);
  if (isUrl(source))
    console.error(`spec:slice: fetched ${after.name} (${mb(after.bytes.length)}, sha256 ${afterSha}) in ${Math.round(performance.now() - started)} ms`);

  const beforeFamily = familyOf(before.bytes, before.name);
  const afterFamily = familyOf(after.bytes, after.name);
  const changes = computeDrift(beforeFamily, afterFamily);
  const afterLabel = isUrl(source) ? after.name : source;
  const lines = [formatDrift(changes, { before: beforeLabel, after: afterLabel }, beforeFamily, afterFamily).trimEnd()];
  if (sha256(before.bytes) === afterSha) lines.push('(The two files are byte for byte the same.)');
  const verdict = await sliceVerdict(after, decisions);
  lines.push('', verdict.text);
  if (changes.length > 0) lines.push('', ...howToTake(source, afterSha, verdict.sameSlice));
  console.log(lines.join('\n'));
  return changes.length > 0;
}

/** Whether the project's decisions still apply to the other revision, and whether the contract would change. */
async function sliceVerdict(after: SliceInput, decisions: DecisionSet): Promise<{ text: string; sameSlice: boolean }> {
  let document: JsonObject;
  try {
    document = sliceOpenApi(after.bytes, { sourceName: after.name, decisions: decisions.decisions }).document;
  } catch (error) {
    const why = (error as Error).message.split('\n')[0] ?? '';
    return {
      text: `Slicing it would fail: ${why}${why.includes('decisions.yaml') ? '.' : '. Revisit specs/decisions.yaml before taking it.'}`,
      sameSlice: false,
    };
  }
  const committed = parse(await readFile(fromRoot('specs', 'openapi.yaml'), 'utf8')) as unknown;
  const same = JSON.stringify(withoutProvenance(document)) === JSON.stringify(withoutProvenance(committed));
  const text = same
    ? 'Slicing it: every decision still applies, and the slice would be the same as specs/openapi.yaml (info.x-slice aside).'
    : 'Slicing it: every decision still applies, but the slice would differ from specs/openapi.yaml.';
  return { text, sameSlice: same };
}

function howToTake(source: string, sha: string, sameSlice: boolean): string[] {
  const target = 'specs/upstream/powershell-openApiDocs-beta-Applications.YYYY-MM.yml';
  return [
    sameSlice ? 'Nothing was written. The contract would stay as it is; to vendor this revision anyway:' : 'Nothing was written. To take this revision:',
    `  1. put it beside the vendored copy, dated: ${isUrl(source) ? `curl -fsSL ${source} -o ${target}` : `cp ${source} ${target}`}`,
    `     (sha256 ${sha}; never overwrite a copy in specs/upstream/)`,
    '  2. add its row to specs/upstream/README.md: repository, path, commit, sha256',
    '  3. point DEFAULT_INPUT in tools/cli/slice.ts (and MODULE_2024_10 in test/slice.test.ts) at it',
    '  4. npm run spec:slice && npm run generate, then review the diff of specs/openapi.yaml and specs/decisions.yaml',
    '  5. re-record fixtures/recordings/ if the slice changed (their meta.sliceSha256 names the slice they were made against)',
  ];
}

function withoutProvenance(doc: unknown): unknown {
  if (!isObject(doc)) return doc;
  const copy = structuredClone(doc) as JsonObject;
  if (isObject(copy.info)) delete copy.info['x-slice'];
  return copy;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`spec:slice: ${message.split('\n')[0]}`);
  process.exitCode = 2;
});
