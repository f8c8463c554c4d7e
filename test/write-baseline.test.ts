/**
 * `--write-baseline FILE`: after the run, a baseline of every failed or blocked check, its message as the
 * reason, written like the reports (scrubbed); the run's exit code unchanged, and the file, given back
 * with --baseline, makes the same run exit 0.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { readBaseline } from '../src/config/baseline.js';
import { resolveOptions, UsageError } from '../src/config/run-config.js';
import { rawOptionsOf } from '../src/api/options.js';
import { baselineEntries, baselineText, writeBaseline } from '../src/api/write-baseline.js';
import type { CheckResult } from '../src/report/results.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';
import { resultsOf } from './support/results.js';
import { JWT_TOKEN } from './support/planted-secrets.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'gc-write-baseline-'));
const check = (id: string, extra: Partial<CheckResult>): CheckResult => ({ id, operation: 'create', title: id, status: 'failed', durationMs: 1, ...extra });

describe.concurrent('--write-baseline FILE, end to end', () => {
  let defective: RunningEmulator;
  beforeAll(async () => {
    defective = await startEmulator({ defects: ['create-echo-name'] });
  });
  afterAll(() => defective.close());

  test('writes every failed check with its message, says where, keeps exit 1; given back with --baseline, the same run exits 0', async () => {
    const file = path.join(tmp(), 'nested', 'mock-baseline.yaml');
    const args = ['--base-url', defective.baseUrl, '--only', 'create.', '--seed', '3'];
    const first = await runConformance([...args, '--write-baseline', file]);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toContain(`baseline: 1 failed or blocked check written to ${file}; each reason is the check's message`);
    const text = readFileSync(file, 'utf8');
    // The header: when, against what, and that each reason is to be reviewed.
    const header = text.split('\n').filter((l) => l.startsWith('# '));
    expect(header[0]).toMatch(/^# graph-conformance baseline, written by --write-baseline at \d{4}-\d\d-\d\dT[\d:.]+Z$/);
    expect(header.join('\n')).toContain(`from run ${first.results!.runId} against url ${defective.baseUrl} (profile graph, seed 3, --only create.)`);
    expect(header.join('\n')).toContain('REVIEW EACH ENTRY');
    // The failed checks, each with the first line of its message (as results.json has it, scrubbed).
    const failed = idsWithStatus(first.results, 'failed');
    expect(failed).toEqual(['create.body.echo']);
    const message = first.results!.checks.find((c) => c.id === 'create.body.echo')!.message!.split('\n')[0];
    expect(readBaseline(file)).toEqual({ 'create.body.echo': message });

    const again = await runConformance([...args, '--baseline', file]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.results?.summary).toMatchObject({ known: 1, fixed: 0 });
  });

  test('CONFORMANCE_WRITE_BASELINE: a run that passes writes a baseline with no entry, which reads as empty', async () => {
    const file = path.join(tmp(), 'baseline.yaml');
    const run = await runConformance(['--only', 'create.'], { CONFORMANCE_WRITE_BASELINE: file });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`baseline: no check failed or was blocked; a baseline with no entry written to ${file}`);
    expect(readFileSync(file, 'utf8')).toContain('# No check failed or was blocked.');
    expect(readBaseline(file)).toEqual({});
  });

  test('a folder where the file should be: exit 2 before anything is sent', async () => {
    const dir = tmp();
    const run = await runConformance(['--only', 'create.', '--write-baseline', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--write-baseline / CONFORMANCE_WRITE_BASELINE: ${dir} is a folder`);
    expect(run.results).toBeUndefined();
  });
});

describe('the written baseline', () => {
  const config = resolveOptions({ command: 'run', options: { 'base-url': 'https://mock.contoso-test.com/beta' } }, {}, tmpdir()).config;

  test('scrubbed as the reports are: a secret a message quotes is redacted, another host pseudonymised, the target kept', () => {
    const results = resultsOf(
      [
        check('create.body.echo', { message: `name: sent "conformance-x", got "${JWT_TOKEN}"\nsecond line` }),
        check('create.header.request-id', {
          message: `no request-id header; Location https://elsewhere.fabrikam-test.com/x on https://mock.contoso-test.com/beta`,
        }),
      ],
      { baseUrl: config.baseUrl },
    );
    const file = path.join(tmp(), 'b.yaml');
    expect(writeBaseline(file, results, config)).toBe(2);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(JWT_TOKEN);
    expect(text).not.toContain('elsewhere.fabrikam-test.com');
    expect(text).toContain('mock.contoso-test.com');
    expect(text).not.toContain('second line');
    const read = readBaseline(file);
    expect(read['create.body.echo']).toMatch(/^name: sent "conformance-x", got "<redacted>[^"]*"$/);
    expect(read['create.header.request-id']).toMatch(
      /^no request-id header; Location https:\/\/host-[0-9a-f]{8}\.example\.invalid\/x on https:\/\/mock\.contoso-test\.com\/beta$/,
    );
  });

  test('blocked checks name their blocker; a known failure keeps its baseline reason; a fixed entry and a passed check are left out', () => {
    const entries = baselineEntries([
      check('lifecycle.get-updated', { status: 'skipped', blockedBy: 'create.status', message: 'create answered 500' }),
      check('create.status', { message: 'expected 201, got 500' }),
      check('create.body.echo', { message: 'name differs', baseline: { state: 'known', reason: 'our emulator upper-cases names' } }),
      check('create.body.id', { message: 'passes, but the baseline lists it', baseline: { state: 'fixed', reason: 'was issue 9' } }),
      check('create.body.schema', { status: 'passed' }),
      check('update.status', { message: '' }),
    ]);
    expect(entries).toEqual([
      ['create.body.echo', 'our emulator upper-cases names'],
      ['create.status', 'expected 201, got 500'],
      ['lifecycle.get-updated', 'blocked by create.status: create answered 500'],
      ['update.status', 'failed (no message)'],
    ]);
  });

  test('what YAML would read otherwise is quoted, and reads back as it was', () => {
    const tricky = ['yes', 'null', '- x', 'a: b', "it's # not a comment", '{x}', '  padded', '"quoted"', 'tab\there', 'x'.repeat(400)];
    const results = resultsOf(tricky.map((message, i) => check(`create.c${i}`, { message })));
    const file = path.join(tmp(), 'tricky.yaml');
    const text = baselineText(results, config);
    writeFileSync(file, text);
    const read = readBaseline(file);
    expect(Object.keys(read)).toHaveLength(tricky.length);
    expect(read['create.c0']).toBe('yes');
    expect(read['create.c4']).toBe("it's # not a comment");
    expect(read['create.c9']).toBe(`${'x'.repeat(300)}…`);
  });

  test('the option: the flag, the variable and the API field resolve to an absolute path; only the run takes it', () => {
    const cwd = tmpdir();
    expect(resolveOptions({ command: 'run', options: { 'write-baseline': 'b.yaml' } }, {}, cwd).config.writeBaseline).toBe(path.join(cwd, 'b.yaml'));
    expect(resolveOptions({ command: 'run', options: {} }, { CONFORMANCE_WRITE_BASELINE: 'c.yaml' }, cwd).config.writeBaseline).toBe(path.join(cwd, 'c.yaml'));
    expect(resolveOptions({ command: 'run', options: rawOptionsOf({ writeBaseline: '/x/d.yaml' }) }, {}, cwd).config.writeBaseline).toBe('/x/d.yaml');
    expect(resolveOptions({ command: 'run', options: {} }, {}, cwd).config.writeBaseline).toBeUndefined();
    expect(() => resolveOptions({ command: 'diff', options: { 'base-url': 'http://127.0.0.1:1', 'write-baseline': 'b.yaml' } }, {}, cwd)).toThrow(UsageError);
    expect(existsSync(path.join(cwd, 'b.yaml'))).toBe(false);
  });
});
