/**
 * The GitHub Action's outputs, from what the run returned: the exit code, a one-line summary, the counts,
 * and the report files it wrote. Written in GITHUB_OUTPUT's delimiter form, so a value can hold any character.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResults } from '../report/results.js';
import type { CheckMocksResults } from '../cli/check-mocks.js';

export type ActionOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

export const OUTPUT_NAMES = [
  'exit-code',
  'summary',
  'passed',
  'failed',
  'blocked',
  'skipped',
  'warned',
  'differences',
  'behaviours',
  'results',
  'junit',
  'report',
] as const;

/** What a run that got as far as its reports returned; none when it stopped before (a usage error, an unreachable target). */
export type Ran =
  | { command: 'run'; files: { results: string; junit: string; report: string }; summary: RunResults['summary'] }
  | { command: 'diff'; files: { results: string; report: string }; differences: number; known: number; behaviours: number }
  | { command: 'check-mocks'; files: { results: string; junit: string; report: string }; summary: RunResults['summary']; outside: number };

/**
 * What a check-mocks that began at `since` (ms) wrote into `reportDir`, read back from its results.json:
 * the command returns only its exit code. A results.json that is not check-mocks' or began before `since`
 * is an earlier run's, left in the report dir, and none of this one's.
 */
export function checkMocksRan(reportDir: string, since: number): Ran | undefined {
  const results = path.join(reportDir, 'results.json');
  let document: Partial<CheckMocksResults>;
  try {
    document = JSON.parse(readFileSync(results, 'utf8')) as Partial<CheckMocksResults>;
  } catch {
    return undefined;
  }
  if (document.command !== 'check-mocks' || !(Date.parse(document.startedAt ?? '') >= since) || document.summary === undefined) return undefined;
  // check-mocks writes its three files, under the names a run gives them, before it returns 0 or 1.
  const [junit, report] = [path.join(reportDir, 'junit.xml'), path.join(reportDir, 'report.html')];
  if (!existsSync(junit) || !existsSync(report)) return undefined;
  return { command: 'check-mocks', files: { results, junit, report }, summary: document.summary, outside: document.outside?.length ?? 0 };
}

/** Only the files this run returned are named: an earlier run's left in the report dir is not this run's. */
export function actionOutputs(exitCode: number, ran: Ran | undefined): ActionOutputs {
  const outputs: ActionOutputs = {
    'exit-code': String(exitCode),
    summary: '',
    passed: '',
    failed: '',
    blocked: '',
    skipped: '',
    warned: '',
    differences: '',
    behaviours: '',
    results: '',
    junit: '',
    report: '',
  };
  if (ran === undefined) {
    outputs.summary = `no results.json: the run stopped before any check (exit ${exitCode})`;
    return outputs;
  }
  Object.assign(outputs, { results: ran.files.results, report: ran.files.report });
  if (ran.command === 'diff') {
    outputs.differences = String(ran.differences);
    outputs.behaviours = String(ran.behaviours);
    const grouped = ran.differences > 0 ? ` in ${ran.behaviours} behaviour${ran.behaviours === 1 ? '' : 's'}` : '';
    outputs.summary = `${ran.differences} differences${grouped}${ran.known ? ` (${ran.known} known)` : ''}`;
    return outputs;
  }
  const s = ran.summary;
  Object.assign(outputs, {
    junit: ran.files.junit,
    passed: String(s.passed),
    failed: String(s.failed),
    blocked: String(s.blocked),
    skipped: String(s.skipped - s.blocked),
    warned: String(s.warned),
  });
  outputs.summary = `${outputs.passed} passed, ${outputs.failed} failed, ${outputs.blocked} blocked, ${outputs.skipped} skipped, ${outputs.warned} warned`;
  return outputs;
}

/** GITHUB_OUTPUT text: `name<<DELIMITER`, the value, the delimiter. */
export function githubOutputText(outputs: ActionOutputs): string {
  const delimiter = `gc_${randomBytes(8).toString('hex')}`;
  return Object.entries(outputs)
    .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    .join('');
}

/**
 * The job summary ($GITHUB_STEP_SUMMARY) in Markdown: the one-line summary as a heading, then what the
 * step printed to close the run (the table, the counts, the report files; or why it stopped), verbatim in
 * a code block whose fence is longer than any run of backticks in it. Report paths relative to `cwd`.
 */
export function stepSummaryMarkdown(
  command: 'run' | 'diff' | 'check-mocks',
  outputs: ActionOutputs,
  closing: string,
  cwd = process.cwd(),
  /** check-mocks: the file it judged (as the input named it), and how many of its mocks were outside the slice when it got that far. */
  mocks?: { file: string; outside?: number },
): string {
  const heading = `### graph-conformance ${command}: ${outputs.summary.replace(/\r?\n/g, ' ')}`;
  const code = (file: string) => `\`${(path.relative(cwd, path.resolve(cwd, file)) || file).replace(/[`\r\n]/g, "'")}\``;
  const files = (['report', 'results', 'junit'] as const)
    .filter((name) => outputs[name] !== '')
    .map((name) => code(outputs[name]))
    .join(', ');
  const lines = [heading, ''];
  if (mocks !== undefined) {
    const outside = mocks.outside === undefined ? '' : ` · ${mocks.outside} mock${mocks.outside === 1 ? '' : 's'} outside the slice, not judged`;
    lines.push(`checked the mocks file ${code(mocks.file)}${outside}`, '');
  }
  lines.push(`exit code ${outputs['exit-code']}${files ? ` · reports: ${files}` : ''}`, '');
  const text = closing.replace(/^\n+|\n+$/g, '');
  if (text !== '') {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    lines.push(`${fence}text`, text, fence, '');
  }
  return `${lines.join('\n')}\n`;
}
