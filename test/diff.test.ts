/**
 * `diff`: a target against the recordings, field by field. The shipped recordings come from the reference
 * double, so a fresh double differs in nothing — also one that names its own service root in its URLs, each
 * side's URLs read from its own root; the double switched into a defect no schema states, or a recording
 * doctored in one field, differs in exactly that, reported once per behaviour with every difference kept.
 */
import { groupMap } from './support/emulator.js';
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/project-root.js';
import type { Cassette } from '../src/engine/cassette.js';
import { startEmulator, type Defect, type EmulatorOptions } from '../src/emulator/index.js';
import { runConformance } from './support/run-cli.js';
import { compareAnswers, GRAPH_SERVICE_ROOT, readFromRoot, type UrlRoots } from '../src/diff/compare.js';
import type { CapturedResponse } from '../src/client/exchange.js';

const SHIPPED = fromRoot('fixtures', 'recordings');

interface DiffResults {
  command: string;
  requests: number;
  summary: { differences: number; known: number; behaviours: number; knownBehaviours: number };
  behaviours: Array<{ id: string; kind: string; count: number; known?: string; example: { request: string; recorded: unknown; target: unknown } }>;
  diffs: Array<{
    id: string;
    behaviour: { id: string; kind: string };
    pointer: string;
    recorded: unknown;
    target: unknown;
    request: string;
    known?: string;
  }>;
}

async function diffAgainst(defects: Defect[], extra: string[] = [], fixturesDir = SHIPPED, serviceRoot: EmulatorOptions['serviceRoot'] = 'graph') {
  const double = await startEmulator({ defects, serviceRoot });
  try {
    const run = await runConformance(['diff', '--base-url', double.baseUrl, '--fixtures-dir', fixturesDir, ...extra]);
    const results = JSON.parse(readFileSync(path.join(run.reportDir, 'results.json'), 'utf8')) as DiffResults;
    return { ...run, diff: results, left: [...groupMap(double).values()].filter((g) => g.name.startsWith('conformance-')) };
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
    expect(stdout).toMatch(/recorded against graph-conformance's own emulator, not against Microsoft Graph/);
    expect(left).toEqual([]);
  });

  test('a second instance whose @odata.context and next links name its own service root: no difference, exit 0', async () => {
    // Its URLs really are its own, not Graph's: as written, they differ from what the recordings hold.
    const own = await startEmulator({ serviceRoot: 'own' });
    try {
      const page = await fetch(`${own.baseUrl}/onPremisesPublishingProfiles/applicationProxy/connectorGroups`, { headers: { Authorization: 'Bearer t' } });
      expect(((await page.json()) as { '@odata.context': string })['@odata.context']).toBe(
        `${own.baseUrl}/$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups`,
      );
    } finally {
      await own.close();
    }
    const { code, stdout, diff, left, reportDir } = await diffAgainst([], [], SHIPPED, 'own');
    expect(code, stdout).toBe(0);
    expect(diff.diffs).toEqual([]);
    expect(diff.summary).toEqual({ differences: 0, known: 0, behaviours: 0, knownBehaviours: 0 });
    expect(diff.requests).toBeGreaterThan(100);
    expect(stdout).toMatch(/^\d+ requests, 0 differences$/m);
    expect(left).toEqual([]);
    expect(readFileSync(path.join(reportDir, 'report.html'), 'utf8')).toContain('NO DIFFERENCE');
  });

  test('a defect of that instance still differs, one line per behaviour with its count and an example; results.json keeps every difference', async () => {
    const { code, stdout, diff, reportDir } = await diffAgainst(['create-echo-name'], [], SHIPPED, 'own');
    expect(code).toBe(1);
    expect(ids(diff)).toEqual(['diff.create./name']);
    const count = diff.diffs.length;
    expect(count).toBeGreaterThan(1);
    expect(diff.diffs.every((d) => d.behaviour.id === d.id && d.behaviour.kind === 'property')).toBe(true);
    expect(diff.summary).toMatchObject({ differences: count, behaviours: 1 });
    expect(diff.behaviours).toEqual([
      {
        id: 'diff.create./name',
        kind: 'property',
        count,
        example: expect.objectContaining({ request: diff.diffs[0]!.request, recorded: diff.diffs[0]!.recorded, target: diff.diffs[0]!.target }) as unknown,
      },
    ]);
    const lines = stdout.split('\n').filter((l) => l.trimStart().startsWith('✗'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^  ✗ diff\\.create\\./name \\(property\\) in ${count} answers — e\\.g\\. POST /onPremisesPublishingProfiles/applicationProxy/connectorGroups: recorded "conformance-.*", target "CONFORMANCE-.* \\(renamed\\)"$`,
      ),
    );
    expect(stdout).toMatch(new RegExp(`^\\d+ requests, ${count} differences in 1 behaviour$`, 'm'));
    const page = readFileSync(path.join(reportDir, 'report.html'), 'utf8');
    expect(page.match(/<code>diff\.create\.\/name<\/code>/g)).toHaveLength(1);
    expect(page).toContain(`all ${count} requests`);
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
    expect(diff.summary).toMatchObject({ behaviours: 1, knownBehaviours: 1 });
    expect(diff.behaviours[0]).toMatchObject({ id: 'diff.create./name', known: 'this mock upper-cases names' });
  });
});

describe("URLs a server wrote, each read from its own side's roots", () => {
  const ENTITY = "$metadata#onPremisesPublishingProfiles('applicationProxy')/connectorGroups/$entity";
  const roots: UrlRoots = { recorded: ['http://127.0.0.1:4038', GRAPH_SERVICE_ROOT], target: ['http://127.0.0.1:5000/beta', GRAPH_SERVICE_ROOT] };
  const answer = (body: unknown, headers: Record<string, string> = {}): CapturedResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const compare = (recorded: unknown, target: unknown, headers: [Record<string, string>, Record<string, string>] = [{}, {}]) =>
    compareAnswers(
      { status: 200, headers: { 'content-type': 'application/json', ...headers[0] }, body: recorded },
      answer(target, headers[1]),
      undefined,
      false,
      roots,
    );

  test('a context URL by what follows $metadata; any other URL by what follows the root; the deepest root a URL is under', () => {
    expect(readFromRoot(`${GRAPH_SERVICE_ROOT}/${ENTITY}`, roots.recorded)).toBe(ENTITY.slice('$metadata'.length));
    expect(readFromRoot(`http://127.0.0.1:5000/beta/${ENTITY}`, roots.target)).toBe(ENTITY.slice('$metadata'.length));
    expect(readFromRoot('http://127.0.0.1:4038/onPremisesPublishingProfiles/applicationProxy/connectors/c1?x=1', roots.recorded)).toBe(
      '/onPremisesPublishingProfiles/applicationProxy/connectors/c1?x=1',
    );
    expect(readFromRoot(`https://graph.microsoft.com/beta/$metadata#x`, ['https://graph.microsoft.com', GRAPH_SERVICE_ROOT])).toBe('#x');
    // At a segment boundary, on the root's origin only, and only absolute URLs.
    expect(readFromRoot(`http://127.0.0.1:5000/betax/${ENTITY}`, roots.target)).toBeUndefined();
    expect(readFromRoot(`http://127.0.0.1:50001/beta/${ENTITY}`, roots.target)).toBeUndefined();
    expect(readFromRoot(`https://graph.microsoft.com/v1.0/${ENTITY}`, roots.target)).toBeUndefined();
    expect(readFromRoot(ENTITY, roots.target)).toBeUndefined();
  });

  test('the same context from two roots is no difference; a context on a third host, or naming another thing, is one', () => {
    expect(compare({ '@odata.context': `${GRAPH_SERVICE_ROOT}/${ENTITY}` }, { '@odata.context': `http://127.0.0.1:5000/beta/${ENTITY}` })).toEqual([]);
    expect(compare({ '@odata.context': `http://127.0.0.1:4038/${ENTITY}` }, { '@odata.context': `${GRAPH_SERVICE_ROOT}/${ENTITY}` })).toEqual([]);
    const elsewhere = `http://evil.example/beta/${ENTITY}`;
    expect(compare({ '@odata.context': `${GRAPH_SERVICE_ROOT}/${ENTITY}` }, { '@odata.context': elsewhere })).toEqual([
      { pointer: '/@odata.context', recorded: `${GRAPH_SERVICE_ROOT}/${ENTITY}`, target: elsewhere },
    ]);
    // The recording's root is not the target's: a target writing the recording's host wrote a foreign URL.
    expect(compare({ '@odata.context': `${GRAPH_SERVICE_ROOT}/${ENTITY}` }, { '@odata.context': `http://127.0.0.1:4038/${ENTITY}` })).toHaveLength(1);
    expect(
      compare({ '@odata.context': `${GRAPH_SERVICE_ROOT}/${ENTITY}` }, { '@odata.context': `http://127.0.0.1:5000/beta/$metadata#connectors` }),
    ).toHaveLength(1);
    // Any URL-valued property, not only annotations.
    expect(compare({ '@odata.id': `${GRAPH_SERVICE_ROOT}/connectors/c1` }, { '@odata.id': 'http://127.0.0.1:5000/beta/connectors/c1' })).toEqual([]);
  });

  test("a collection's first items are different items: a nullable property null on one is no difference, a type change is", () => {
    const list = (region: unknown) => ({ value: [{ id: 'g1', name: 'a', region }] });
    expect(compare(list(null), list('nam'))).toEqual([]);
    expect(compare(list('nam'), list(null))).toEqual([]);
    expect(compare(list('nam'), list(42))).toEqual([{ pointer: '/value/0/region', recorded: 'nam', target: 42 }]);
    // Outside a collection, the same entity: null for a value is a difference.
    expect(compare({ region: 'nam' }, { region: null })).toEqual([{ pointer: '/region', recorded: 'nam', target: null }]);
  });

  test('a Location both sides sent, by what it names from its root', () => {
    const location = (recorded: string, target: string) => compare({}, {}, [{ Location: recorded }, { location: target }]);
    expect(location('http://127.0.0.1:4038/connectorGroups/g1', 'http://127.0.0.1:5000/beta/connectorGroups/g1')).toEqual([]);
    expect(location('http://127.0.0.1:4038/connectorGroups/g1', 'http://127.0.0.1:5000/connectorGroups/g1')).toEqual([
      { pointer: 'header:location', recorded: 'http://127.0.0.1:4038/connectorGroups/g1', target: 'http://127.0.0.1:5000/connectorGroups/g1' },
    ]);
    expect(compare({}, {}, [{}, { location: 'http://127.0.0.1:5000/beta/x' }])).toEqual([]);
  });
});
