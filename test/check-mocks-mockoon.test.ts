/**
 * `graph-conformance check-mocks FILE` on Mockoon environments: read as mockoon-cli 9.9.0 reads them,
 * routed as its server routes, served as it serves. The environment Mockoon itself makes from the slice
 * is judged statically exactly as the run judges Mockoon serving it (test/mockoon.test.ts): the same
 * operations fail, for the same reasons. Offline and fast: Mockoon never runs here.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OpenApiConverter, type Environment } from '@mockoon/commons';
import { fromRoot } from '../src/project-root.js';
import { loadSlice, SLICE_FILE } from '../src/openapi/load.js';
import { operationTable } from '../src/openapi/operation-table.js';
import type { CheckMocksResults } from '../src/cli/check-mocks.js';
import { runCommand } from './support/run-cli.js';
import { MOCKOON_LIMITS } from './support/stateless-mock.js';

const PETSTORE = fromRoot('specs', 'upstream', 'mockoon', 'petstore-imported.json');
const table = operationTable(loadSlice());
/** The slice's `$count` operations: Mockoon serves none of their text/plain bodies from an import. */
const COUNT_OPERATIONS = table.filter((op) => op.path.endsWith('/$count')).map((op) => op.name);
/** The slice's OData key-segment operations (`applications(appId='{appId}')`): Mockoon never routes them. */
const KEY_SEGMENT_OPERATIONS = table.filter((op) => /\(.*\)$/.test(op.path)).map((op) => op.name);

let imported: Environment;
beforeAll(async () => {
  // What `mockoon-cli start --data specs/openapi.yaml` serves: Mockoon's own import of the slice.
  imported = (await new OpenApiConverter().convertFromOpenAPI(readFileSync(SLICE_FILE, 'utf8'))) as Environment;
});

async function checkMocks(file: string, ...options: string[]) {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'gc-mockoon-'));
  const run = await runCommand('src/cli/conformance.ts', ['check-mocks', file, '--report-dir', reportDir, ...options]);
  const resultsFile = path.join(reportDir, 'results.json');
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as CheckMocksResults) : undefined;
  return { ...run, results };
}

/** The imported environment, changed by `edit`, written to a folder of its own. */
function environment(edit: (env: Environment) => void = () => {}): string {
  const env = structuredClone(imported);
  edit(env);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gc-mockoon-env-')), 'environment.json');
  writeFileSync(file, JSON.stringify(env, null, 2));
  return file;
}

const routeOf = (env: Environment, endpointEnd: string, method = 'get') => {
  const route = env.routes.find((r) => r.method === method && r.endpoint.endsWith(endpointEnd));
  if (!route) throw new Error(`no ${method} route ending ${endpointEnd}`);
  return route;
};
/** A route's index in `routes`: the `r` of its check ids `mock.<r>.<response>.…`. */
const indexOf = (env: Environment, endpointEnd: string, method = 'get') => env.routes.indexOf(routeOf(env, endpointEnd, method));
/** The indexes of the import's $count routes, whose empty text/plain bodies fail as Mockoon's own limit. */
const countRoutes = (env: Environment) => env.routes.flatMap((r, i) => (r.method === 'get' && r.endpoint.endsWith('/$count') ? [i] : []));
const ids = (results: CheckMocksResults | undefined, status: string) => (results?.checks ?? []).filter((c) => c.status === status).map((c) => c.id);
const check = (results: CheckMocksResults | undefined, id: string) => results?.checks.find((c) => c.id === id);

describe.concurrent('check-mocks on Mockoon environments', () => {
  test("a real environment (Mockoon's Petstore import): recognised as Mockoon, every route outside the slice, exit 0", async () => {
    const run = await checkMocks(PETSTORE);
    expect(run.code, run.stderr).toBe(0);
    expect(run.results?.tool).toBe('mockoon');
    expect(run.results?.checks).toEqual([]);
    expect(run.results?.outside.map((o) => o.why)).toEqual(['no operation of the slice', 'no operation of the slice', 'no operation of the slice']);
    expect(run.stdout).toMatch(/3 routes in \S*petstore-imported\.json; profile graph/);
  });

  test("Mockoon's own import of the slice: the operations that fail statically are the ones the run against Mockoon fails", async () => {
    const run = await checkMocks(environment(), '--profile', 'openapi');
    expect(run.code, run.stdout).toBe(1);
    // A title starts with the operation's name.
    const failing = new Set(ids(run.results, 'failed').map((id) => check(run.results, id)!.title.split(' ')[0]!));
    const unrouted = new Set(run.results!.outside.map((o) => o.url));
    // The empty text/plain counts, every $count of the slice, fail their body check; the key segments are never routed.
    expect([...failing].sort()).toEqual([...COUNT_OPERATIONS].sort());
    expect(unrouted.size).toBe(KEY_SEGMENT_OPERATIONS.length);
    expect(run.results!.outside.every((o) => o.why.startsWith('Mockoon reads ( ) in a route as a group'))).toBe(true);
    const limitOperations = new Set(MOCKOON_LIMITS.map((id) => id.replace(/\.(body\.schema|header\.content-type)$/, '')));
    expect(limitOperations).toEqual(new Set([...failing, ...KEY_SEGMENT_OPERATIONS]));
    expect(check(run.results, `mock.${indexOf(imported, 'connectorGroups/$count')}.0.body.schema`)?.message).toBe(
      'GET …/connectorGroups/$count: the response has no body',
    );
    // The import's later responses of each route (from `default`, and a PATCH's 204 beside its 200) have no rules and are
    // not the default: never served, not judged.
    expect(run.results!.checks.filter((c) => !/^mock\.\d+\.0\./.test(c.id))).toEqual([]);
  });

  test('a create answering 200 fails its status; a required property missing fails the body; other checks hold', async () => {
    const [createAt, getAt] = [indexOf(imported, 'connectorGroups', 'post'), indexOf(imported, 'connectorGroups/:connectorGroupid')];
    const counts = countRoutes(imported).map((i) => `mock.${i}.0.body.schema`);
    const run = await checkMocks(
      environment((env) => {
        routeOf(env, 'connectorGroups', 'post').responses[0]!.statusCode = 200;
        const get = routeOf(env, 'connectorGroups/:connectorGroupid').responses[0]!;
        get.body = JSON.stringify({ ...JSON.parse(get.body), region: 'mars' });
      }),
      '--profile',
      'openapi',
    );
    // Besides the $count routes' empty bodies (Mockoon's own limit, above): exactly the two edits.
    expect(ids(run.results, 'failed').filter((id) => !counts.includes(id))).toEqual([`mock.${createAt}.0.status`, `mock.${getAt}.0.body.schema`]);
    expect(check(run.results, `mock.${createAt}.0.status`)?.message).toMatch(/status 200 is not documented \(documented: 201/);
    expect(check(run.results, `mock.${getAt}.0.body.schema`)?.message).toMatch(/\/region must be equal to one of the allowed values/);
  });

  test('a body Mockoon renders from a template is skipped with that reason; a file that is not there fails naming it', async () => {
    const [listAt, getAt] = [indexOf(imported, 'connectorGroups'), indexOf(imported, 'connectorGroups/:connectorGroupid')];
    const run = await checkMocks(
      environment((env) => {
        routeOf(env, 'connectorGroups/:connectorGroupid').responses[0]!.body = '{"id": "{{guid}}", "name": "{{faker \'company.name\'}}"}';
        Object.assign(routeOf(env, 'connectorGroups').responses[0]!, { bodyType: 'FILE', filePath: 'missing/list.json' });
      }),
      '--profile',
      'openapi',
    );
    expect(check(run.results, `mock.${getAt}.0.body.schema`)).toMatchObject({
      status: 'skipped',
      message: 'Mockoon renders the body from a template ({{…}}) at request time; run the suite against Mockoon to judge it',
    });
    expect(check(run.results, `mock.${listAt}.0.body.schema`)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/^the file missing\/list\.json does not exist/),
    });
  });

  test('routing as Mockoon routes: a route after one that takes its requests is never reached, the earlier one judged for them; an unlisted route still served', async () => {
    const [countAt, itemAt, membersAt] = [
      indexOf(imported, 'connectorGroups/$count'),
      indexOf(imported, 'connectorGroups/:connectorGroupid'),
      indexOf(imported, 'members/$ref'),
    ];
    const run = await checkMocks(
      environment((env) => {
        // The item route before the $count route: Mockoon's first match answers $count with a group.
        const count = env.rootChildren.findIndex((c) => c.uuid === routeOf(env, 'connectorGroups/$count').uuid);
        const item = env.rootChildren.findIndex((c) => c.uuid === routeOf(env, 'connectorGroups/:connectorGroupid').uuid);
        [env.rootChildren[count], env.rootChildren[item]] = [env.rootChildren[item]!, env.rootChildren[count]!];
        // A route no folder lists: Mockoon's repair appends it to rootChildren, so it is served, last.
        env.rootChildren = env.rootChildren.filter((c) => c.uuid !== routeOf(env, 'members/$ref').uuid);
      }),
      '--profile',
      'openapi',
    );
    const outside = Object.fromEntries(run.results!.outside.map((o) => [o.index, o.why]));
    expect(outside[countAt]).toBe(
      `never reached: route ${itemAt} (onPremisesPublishingProfiles/:onPremisesPublishingProfileid/connectorGroups/:connectorGroupid) answers its requests first`,
    );
    expect(outside[membersAt]).toBeUndefined();
    expect(check(run.results, `mock.${membersAt}.0.status`)?.status).toBe('passed');
    expect(check(run.results, `mock.${itemAt}.0.count.header.content-type`)).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/expected text\/plain/),
    });
    expect(check(run.results, `mock.${itemAt}.0.get.body.schema`)?.status).toBe('passed');
  });

  test("--profile graph: Graph's headers made by Mockoon's GUID and header helpers are judged; other templates skipped; none set fails", async () => {
    const [listAt, createAt, getAt] = [
      indexOf(imported, 'connectorGroups'),
      indexOf(imported, 'connectorGroups', 'post'),
      indexOf(imported, 'connectorGroups/:connectorGroupid'),
    ];
    const run = await checkMocks(
      environment((env) => {
        const create = routeOf(env, 'connectorGroups', 'post').responses[0]!;
        create.headers.push({ key: 'request-id', value: '{{guid}}' }, { key: 'client-request-id', value: "{{header 'client-request-id'}}" });
        const list = routeOf(env, 'connectorGroups').responses[0]!;
        list.headers.push({ key: 'request-id', value: "{{faker 'string.alphanumeric'}}" }, { key: 'client-request-id', value: 'fixed' });
      }),
    );
    expect(check(run.results, `mock.${createAt}.0.header.request-id`)?.status).toBe('passed');
    expect(check(run.results, `mock.${createAt}.0.header.client-request-id`)?.status).toBe('passed');
    expect(check(run.results, `mock.${listAt}.0.header.request-id`)).toMatchObject({
      status: 'skipped',
      message: expect.stringMatching(/^Mockoon renders the request-id header from the template/),
    });
    expect(check(run.results, `mock.${listAt}.0.header.client-request-id`)).toMatchObject({ status: 'failed', message: expect.stringMatching(/got "fixed"$/) });
    expect(check(run.results, `mock.${getAt}.0.header.request-id`)).toMatchObject({ status: 'failed', message: 'no request-id header' });
  });

  test('the environment make-mocks writes passes, every operation mocked, every response judged; a copy answering text/plain on JSON fails exactly that', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gc-mockoon-made-'));
    const file = path.join(dir, 'environment.json');
    const made = await runCommand('src/cli/conformance.ts', ['make-mocks', '--mockoon', file]);
    expect(made.code, made.stderr).toBe(0);
    const run = await checkMocks(file);
    expect(run.code, run.stdout).toBe(0);
    expect(run.results?.summary).toMatchObject({ failed: 0, skipped: 0 });
    expect(run.results?.outside).toEqual([]);
    expect(run.results?.coverage?.operations.exercised).toBe(run.results?.coverage?.operations.total);
    // Routes with ids answer the contract's example for its own ids and Graph's 404 envelope for any other.
    const notFound = run.results!.checks.filter((c) => /\.status$/.test(c.id) && / response 1 .*\(default\)/.test(c.title));
    expect(notFound.length).toBeGreaterThan(0);

    const env = JSON.parse(readFileSync(file, 'utf8')) as Environment;
    const get = env.routes.findIndex((r) => r.method === 'get' && r.endpoint.endsWith('connectorGroups/:connectorGroupId'));
    env.routes[get]!.responses[0]!.headers.push({ key: 'Content-Type', value: 'text/plain' });
    writeFileSync(file, JSON.stringify(env));
    const broken = await checkMocks(file);
    expect(broken.code).toBe(1);
    expect(ids(broken.results, 'failed')).toEqual([`mock.${get}.0.header.content-type`]);
  });

  test('what mockoon-cli would not start is exit 2, saying why', async () => {
    const old = await checkMocks(environment((env) => delete (env as Partial<Environment>).lastMigration));
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/a Mockoon environment without lastMigration: too old or not Mockoon's; mockoon-cli 9\.9\.0 starts it only after --repair/);
    const newer = await checkMocks(environment((env) => (env.lastMigration = 999)));
    expect(newer.code).toBe(2);
    expect(newer.stderr).toMatch(/made by a newer Mockoon \(migration 999\)/);
  });
});
