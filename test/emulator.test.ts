/**
 * The emulator is driven by the slice: an operation added to a copy of the slice is served with no code
 * change, seed files say what the tenant holds, and the engine's code names no entity set of the slice
 * (what is specific to an entity lives in the entity facts, the seed, the defects and the variants).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, readSeedFile, SeedError, startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { loadSlice } from '../src/openapi/load.js';
import type { OpenApiDocument } from '../src/openapi/operations.js';
import { operationTable } from '../src/openapi/operation-table.js';
import { fromRoot } from '../src/project-root.js';

const AUTH = { authorization: 'Bearer t' };
const PROFILE = '/onPremisesPublishingProfiles/applicationProxy';
const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function get(emulator: RunningEmulator, pathAndQuery: string) {
  const response = await fetch(`${emulator.baseUrl}${pathAndQuery}`, { headers: AUTH });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const SET = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}';

/**
 * The slice with an entity set it does not have, `widgets`, added as the slicer would write one: the list,
 * $count and get-by-key path items of the connectors set copied under the new name, with a key parameter and
 * schemas of their own (`microsoft.graph.widget`, a connector's properties without its navigation). No code.
 */
function sliceWithWidgets(): OpenApiDocument {
  const doc = structuredClone(loadSlice());
  const renamed = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value)
        .replaceAll('microsoft.graph.connectorCollectionResponse', 'microsoft.graph.widgetCollectionResponse')
        .replaceAll('#/components/schemas/microsoft.graph.connector"', '#/components/schemas/microsoft.graph.widget"')
        .replaceAll('"connector-id"', '"widget-id"')
        .replaceAll('"x-ms-docs-key-type":"connector"', '"x-ms-docs-key-type":"widget"')
        .replaceAll('onPremisesPublishingProfiles.connector', 'onPremisesPublishingProfiles.widget')
        .replaceAll('Connector', 'Widget')
        .replaceAll('.connector_', '.widget_'),
    ) as T;
  const schemas = doc.components!.schemas as Record<string, Record<string, unknown>>;
  const responses = doc.components!.responses as Record<string, unknown>;
  const widget = structuredClone(schemas['microsoft.graph.connector']!) as {
    allOf: { title?: string; properties?: Record<string, unknown> }[];
    example?: unknown;
  };
  const own = widget.allOf.find((part) => part.properties)!;
  own.title = 'widget';
  delete own.properties!['memberOf'];
  delete widget.example;
  schemas['microsoft.graph.widget'] = widget;
  const collection = renamed(schemas['microsoft.graph.connectorCollectionResponse']!);
  collection['title'] = 'Collection of widget';
  delete collection['example'];
  schemas['microsoft.graph.widgetCollectionResponse'] = collection;
  responses['microsoft.graph.widgetCollectionResponse'] = renamed(responses['microsoft.graph.connectorCollectionResponse']);
  const connectors = `${SET}/connectors`;
  doc.paths[`${SET}/widgets`] = { get: renamed(doc.paths[connectors]!.get) };
  doc.paths[`${SET}/widgets/$count`] = renamed(doc.paths[`${connectors}/$count`]!);
  doc.paths[`${SET}/widgets/{widget-id}`] = { get: renamed(doc.paths[`${connectors}/{connector-id}`]!.get) };
  return doc;
}

/** The widgets a seed gives the widened slice's tenant: data, like every other set's. */
const WIDGETS = [
  { id: '5ca1ab1e-0000-4000-8000-00000000f001', machineName: 'widget-east-01.contoso.com', externalIp: '203.0.113.30', status: 'active', version: '1.0' },
  { id: '5ca1ab1e-0000-4000-8000-00000000f002', machineName: 'widget-east-02.contoso.com', externalIp: '203.0.113.31', status: 'active', version: '1.0' },
  { id: '5ca1ab1e-0000-4000-8000-00000000f003', machineName: 'widget-west-01.contoso.com', externalIp: '198.51.100.30', status: 'inactive', version: '1.0' },
];

describe('an operation added to the slice', () => {
  it('is served from the seed with no code change: list, query options, paging, $count, get by key, 404', async () => {
    const doc = sliceWithWidgets();
    expect(operationTable(doc).length).toBe(operationTable(loadSlice()).length + 3);
    expect(
      operationTable(doc)
        .filter((o) => o.path.includes('/widgets'))
        .map((o) => `${o.method} ${o.name}`),
    ).toEqual(['get widgets.list', 'get widgets.count', 'get widgets.get']);
    const widened = await startEmulator({ spec: doc, seed: { ...DEFAULT_SEED, [`${PROFILE.slice(1)}/widgets`]: WIDGETS } });
    const original = await startEmulator();
    running.push(widened, original);

    // The project's own slice has no widgets set: the same request is an unknown segment there.
    const before = await get(original, `${PROFILE}/widgets`);
    expect(before.status).toBe(404);
    expect(before.text).toContain("Resource not found for the segment 'widgets'");

    const list = await get(widened, `${PROFILE}/widgets`);
    expect(list.status).toBe(200);
    expect(list.json?.['@odata.context']).toBe("https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/widgets");
    const widgets = list.json?.['value'] as { id: string; machineName: string; status: string }[];
    expect(widgets.map((w) => w.machineName)).toEqual(['widget-east-01.contoso.com', 'widget-east-02.contoso.com', 'widget-west-01.contoso.com']);

    const inactive = await get(widened, `${PROFILE}/widgets?$filter=${encodeURIComponent("status eq 'inactive'")}&$count=true`);
    expect(inactive.json?.['@odata.count']).toBe(1);
    const sorted = await get(widened, `${PROFILE}/widgets?$orderby=${encodeURIComponent('machineName desc')}&$top=2`);
    expect((sorted.json?.['value'] as { machineName: string }[]).map((w) => w.machineName)).toEqual([
      'widget-west-01.contoso.com',
      'widget-east-02.contoso.com',
    ]);
    const next = new URL(String(sorted.json?.['@odata.nextLink']));
    expect((await get(widened, next.pathname + next.search)).json?.['value']).toHaveLength(1);
    expect((await get(widened, `${PROFILE}/widgets/$count`)).text).toBe('3');

    const one = await get(widened, `${PROFILE}/widgets/${widgets[0]!.id}?$select=status`);
    expect(one.json).toEqual({
      '@odata.context': "https://graph.microsoft.com/beta/$metadata#onPremisesPublishingProfiles('applicationProxy')/widgets/$entity",
      id: widgets[0]!.id,
      status: 'active',
    });
    const unknown = await get(widened, `${PROFILE}/widgets/not-a-widget`);
    expect(unknown.status).toBe(404);
    expect((unknown.json?.['error'] as { code: string }).code).toBe('Request_ResourceNotFound');
    // A property the type does not have is refused, as for every other set.
    expect((await get(widened, `${PROFILE}/widgets?$orderby=colour`)).status).toBe(400);
    // What the slice does not document is not served: no POST on the new set.
    const post = await fetch(`${widened.baseUrl}${PROFILE}/widgets`, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
    // The sets the slice already had are served as before beside it.
    expect((await get(widened, `${PROFILE}/connectors/$count`)).text).toBe('3');
  });
});

describe('seed data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gc-seed-'));

  it("a user's seed file (YAML) is the tenant the emulator starts with", async () => {
    const file = path.join(dir, 'tenant.yaml');
    writeFileSync(
      file,
      [
        'onPremisesPublishingProfiles:',
        '  - id: applicationProxy',
        'onPremisesPublishingProfiles/applicationProxy/connectorGroups:',
        '  - { id: g1, name: Mine, connectorGroupType: applicationProxy, isDefault: true, region: eur, members: [c1] }',
        'onPremisesPublishingProfiles/applicationProxy/connectors:',
        "  - { '@odata.type': '#microsoft.graph.connector', id: c1, machineName: m1, externalIp: 192.0.2.1, status: active, version: '1.0' }",
      ].join('\n'),
    );
    const emulator = await startEmulator({ seed: readSeedFile(file) });
    running.push(emulator);
    const groups = await get(emulator, `${PROFILE}/connectorGroups`);
    expect((groups.json?.['value'] as { name: string }[]).map((g) => g.name)).toEqual(['Mine']);
    const members = await get(emulator, `${PROFILE}/connectorGroups/g1/members`);
    expect((members.json?.['value'] as { id: string }[]).map((c) => c.id)).toEqual(['c1']);
  });

  it('a seed file that cannot be used says why, naming the file and the entry', () => {
    const bad = (name: string, text: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      return () => readSeedFile(file);
    };
    expect(() => readSeedFile(path.join(dir, 'missing.yaml'))).toThrow(SeedError);
    expect(() => readSeedFile(path.join(dir, 'missing.yaml'))).toThrow(
      /cannot read the seed file .*missing\.yaml \(no such file\); a seed file is JSON or YAML/,
    );
    expect(bad('list.yaml', '- a\n- b\n')).toThrow(/keys are collection paths/);
    expect(bad('noid.yaml', 'onPremisesPublishingProfiles:\n  - name: x\n')).toThrow(/'onPremisesPublishingProfiles' item 1 has no id/);
    expect(bad('broken.json', '{"a": [')).toThrow(/neither JSON nor YAML/);
  });

  it('a seed that names a collection the slice cannot type, or an owner not seeded, is refused at start', async () => {
    await expect(startEmulator({ seed: { onPremisesPublishingProfiles: [{ id: 'applicationProxy' }], 'elsewhere/x/y': [{ id: 'a' }] } })).rejects.toThrow(
      /seed 'elsewhere\/x\/y'/,
    );
    await expect(startEmulator({ seed: { 'onPremisesPublishingProfiles/nope/connectorGroups': [{ id: 'g' }] } })).rejects.toThrow(/nope is not in/);
  });
});

describe('the engine', () => {
  it('names no entity set, entity type or operation of the slice: those come from the slice, the entity facts, the seed and the records', () => {
    const dataFiles = new Set(['entity-facts.ts', 'seed.ts', 'defects.ts', 'variants.ts', 'index.ts']);
    const engine = readdirSync(fromRoot('src/emulator')).filter((f) => f.endsWith('.ts') && !dataFiles.has(f));
    expect(engine.length).toBeGreaterThan(8);
    const named: string[] = [];
    for (const file of engine) {
      const code = readFileSync(fromRoot('src/emulator', file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      // Each entity set, entity type and navigation of the slice, by name.
      const names =
        /connectorGroups?|\bconnectors?\b|applicationProxy|\bapplications?\b(?!\/)|\bmembers\b|\bmemberOf\b|\blogo\b|agentGroups?|\bagents?\b|onPremisesAgents?\b|publishedResources?|applicationSegments?|onPremisesPublishingProfiles?/gi;
      for (const word of code.match(names) ?? []) named.push(`${file}: ${word}`);
    }
    expect(named).toEqual([]);
  });
});

describe('read-only properties (specs/entity-facts.yaml readOnly, serverSet)', () => {
  it('a value sent for one is read, type-checked and ignored; the suites never send one', async () => {
    const emulator = await startEmulator();
    running.push(emulator);
    const post = async (set: string, body: unknown) => {
      const response = await fetch(`${emulator.baseUrl}${PROFILE}/${set}`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const connector = await post('connectors', { machineName: 'm1', externalIp: '203.0.113.7', status: 'active', version: '1.5' });
    expect(connector.status).toBe(201);
    expect(Object.keys(connector.json).filter((k) => !k.startsWith('@'))).toEqual(['id', 'machineName']);
    // Still type-checked: a read-only property of the wrong type is a 400, as any other.
    expect((await post('connectors', { machineName: 'm2', status: 42 })).status).toBe(400);
    // Set by the system: an agent group is never made the default by a client.
    expect((await post('agentGroups', { displayName: 'g', isDefault: true })).json).toMatchObject({ isDefault: false });

    const doc = loadSlice();
    const { bodyFactory } = await import('../fixtures/factories/index.js');
    const { faker } = await import('@faker-js/faker');
    const { factsOf, notWritten } = await import('../src/emulator/entity-facts.js');
    for (const type of ['microsoft.graph.connector', 'microsoft.graph.onPremisesAgent', 'microsoft.graph.onPremisesAgentGroup']) {
      const factory = bodyFactory(doc, { $ref: `#/components/schemas/${type}` });
      const sent = [...Object.keys(factory.create(faker, 'run')), ...Object.keys(factory.update(faker, 'run'))];
      const never = notWritten(factsOf(type));
      expect(never.length, type).toBeGreaterThan(1);
      expect(
        sent.filter((k) => never.includes(k)),
        type,
      ).toEqual([]);
    }
  });
});
