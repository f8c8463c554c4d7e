/**
 * Lints the example GitHub Actions workflow (examples/github-actions/conformance.yml), which a user copies
 * into their own repository unchanged: it runs nothing that exists only in this repository (no local
 * action, no npm script of ours), names the Action by owner/name@version with inputs action.yml declares,
 * starts the mock it checks and waits until it answers, uploads the report dir always, asks for no
 * permission it does not need, signs in with OIDC and never with a client secret, and names the Graph
 * permission the project's decision names. Each lint rule is shown to fire on a broken workflow.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { loadDecisions } from '../src/openapi/decisions.js';
import { fromRoot } from '../src/project-root.js';
import { declaredInputs } from './support/action-runner.js';

const WORKFLOW = fromRoot('examples', 'github-actions', 'conformance.yml');

interface LintContext {
  /** owner/name of the Action: package.json `repository` when it names a GitHub repository, else OWNER/graph-conformance (the README explains the placeholder). */
  actionRepo: string;
  /** action.yml's inputs with their defaults. */
  inputs: ReadonlyMap<string, string>;
  /** The Graph permissions the project names for a live run (decision create-permissions). */
  permissions: readonly string[];
}

type Json = Record<string, unknown>;
type Step = Json & { run?: string; uses?: string; with?: Json; env?: Json; if?: string };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const lines = (value: unknown) =>
  String(value ?? '')
    .split('\n')
    .map((p) => p.trim().replace(/\/+$/, ''))
    .filter(Boolean);

/** owner/name from package.json's `repository` (a string or `{ url }`, GitHub only), else the placeholder. */
function actionRepoOf(manifest: { repository?: string | { url?: string } }): string {
  const text = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
  const m = /(?:github\.com[/:]|^github:|^)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(text);
  return m ? `${m[1]}/${m[2]}` : 'OWNER/graph-conformance';
}

/** A `${{ env.NAME }}` value resolved from the step's, the job's or the workflow's env; anything else as written. */
function resolveEnv(value: string, ...envs: unknown[]): { value: string; variable?: string } {
  const m = /^\$\{\{\s*env\.(\w+)\s*\}\}$/.exec(value.trim());
  if (!m) return { value };
  for (const env of envs) if (isObject(env) && typeof env[m[1]!] === 'string') return { value: env[m[1]!] as string, variable: m[1] };
  return { value, variable: m[1] };
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
  if (!('push' in triggers)) problems.push('on: no push trigger (every push should check the mock)');
  const schedule = triggers.schedule;
  if (!Array.isArray(schedule) || !schedule.some((s) => isObject(s) && typeof s.cron === 'string' && s.cron.trim() !== '')) {
    problems.push('on: no schedule trigger with a cron (the nightly live run)');
  }

  // Least privilege: the workflow reads the repository; a job that needs more (OIDC) asks for it itself.
  const allowed = (permissions: unknown, where: string, extra: Record<string, string>) => {
    if (!isObject(permissions)) {
      problems.push(
        `${where}: ${permissions === undefined ? 'none given, so the repository default (possibly write-all) applies' : String(permissions)}; give contents: read`,
      );
      return;
    }
    for (const [scope, level] of Object.entries(permissions))
      if (!(scope === 'contents' && level === 'read') && extra[scope] !== level)
        problems.push(`${where}: ${scope}: ${String(level)} is more than the example needs`);
  };
  allowed(wf.permissions, 'permissions', {});

  const actionUses = new RegExp(`^${ctx.actionRepo.replace(/[.]/g, '\\.')}@v\\d+$`);
  const jobs = isObject(wf.jobs) ? wf.jobs : {};
  if (Object.keys(jobs).length === 0) problems.push('jobs: none');
  const idTokenWrite = (permissions: unknown) => isObject(permissions) && permissions['id-token'] === 'write';
  let anyOidc = false;

  for (const [name, job] of Object.entries(jobs)) {
    if (!isObject(job)) {
      problems.push(`jobs.${name}: not a mapping`);
      continue;
    }
    const runsOn = job['runs-on'];
    if (runsOn === undefined || runsOn === null || runsOn === '' || (Array.isArray(runsOn) && runsOn.length === 0)) problems.push(`jobs.${name}: no runs-on`);
    if (job.permissions !== undefined) allowed(job.permissions, `jobs.${name}.permissions`, { 'id-token': 'write' });
    const oidc = idTokenWrite(job.permissions !== undefined ? job.permissions : wf.permissions);
    anyOidc ||= oidc;
    const steps = (Array.isArray(job.steps) ? job.steps : []) as unknown[];
    if (steps.length === 0) {
      problems.push(`jobs.${name}: no steps`);
      continue;
    }
    let ranTheAction = false;
    steps.forEach((raw, i) => {
      const where = `jobs.${name}.steps[${i}]`;
      if (!isObject(raw) || (typeof raw.run !== 'string' && typeof raw.uses !== 'string')) {
        problems.push(`${where}: neither run nor uses`);
        return;
      }
      const step = raw as Step;
      if (typeof step.uses === 'string') {
        const uses = step.uses;
        if (uses.startsWith('./') || uses === '.')
          problems.push(`${where}: uses ${uses}, a local action, which exists only in the repository that holds it; name the Action ${ctx.actionRepo}@vN`);
        else if (!uses.startsWith('docker://') && !/^[\w.-]+\/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/.test(uses))
          problems.push(`${where}: uses ${uses} is not pinned to a major version (owner/action@vN) or a commit`);
        if (/^[\w.-]+\/graph-conformance@/.test(uses) || uses.startsWith('./')) {
          ranTheAction = true;
          if (!actionUses.test(uses)) problems.push(`${where}: uses ${uses}; the Action is ${ctx.actionRepo}@vN`);
          problems.push(...actionStepProblems(step, steps.slice(0, i) as Step[], job, wf, where, name, ctx));
          problems.push(...uploadProblems(step, steps.slice(i + 1) as Step[], where, ctx));
        }
        if (/^azure\/login@/i.test(uses)) {
          if (!oidc) problems.push(`${where}: azure/login without permissions id-token: write (OIDC) on the job or workflow`);
          const withs = isObject(step.with) ? step.with : {};
          for (const key of ['client-secret', 'creds'])
            if (key in withs) problems.push(`${where}: azure/login with ${key}: a client secret; use OIDC (client-id, tenant-id)`);
        }
      }
      if (typeof step.run === 'string') {
        // The user's repository has none of this repository's scripts, and the Action needs no install.
        for (const m of step.run.matchAll(/\bnpm\s+(ci|install|i|test|t|tst|run(?:-script)?(?:\s+[^\s;&|>]+)?)(?=[\s;&|>]|$)/g))
          problems.push(`${where}: npm ${m[1]}: the example runs nothing of graph-conformance's but the Action (a user's repository has no such script)`);
        for (const m of step.run.matchAll(/\bnpx\s+(?:(?:--yes|-y)\s+)?([^\s;&|>]+)/g))
          if (!/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+$/.test(m[1]!)) problems.push(`${where}: npx ${m[1]}: not pinned to an exact version (package@x.y.z)`);
      }
    });
    if (!ranTheAction) problems.push(`jobs.${name}: never runs the graph-conformance Action`);
  }
  if (!anyOidc) problems.push('permissions: no job has id-token: write (OIDC workload identity federation)');

  // No client secret, wherever it hides: secrets.*, an AZURE_CLIENT_SECRET variable, a client-secret input.
  for (const m of text.matchAll(/\bsecrets(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
    const secret = m[1] ?? m[2]!;
    if (secret !== 'GITHUB_TOKEN') problems.push(`secrets.${secret}: the workflow references a secret; sign in with OIDC instead of a client secret`);
  }
  if (/\bAZURE_CLIENT_SECRET\b|\bAZURE_CLIENT_CERTIFICATE_PASSWORD\b/.test(text)) problems.push('AZURE_CLIENT_SECRET: a client secret is configured; use OIDC');
  // The Graph permission the setup asks for is the one the project's decision names.
  for (const permission of new Set(text.match(/\b[A-Z][A-Za-z]+\.[A-Za-z]+\.All\b/g) ?? []))
    if (!ctx.permissions.includes(permission))
      problems.push(`${permission}: not the permission a live run needs (${ctx.permissions.join(' or ')}, decision create-permissions)`);
  // Anything of graph-conformance's fetched by URL comes from the Action's own repository and version.
  const versions = new Set([...text.matchAll(new RegExp(`${ctx.actionRepo.replace(/[.]/g, '\\.')}@(v\\d+)`, 'g'))].map((m) => m[1]!));
  for (const m of text.matchAll(/raw\.githubusercontent\.com\/([\w.-]+\/[\w.-]+)\/([^/\s]+)\//g))
    if (m[1] !== ctx.actionRepo || !versions.has(m[2]!))
      problems.push(`${m[0]}: not ${ctx.actionRepo} at the version the Action is pinned to (${[...versions].join(', ')})`);
  return problems;
}

/** The Action's step: inputs action.yml declares; a mock on this machine started (&) and waited for before it. */
function actionStepProblems(step: Step, before: Step[], job: Json, wf: Json, where: string, jobName: string, ctx: LintContext): string[] {
  const problems: string[] = [];
  const withs = isObject(step.with) ? step.with : {};
  for (const key of Object.keys(withs)) if (!ctx.inputs.has(key)) problems.push(`${where}: with ${key}: not an input of action.yml`);
  if (typeof withs['base-url'] !== 'string') return problems;
  const { value: url, variable } = resolveEnv(withs['base-url'], step.env, job.env, wf.env);
  let local: URL | undefined;
  try {
    local = new URL(url);
  } catch {
    return [...problems, `${where}: base-url ${url} is not a URL`];
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(local.hostname)) return problems;
  const port = local.port || (local.protocol === 'https:' ? '443' : '80');
  const scripts = before.map((s) => s.run ?? '');
  if (!scripts.some((s) => new RegExp(`\\b${port}\\b[^\\n]*&\\s*$`, 'm').test(s)))
    problems.push(`jobs.${jobName}: the Action checks ${url}, but no step before it starts anything on port ${port} in the background (&)`);
  const names = [url, ...(variable ? [`$${variable}`, `\${${variable}}`] : [])];
  const waits = scripts.some(
    (s) =>
      /\bcurl\b/.test(s) &&
      /\bfor\b[^\n]*\$\(seq\s+\d+\s+\d+\)|\buntil\b[^\n]*-ge\s+\d+|\btimeout\s+\d+/.test(s) &&
      /\bexit\s+1\b/.test(s) &&
      names.some((n) => s.includes(n)),
  );
  if (!waits) problems.push(`jobs.${jobName}: no step before the Action waits until ${url} answers (a bounded loop with curl that fails when it runs out)`);
  return problems;
}

/** After the Action: its report dir uploaded, even when checks failed. */
function uploadProblems(step: Step, after: Step[], where: string, ctx: LintContext): string[] {
  const withs = isObject(step.with) ? step.with : {};
  const reportDir = String(withs['report-dir'] ?? ctx.inputs.get('report-dir') ?? '').replace(/\/+$/, '');
  const upload = after.find((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/upload-artifact@'));
  if (!upload) return [`${where}: no actions/upload-artifact step after the Action uploads its report dir ${reportDir}`];
  const problems: string[] = [];
  if (!['always()', '${{ always() }}'].includes(String(upload.if ?? '').trim()))
    problems.push(`${where}: the upload of the reports has no if: always(); a failing run would upload nothing`);
  const paths = lines(isObject(upload.with) ? upload.with.path : undefined);
  if (!paths.includes(reportDir)) problems.push(`${where}: the upload's path is ${paths.join(', ') || 'empty'}, not the report dir ${reportDir}`);
  return problems;
}

function projectContext(): LintContext {
  const manifest = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { repository?: string | { url?: string } };
  const inputs = new Map(Object.entries(declaredInputs()).map(([name, spec]) => [name, String(spec?.default ?? '')]));
  const facts = loadDecisions().find('create-permissions')?.permissions as { application?: { leastPrivileged?: string[] } } | undefined;
  return { actionRepo: actionRepoOf(manifest), inputs, permissions: facts?.application?.leastPrivileged ?? [] };
}

describe('examples/github-actions/conformance.yml', () => {
  const text = readFileSync(WORKFLOW, 'utf8');
  const ctx = projectContext();

  test('the context the lint reads: the Action by owner/name, its inputs, the permission of decision create-permissions', () => {
    expect(ctx.actionRepo).toMatch(/^[\w.-]+\/graph-conformance$/);
    expect(ctx.inputs.get('report-dir')).toBe('reports');
    expect(ctx.permissions).toEqual(['Directory.ReadWrite.All']);
    expect(actionRepoOf({ repository: { url: 'git+https://github.com/contoso/graph-conformance.git' } })).toBe('contoso/graph-conformance');
    expect(actionRepoOf({ repository: 'github:contoso/graph-conformance' })).toBe('contoso/graph-conformance');
    expect(actionRepoOf({})).toBe('OWNER/graph-conformance');
  });

  test('passes the lint', () => {
    expect(lintWorkflow(text, ctx)).toEqual([]);
  });

  test("every push checks the user's mock, started and waited for; the nightly live run is sharded, OIDC-signed, skipped until set up; both upload the reports always", () => {
    const wf = parseDocument(text).toJS() as {
      jobs: Record<string, { if?: string; env?: Json; strategy?: { matrix?: { shard?: unknown[] } }; steps: Step[] }>;
    };
    const mock = wf.jobs.mock!;
    const runs = mock.steps.map((s) => s.run ?? '').join('\n');
    // The line a user replaces is marked, and as it stands it starts Prism, pinned, on the Action's own contract.
    expect(runs).toMatch(
      /# YOUR MOCK: .*\n\s*npx --yes @stoplight\/prism-cli@5\.14\.2 mock https:\/\/raw\.githubusercontent\.com\/[\w.-]+\/graph-conformance\/v\d+\/specs\/openapi\.yaml --host 127\.0\.0\.1 --port 4010 .*&\n/,
    );
    const check = mock.steps.find((s) => s.uses === `${ctx.actionRepo}@v0`);
    expect(check?.with).toEqual({ 'base-url': '${{ env.MOCK_URL }}', profile: 'openapi', 'report-dir': 'reports' });
    expect(mock.env?.MOCK_URL).toBe('http://127.0.0.1:4010');

    expect(wf.jobs.live?.if).toMatch(/schedule/);
    expect(wf.jobs.live?.if).toMatch(/vars\.AZURE_CLIENT_ID != ''/);
    expect(wf.jobs.live?.strategy?.matrix?.shard).toEqual([1, 2, 3]);
    const live = wf.jobs.live!.steps.find((s) => s.uses === `${ctx.actionRepo}@v0`);
    expect(live?.with).toEqual({ target: 'live', profile: 'graph', shard: '${{ matrix.shard }}/3' });
    expect(live?.env?.AZURE_FEDERATED_TOKEN_FILE).toBeDefined();
    const login = wf.jobs.live!.steps.find((s) => s.uses?.startsWith('azure/login@'));
    expect(login?.with).toMatchObject({ 'client-id': '${{ vars.AZURE_CLIENT_ID }}', 'tenant-id': '${{ vars.AZURE_TENANT_ID }}' });
    expect(wf.jobs.live!.env).toMatchObject({ AZURE_CLIENT_ID: '${{ vars.AZURE_CLIENT_ID }}', AZURE_TENANT_ID: '${{ vars.AZURE_TENANT_ID }}' });
    expect(wf.jobs.live!.steps.some((s) => s.env?.AZURE_FEDERATED_TOKEN_FILE !== undefined && /AZURE_FEDERATED_TOKEN_FILE/.test(s.run ?? ''))).toBe(true);
    for (const job of ['mock', 'live']) {
      const upload = wf.jobs[job]!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(upload?.if, job).toBe('always()');
      expect(lines(upload?.with?.path), job).toEqual(['reports']);
    }
  });
});

describe('lintWorkflow catches each problem', () => {
  const ctx: LintContext = {
    actionRepo: 'OWNER/graph-conformance',
    inputs: new Map([
      ['base-url', ''],
      ['profile', ''],
      ['target', ''],
      ['report-dir', 'reports'],
    ]),
    permissions: ['Directory.ReadWrite.All'],
  };
  const GOOD = `
# The app needs Directory.ReadWrite.All.
on:
  push:
  schedule:
    - cron: '0 2 * * *'
permissions:
  contents: read
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    env:
      MOCK_URL: http://127.0.0.1:4010
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with: { client-id: x, tenant-id: y }
      - run: |
          npx --yes @stoplight/prism-cli@5.14.2 mock https://raw.githubusercontent.com/OWNER/graph-conformance/v0/specs/openapi.yaml --port 4010 &
      - run: |
          for i in $(seq 1 30); do curl -s "$MOCK_URL/" && exit 0; sleep 1; done
          exit 1
      - uses: OWNER/graph-conformance@v0
        with:
          base-url: \${{ env.MOCK_URL }}
          profile: openapi
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          path: reports
`;

  test('the small good workflow is clean, so every finding below comes from its one defect', () => {
    expect(lintWorkflow(GOOD, ctx)).toEqual([]);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['unparsable YAML', 'on: [push\njobs: {', /YAML does not parse/],
    ['no push', GOOD.replace('  push:\n', ''), /no push trigger/],
    ['no schedule', GOOD.replace("  schedule:\n    - cron: '0 2 * * *'\n", ''), /no schedule trigger/],
    ['no runs-on', GOOD.replace('    runs-on: ubuntu-latest\n', ''), /jobs\.a: no runs-on/],
    ['no steps', GOOD.replace(/ {4}steps:[\s\S]*$/, '    steps: []\n'), /jobs\.a: no steps/],
    ['no workflow permissions', GOOD.replace('permissions:\n  contents: read\njobs:', 'jobs:'), /^permissions: none given/m],
    [
      'write permissions',
      GOOD.replace('permissions:\n  contents: read\njobs:', 'permissions:\n  contents: write\njobs:'),
      /permissions: contents: write is more than/,
    ],
    [
      'a job asking for more than OIDC',
      GOOD.replace('      id-token: write\n', '      id-token: write\n      pull-requests: write\n'),
      /jobs\.a\.permissions: pull-requests: write/,
    ],
    [
      'a local action',
      GOOD.replace('uses: OWNER/graph-conformance@v0', 'uses: ./'),
      /uses \.\/, a local action, which exists only in the repository that holds it/,
    ],
    [
      'the Action by another name',
      GOOD.replace('uses: OWNER/graph-conformance@v0', 'uses: someone/graph-conformance@v0'),
      /uses someone\/graph-conformance@v0; the Action is OWNER\/graph-conformance@vN/,
    ],
    ['no Action at all', GOOD.replace(/ {6}- uses: OWNER\/graph-conformance@v0\n(?: {8}.*\n)+/, ''), /jobs\.a: never runs the graph-conformance Action/],
    [
      'an input action.yml does not declare',
      GOOD.replace('profile: openapi', 'profile: openapi\n          colour: blue'),
      /with colour: not an input of action\.yml/,
    ],
    [
      'an npm script of this repository',
      GOOD.replace('      - uses: actions/checkout@v4\n', '      - uses: actions/checkout@v4\n      - run: npm ci && npm run conformance\n'),
      /npm ci: [\s\S]*npm run conformance: /,
    ],
    [
      'npm test',
      GOOD.replace('      - uses: actions/checkout@v4\n', '      - uses: actions/checkout@v4\n      - run: npm test\n'),
      /npm test: the example runs nothing/,
    ],
    ['an unpinned npx', GOOD.replace('@stoplight/prism-cli@5.14.2', '@stoplight/prism-cli'), /npx @stoplight\/prism-cli: not pinned to an exact version/],
    [
      'the mock not started in the background',
      GOOD.replace('--port 4010 &', '--port 4010'),
      /no step before it starts anything on port 4010 in the background/,
    ],
    ['the mock started on another port', GOOD.replace('--port 4010 &', '--port 4011 &'), /no step before it starts anything on port 4010/],
    [
      'no wait for the mock',
      GOOD.replace(/ {6}- run: \|\n {10}for i[\s\S]*?exit 1\n/, ''),
      /no step before the Action waits until http:\/\/127\.0\.0\.1:4010 answers/,
    ],
    [
      'an unbounded wait',
      GOOD.replace('for i in $(seq 1 30); do curl -s "$MOCK_URL/" && exit 0; sleep 1; done', 'while ! curl -s "$MOCK_URL/"; do sleep 1; done'),
      /no step before the Action waits/,
    ],
    ['no upload', GOOD.replace(/ {6}- if: always\(\)\n[\s\S]*$/, ''), /no actions\/upload-artifact step after the Action uploads its report dir reports/],
    [
      'an upload only on success',
      GOOD.replace('      - if: always()\n        uses: actions/upload-artifact@v4', '      - uses: actions/upload-artifact@v4'),
      /has no if: always\(\)/,
    ],
    ['an upload of another folder', GOOD.replace('path: reports', 'path: out'), /the upload's path is out, not the report dir reports/],
    [
      'the contract from another repository',
      GOOD.replace('raw.githubusercontent.com/OWNER/graph-conformance/v0/', 'raw.githubusercontent.com/OWNER/graph-conformance/main/'),
      /not OWNER\/graph-conformance at the version the Action is pinned to \(v0\)/,
    ],
    [
      'another Graph permission',
      GOOD.replace('Directory.ReadWrite.All', 'OnPremisesPublishingProfiles.ReadWrite.All'),
      /OnPremisesPublishingProfiles\.ReadWrite\.All: not the permission a live run needs \(Directory\.ReadWrite\.All/,
    ],
    ['no id-token: write', GOOD.replace('      id-token: write\n', ''), /azure\/login without permissions id-token: write[\s\S]*no job has id-token: write/],
    [
      'a client secret',
      GOOD.replace('client-id: x, tenant-id: y', 'client-id: x, tenant-id: y, client-secret: ${{ secrets.AZURE_CLIENT_SECRET }}'),
      /client-secret[\s\S]*secrets\.AZURE_CLIENT_SECRET/,
    ],
    [
      'AZURE_CLIENT_SECRET in env',
      GOOD.replace('      MOCK_URL: http://127.0.0.1:4010\n', '      MOCK_URL: http://127.0.0.1:4010\n      AZURE_CLIENT_SECRET: x\n'),
      /AZURE_CLIENT_SECRET: a client secret/,
    ],
    ['an unpinned action', GOOD.replace('actions/checkout@v4', 'actions/checkout@main'), /actions\/checkout@main is not pinned/],
  ];

  test.each(broken)('%s', (_what, workflow, finding) => {
    expect(workflow).not.toBe(GOOD);
    expect(lintWorkflow(workflow, ctx).join('\n')).toMatch(finding);
  });
});
