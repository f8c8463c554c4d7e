/** Known failures, sharding and quiet output: what CI pipelines rely on beside the checks themselves. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { idsWithStatus, runConformance } from './support/run-cli.js';

function baselineFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gc-baseline-')), 'baseline.yaml');
  writeFileSync(file, text);
  return file;
}

describe.concurrent('--baseline', () => {
  let defective: RunningEmulator;
  beforeAll(async () => {
    defective = await startEmulator({ defects: ['create-echo-name'] });
  });
  afterAll(() => defective.close());

  test('a listed failure is known: reported, kept failed in results.json, skipped in JUnit, exit 0', async () => {
    const file = baselineFile('create.body.echo: this emulator keeps its own naming\n');
    const run = await runConformance(['--base-url', defective.baseUrl, '--only', 'create.', '--baseline', file]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const echo = run.results?.checks.find((c) => c.id === 'create.body.echo');
    expect(echo).toMatchObject({ status: 'failed', baseline: { state: 'known', reason: 'this emulator keeps its own naming' } });
    expect(run.results?.summary).toMatchObject({ failed: 1, known: 1 });
    expect(run.stdout).toContain('✗ create.body.echo (known failure: this emulator keeps its own naming)');
    const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit).not.toContain('<failure');
    expect(junit).toMatch(/create\.body\.echo[\s\S]*?<skipped/);
  });

  test('an unlisted failure still fails the run', async () => {
    const file = baselineFile('- id: create.status\n  reason: not this one\n');
    const run = await runConformance(['--base-url', defective.baseUrl, '--only', 'create.', '--baseline', file]);
    expect(run.code).toBe(1);
    expect(idsWithStatus(run.results, 'failed')).toEqual(['create.body.echo']);
  });

  test('an entry that passes now is reported fixed; --strict-baseline fails the run on it', async () => {
    const file = baselineFile('create.status: used to answer 200\ncreate.body.echo: known\n');
    const lenient = await runConformance(['--base-url', defective.baseUrl, '--only', 'create.', '--baseline', file]);
    expect(lenient.code).toBe(0);
    expect(lenient.results?.checks.find((c) => c.id === 'create.status')).toMatchObject({ status: 'passed', baseline: { state: 'fixed' } });
    expect(lenient.stdout).toMatch(/create\.status.*fixed, remove it from the baseline/);
    const strict = await runConformance(['--base-url', defective.baseUrl, '--only', 'create.', '--baseline', file, '--strict-baseline']);
    expect(strict.code).toBe(1);
    expect(idsWithStatus(strict.results, 'failed')).toEqual(['create.body.echo', 'create.status']);
  });

  test.each([
    ['create.status:\n', /create\.status needs a reason/],
    ['- reason: no id\n', /undefined is not a check id/],
    ['{{{', /not YAML or JSON/],
  ])('a broken baseline (%j) is a usage error', async (text, message) => {
    const run = await runConformance(['--baseline', baselineFile(text)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  test('a missing baseline file is a usage error', async () => {
    const run = await runConformance(['--baseline', '/nonexistent/baseline.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--baseline \/nonexistent\/baseline.yaml: cannot read it \(ENOENT\)/);
  });

  test('neither a file nor a shipped name: a usage error naming the shipped baselines', async () => {
    const run = await runConformance(['--baseline', 'nonesuch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"nonesuch" is not the name of a shipped baseline \(the shipped baselines are mockoon, prism: --baseline mockoon\)/);
  });
});

describe.concurrent('--shard and quiet output', () => {
  test('shards split the suites between them and together cover every check once', async () => {
    const [one, two] = await Promise.all([runConformance(['--shard', '1/2']), runConformance(['--shard', '2/2'])]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(one.results?.shard).toBe('1/2');
    const a = one.results!.checks.map((c) => c.id);
    const b = two.results!.checks.map((c) => c.id);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const all = await runConformance([]);
    expect([...a, ...b].sort()).toEqual(all.results!.checks.map((c) => c.id).sort());
  });

  test.each(['0/2', '3/2', 'half'])('--shard %s is a usage error', async (shard) => {
    const run = await runConformance(['--shard', shard]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`'${shard}' is not i/n`);
  });

  test('CI=true prints only what did not pass, the table and the report paths; --verbose brings the lines back', async () => {
    const quiet = await runConformance(['--only', 'create.'], { CI: 'true' });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('✓ create.status');
    expect(quiet.stdout).toMatch(/operation\s+passed\s+failed\s+skipped\s+warned/);
    expect(quiet.stdout).toMatch(/reports: .*results\.json, .*junit\.xml, .*report\.html/);
    const verbose = await runConformance(['--only', 'create.', '--verbose'], { CI: 'true' });
    expect(verbose.stdout).toContain('✓ create.status');
  });
});
