/**
 * Lints the example GitHub Actions workflow (examples/github-actions/conformance.yml) against the project
 * it drives: the scripts it runs exist, the conformance options it passes are ones the command knows, it
 * signs in with OIDC and never with a client secret. Each lint rule is shown to fire on a broken workflow.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { HELP } from '../src/cli/help.js';
import * as runConfig from '../src/config/run-config.js';
import { fromRoot } from '../src/project-root.js';

const WORKFLOW = fromRoot('examples', 'github-actions', 'conformance.yml');

/**
 * Options the workflow may pass before the command documents them: another change adds them. Each is
 * printed on every run, with whether the command knows it yet.
 */
const PENDING_FLAGS: readonly string[] = [];

interface LintContext {
  /** package.json `scripts`. */
  scripts: ReadonlySet<string>;
  /** Options `npm run conformance --` accepts. */
  knownFlags: ReadonlySet<string>;
  /** Accepted although not (yet) known. */
  pendingFlags: readonly string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The options `npm run conformance -- --help` lists, read from its text, plus run-config's OPTIONS when exported. */
function knownConformanceFlags(help: string, options?: unknown): Set<string> {
  const flags = new Set<string>();
  for (const m of help.matchAll(/^ {2}(?:(-\w), )?(--[a-z][\w-]*)/gm)) {
    if (m[1]) flags.add(m[1]);
    flags.add(m[2]!);
  }
  if (isObject(options)) {
    for (const [name, spec] of Object.entries(options)) {
      flags.add(`--${name}`);
      if (isObject(spec) && typeof spec.short === 'string') flags.add(`-${spec.short}`);
    }
  }
  return flags;
}

/** The options passed to each `npm run conformance -- …` in a shell script (line continuations joined). */
function conformanceFlags(script: string): string[] {
  const flags: string[] = [];
  const joined = script.replace(/\\\r?\n/g, ' ');
  for (const m of joined.matchAll(/\bnpm\s+run(?:-script)?\s+conformance\b([^\n;&|>]*)/g)) {
    const tokens = m[1]!.trim().split(/\s+/).filter(Boolean);
    const dashdash = tokens.indexOf('--');
    if (dashdash === -1) continue;
    for (const token of tokens.slice(dashdash + 1)) {
      if (/^--?[A-Za-z]/.test(token)) flags.push(token.split('=')[0]!);
    }
  }
  return flags;
}

/** Every problem found, as a sentence naming where; [] when the workflow is fine. */
function lintWorkflow(text: string, ctx: LintContext): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return [`YAML does not parse: ${doc.errors.map((e) => e.message).join('; ')}`];
  const wf: unknown = doc.toJS();
  if (!isObject(wf)) return ['the workflow is not a YAML mapping'];
  const problems: string[] = [];

  // Triggers: `on` may be a name, a list of names or a mapping.
  const on = wf.on;
  const triggers = typeof on === 'string' ? { [on]: null } : Array.isArray(on) ? Object.fromEntries(on.map((t) => [String(t), null])) : isObject(on) ? on : {};
  if (!('push' in triggers)) problems.push('on: no push trigger (every push should replay the recordings)');
  const schedule = triggers.schedule;
  if (!Array.isArray(schedule) || !schedule.some((s) => isObject(s) && typeof s.cron === 'string' && s.cron.trim() !== '')) {
    problems.push('on: no schedule trigger with a cron (the nightly live run)');
  }

  const jobs = isObject(wf.jobs) ? wf.jobs : {};
  if (Object.keys(jobs).length === 0) problems.push('jobs: none');
  const idTokenWrite = (permissions: unknown) => permissions === 'write-all' || (isObject(permissions) && permissions['id-token'] === 'write');
  let anyOidc = false;

  for (const [name, job] of Object.entries(jobs)) {
    if (!isObject(job)) {
      problems.push(`jobs.${name}: not a mapping`);
      continue;
    }
    const runsOn = job['runs-on'];
    if (runsOn === undefined || runsOn === null || runsOn === '' || (Array.isArray(runsOn) && runsOn.length === 0)) problems.push(`jobs.${name}: no runs-on`);
    const oidc = idTokenWrite(job.permissions !== undefined ? job.permissions : wf.permissions);
    anyOidc ||= oidc;
    const steps = job.steps;
    if (!Array.isArray(steps) || steps.length === 0) {
      problems.push(`jobs.${name}: no steps`);
      continue;
    }
    steps.forEach((step: unknown, i) => {
      const where = `jobs.${name}.steps[${i}]`;
      if (!isObject(step) || (typeof step.run !== 'string' && typeof step.uses !== 'string')) {
        problems.push(`${where}: neither run nor uses`);
        return;
      }
      if (typeof step.uses === 'string') {
        const uses = step.uses;
        if (!uses.startsWith('./') && !uses.startsWith('docker://') && !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(uses)) {
          problems.push(`${where}: uses ${uses} is not pinned to a major version (owner/action@vN) or a commit`);
        }
        if (/^azure\/login@/i.test(uses)) {
          if (!oidc) problems.push(`${where}: azure/login without permissions id-token: write (OIDC) on the job or workflow`);
          const withs = isObject(step.with) ? step.with : {};
          for (const key of ['client-secret', 'creds'])
            if (key in withs) problems.push(`${where}: azure/login with ${key}: a client secret; use OIDC (client-id, tenant-id)`);
        }
      }
      if (typeof step.run === 'string') {
        const script = step.run;
        for (const m of script.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([^\s;&|>]+)|(test|t|tst)\b)/g)) {
          const name = m[1] ?? 'test';
          if (!ctx.scripts.has(name)) problems.push(`${where}: npm ${m[1] ? `run ${name}` : m[2]}: no script "${name}" in package.json`);
        }
        for (const flag of conformanceFlags(script)) {
          if (!ctx.knownFlags.has(flag) && !ctx.pendingFlags.includes(flag)) {
            problems.push(`${where}: npm run conformance -- ${flag}: not an option of the command (see npm run conformance -- --help)`);
          }
        }
      }
    });
  }
  if (!anyOidc) problems.push('permissions: no job has id-token: write (OIDC workload identity federation)');

  // No client secret, wherever it hides: secrets.*, an AZURE_CLIENT_SECRET variable, a client-secret input.
  for (const m of text.matchAll(/\bsecrets(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
    const secret = m[1] ?? m[2]!;
    if (secret !== 'GITHUB_TOKEN') problems.push(`secrets.${secret}: the workflow references a secret; sign in with OIDC instead of a client secret`);
  }
  if (/\bAZURE_CLIENT_SECRET\b|\bAZURE_CLIENT_CERTIFICATE_PASSWORD\b/.test(text)) problems.push('AZURE_CLIENT_SECRET: a client secret is configured; use OIDC');
  return problems;
}

function projectContext(): LintContext {
  const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const options = Object.entries(runConfig).find(([name]) => name === 'OPTIONS')?.[1];
  return { scripts: new Set(Object.keys(pkg.scripts ?? {})), knownFlags: knownConformanceFlags(HELP, options), pendingFlags: PENDING_FLAGS };
}

describe('examples/github-actions/conformance.yml', () => {
  const text = readFileSync(WORKFLOW, 'utf8');
  const ctx = projectContext();

  test('passes the lint', () => {
    expect(lintWorkflow(text, ctx)).toEqual([]);
  });

  test('push replays; the nightly live run is sharded, OIDC-signed and uploads its reports always', () => {
    const wf = parseDocument(text).toJS() as {
      jobs: Record<
        string,
        { if?: string; strategy?: { matrix?: { shard?: unknown[] } }; steps: Array<{ run?: string; uses?: string; if?: string; with?: Json; env?: Json }> }
      >;
    };
    const runs = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    expect(runs('replay')).toMatch(/npm ci[\s\S]*npm test[\s\S]*npm run conformance\b/);
    expect(wf.jobs.live?.if).toMatch(/schedule/);
    expect(wf.jobs.live?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    // The live run goes through the project's own Action, with the options as its inputs.
    const action = wf.jobs.live!.steps.find((s) => s.uses === './');
    expect(action?.with).toEqual({ target: 'live', profile: 'graph', shard: '${{ matrix.shard }}/3' });
    expect(action?.env?.AZURE_FEDERATED_TOKEN_FILE).toBeDefined();
    const login = wf.jobs.live!.steps.find((s) => s.uses?.startsWith('azure/login@'));
    expect(login?.with).toMatchObject({ 'client-id': '${{ vars.AZURE_CLIENT_ID }}', 'tenant-id': '${{ vars.AZURE_TENANT_ID }}' });
    const live = wf.jobs.live as unknown as { env: Json };
    expect(live.env).toMatchObject({ AZURE_CLIENT_ID: '${{ vars.AZURE_CLIENT_ID }}', AZURE_TENANT_ID: '${{ vars.AZURE_TENANT_ID }}' });
    expect(wf.jobs.live!.steps.some((s) => s.env?.AZURE_FEDERATED_TOKEN_FILE !== undefined && /AZURE_FEDERATED_TOKEN_FILE/.test(s.run ?? ''))).toBe(true);
    for (const job of ['replay', 'live']) {
      const upload = wf.jobs[job]!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.if, job).toBe('always()');
      expect(
        String(upload?.with?.path)
          .split('\n')
          .map((p) => p.trim())
          .filter(Boolean),
      ).toEqual(['reports/junit.xml', 'reports/results.json', 'reports/report.html']);
    }
  });
});

describe('lintWorkflow catches each problem', () => {
  const ctx: LintContext = { scripts: new Set(['test', 'conformance']), knownFlags: new Set(['--target', '--profile']), pendingFlags: ['--shard'] };
  const GOOD = `
on:
  push:
  schedule:
    - cron: '0 2 * * *'
permissions:
  id-token: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with: { client-id: x, tenant-id: y }
      - run: |
          npm ci && npm test
          npm run conformance -- --target live \\
            --profile graph --shard 1/3
`;

  test('the small good workflow is clean, so every finding below comes from its one defect', () => {
    expect(lintWorkflow(GOOD, ctx)).toEqual([]);
    expect(conformanceFlags('npm run conformance -- --target live \\\n  --profile=graph --shard 1/3 && npm run conformance')).toEqual([
      '--target',
      '--profile',
      '--shard',
    ]);
    const fromHelp = knownConformanceFlags(HELP);
    for (const flag of [
      '--target',
      '--base-url',
      '--token',
      '--profile',
      '--record',
      '--fixtures-dir',
      '--report-dir',
      '--seed',
      '--only',
      '--timeout',
      '-h',
      '--help',
    ]) {
      expect(fromHelp, flag).toContain(flag);
    }
    // Only the option column counts: flags in the indented examples are not options by themselves.
    expect(knownConformanceFlags('  --real X   text\n                              npm run conformance -- --example\n')).toEqual(new Set(['--real']));
    expect(knownConformanceFlags('', { shard: { type: 'string' }, help: { type: 'boolean', short: 'h' } })).toEqual(new Set(['--shard', '--help', '-h']));
  });

  const broken: Array<[string, string, RegExp]> = [
    ['unparsable YAML', 'on: [push\njobs: {', /YAML does not parse/],
    ['no push', GOOD.replace('  push:\n', ''), /no push trigger/],
    ['no schedule', GOOD.replace("  schedule:\n    - cron: '0 2 * * *'\n", ''), /no schedule trigger/],
    ['no runs-on', GOOD.replace('    runs-on: ubuntu-latest\n', ''), /jobs\.a: no runs-on/],
    ['no steps', GOOD.replace(/ {4}steps:[\s\S]*$/, '    steps: []\n'), /jobs\.a: no steps/],
    ['unknown npm script', GOOD.replace('npm ci && npm test', 'npm run lint'), /npm run lint: no script "lint"/],
    ['npm test without a test script', GOOD, /npm test: no script "test"/],
    ['unknown conformance flag', GOOD.replace('--profile graph', '--profile graph --turbo'), /conformance -- --turbo: not an option/],
    [
      'no id-token: write',
      GOOD.replace('  id-token: write', '  contents: read'),
      /azure\/login without permissions id-token: write[\s\S]*no job has id-token: write/,
    ],
    [
      'a client secret',
      GOOD.replace('client-id: x, tenant-id: y', 'client-id: x, tenant-id: y, client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}'),
      /client-secret[\s\S]*secrets\.AZURE_CLIENT_SECRET/,
    ],
    [
      'AZURE_CLIENT_SECRET in env',
      GOOD.replace('    runs-on: ubuntu-latest\n', '    runs-on: ubuntu-latest\n    env: { AZURE_CLIENT_SECRET: x }\n'),
      /AZURE_CLIENT_SECRET: a client secret/,
    ],
    ['an unpinned action', GOOD.replace('actions/checkout@v4', 'actions/checkout@main'), /actions\/checkout@main is not pinned/],
  ];

  test.each(broken)('%s', (_what, workflow, finding) => {
    const problems = lintWorkflow(workflow, _what === 'npm test without a test script' ? { ...ctx, scripts: new Set(['conformance']) } : ctx);
    expect(problems.join('\n')).toMatch(finding);
  });

  test('a pending flag is accepted only while it is pending', () => {
    expect(lintWorkflow(GOOD, { ...ctx, pendingFlags: [] }).join('\n')).toMatch(/--shard: not an option/);
  });
});
