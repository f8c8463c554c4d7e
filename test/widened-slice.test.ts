/**
 * The whole application-proxy API from the slice alone: no code outside the contract's data names a set
 * the slice gained, every operation name of the founding set is kept, a live run writes only where a
 * decision lets it, and --dry-run lists what it would write without sending anything.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDecisions, parseDecisions } from '../src/openapi/decisions.js';
import { entitySetOf, liveMayWrite, writeKind } from '../src/openapi/live-writes.js';
import { loadSlice } from '../src/openapi/load.js';
import { FOUNDING_SET, operationTable } from '../src/openapi/operation-table.js';
import { runConformance } from '../src/index.js';
import { checkPage } from '../src/docs-check/check-page.js';
import { cleanUpAfterInterrupt } from '../src/run/after-interrupt.js';
import { resolveRunConfig } from '../src/config/run-config.js';
import { startEmulator } from '../src/emulator/index.js';
import { fromRoot } from '../src/project-root.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const slice = loadSlice();
const table = operationTable(slice);
const sets = [...new Set(table.map((o) => entitySetOf(o.path)))];
/** The sets the slice gained beside the founding one (and the profile, which is no set). */
const newSets = sets.filter((s) => s !== FOUNDING_SET && s !== 'profile');

/** Where a set may be named: the contract's data, what is generated from it, recordings and tenants, and prose. */
const MAY_NAME = [/^specs\//, /^generated\//, /^fixtures\//, /^docs\//, /^baselines\//, /\.md$/, /^test\//];

describe('the slice alone', () => {
  it('holds sets beside connectorGroups', () => {
    expect(newSets.length).toBeGreaterThan(0);
  });

  it('no file outside specs/, generated/, fixtures/, baselines/ and docs names a set the slice gained (as a path, a string or a property)', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: fromRoot(), encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !MAY_NAME.some((pattern) => pattern.test(f)) && /\.(m?[jt]s|cjs|ya?ml|json)$/.test(f));
    const named = new RegExp(`[/'"\`.](${newSets.join('|')})(?![A-Za-z])`);
    const offenders = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(fromRoot(file), 'utf8');
      } catch {
        return []; // listed by git, deleted in the working tree
      }
      return text
        .split('\n')
        .map((line, i) => (named.test(line) ? `${file}:${i + 1}: ${line.trim()}` : ''))
        .filter(Boolean);
    });
    expect(offenders).toEqual([]);
  });

  it('the guard sees a set named in code', () => {
    const named = new RegExp(`[/'"\`.](${newSets.join('|')})(?![A-Za-z])`);
    expect(named.test(`const p = '/${newSets[0]}';`)).toBe(true);
    expect(named.test(`// three ${newSets[0]!.toLowerCase()}x in a comment`)).toBe(false);
  });

  it('every operation name the slice had before it grew is kept, for the same method and path', () => {
    const before = readFileSync(fromRoot('test', 'support', 'founding-operations.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const line of before) {
      const [name, method, path] = line.split(' ');
      expect(
        table.find((o) => o.name === name),
        line,
      ).toMatchObject({ method, path });
    }
  });

  it('new sets are named with their set as prefix', () => {
    for (const op of table.filter((o) => newSets.includes(entitySetOf(o.path)))) expect(op.name.startsWith(`${entitySetOf(op.path)}.`), op.name).toBe(true);
    expect(table.find((o) => o.path === '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}')?.name).toBe('profile.get');
  });
});

describe('writes a live run may make', () => {
  const decisions = loadDecisions();

  it('every set of the slice has exactly one live-writes decision', () => {
    for (const set of sets)
      expect(
        decisions.decisions.filter((d) => d.liveWrites?.set === set).map((d) => d.id),
        set,
      ).toHaveLength(1);
  });

  it('reads are always allowed; writes only as a decision allows; a set with no decision is read only', () => {
    const get = table.find((o) => o.method === 'get' && entitySetOf(o.path) === newSets[0])!;
    expect(liveMayWrite(decisions, get).allowed).toBe(true);
    const create = table.find((o) => o.method === 'post' && o.path.endsWith('/connectorGroups'))!;
    expect(liveMayWrite(decisions, create)).toMatchObject({ allowed: true, decision: 'live-writes-connector-groups' });
    for (const op of table.filter((o) => writeKind(o) !== undefined && newSets.includes(entitySetOf(o.path)))) {
      expect(liveMayWrite(decisions, op).allowed, op.name).toBe(false);
    }
    const none = parseDecisions('version: 1\ndecisions: []\n');
    expect(liveMayWrite(none, create)).toMatchObject({ allowed: false, why: `no decision says a live run may write ${FOUNDING_SET}` });
  });

  it('a live-writes decision names only kinds of write', () => {
    const text = `version: 1\ndecisions:\n  - id: x\n    summary: s\n    reason: r\n    sources: [docs/connector.md]\n    checks: []\n    live-writes: { set: connectors, allow: [erase] }\n`;
    expect(() => parseDecisions(text)).toThrow(/erase is not one of create, update, delete, link/);
  });
});

describe('docs-check over the vendored pages of every set', () => {
  it('every request a reference page sends below the profile maps to an operation of the slice; each set has a page that conforms', () => {
    const dir = fromRoot('specs', 'upstream', 'docs');
    const results = readdirSync(dir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .flatMap((f) => checkPage(readFileSync(path.join(dir, f), 'utf8'), f, slice).map((r) => ({ ...r, file: f })));
    const unmapped = results.filter((r) => r.status === 'skipped' && /unmappable: \/onPremisesPublishingProfiles\//.test(r.reason ?? ''));
    expect(unmapped.map((r) => `${r.file}: ${r.reason}`)).toEqual([]);
    // A page of each set the slice gained that conforms (the others' violations are the pages' own placeholders),
    // but applicationSegments: its pages address segments through an application, outside the slice
    // (decision live-writes-application-segments), and docs-check says so for each.
    const withConforming = new Set(results.filter((r) => r.status === 'conforming' && r.operation).map((r) => entitySetOf(r.operation!.template)));
    expect(newSets.filter((set) => !withConforming.has(set))).toEqual(['applicationSegments']);
    expect(results.some((r) => r.status === 'skipped' && /unmappable: \/applications\/[^ ]+\/ApplicationSegments/.test(r.reason ?? ''))).toBe(true);
  });
});

describe('--only', () => {
  it('sends what the selected checks judge and the creates their paths need, nothing of the other sets; replay of the recordings holds it', async () => {
    const set = newSets[0]!;
    const nested = table.find((o) => o.method === 'get' && entitySetOf(o.path) === set && o.path.split('/').filter((x) => x.startsWith('{')).length === 3)!;
    const target = await startEmulator();
    try {
      const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-only-'));
      const run = await runConformance({ baseUrl: target.baseUrl, only: [`${nested.name}.`], reportDir, quiet: true });
      expect(run.exitCode).toBe(0);
      expect(run.results.checks.map((c) => c.id).sort()).toEqual(derivedIdsOf(nested.name));
      const sent = target.requests.map((r) => r.path.split('?')[0]!).filter((p) => p.includes('/onPremisesPublishingProfiles/'));
      const sets = new Set(sent.map((p) => p.split('/')[3]).filter(Boolean));
      // The preflight reads connectorGroups (reachability, credentials, state); the suite only the nested set.
      expect([...sets].sort()).toEqual([FOUNDING_SET, set].sort());
      expect(sent.filter((p) => p.split('/')[3] === FOUNDING_SET).length).toBeLessThanOrEqual(2);
    } finally {
      await target.close();
    }
    const replayed = await runConformance({ only: [`${nested.name}.`], reportDir: mkdtempSync(path.join(tmpdir(), 'gc-only-')), quiet: true });
    expect(replayed.exitCode).toBe(0);
  }, 60_000);
});

function derivedIdsOf(name: string): string[] {
  return ['status', 'header.content-type', 'body.schema', 'server-error'].map((aspect) => `${name}.${aspect}`).sort();
}

describe('after an interrupt', () => {
  it('what the suites tracked in the other sets is deleted at the path they gave, and said', async () => {
    const target = await startEmulator();
    try {
      const set = newSets.find(
        (x) => table.some((o) => o.method === 'post' && o.path.endsWith(`/${x}`)) && table.some((o) => o.method === 'delete' && entitySetOf(o.path) === x),
      )!;
      const collection = `/onPremisesPublishingProfiles/applicationProxy/${set}`;
      const made = (await (
        await fetch(`${target.baseUrl}${collection}`, {
          method: 'POST',
          headers: { Authorization: 'Bearer T', 'Content-Type': 'application/json' },
          body: '{}',
        })
      ).json()) as { id: string };
      const config = resolveRunConfig(['--base-url', target.baseUrl, '--token', 'T'], {}, fromRoot()).config;
      const lines: string[] = [];
      await cleanUpAfterInterrupt(config, 'SIGINT', [], (l) => lines.push(l), [
        { id: made.id, why: 'interrupted', removal: { path: `${collection}/${made.id}` } },
      ]);
      expect(target.entities(collection.slice(1)).map((e) => e.id)).not.toContain(made.id);
      expect(lines).toContain('SIGINT: deleted 1 of 1 other entities this run had created');
    } finally {
      await target.close();
    }
  });
});

describe('--dry-run', () => {
  it('sends nothing to the target, lists the writes a live run would make, and leaves the report dir alone', async () => {
    const target = await startEmulator();
    const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-dry-'));
    const lines: string[] = [];
    try {
      const run = await runConformance({ target: 'live', baseUrl: target.baseUrl, dryRun: true, reportDir, quiet: true, onProgress: (l) => lines.push(l) });
      expect(target.requests).toHaveLength(0);
      expect(run.exitCode).toBe(0);
      expect(readdir(reportDir)).toEqual([]);
      const written = new Set(run.dryRun!.map((w) => entitySetOf(w.path)));
      expect([...written]).toEqual([FOUNDING_SET]);
      expect(run.dryRun!.map((w) => w.what)).toEqual(expect.arrayContaining(['create', 'modify', 'delete']));
      expect(lines[0]).toMatch(new RegExp(`^dry run: nothing was sent to ${target.baseUrl.replace(/[.]/g, '\\.')}\\b`));
      expect(lines.join('\n')).toMatch(/create\s+create\s+POST …\/connectorGroups\s+×\d+/);
      for (const set of newSets) expect(lines.at(-1)).toContain(`${set} (`);
    } finally {
      await target.close();
    }
  }, 60_000);
});

function readdir(dir: string): string[] {
  return execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean);
}
