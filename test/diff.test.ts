/**
 * `diff`: a target against the recordings, field by field. The shipped recordings come from the reference
 * double, so a fresh double differs in nothing; the double switched into a defect no schema states, or a
 * recording doctored in one field, differs in exactly that.
 */
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import { startDouble, type Defect } from '../harness/double/server.js';
import { runConformance } from './support/run-cli.js';

const SHIPPED = fromRoot('fixtures', 'recordings');

interface DiffResults {
  command: string;
  requests: number;
  summary: { differences: number; known: number };
  diffs: Array<{ id: string; pointer: string; recorded: unknown; target: unknown; request: string; known?: string }>;
}

async function diffAgainst(defects: Defect[], extra: string[] = [], fixturesDir = SHIPPED) {
  const double = await startDouble({ defects });
  try {
    const run = await runConformance(['diff', '--base-url', double.baseUrl, '--fixtures-dir', fixturesDir, ...extra]);
    const results = JSON.parse(readFileSync(path.join(run.reportDir, 'results.json'), 'utf8')) as DiffResults;
    return { ...run, diff: results, left: [...double.groups.values()].filter((g) => g.name.startsWith('conformance-')) };
  } finally {
    await double.close();
  }
}

const ids = (r: DiffResults) => [...new Set(r.diffs.map((d) => d.id))].sort();

describe.concurrent('npm run conformance -- diff', () => {
  test('a fresh reference double against the recordings made from it: no difference, exit 0, nothing left behind', async () => {
    const { code, stdout, diff, left } = await diffAgainst([]);
    expect(code, stdout).toBe(0);
    expect(diff.diffs).toEqual([]);
    expect(diff.requests).toBeGreaterThan(100);
    expect(stdout).toMatch(/recorded against graph-conformance's own reference double, not against Microsoft Graph/);
    expect(left).toEqual([]);
  });

  test('a target that changes a value no schema constrains (the name it echoes) differs there and nowhere else', async () => {
    const { code, diff, left, reportDir } = await diffAgainst(['create-echo-name']);
    expect(code).toBe(1);
    expect(ids(diff)).toEqual(['diff.create./name']);
    const first = diff.diffs[0]!;
    expect(first.request).toMatch(/^POST \/onPremisesPublishingProfiles\/applicationProxy\/connectorGroups$/);
    expect(String(first.target)).toBe(`${String(first.recorded).toUpperCase()} (renamed)`);
    expect(left).toEqual([]);
    const page = readFileSync(path.join(reportDir, 'report.html'), 'utf8');
    expect(page).toContain('<code>diff.create./name</code>');
    expect(page).toMatch(/Compared with recordings not made against Microsoft Graph: .*create \(reference-double\)/);
  });

  test('what no schema states and no check sees: a different default for an omitted region, a 200 the slice also allows', async () => {
    const region = await diffAgainst(['default-region-eur']);
    expect(region.code).toBe(1);
    // Every answer that shows a group created without a region by value: the create and the reads of it
    // (a list's items are compared by shape).
    expect(new Set(region.diff.diffs.map((d) => d.pointer))).toEqual(new Set(['/region']));
    expect(region.diff.diffs.every((d) => d.recorded === 'nam' && d.target === 'eur')).toBe(true);
    const patch = await diffAgainst(['update-200-always']);
    expect(patch.code).toBe(1);
    expect(ids(patch.diff)).toEqual(['diff.update./', 'diff.update.header:content-type', 'diff.update.status']);
    expect(patch.diff.diffs).toContainEqual(expect.objectContaining({ id: 'diff.update.status', recorded: 204, target: 200 }));
  });

  test('a recording doctored in one field: exactly that pointer, with both values', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-diff-'));
    cpSync(SHIPPED, dir, { recursive: true });
    const file = path.join(dir, 'create.json');
    const cassette = JSON.parse(readFileSync(file, 'utf8')) as Cassette;
    (cassette.interactions.find((i) => i.request.method === 'POST')!.response.body as { isDefault: boolean }).isDefault = true;
    writeFileSync(file, JSON.stringify(cassette));
    const { code, diff } = await diffAgainst([], [], dir);
    expect(code).toBe(1);
    expect(diff.diffs.map(({ id, recorded, target }) => ({ id, recorded, target }))).toEqual([{ id: 'diff.create./isDefault', recorded: true, target: false }]);
  });

  test('--baseline accepts a known difference by its id: reported as known, exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-diff-baseline-'));
    const baseline = path.join(dir, 'baseline.yaml');
    writeFileSync(baseline, 'diff.create./name: this mock upper-cases names\n');
    const { code, diff } = await diffAgainst(['create-echo-name'], ['--baseline', baseline]);
    expect(code).toBe(0);
    expect(diff.summary.known).toBe(diff.summary.differences);
    expect(diff.diffs.every((d) => d.known === 'this mock upper-cases names')).toBe(true);
  });
});
