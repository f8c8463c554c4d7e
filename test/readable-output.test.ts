/**
 * What a newcomer reads first reads right: a run's one root cause leads its closing lines, an option typo
 * is answered with the option meant, a long check line keeps its end (how to reproduce), a recording run
 * says where it wrote, and the lifecycle rules say where each value they compare came from.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LINE_CHARS, oneLine, progressLine } from '../src/report/progress-reporter.js';
import { cutMiddle } from '../src/report/cut.js';
import { rootCauseOf, splitFix, withFix } from '../src/report/root-cause.js';
import { printRunSummary } from '../src/report/run-summary.js';
import { closestOption } from '../src/config/usage-error.js';
import { OPTIONS, parseCommandLine, resolveRunConfig, UsageError } from '../src/config/run-config.js';
import { unreachableAdvice } from '../src/run/preflight.js';
import { lifecycleGetSame, lifecycleGetUpdated, lifecycleListContains, type LifecycleSubject } from '../src/checks/lifecycle.js';
import type { Exchange } from '../src/client/exchange.js';
import type { CheckResult } from '../src/report/results.js';
import { fromRoot } from '../src/project-root.js';
import { resultsOf } from './support/results.js';

const check = (over: Partial<CheckResult> & Pick<CheckResult, 'id'>): CheckResult =>
  ({ operation: over.id.split('.')[0]!, title: `title of ${over.id}`, status: 'passed', durationMs: 1, ...over }) as CheckResult;

describe('a check line keeps what the user needs', () => {
  const reproduce = '(reproduce: --seed 1234567; fast-check path 3:0:1:1:0:2:0:0)';
  const long = `the target accepted an invalid body: ${'{"name":"x","region":"…"} '.repeat(30)}— smallest failing body after 12 shrinks: {"name":5} ${reproduce}`;

  test('a long message is cut in the middle: its start and its trailing (reproduce: …) both survive, the cut says where the rest is', () => {
    const line = oneLine(long);
    expect(line.startsWith('the target accepted an invalid body: ')).toBe(true);
    expect(line.endsWith(reproduce)).toBe(true);
    expect(line).toMatch(/ … \[\d+ more characters in report\.html\] … /);
    expect(line.length).toBeLessThan(LINE_CHARS + 60);
    expect(progressLine(check({ id: 'property.invalid-bodies', status: 'failed', message: long }))).toMatch(
      /^✗ property\.invalid-bodies — the target .*\(reproduce: --seed 1234567; fast-check path 3:0:1:1:0:2:0:0\)$/,
    );
  });

  test('a short message is whole; a newline reads \\n on the same line, never drops what follows it', () => {
    expect(oneLine('expected 201, got 200')).toBe('expected 201, got 200');
    expect(oneLine('first\nsecond (reproduce: --seed 1)')).toBe('first\\nsecond (reproduce: --seed 1)');
  });

  test('never cuts through an escape or a character, and never cuts out less than the note costs', () => {
    const hostile = `${'\u001b'.repeat(200)}😀${'😀'.repeat(100)}`;
    const line = oneLine(hostile);
    expect(line).not.toMatch(/\\x1$|\\x$|\\$/);
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(cutMiddle('x'.repeat(LINE_CHARS + 10), LINE_CHARS).cut).toBe(0);
  });
});

describe('one root cause', () => {
  const message = withFix('nothing under http://127.0.0.1:4010 serves the connectorGroups family', 'try --base-url http://127.0.0.1:4010/beta');

  test('found when every check the run would judge is blocked by one suite: cause; never when anything was judged', () => {
    const blocked = (id: string) => check({ id, status: 'skipped', blockedBy: 'suite:base-url', message });
    const ownReason = check({ id: 'applications.assign', status: 'skipped', message: 'needs an application' });
    expect(rootCauseOf({ checks: [blocked('create.status'), blocked('get.status'), ownReason] })).toEqual({
      blockedBy: 'suite:base-url',
      message: 'nothing under http://127.0.0.1:4010 serves the connectorGroups family',
      fix: 'try --base-url http://127.0.0.1:4010/beta',
      checks: 2,
    });
    expect(rootCauseOf({ checks: [blocked('create.status'), check({ id: 'get.status' })] })).toBeUndefined();
    expect(rootCauseOf({ checks: [check({ id: 'get.status', status: 'skipped', blockedBy: 'create.status', message: 'm' })] })).toBeUndefined();
    expect(rootCauseOf({ checks: [ownReason] })).toBeUndefined();
    // Two causes, or one cause with two messages (one per suite): no single root cause.
    expect(rootCauseOf({ checks: [blocked('a.x'), check({ id: 'b.x', status: 'skipped', blockedBy: 'suite:recording', message: 'm' })] })).toBeUndefined();
    expect(rootCauseOf({ checks: [blocked('a.x'), check({ id: 'b.x', status: 'skipped', blockedBy: 'suite:base-url', message: 'other' })] })).toBeUndefined();
  });

  test('what happened and what to do are split at the last fix, whatever the target wrote before it', () => {
    expect(splitFix(withFix('the target said "; fix: obey me"', 'give a token'))).toEqual({ what: 'the target said "; fix: obey me"', fix: 'give a token' });
    expect(splitFix('no fix here')).toEqual({ what: 'no fix here' });
  });

  test('the closing output starts with it, before the table, then says it nowhere else; a recording run names its files', () => {
    const config = resolveRunConfig(
      ['--base-url', 'http://127.0.0.1:4010', '--record', '--fixtures-dir', mkdtempSync(path.join(tmpdir(), 'gc-rec-'))],
      {},
      fromRoot(),
    ).config;
    writeFileSync(path.join(config.fixturesDir, 'create.json'), JSON.stringify({ meta: { seed: 1, runId: 'run42abc' }, interactions: [] }));
    writeFileSync(path.join(config.fixturesDir, 'query.json'), JSON.stringify({ meta: { seed: 1, runId: 'run42abc' }, interactions: [] }));
    writeFileSync(path.join(config.fixturesDir, 'old.json'), JSON.stringify({ meta: { seed: 1, runId: 'another' }, interactions: [] }));
    mkdirSync(path.join(config.fixturesDir, 'not-a-recording'));
    const checks = ['create.status', 'get.status'].map((id) => check({ id, status: 'skipped', blockedBy: 'suite:base-url', message }));
    const printed: string[] = [];
    const to = (stream: string) => (text: string) => printed.push(...text.split('\n').map((line) => `${stream} ${line}`));
    printRunSummary({ results: resultsOf(checks), files: {}, leftBehind: [] }, config, to('out'), to('err'));
    const lines = printed.filter((l) => !/^(out|err) $/.test(l));
    expect(lines[0]).toBe('err error: nothing under http://127.0.0.1:4010 serves the connectorGroups family (2 checks not judged, blocked by suite:base-url)');
    expect(lines[1]).toBe('err fix: try --base-url http://127.0.0.1:4010/beta');
    expect(lines[2]).toMatch(/^out operation +passed/);
    expect(lines.filter((l) => l.includes('serves the connectorGroups family'))).toHaveLength(1);
    expect(lines).toContain(`out recorded 2 suites into ${path.relative(process.cwd(), config.fixturesDir)} (create.json, query.json)`);
  });

  test('a run that judged something opens with its table, as before', () => {
    const config = resolveRunConfig([], {}, fromRoot()).config;
    const printed: string[] = [];
    printRunSummary(
      { results: resultsOf([check({ id: 'create.status' })]), files: {}, leftBehind: [] },
      config,
      (t) => printed.push(t),
      (t) => printed.push(t),
    );
    expect(printed[0]).toMatch(/^\noperation/);
    expect(printed.join('')).not.toMatch(/^error: |^fix: /m);
  });
});

describe('an option typo is answered with the option meant', () => {
  const known = Object.keys(OPTIONS);
  test.each([
    ['--base-ur', 'base-url'],
    ['--baseurl', 'base-url'],
    ['--base_url', 'base-url'],
    ['--BASE-URL', 'base-url'],
    ['--basr-url', 'base-url'],
    ['-base-url', 'base-url'],
    ['--seeds', 'seed'],
    ['--fixtures', 'fixtures-dir'],
    ['--strict', 'strict-baseline'],
    ['--onyl', 'only'],
    ['--bogus', undefined],
    ['--x', undefined],
    ['--', undefined],
  ])('%s → %s', (word, meant) => {
    expect(closestOption(word, known)).toBe(meant);
  });

  test('one line, exit 2 (a UsageError), without parseArgs boilerplate', () => {
    const refusal = (argv: string[]) => {
      try {
        parseCommandLine(argv);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const typo = refusal(['--base-ur', 'http://127.0.0.1:4010']);
    expect(typo).toBeInstanceOf(UsageError);
    expect((typo as Error).message).toBe('unknown option --base-ur; did you mean --base-url?');
    // A value that looks like an option is the value's, not an unknown option.
    expect((refusal(['--token', '--x', '--bogus']) as Error).message).toMatch(/^--token needs a value/);
    expect((refusal(['--only', 'x', '--bogus']) as Error).message).toBe('unknown option --bogus; npx graph-conformance --help lists the options');
    expect((refusal(['--bogus']) as Error).message).not.toMatch(/positional|\n/);
  });
});

describe('advice fits the target', () => {
  test('live speaks of Microsoft Graph and its network; a url target of the mock or proxy', () => {
    expect(unreachableAdvice({ target: 'live', baseUrl: 'https://graph.microsoft.com/beta' })).toMatch(
      /^Microsoft Graph did not answer: check this machine's network/,
    );
    expect(unreachableAdvice({ target: 'live', baseUrl: 'https://graph.microsoft.com/beta' })).not.toMatch(/mock/);
    expect(unreachableAdvice({ target: 'live', baseUrl: 'https://graph.example/beta' })).toContain("Graph's service root is https://graph.microsoft.com/beta");
    expect(unreachableAdvice({ target: 'url', baseUrl: 'http://127.0.0.1:4010' })).toMatch(/^start the mock or proxy/);
  });
});

describe('the lifecycle rules say where each value came from', () => {
  const answer = (body: unknown, status = 200): Exchange => ({
    request: { method: 'GET', url: 'http://127.0.0.1:4010/x', headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    durationMs: 1,
  });
  const group = { id: 'g1', name: 'conformance-a', region: 'nam', connectorGroupType: 'applicationProxy', isDefault: false };
  const said = (verdict: object) => (verdict as { message?: string }).message;
  const subject = (steps: LifecycleSubject['steps']) => ({ id: 'g1', update: { name: 'patched', region: 'eur' }, steps }) as unknown as LifecycleSubject;

  test('get-same: the create answered one value, GET by id answers another (the create was the odd one)', () => {
    const verdict = lifecycleGetSame.run(subject({ create: answer({ ...group, connectorGroupType: 42 }, 201), get: answer(group) }), 'graph');
    expect(said(verdict)).toBe('connectorGroupType: the create answered 42, GET by id answers "applicationProxy"');
  });

  test('get-updated and list-contains: what the PATCH sent, against what GET or the list shows', () => {
    const get = lifecycleGetUpdated.run(subject({ getUpdated: answer({ ...group, name: 'PATCHED' }) }), 'graph');
    expect(said(get)).toBe(
      'name: the PATCH sent "patched", GET after the PATCH answers "PATCHED"; region: the PATCH sent "eur", GET after the PATCH answers "nam"',
    );
    const list = lifecycleListContains.run(subject({ list: [answer({ value: [] }), answer({ value: [{ ...group, name: 'old' }] })] }), 'graph');
    expect(said(list)).toBe('name: the PATCH sent "patched", the list (page 2 of 2) shows "old"');
    const absent = lifecycleGetSame.run(subject({ create: answer(group, 201), get: answer({ ...group, region: undefined }) }), 'graph');
    expect(said(absent)).toBe('region: the create answered "nam", GET by id answers (absent)');
  });
});
