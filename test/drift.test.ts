/**
 * The drift report of `npm run spec:slice -- --from …`: the comparison on two real revisions of
 * Microsoft's module, on parsed documents, and the command itself against a local server standing in
 * for Microsoft's repository (never the network).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createHttpServer, type Server } from 'node:http';
import { REFUSING_PORT } from './support/ports.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromRoot } from '../src/project-root.js';
import { computeDrift, cutFamily, familyOf, formatChange, formatDrift, type DriftChange, type Family } from '../tools/openapi/drift.js';
import { GROUP_PATH, GROUPS_PATH } from '../src/openapi/paths.js';
import type { JsonObject } from '../tools/openapi/source.js';
import { runCommand } from './support/run-cli.js';

const MODULE_2020_12 = 'powershell-openApiDocs-beta-Applications.2020-12.yml';
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];
const MODULE_2024_10 = 'powershell-openApiDocs-beta-Applications.2024-10.yml';
const upstream = (file: string) => readFileSync(fromRoot('specs', 'upstream', file));

let old: Family;
let current: Family;
let changes: DriftChange[];
let report: string;

beforeAll(() => {
  old = familyOf(upstream(MODULE_2020_12), MODULE_2020_12);
  current = familyOf(upstream(MODULE_2024_10), MODULE_2024_10);
  changes = computeDrift(old, current);
  report = formatDrift(changes, { before: '2020-12', after: '2024-10' }, old, current);
});

describe('drift from the 2020-12 module to the 2024-10 module', () => {
  it('reports the status codes that became ranges', () => {
    expect(changes).toContainEqual({ kind: 'status-codes', method: 'POST', path: GROUPS_PATH, removed: ['201'], added: ['2XX'] });
    expect(changes).toContainEqual({ kind: 'status-codes', method: 'PATCH', path: GROUP_PATH, removed: ['204'], added: ['2XX'] });
    expect(report).toContain(`  ~ POST ${GROUPS_PATH}: 201 → 2XX\n`);
    expect(report).toContain(`  ~ PATCH ${GROUP_PATH}: 204 → 2XX\n`);
    expect(report).toContain(`  ~ DELETE ${GROUP_PATH}: 204 → 2XX\n`);
    expect(report).toContain(`  ~ PATCH ${GROUP_PATH} 2XX response body: none → application/json microsoft.graph.connectorGroup\n`);
  });

  it('reports operations added and removed, by method and path', () => {
    expect(report).toContain(`  + GET ${GROUPS_PATH}/$count\n`);
    expect(report).toContain(`  - POST ${GROUP_PATH}/members\n`);
    expect(report).toContain(`  + POST ${GROUP_PATH}/members/$ref\n`);
    const removed = changes.filter((c) => c.kind === 'operation-removed');
    // Of the connectorGroups family, as before the slice grew; the other sets' paths were renamed wholesale.
    expect(removed.filter((c) => 'path' in c && c.path.includes('/connectorGroups'))).toHaveLength(11);
    expect(removed).toHaveLength(67);
  });

  it('groups innererror → innerError as one renamed-looking property of the renamed error schema', () => {
    expect(changes).toContainEqual({ kind: 'schema-renamed', before: 'odata.error', after: 'microsoft.graph.ODataErrors.ODataError' });
    expect(changes).toContainEqual({ kind: 'schema-renamed', before: 'odata.error.main', after: 'microsoft.graph.ODataErrors.MainError' });
    expect(changes).toContainEqual({
      kind: 'property-renamed',
      schema: 'microsoft.graph.ODataErrors.MainError',
      before: 'innererror',
      after: 'innerError',
      beforeType: 'object',
      afterType: 'microsoft.graph.ODataErrors.InnerError',
    });
    expect(report).toContain(
      '  ~ microsoft.graph.ODataErrors.MainError (was odata.error.main): property innererror → innerError (renamed-looking; object → microsoft.graph.ODataErrors.InnerError)\n',
    );
    const loose = changes.filter((c) => (c.kind === 'property-added' || c.kind === 'property-removed') && /innererror/i.test(c.property));
    expect(loose).toEqual([]);
  });

  it('reports nullability, new properties and enum members; one schema split in three is no rename', () => {
    expect(report).toContain('  ~ microsoft.graph.ODataErrors.MainError (was odata.error.main): property target nullable no → yes\n');
    expect(report).toContain('  + microsoft.graph.connector: property version\n');
    expect(report).toContain('  + microsoft.graph.singleSignOnMode: enum member oAuthToken\n');
    expect(changes).toContainEqual({ kind: 'schema-removed', schema: 'microsoft.graph.metadataEntry' });
    expect(changes).toContainEqual({
      kind: 'property-type',
      schema: 'microsoft.graph.objectDefinition',
      property: 'metadata',
      before: 'microsoft.graph.metadataEntry[]',
      after: 'microsoft.graph.objectDefinitionMetadataEntry[]',
    });
  });

  it('starts with a heading and the size of each side, and ends with the count', () => {
    const lines = report.trimEnd().split('\n');
    expect(lines[0]).toBe('drift of the selection: 2020-12 → 2024-10');
    const size = (f: Family) =>
      `${f.paths.size} paths, ${[...f.paths.values()].flatMap((item) => Object.keys(item).filter((k) => METHODS.includes(k))).length} operations, ${f.components.get('schemas')?.size ?? 0} schemas`;
    expect(lines[1]).toBe(`  before: ${size(old)}; after: ${size(current)}`);
    expect(lines.at(-1)).toBe(`${changes.length} changes in the selected family (specs/selection.yaml).`);
  });

  it('reads the other way round as the same changes reversed', () => {
    const back = computeDrift(current, old).map((c) => formatChange(c));
    expect(back).toContain(`~ POST ${GROUPS_PATH}: 2XX → 201`);
    expect(back).toContain('~ odata.error.main: property innerError → innererror (renamed-looking; microsoft.graph.ODataErrors.InnerError → object)');
  });
});

describe('no drift', () => {
  it('between a document and itself', () => {
    expect(computeDrift(current, current)).toEqual([]);
    expect(computeDrift(old, old)).toEqual([]);
    expect(formatDrift([], { before: 'a', after: 'b' }, current, current)).toContain(
      'No drift: the selected family (specs/selection.yaml) is the same in both',
    );
  });

  it('between the committed slice and the module it was cut from, on what the decisions leave alone', () => {
    const slice = parse(readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8')) as JsonObject;
    const kinds = new Set(computeDrift(current, cutFamily(slice)).map((c) => c.kind));
    // The decisions narrow status codes, add an example and make region nullable: nothing else moves.
    expect([...kinds].sort()).toEqual(['nullable', 'status-codes']);
  });
});

describe('on parsed documents', () => {
  it('reports enum members, nullability, required and properties of an edited copy', () => {
    const slice = parse(readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8')) as JsonObject;
    const edited = structuredClone(slice) as { components: { schemas: Record<string, JsonObject & { allOf?: JsonObject[] }> } };
    const schemas = edited.components.schemas;
    const region = schemas['microsoft.graph.connectorGroupRegion'] as { enum: string[]; nullable?: boolean };
    region.enum = region.enum.filter((v) => v !== 'ind').concat('swe');
    // region is nullable through its enum type (decision region-nullable): no longer so.
    delete region.nullable;
    const own = (schemas['microsoft.graph.connectorGroup']?.allOf?.[1] ?? {}) as { properties: Record<string, JsonObject>; required?: string[] };
    own.properties.description = { type: 'string', nullable: true };
    own.required = ['name'];
    const drift = computeDrift(cutFamily(slice), cutFamily(edited)).map((c) => formatChange(c));
    expect(drift).toEqual([
      '+ microsoft.graph.connectorGroup: property description',
      '~ microsoft.graph.connectorGroup: property name required no → yes',
      '~ microsoft.graph.connectorGroup: property region nullable yes → no',
      '+ microsoft.graph.connectorGroupRegion: enum member swe',
      '- microsoft.graph.connectorGroupRegion: enum member ind',
    ]);
  });

  it('refuses what is not an OpenAPI 3 document', () => {
    expect(() => familyOf('<html>rate limited</html>\n', 'https://example.invalid/Applications.yml')).toThrow(/is not an OpenAPI 3\.x document/);
  });
});

describe.concurrent('npm run spec:slice -- --from', () => {
  let server: Server;
  let base: string;
  const served: string[] = [];

  beforeAll(async () => {
    const body = upstream(MODULE_2020_12);
    server = createHttpServer((req, res) => {
      served.push(req.url ?? '');
      if (req.url === '/openApiDocs/beta/Applications.yml') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(body);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('404: Not Found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('microsoft, from the URL the environment gives: reports the drift and exits 0', async () => {
    const url = `${base}/openApiDocs/beta/Applications.yml`;
    const run = await runCommand('tools/cli/slice.ts', ['--from', 'microsoft'], { GRAPH_CONFORMANCE_UPSTREAM_URL: url });
    expect(run.stderr).toContain(`fetched ${url} (0.7 MB, sha256 0e13a5f98dc583b0afab950db217049ad39fd44a99a7c021d85d0f4d6334d10e)`);
    expect(run.code, run.stderr).toBe(0);
    expect(served).toContain('/openApiDocs/beta/Applications.yml');
    expect(run.stdout).toContain(`drift of the selection: specs/upstream/${MODULE_2024_10} (vendored) → ${url}\n`);
    expect(run.stdout).toContain(`  ~ POST ${GROUPS_PATH}: 2XX → 201\n`);
    expect(run.stdout).toContain(`  ~ PATCH ${GROUP_PATH}: 2XX → 204\n`);
    expect(run.stdout).toContain('property innerError → innererror (renamed-looking;');
    expect(run.stdout).toMatch(/Slicing it would fail: decision create-status-201 no longer applies/);
    expect(run.stdout).toContain(`curl -fsSL ${url} -o specs/upstream/`);
  });

  it('URL with --fail-on-drift: exits 1 when the family changed', async () => {
    const run = await runCommand('tools/cli/slice.ts', ['--from', `${base}/openApiDocs/beta/Applications.yml`, '--fail-on-drift']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain(`  ~ POST ${GROUPS_PATH}: 2XX → 201\n`);
  });

  it('a URL that answers 404: exits 2, saying where from and why', async () => {
    const run = await runCommand('tools/cli/slice.ts', ['--from', `${base}/missing.yml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`could not fetch the Applications module from ${base}/missing.yml: HTTP 404 Not Found.`);
    expect(run.stdout).toBe('');
  });

  it('offline: exits 2, saying the module could not be fetched, from where, why, and that nothing changed', async () => {
    const port = REFUSING_PORT;
    const run = await runCommand('tools/cli/slice.ts', ['--from', `http://127.0.0.1:${port}/x.yml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `spec:slice: could not fetch the Applications module from http://127.0.0.1:${port}/x.yml: connection refused (ECONNREFUSED). ` +
        `Nothing was changed: the vendored copy (specs/upstream/${MODULE_2024_10}) and specs/openapi.yaml are as they were.`,
    );
    expect(run.stdout).toBe('');
  });
});

describe('cutting the same slice again', () => {
  it('keeps its date, so the slice and its sha256 do not change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-reslice-'));
    const out = path.join(dir, 'openapi.yaml');
    const committed = readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8');
    writeFileSync(out, committed);
    const run = await runCommand('tools/cli/slice.ts', ['--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8') === committed, 'a re-cut slice differs from the committed one').toBe(true);
  });
});
