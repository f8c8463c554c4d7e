/**
 * The docs-check command (`graph-conformance docs-check [--json] FILE.md…`, or `npm run docs-check --`).
 *
 * Validates the annotated request/response examples of Microsoft Graph reference pages against the slice
 * (specs/openapi.yaml). Prints each block as conforming, skipped (with why) or its violations (file:line,
 * JSON pointer, why), then `N blocks: C conforming, V with violations, S skipped`. With --json, stdout is
 * the array of block results and the summary goes to stderr.
 *
 * Exit 0 every block conforms (skips allowed), 1 any violation, 2 no file given, a file unreadable
 * (missing, a directory, not UTF-8 text) or a bad option. Unreadable files are reported and the others
 * still checked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPage, type BlockResult } from './check-page.js';
import { formatPage, summarize, summaryLine } from './format.js';
import { loadSlice } from '../openapi/load.js';
import type { OpenApiDocument } from '../openapi/operations.js';

const USAGE = 'usage: graph-conformance docs-check [--json] FILE.md…';

const HELP = `${USAGE}

Checks the annotated examples of Microsoft Graph reference pages (<!-- { "blockType": "request" | "response", … } -->
before a fenced http block) against the slice, specs/openapi.yaml.

  --json      print the block results as a JSON array on stdout (summary on stderr)
  -h, --help  this text

Exit codes: 0 all blocks conform (skipped blocks allowed), 1 a block has a violation,
2 no file given, a file cannot be read as UTF-8 text, or a bad option.
`;

class UsageError extends Error {}

/** Exit code of the docs-check command (0, 1 or 2); its usage errors are said on stderr here. */
export function docsCheck(argv: string[]): number {
  try {
    return main(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`docs-check: ${error.message}\n`);
    return 2;
  }
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`no file given; ${USAGE}`);

  let doc: OpenApiDocument;
  try {
    doc = loadSlice();
  } catch (error) {
    throw new UsageError(`cannot load the slice specs/openapi.yaml: ${(error as Error).message.split('\n')[0]}`);
  }

  // npm runs this package's scripts from its root; INIT_CWD is where the user typed the command. Run any
  // other way (the installed command, npx), the working directory is the user's own.
  const asScript = process.env.npm_lifecycle_event === 'docs-check' || process.env.npm_lifecycle_event === 'conformance';
  const userDir = (asScript && process.env.INIT_CWD) || process.cwd();
  const all: BlockResult[] = [];
  let unreadable = 0;
  for (const file of positionals) {
    const text = readPage(path.resolve(userDir, file));
    if (!text.ok) {
      unreadable++;
      process.stderr.write(`docs-check: cannot read ${file}: ${text.why}\n`);
      continue;
    }
    let results: BlockResult[];
    try {
      results = checkPage(text.text, file, doc);
    } catch (error) {
      // A bug in the checker, not a property of the page: say so, and do not pass it off as a violation.
      unreadable++;
      process.stderr.write(`docs-check: internal error while checking ${file}: ${(error as Error).stack ?? String(error)}\n`);
      continue;
    }
    all.push(...results);
    if (!values.json) process.stdout.write(`${formatPage(file, results)}\n\n`);
  }

  const summary = summarize(all);
  const line = `${summaryLine(summary)}${unreadable > 0 ? `; ${unreadable} file${unreadable === 1 ? '' : 's'} not checked` : ''}`;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    process.stderr.write(`${line}\n`);
  } else {
    process.stdout.write(`${line}\n`);
  }
  if (unreadable > 0) return 2;
  return summary.violations > 0 ? 1 : 0;
}

/** The page as text, or why it cannot be read: missing, a directory, binary or not UTF-8. */
export function readPage(file: string): { ok: true; text: string } | { ok: false; why: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory (pass the .md files in it)'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    return { ok: false, why };
  }
  if (bytes.includes(0)) return { ok: false, why: 'not text (it contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, why: 'not UTF-8 text' };
  }
}
