import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { fromRoot } from '../src/project-root.js';
import { componentClosure, parseComponentRef } from '../tools/openapi/closure.js';
import { loadDecisions, parseDecisions, type Decision, type DecisionSet } from '../src/openapi/decisions.js';
import { collectRefs } from '../tools/openapi/openapi-walk.js';
import { sliceOpenApi, type SliceResult } from '../tools/openapi/slice.js';
import { checkSelection, readSelection, selectsPath } from '../tools/openapi/selection.js';
import { isObject, type Json, type JsonObject } from '../tools/openapi/source.js';

const UPSTREAM = fromRoot('specs', 'upstream');
const MODULE_2024_10 = 'powershell-openApiDocs-beta-Applications.2024-10.yml';
const CREATE = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';
const ITEM = `${CREATE}/{connectorGroup-id}`;

let decisions: DecisionSet;
let committedText: string;
let committed: JsonObject;
let moduleBytes: Buffer;
let indexed: SliceResult;

beforeAll(() => {
  decisions = loadDecisions();
  committedText = readFileSync(fromRoot('specs', 'openapi.yaml'), 'utf8');
  committed = parse(committedText) as JsonObject;
  moduleBytes = readFileSync(path.join(UPSTREAM, MODULE_2024_10));
  indexed = sliceOpenApi(moduleBytes, { sourceName: MODULE_2024_10, decisions: decisions.decisions, slicedAt: xSlice(committed).slicedAt as string });
});

describe('the committed slice (specs/openapi.yaml)', () => {
  it('is what slicing the 2024-10 module produces today', () => {
    expect(indexed.mode).toBe('line-index');
    expect(indexed.yaml === committedText, 'specs/openapi.yaml differs from a fresh slice of the 2024-10 module: run npm run spec:slice').toBe(true);
  });

  it('orders literal segments ($count, $ref) before parameters at the same place, for mocks that route in document order', () => {
    const keys = Object.keys(committed.paths as JsonObject);
    const segments = keys.map((k) => k.split('/'));
    for (const [i, a] of segments.entries()) {
      for (const [j, b] of segments.entries()) {
        const at = a.findIndex((s, n) => s !== b[n]);
        if (at < 0 || b[at] === undefined) continue;
        if (!/^\{.+\}$/.test(a[at]!) && /^\{.+\}$/.test(b[at]!)) expect(i, `${keys[i]} before ${keys[j]}`).toBeLessThan(j);
      }
    }
    expect(keys.indexOf(`${CREATE}/$count`)).toBeLessThan(keys.indexOf(ITEM));
  });

  it('holds exactly the path items specs/selection.yaml selects, without the methods it excludes', () => {
    const selection = readSelection();
    const paths = Object.keys(committed.paths as JsonObject);
    const module = Object.keys((parse(readFileSync(fromRoot('specs', 'upstream', MODULE_2024_10), 'utf8')) as { paths: JsonObject }).paths);
    expect(paths.sort()).toEqual(module.filter((p) => selectsPath(selection, p)).sort());
    expect(paths).toContain(selection.under);
    for (const { path, methods } of selection.exclude)
      for (const m of methods) expect((committed.paths as Record<string, JsonObject>)[path]![m], `${m} ${path}`).toBeUndefined();
    expect(xSlice(committed)).toMatchObject({ source: MODULE_2024_10, paths: paths.length });
  });

  it('a selection file is checked: a path to select under, each exclusion with methods and why', () => {
    expect(() => checkSelection({ under: 'x' })).toThrow(/`under` must be a path/);
    expect(() => checkSelection({ under: '/a', exclude: [{ path: '/a', methods: ['PATCH'], why: 'w' }] })).toThrow(/methods in lower case/);
    expect(() => checkSelection({ under: '/a', exclude: [{ path: '/a', methods: ['patch'] }] })).toThrow(/why must say why/);
    expect(() => checkSelection({ under: '/a', select: [] })).toThrow(/unknown key `select`/);
    const selection = checkSelection({ under: '/a/{id}/' });
    expect([selectsPath(selection, '/a/{id}'), selectsPath(selection, '/a/{id}/b'), selectsPath(selection, '/a/{id}b'), selectsPath(selection, '/a')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('holds every component its paths reach and no other', () => {
    const { paths, components } = committed as { paths: JsonObject; components: Record<string, JsonObject> };
    const reached = componentClosure(Object.entries(paths), (section, name) => components[section]?.[name]);
    for (const [section, entries] of Object.entries(components)) {
      if (section === 'securitySchemes') continue; // named by `security`, not by $ref
      expect(Object.keys(entries).sort(), `unreferenced components.${section}`).toEqual([...(reached.get(section)?.keys() ?? [])].sort());
    }
    expect(xSlice(committed).schemas).toBe(Object.keys(components.schemas ?? {}).length);
  });

  it('resolves every $ref', () => {
    const refs: string[] = [];
    collectRefs(committed, (ref) => refs.push(ref));
    expect(refs.length).toBeGreaterThan(100);
    const unresolved = refs.filter((ref) => resolve(committed, ref) === undefined);
    expect(unresolved).toEqual([]);
  });

  it('carries no description or summary outside Response objects', () => {
    expect(proseOutsideResponses(committed)).toEqual([]);
  });

  it('keeps the contract: x-ms extensions, enums, schema properties called description', () => {
    const schemas = (committed.components as JsonObject).schemas as JsonObject;
    expect(committedText).toContain('x-ms-navigationProperty: true');
    expect(committedText).toContain('x-ms-pageable:');
    expect((schemas['microsoft.graph.connectorGroupRegion'] as JsonObject).enum).toEqual(['nam', 'eur', 'aus', 'asia', 'ind', 'unknownFutureValue']);
    const application = ownProperties(schemas['microsoft.graph.application']);
    expect(application.description).toMatchObject({ type: 'string', nullable: true });
  });

  it('applies each slice decision', () => {
    const paths = committed.paths as Record<string, Record<string, { responses: JsonObject }>>;
    const responses = (p: string, m: string) => Object.keys(paths[p]?.[m]?.responses ?? {});
    expect(responses(CREATE, 'post')).toEqual(['201', 'default']);
    expect(responses(CREATE, 'get')).toEqual(['200', 'default']);
    expect(responses(ITEM, 'get')).toEqual(['200', 'default']);
    expect(responses(ITEM, 'patch')).toEqual(['200', '204', 'default']);
    expect(responses(ITEM, 'delete')).toEqual(['204', 'default']);
    // exact-status-beside-range: the same response under 204 beside Microsoft's 2XX.
    expect(responses(`${ITEM}/members/$ref`, 'post')).toEqual(['204', '2XX', 'default']);
    const created = paths[CREATE]?.post?.responses['201'];
    expect(created).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/microsoft.graph.connectorGroup' } } } });
    const schemas = (committed.components as JsonObject).schemas as JsonObject;
    // region-nullable: nullable beside the enum's type (region alone uses it), the form OpenAPI 3.0 tools compile.
    expect(ownProperties(schemas['microsoft.graph.connectorGroup']).region).toEqual({ $ref: '#/components/schemas/microsoft.graph.connectorGroupRegion' });
    expect(schemas['microsoft.graph.connectorGroupRegion']).toMatchObject({ type: 'string', nullable: true });
    const withSliceEdits = decisions.decisions.filter((d) => d.slice).map((d) => d.id);
    expect(xSlice(committed).decisions).toEqual(withSliceEdits);
  });

  it('comes out the same through the full-parse fallback as through the line index', () => {
    const full = sliceOpenApi(moduleBytes, {
      sourceName: MODULE_2024_10,
      decisions: decisions.decisions,
      slicedAt: xSlice(committed).slicedAt as string,
      parser: 'full',
    });
    expect(full.mode).toBe('full-parse');
    expect(full.yaml === indexed.yaml).toBe(true);
  });
});

describe('specs/decisions.yaml', () => {
  it('cites upstream files that exist, quoting them verbatim', () => {
    const problems: string[] = [];
    for (const d of decisions.decisions) {
      for (const source of d.sources) {
        if (/^https?:/.test(source.file)) continue;
        const file = path.join(UPSTREAM, source.file);
        if (!existsSync(file)) {
          problems.push(`${d.id}: ${source.file} does not exist`);
          continue;
        }
        if (source.quote !== undefined && !squash(readFileSync(file, 'utf8')).includes(squash(source.quote))) {
          problems.push(`${d.id}: ${source.file} does not contain ${JSON.stringify(source.quote)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('can be looked up by id', () => {
    expect(decisions.get('create-permissions').permissions?.application).toEqual({ leastPrivileged: ['Directory.ReadWrite.All'], higherPrivileged: [] });
    expect(decisions.get('odata-annotations').checks).toContain('create.body.schema');
    expect(() => decisions.get('no-such-decision')).toThrow(/no-such-decision/);
  });

  it('rejects a malformed file with a message that says where', () => {
    const bad = `version: 1\ndecisions:\n  - id: broken\n    summary: s\n    reason: r\n    sources: [docs/x.md]\n    slice:\n      - op: rename\n`;
    expect(() => parseDecisions(bad, 'decisions.yaml')).toThrow(/decisions\[0\] \(broken\)\.slice\[0\]\.op: "rename" is not one of/);
    expect(() => parseDecisions('version: 1\ndecisions:\n  - id: Not_Kebab\n', 'd.yaml')).toThrow(/not kebab-case/);
    expect(() => parseDecisions(`version: 1\ndecisions:\n  - {id: x, summary: s, reason: r, sources: [a]}\n`, 'd.yaml')).toThrow(/needs slice .* or checks/);
  });
});

/** Graph's main description's form: path-level parameters, anyOf + nullable, discriminator mappings. */
const MAIN_FORM = `
openapi: 3.0.4
info:
  title: OData Service for namespace microsoft.graph
  description: This OData service is located at https://graph.microsoft.com/beta
  version: 1.0.1
servers:
  - url: https://graph.microsoft.com/beta
paths:
  /applications:
    get:
      operationId: applications.application.ListApplication
      responses:
        2XX:
          description: Retrieved collection
  '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups':
    description: Provides operations to manage the connectorGroups property.
    get:
      summary: List connectorGroups
      operationId: onPremisesPublishingProfiles.ListConnectorGroups
      parameters:
        - $ref: '#/components/parameters/top'
      responses:
        2XX:
          $ref: '#/components/responses/microsoft.graph.connectorGroupCollectionResponse'
        4XX:
          $ref: '#/components/responses/error'
    post:
      summary: Create connectorGroup
      operationId: onPremisesPublishingProfiles.CreateConnectorGroups
      requestBody:
        description: New navigation property
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/microsoft.graph.connectorGroup'
        required: true
      responses:
        2XX:
          description: Created navigation property.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/microsoft.graph.connectorGroup'
        4XX:
          $ref: '#/components/responses/error'
    parameters:
      - name: onPremisesPublishingProfile-id
        in: path
        description: The unique identifier of onPremisesPublishingProfile
        required: true
        schema:
          type: string
        x-ms-docs-key-type: onPremisesPublishingProfile
components:
  schemas:
    microsoft.graph.user:
      title: user
      type: object
    microsoft.graph.entity:
      title: entity
      required: ['@odata.type']
      type: object
      properties:
        id:
          type: string
          description: The unique identifier for an entity. Read-only.
        '@odata.type':
          type: string
      discriminator:
        propertyName: '@odata.type'
        mapping:
          '#microsoft.graph.connectorGroup': '#/components/schemas/microsoft.graph.connectorGroup'
          '#microsoft.graph.user': '#/components/schemas/microsoft.graph.user'
    microsoft.graph.connectorGroup:
      allOf:
        - $ref: '#/components/schemas/microsoft.graph.entity'
        - title: connectorGroup
          type: object
          properties:
            name:
              type: string
              description: The name associated with the connectorGroup.
            region:
              anyOf:
                - $ref: '#/components/schemas/microsoft.graph.connectorGroupRegion'
              description: The region the connectorGroup is assigned to.
              nullable: true
            description:
              type: string
              nullable: true
            members:
              type: array
              items:
                $ref: '#/components/schemas/microsoft.graph.connector'
            labels:
              type: object
              additionalProperties:
                $ref: '#/components/schemas/microsoft.graph.label'
            detail:
              oneOf:
                - $ref: '#/components/schemas/microsoft.graph.detail'
          example:
            description: an example value, kept as it is
    microsoft.graph.connectorGroupRegion:
      title: connectorGroupRegion
      enum: [nam, eur, unknownFutureValue]
      type: string
    microsoft.graph.connector:
      type: object
      properties:
        memberOf:
          type: array
          items:
            $ref: '#/components/schemas/microsoft.graph.connectorGroup'
    microsoft.graph.label:
      type: string
    microsoft.graph.detail:
      type: object
    microsoft.graph.unused:
      type: object
    microsoft.graph.connectorGroupCollectionResponse:
      type: object
      properties:
        value:
          type: array
          items:
            $ref: '#/components/schemas/microsoft.graph.connectorGroup'
    microsoft.graph.ODataErrors.ODataError:
      type: object
  responses:
    microsoft.graph.connectorGroupCollectionResponse:
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/microsoft.graph.connectorGroupCollectionResponse'
    error:
      description: error
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/microsoft.graph.ODataErrors.ODataError'
  parameters:
    top:
      name: $top
      in: query
      description: Show only the first n items
      schema:
        minimum: 0
        type: integer
      example: 50
  securitySchemes:
    azureaadv2:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://login.microsoftonline.com/common/oauth2/v2.0/authorize
          tokenUrl: https://login.microsoftonline.com/common/oauth2/v2.0/token
          scopes: { }
security:
  - azureaadv2: [ ]
tags:
  - name: onPremisesPublishingProfiles.connectorGroup
`;

const only = (...ids: string[]): Decision[] => ids.map((id) => decisions.get(id));

describe('slicing other inputs', () => {
  const sliceMain = (text: string, sourceName = 'openapi.yaml') =>
    sliceOpenApi(text, { sourceName, decisions: only('create-status-201', 'region-nullable'), slicedAt: '2026-01-01' });

  it('slices the main-description form', () => {
    const result = sliceMain(MAIN_FORM);
    const doc = result.document as { paths: Record<string, JsonObject>; components: Record<string, JsonObject> };
    expect(result.mode).toBe('line-index');
    expect(Object.keys(doc.paths)).toEqual([CREATE]);
    const item = doc.paths[CREATE] as JsonObject & { post: { responses: JsonObject } };
    expect(item.parameters).toEqual([
      { name: 'onPremisesPublishingProfile-id', in: 'path', required: true, schema: { type: 'string' }, 'x-ms-docs-key-type': 'onPremisesPublishingProfile' },
    ]);
    expect(Object.keys(item.post.responses)).toEqual(['201', '4XX']);
    expect(Object.keys(doc.components.schemas ?? {})).toEqual([
      'microsoft.graph.entity',
      'microsoft.graph.connectorGroup',
      'microsoft.graph.connectorGroupRegion',
      'microsoft.graph.connector',
      'microsoft.graph.label',
      'microsoft.graph.detail',
      'microsoft.graph.connectorGroupCollectionResponse',
      'microsoft.graph.ODataErrors.ODataError',
    ]);
    const own = ownProperties(doc.components.schemas?.['microsoft.graph.connectorGroup'] ?? null);
    expect(own.region).toEqual({ anyOf: [{ $ref: '#/components/schemas/microsoft.graph.connectorGroupRegion' }], nullable: true });
    expect(own.description).toEqual({ type: 'string', nullable: true });
    expect(((doc.components.schemas?.['microsoft.graph.connectorGroup'] as JsonObject).allOf as JsonObject[])[1]?.example).toEqual({
      description: 'an example value, kept as it is',
    });
    expect((doc.components.schemas?.['microsoft.graph.entity'] as JsonObject).discriminator).toEqual({
      propertyName: '@odata.type',
      mapping: { '#microsoft.graph.connectorGroup': '#/components/schemas/microsoft.graph.connectorGroup' },
    });
    expect(doc.components.responses?.['microsoft.graph.connectorGroupCollectionResponse']).toMatchObject({ description: '' });
    expect(result.document).not.toHaveProperty('tags');
    expect(result.document.info).toEqual({
      title: 'OData Service for namespace microsoft.graph',
      version: '1.0.1',
      'x-slice': expect.objectContaining({ decisions: ['create-status-201', 'region-nullable'], paths: 1, schemas: 8 }),
    });
    expect(proseOutsideResponses(result.document)).toEqual([]);
    expect(result.notices.join('\n')).toMatch(/region-nullable: microsoft\.graph\.connectorGroup\.region is already nullable/);
  });

  it('slices a JSON input the same way', () => {
    const fromYaml = sliceMain(MAIN_FORM);
    const fromJson = sliceMain(JSON.stringify(parse(MAIN_FORM)), 'openapi.json');
    expect(fromJson.mode).toBe('json');
    expect(withoutProvenance(fromJson.document)).toEqual(withoutProvenance(fromYaml.document));
  });

  it('falls back to a full parse, and says so, when the layout is not the one the index expects', () => {
    const fourSpaces = stringify(parse(MAIN_FORM), { indent: 4 });
    const result = sliceMain(fourSpaces);
    expect(result.mode).toBe('full-parse');
    expect(result.notices.join('\n')).toMatch(/fell back to a full YAML parse/);
    expect(withoutProvenance(result.document)).toEqual(withoutProvenance(sliceMain(MAIN_FORM).document));
  });

  it('indexes quoted keys, block scalars and comments as YAML reads them', () => {
    const tricky = MAIN_FORM.replace(
      '  /applications:\n',
      [
        "  '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups(name=''{name}'')':",
        '    get:',
        '      description: |',
        '        a block scalar',
        '',
        '        with: a blank line',
        '# a comment at column 0 inside the path item',
        '      responses:',
        '        2XX:',
        '          description: Success',
        '  "/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups\\u0021":',
        '    get:',
        '      responses: {default: {description: d}}',
        '  /applications:',
        '',
      ].join('\n'),
    );
    const viaIndex = sliceMain(tricky);
    const viaFull = sliceOpenApi(tricky, {
      sourceName: 'x.yaml',
      decisions: only('create-status-201', 'region-nullable'),
      slicedAt: '2026-01-01',
      parser: 'full',
    });
    expect(viaIndex.mode).toBe('line-index');
    // In segment order (literal before parameter), whatever order the source had them in.
    expect(Object.keys(viaIndex.document.paths as JsonObject)).toEqual([CREATE, `${CREATE}!`, `${CREATE}(name='{name}')`]);
    expect(withoutProvenance(viaIndex.document)).toEqual(withoutProvenance(viaFull.document));
  });

  it('fails naming the decision whose target is missing', () => {
    const ghost = parseDecisions(
      `version: 1\ndecisions:\n  - id: ghost-decision\n    summary: s\n    reason: r\n    sources: [docs/x.md]\n    slice:\n      - {op: response-status, path: '${CREATE}', method: patch, from: 2XX, to: {'200': keep}}\n`,
    );
    expect(() => sliceOpenApi(MAIN_FORM, { sourceName: 'openapi.yaml', decisions: ghost.decisions })).toThrow(
      /decision ghost-decision no longer applies: the input has no PATCH/,
    );
    // The project's own decisions on an input that lacks their targets.
    expect(() => sliceOpenApi(MAIN_FORM, { sourceName: 'openapi.yaml', decisions: decisions.decisions })).toThrow(
      /decision connector-list-example no longer applies: the slice holds no schema microsoft\.graph\.connectorCollectionResponse/,
    );
    const narrowedUpstream = MAIN_FORM.replace('        2XX:\n          description: Created', "        '201':\n          description: Created");
    expect(() => sliceMain(narrowedUpstream)).toThrow(
      /decision create-status-201 no longer applies: POST .* documents no '2XX' response \(it documents 201, 4XX\)/,
    );
    const typeChanged = parseDecisions(
      `version: 1\ndecisions:\n  - id: enum-check\n    summary: s\n    reason: r\n    sources: [docs/x.md]\n    slice:\n      - {op: expect-enum, schema: microsoft.graph.connectorGroupRegion, values: [nam]}\n`,
    );
    expect(() => sliceOpenApi(MAIN_FORM, { sourceName: 'x', decisions: typeChanged.decisions })).toThrow(
      /enum-check .* enumerates \[nam, eur, unknownFutureValue\]/,
    );
  });

  it('fails on a dangling $ref, naming it', () => {
    const dangling = MAIN_FORM.replace("$ref: '#/components/schemas/microsoft.graph.detail'", "$ref: '#/components/schemas/microsoft.graph.gone'");
    expect(() => sliceMain(dangling)).toThrow(
      /dangling \$ref #\/components\/schemas\/microsoft\.graph\.gone \(in #\/components\/schemas\/microsoft\.graph\.connectorGroup\)/,
    );
  });

  it('fails when no path is at or below the selection', () => {
    const none = MAIN_FORM.replaceAll('/onPremisesPublishingProfiles/', '/elsewhere/');
    expect(() => sliceMain(none)).toThrow(
      /has no path at or below \/onPremisesPublishingProfiles\/\{onPremisesPublishingProfile-id\} \(specs\/selection\.yaml\)/,
    );
  });
});

function xSlice(doc: JsonObject): JsonObject {
  return ((doc.info as JsonObject)['x-slice'] ?? {}) as JsonObject;
}

function withoutProvenance(doc: JsonObject): JsonObject {
  const copy = structuredClone(doc);
  delete (copy.info as JsonObject)['x-slice'];
  return copy;
}

/** The properties a schema declares itself or through its inline allOf members. */
function ownProperties(schema: Json | undefined): JsonObject {
  if (!isObject(schema)) return {};
  const own = isObject(schema.properties) ? schema.properties : {};
  const members = Array.isArray(schema.allOf) ? schema.allOf : [];
  return Object.assign({}, own, ...members.map((m) => (isObject(m) && !m.$ref ? ownProperties(m) : {})));
}

function resolve(doc: JsonObject, ref: string): Json | undefined {
  const target = parseComponentRef(ref);
  if (!target) return undefined;
  const section = (doc.components as JsonObject | undefined)?.[target.section];
  return isObject(section) && Object.hasOwn(section, target.name) ? section[target.name] : undefined;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Where `description`/`summary` keywords remain, by JSON pointer. Written independently of the
 * slicer's walk: names under `properties` and example values are data, Response objects keep theirs.
 */
function proseOutsideResponses(doc: JsonObject): string[] {
  const found: string[] = [];
  const visit = (node: Json, at: string, kind: 'object' | 'names' | 'response'): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${at}/${i}`, 'object'));
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${key}`;
      if (kind === 'names') visit(value, here, at.endsWith('/responses') ? 'response' : 'object');
      else if (key === 'example' || key === 'enum' || key === 'default' || key.startsWith('x-')) continue;
      else if ((key === 'description' || key === 'summary') && !(kind === 'response' && key === 'description')) found.push(here);
      else if (
        ['paths', 'properties', 'responses', 'content', 'schemas', 'parameters', 'requestBodies', 'securitySchemes', 'headers'].includes(key) &&
        isObject(value)
      )
        visit(value, here, 'names');
      else visit(value, here, 'object');
    }
  };
  visit(doc, '', 'object');
  return found;
}
