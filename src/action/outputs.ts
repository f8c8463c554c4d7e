/**
 * The GitHub Action's outputs, read from the results.json the command wrote: the exit code, a one-line
 * summary, the counts, and where the reports are. Written in GITHUB_OUTPUT's delimiter form, so a value
 * can hold any character.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export type ActionOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

export const OUTPUT_NAMES = ['exit-code', 'summary', 'passed', 'failed', 'blocked', 'skipped', 'warned', 'differences', 'results', 'junit', 'report'] as const;

interface Summaries {
  command?: string;
  summary?: { passed?: number; failed?: number; blocked?: number; skipped?: number; warned?: number; differences?: number; known?: number };
}

/**
 * The outputs of a run that started at `since`: a report file older than that is an earlier run's (the
 * command stopped before writing), and is neither named nor read.
 */
export function actionOutputs(reportDir: string | undefined, exitCode: number, since: number): ActionOutputs {
  const file = (name: string) => {
    if (reportDir === undefined) return '';
    const full = path.join(reportDir, name);
    // A second's grace for file systems that keep modification times to the second.
    return existsSync(full) && statSync(full).mtimeMs >= since - 1000 ? full : '';
  };
  const results = file('results.json');
  const outputs: ActionOutputs = { 'exit-code': String(exitCode), summary: '', passed: '', failed: '', blocked: '', skipped: '', warned: '', differences: '', results, junit: file('junit.xml'), report: file('report.html') };
  if (results === '') {
    outputs.summary = `no results.json: the run stopped before any check (exit ${exitCode})`;
    return outputs;
  }
  const { command, summary: s = {} } = JSON.parse(readFileSync(results, 'utf8')) as Summaries;
  if (command === 'diff') {
    outputs.differences = String(s.differences ?? 0);
    outputs.summary = `${s.differences ?? 0} differences${s.known ? ` (${s.known} known)` : ''}`;
    return outputs;
  }
  const count = (n: number | undefined) => String(n ?? 0);
  Object.assign(outputs, { passed: count(s.passed), failed: count(s.failed), blocked: count(s.blocked), skipped: count((s.skipped ?? 0) - (s.blocked ?? 0)), warned: count(s.warned) });
  outputs.summary = `${outputs.passed} passed, ${outputs.failed} failed, ${outputs.blocked} blocked, ${outputs.skipped} skipped, ${outputs.warned} warned`;
  return outputs;
}

/** GITHUB_OUTPUT text: `name<<DELIMITER`, the value, the delimiter. */
export function githubOutputText(outputs: ActionOutputs): string {
  const delimiter = `gc_${randomBytes(8).toString('hex')}`;
  return Object.entries(outputs).map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`).join('');
}
