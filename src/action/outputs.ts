/**
 * The GitHub Action's outputs, from what the run returned: the exit code, a one-line summary, the counts,
 * and the report files it wrote. Written in GITHUB_OUTPUT's delimiter form, so a value can hold any character.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RunResults } from '../report/results.js';

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
  | { command: 'diff'; files: { results: string; report: string }; differences: number; known: number; behaviours: number };

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
export function stepSummaryMarkdown(command: 'run' | 'diff', outputs: ActionOutputs, closing: string, cwd = process.cwd()): string {
  const heading = `### graph-conformance ${command}: ${outputs.summary.replace(/\r?\n/g, ' ')}`;
  const files = (['report', 'results', 'junit'] as const)
    .filter((name) => outputs[name] !== '')
    .map((name) => `\`${(path.relative(cwd, outputs[name]) || outputs[name]).replace(/`/g, "'")}\``)
    .join(', ');
  const lines = [heading, '', `exit code ${outputs['exit-code']}${files ? ` · reports: ${files}` : ''}`, ''];
  const text = closing.replace(/^\n+|\n+$/g, '');
  if (text !== '') {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    lines.push(`${fence}text`, text, fence, '');
  }
  return `${lines.join('\n')}\n`;
}
