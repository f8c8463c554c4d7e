/**
 * `graph-conformance check-mocks FILE [--profile openapi|graph] [--report-dir DIR] [--baseline FILE|NAME]
 * [--quiet]`: judges a Dev Proxy mocks file or a Mockoon environment statically — what the tool would serve
 * for each mock (src/mocks/dev-proxy.ts, src/mocks/mockoon.ts, as entries: src/mocks/entry.ts) — with the
 * derived checks of the operations each mock addresses (src/checks/derived.ts: the same status, media type
 * and schema judgements as a run), and writes results.json, junit.xml and report.html as a run does. Exit 0
 * every judged check passed (or none was judged), 1 a check failed, 2 a file that cannot be read, is not a
 * mocks file, or a bad option.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Profile } from '../config/run-config.js';
import { readBaseline, resolveBaseline, type Baseline } from '../config/baseline.js';
import { UsageError } from '../config/usage-error.js';
import type { Exchange } from '../client/exchange.js';
import { derivedChecks, type DerivedSubject } from '../checks/derived.js';
import { checkClientRequestIdEcho, checkRequestId } from '../checks/http.js';
import { failed, GRAPH, skipped, type Check } from '../checks/check.js';
import { judgedOutcome } from '../engine/run-suite.js';
import { loadSlice } from '../openapi/load.js';
import { operationTable } from '../openapi/operation-table.js';
import { validatorFor } from '../openapi/validator.js';
import { sliceSha256 } from '../openapi/hash.js';
import { decisionSummaries } from '../openapi/decision-summaries.js';
import { coverageLine, coverageOf, notExercised, type OperationHit } from '../report/coverage.js';
import { summarise, type CheckResult, type RunResults } from '../report/results.js';
import { writeReports } from '../report/reporter.js';
import { progressLine } from '../report/progress-reporter.js';
import { printable } from '../report/printable.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { devProxySource } from '../mocks/dev-proxy.js';
import { isMockoonEnvironment, mockoonSource } from '../mocks/mockoon.js';
import { MocksFileError, SENT_CLIENT_REQUEST_ID, type MocksSource, type MockTool } from '../mocks/entry.js';

export { DEV_PROXY_CLIENT_REQUEST_ID } from '../mocks/dev-proxy.js';

export const CHECK_MOCKS_HELP = `Usage: graph-conformance check-mocks FILE [--profile openapi|graph] [--report-dir DIR]
                                  [--baseline FILE|NAME] [--quiet]

Checks a mocks file statically, without running the tool: a Dev Proxy mocks file (MockResponsePlugin)
or a Mockoon environment (Mockoon 9.9.0), told apart by content. For each mock that addresses an
operation of the slice (a Graph beta URL, * wildcards allowed; a Mockoon route as Mockoon routes it),
what the tool would serve is judged as a run judges an answer: Dev Proxy's status (200 when the mock
sets none), Content-Type (application/json unless set) and body (an @file relative to the mocks file);
every response of a Mockoon route, its rules named, with Mockoon's headers and Express's defaults (a
body Mockoon renders from a template is not judged). Mocks of other APIs are listed as outside the
slice. Writes results.json, junit.xml and report.html.

Options:
  --profile openapi|graph   graph (default) also judges Graph's headers (request-id, client-request-id)
  --report-dir DIR          default reports/
  --baseline FILE|NAME      check ids known to fail (mock.0.status: …), reported as known
  --quiet                   print only failures, warnings and the summary
  -h, --help                this text

Exit codes: 0 every judged check passed (or none was judged), 1 a check failed, 2 a file that
cannot be read, is not a mocks file or fails its schema, or a bad option.
`;

export interface CheckMocksResults extends RunResults {
  command: 'check-mocks';
  mocksFile: string;
  /** Which tool's file it is, as recognised by content. */
  tool: MockTool;
  /** Mocks that address no operation of the slice, not judged. */
  outside: { index: number; url: string; method: string; why: string }[];
}

/** Runs the command with its arguments (those after `check-mocks`); resolves with the exit code. */
export async function checkMocksCommand(args: readonly string[]): Promise<number> {
  let values: { profile?: string; 'report-dir'?: string; baseline?: string; quiet?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: {
        profile: { type: 'string' },
        'report-dir': { type: 'string' },
        baseline: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
    if (values.help !== true && positionals.length !== 1) throw new Error(`expected one mocks file, got ${positionals.length}`);
    if (values.profile !== undefined && values.profile !== 'openapi' && values.profile !== 'graph')
      throw new Error(`--profile ${values.profile}: expected openapi or graph`);
  } catch (error) {
    process.stderr.write(`error: check-mocks: ${printable((error as Error).message)}\n\n${CHECK_MOCKS_HELP}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(CHECK_MOCKS_HELP);
    return 0;
  }
  const cwd = process.cwd();
  const file = path.resolve(cwd, positionals[0]!);
  const profile = (values.profile ?? 'graph') as Profile;
  const reportDir = path.resolve(cwd, values['report-dir'] ?? 'reports');
  let baseline: Baseline = {};
  try {
    if (values.baseline !== undefined) baseline = readBaseline(resolveBaseline(values.baseline, cwd));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: check-mocks: ${printable(error.message)}\n`);
    return 2;
  }
  const spec = loadSlice();
  let source: MocksSource;
  try {
    source = await readMocks(file, spec);
  } catch (error) {
    if (!(error instanceof MocksFileError)) throw error;
    process.stderr.write(`error: check-mocks: ${printable(error.message)}\n`);
    return 2;
  }

  const started = Date.now();
  const results = checkMocks(source, spec, profile, baseline);
  results.durationMs = Date.now() - started;
  results.startedAt = new Date(started).toISOString();
  for (const check of results.checks)
    if (!values.quiet || check.status === 'failed' || check.status === 'warned' || check.baseline) process.stdout.write(`  ${progressLine(check)}\n`);
  let files: Record<string, string>;
  try {
    files = writeReports(results, { reportDir, checksBySuite: new Map([['check-mocks', results.checks]]) });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: check-mocks: ${printable(error.message)}\n`);
    return 2;
  }
  printSummary(results, source.units, files, values.quiet === true);
  return results.checks.some((c) => c.status === 'failed' && c.baseline?.state !== 'known') ? 1 : 0;
}

/** The file read by the reader of its tool, recognised by content: a Mockoon environment has `routes`, Dev Proxy `mocks` or `responses`. */
export async function readMocks(file: string, spec: OpenApiDocument): Promise<MocksSource> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MocksFileError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MocksFileError(`${file}: not JSON (${(error as Error).message})`);
  }
  return isMockoonEnvironment(value) ? mockoonSource(file, value, spec) : devProxySource(file, value, spec);
}

/** The judgement of every entry: a run's results, with the mocks outside the slice beside them. */
export function checkMocks(source: MocksSource, spec: OpenApiDocument, profile: Profile, baseline: Baseline = {}): CheckMocksResults {
  const table = operationTable(spec);
  const validator = validatorFor(spec);
  const checks: CheckResult[] = [];
  const outside: CheckMocksResults['outside'] = [];
  const hits: OperationHit[] = [];
  const decisionIds: string[] = [];
  const config = { profile, baseline, strictBaseline: false };
  for (const [index, entry] of source.entries.entries()) {
    const { method, addressed, served: answer, limits } = entry;
    if ('outside' in addressed) {
      outside.push({ index: Number(entry.id.split('.')[1] ?? index), url: entry.url, method, why: addressed.outside });
      continue;
    }
    for (const op of addressed.operations) {
      const prefix = addressed.operations.length > 1 ? `${entry.id}.${op.name}` : entry.id;
      const exchange: Exchange = {
        request: { method: op.method.toUpperCase(), url: entry.url, headers: { 'client-request-id': SENT_CLIENT_REQUEST_ID } },
        response: { status: answer.status, headers: answer.headers, body: answer.body },
        durationMs: 0,
        operation: op.name,
        // A mock may simulate an error as well as a success: any documented status is its to choose.
        expect: 'any',
      };
      const subject: DerivedSubject = { spec, validator, exchanges: [exchange], notSent: new Map() };
      if (answer.unjudged === undefined)
        hits.push({ operation: op.name, method: op.method.toUpperCase(), path: op.path, status: answer.status, parameters: [] });
      const where = entry.detail ?? entry.id.replace(/^mock\./, 'mock ');
      const about = `${op.name} (${op.method.toUpperCase()} ${op.path.replace(/^.*(?=\/connectorGroups)/, '…')}) as ${where} serves it: ${method} ${entry.url}`;
      /** Why the aspect is not judged on this entry, if it is not: the tool's limit, or what the tool makes at request time. */
      const unjudged = (aspect: string): string | undefined =>
        answer.unjudged ??
        limits[aspect] ??
        (aspect === 'body.schema' ? answer.bodyUnjudged : undefined) ??
        (aspect.startsWith('header.') ? answer.headersUnjudged?.[aspect.slice('header.'.length)] : undefined);
      const judged = (check: Check<DerivedSubject>, aspect: string) => {
        const why = unjudged(aspect);
        // Without the slice: a run's note that a failing body is the slice's own example (so the target is a
        // mock that cannot echo or refuse) says nothing about a mocks file, whose bodies are examples by design.
        checks.push(judgedOutcome(why === undefined ? check : { ...check, run: () => skipped(why) }, config, subject));
      };
      for (const check of derivedChecks(op)) {
        const aspect = check.id.slice(op.name.length + 1);
        if (aspect === 'server-error') continue; // the status check speaks for a mocked 5xx: it is undocumented
        decisionIds.push(...(check.decisions ?? []));
        judged(
          {
            ...check,
            id: `${prefix}.${aspect}`,
            title: `${about}: ${check.title.replace(/^.*? (?=answers|declares)/, '')}`,
            // A body the tool could not serve (an @file that is not there) fails before any schema is read.
            run: (s: DerivedSubject, p: Profile) =>
              aspect === 'body.schema' && answer.bodyProblem !== undefined ? failed(answer.bodyProblem, undefined, exchange) : check.run(s, p),
          },
          aspect,
        );
      }
      judged(
        {
          id: `${prefix}.header.request-id`,
          operation: op.name,
          title: `${about}: a request-id that is a GUID`,
          expectation: 'Graph sends a request-id GUID with every answer',
          profiles: GRAPH,
          provenBy: [],
          unproven: 'judged on mocks files, not against the double',
          run: () => checkRequestId(exchange),
        },
        'header.request-id',
      );
      judged(
        {
          id: `${prefix}.header.client-request-id`,
          operation: op.name,
          title: `${about}: the client's client-request-id echoed`,
          expectation: 'Graph echoes the client-request-id the client sent',
          profiles: GRAPH,
          provenBy: [],
          unproven: 'judged on mocks files, not against the double',
          run: () => checkClientRequestIdEcho(exchange),
        },
        'header.client-request-id',
      );
    }
  }
  return {
    command: 'check-mocks',
    mocksFile: source.file,
    tool: source.tool,
    target: source.tool === 'mockoon' ? 'mockoon-environment' : 'dev-proxy-mocks',
    baseUrl: 'https://graph.microsoft.com/beta',
    profile,
    seed: 0,
    runId: randomUUID().slice(0, 8),
    startedAt: new Date().toISOString(),
    durationMs: 0,
    sliceSha256: sliceSha256(),
    summary: summarise(checks),
    decisions: decisionSummaries(decisionIds),
    errors: [],
    checks,
    outside,
    coverage: coverageOf(table, hits),
  };
}

/** How many outside-the-slice URLs the terminal names; results.json lists them all. */
const OUTSIDE_SHOWN = 3;

function printSummary(results: CheckMocksResults, units: string, files: Record<string, string>, quiet: boolean): void {
  const out = (text: string) => process.stdout.write(text);
  const { passed, failed, skipped, warned, known, fixed } = results.summary;
  if (results.outside.length > 0) {
    const n = results.outside.length;
    out(`\noutside the slice, not judged: ${n} mock${n === 1 ? '' : 's'}\n`);
    // One line per reason: a reason that is a mistake in the mock (a route never reached) must not hide among many "another API".
    const byWhy = new Map<string, CheckMocksResults['outside']>();
    for (const o of results.outside) byWhy.set(o.why, [...(byWhy.get(o.why) ?? []), o]);
    for (const [why, mocks] of byWhy) {
      const shown = mocks.slice(0, OUTSIDE_SHOWN).map((o) => `${o.method} ${printable(o.url)}`);
      const more = mocks.length - shown.length;
      out(`  ${printable(why)}: ${shown.join(', ')}${more > 0 ? `, … and ${more} more` : ''}\n`);
    }
  }
  if (results.coverage) {
    out(`${coverageLine(results.coverage)}\n`);
    if (!quiet)
      for (const line of notExercised(results.coverage).filter((l) => !l.includes('never sent'))) out(`no mock: ${line.replace(/: not exercised$/, '')}\n`);
  }
  const baseline = known + fixed > 0 ? ` (baseline: ${known} known${fixed > 0 ? `, ${fixed} fixed — remove them from the baseline` : ''})` : '';
  out(
    `${passed} passed, ${failed} failed, 0 blocked, ${skipped} skipped, ${warned} warned${baseline}\n` +
      `${units} in ${printable(path.relative(process.cwd(), results.mocksFile) || results.mocksFile)}; profile ${results.profile}\n` +
      `reports: ${Object.values(files)
        .map((f) => path.relative(process.cwd(), f) || f)
        .join(', ')}\n`,
  );
}
