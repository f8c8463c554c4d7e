/**
 * Mockoon environment files (Mockoon 9.9.0, through its own @mockoon/commons): read as mockoon-cli reads
 * them (migrations, then its schema's repairs), routed as its server routes (routes in `rootChildren`
 * order, each `/{endpointPrefix}/{endpoint}` converted and matched by path-to-regexp, the first match
 * answering), and served as it serves (environment headers, then the response's; Express's Content-Type
 * when none is set; FILE and DATABUCKET bodies). One entry per response of a route (`mock.<route>.<response>`):
 * which response answers depends on the request (rules), the order of requests or chance, so every
 * response a route can give is judged, its rules named.
 *
 * Mockoon renders `{{…}}` templates at request time with its own runtime. A body made that way is not
 * judged (skipped with that reason); headers made by the few helpers whose result is known without the
 * runtime — a new GUID (`{{guid}}`, `{{uuid}}`), the request's own header (`{{header 'name'}}`) — are
 * rendered here, any other templated header skipped likewise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { operationOfRequest, operationTable, type TableOperation } from '../openapi/operation-table.js';
import type { OpenApiDocument } from '../openapi/operations.js';
import { MocksFileError, SENT_CLIENT_REQUEST_ID, type Addressed, type MockEntry, type MocksSource, type Served } from './entry.js';

type Commons = typeof import('@mockoon/commons');
type Environment = import('@mockoon/commons').Environment;
type Route = import('@mockoon/commons').Route;
type RouteResponse = import('@mockoon/commons').RouteResponse;
type Header = import('@mockoon/commons').Header;

/** Whether `value` is a Mockoon environment (its own keys), not a Dev Proxy mocks file. */
export function isMockoonEnvironment(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.routes) && ('lastMigration' in v || 'endpointPrefix' in v || 'rootChildren' in v);
}

/** The environment `value` (parsed from `file`) as entries, or MocksFileError where mockoon-cli would not start it. */
export async function mockoonSource(file: string, value: unknown, doc: OpenApiDocument): Promise<MocksSource> {
  // Loaded only for Mockoon files: it brings its schema library with it.
  const commons = await import('@mockoon/commons');
  const environment = asMockoonReadsIt(commons, file, structuredClone(value) as Environment);
  const routes = commons.routesFromFolder(
    environment.rootChildren,
    environment.folders,
    environment.routes,
    [],
    [commons.RouteType.HTTP, commons.RouteType.CRUD],
  );
  const matchers = routes.map((route) => matcherOf(commons, environment, route));
  const served = servedOperations(doc, environment, routes, matchers);
  const entries: MockEntry[] = [];
  environment.routes.forEach((route, r) => {
    // Where Mockoon serves it (its own host and port): the judged answers carry a URL as a run's do.
    const where = `http://${environment.hostname || 'localhost'}:${environment.port}${`/${environment.endpointPrefix}/${route.endpoint}`.replace(/\/{2,}/g, '/')}`;
    const method = route.method === 'all' || route.method === '' ? 'ALL' : route.method.toUpperCase();
    const place = routes.indexOf(route);
    const operations = place < 0 ? [] : (served.get(place) ?? []);
    if (route.type === commons.RouteType.WS || operations.length === 0) {
      entries.push({
        id: `mock.${r}`,
        method,
        url: where,
        addressed: { outside: whyOutside(route, place, where, routes, matchers, doc, environment) },
        served: EMPTY,
        limits: {},
      });
      return;
    }
    const addressed: Addressed = { operations };
    if (route.type === commons.RouteType.CRUD) {
      const why = `a CRUD route: Mockoon answers it from data bucket ${JSON.stringify(route.responses[0]?.databucketID ?? '')} at request time; run the suite against Mockoon to judge it`;
      entries.push({ id: `mock.${r}`, method, url: where, addressed, served: { ...EMPTY, unjudged: why }, limits: {} });
      return;
    }
    const answering = answeringResponses(commons, route);
    route.responses.forEach((response, k) => {
      if (!answering.includes(response)) return;
      entries.push({
        id: `mock.${r}.${k}`,
        method,
        url: where,
        detail: describeResponse(r, route, response, k),
        addressed,
        served: servedResponse(file, environment, response),
        limits: {},
      });
    });
  });
  return { tool: 'mockoon', file, entries, units: `${environment.routes.length} route${environment.routes.length === 1 ? '' : 's'}` };
}

const EMPTY: Served = { status: 0, headers: {}, body: '' };

/** What mockoon-cli does to a file before it serves it (its data.js): refuse what it refuses, migrate, repair. */
function asMockoonReadsIt(commons: Commons, file: string, environment: Environment): Environment {
  if (typeof environment.lastMigration !== 'number')
    throw new MocksFileError(`${file}: a Mockoon environment without lastMigration: too old or not Mockoon's; mockoon-cli 9.9.0 starts it only after --repair`);
  if (environment.lastMigration > commons.HighestMigrationId)
    throw new MocksFileError(
      `${file}: made by a newer Mockoon (migration ${environment.lastMigration}) than the 9.9.0 this command models (${commons.HighestMigrationId})`,
    );
  try {
    for (const migration of commons.Migrations) if (migration.id > environment.lastMigration) migration.migrationFunction(environment);
  } catch {
    // mockoon-cli goes on with a half-migrated environment too, and lets the schema repair it.
  }
  const validated = commons.EnvironmentSchema.validate(environment).value as Environment | undefined;
  if (!validated) throw new MocksFileError(`${file}: not a valid Mockoon environment (mockoon-cli refuses it)`);
  return commons.repairRefs(validated);
}

/** One path a route answers (a CRUD route answers several), with its method. */
type Matcher = { method: string; matches: (requestPath: string) => boolean };

/** Mockoon's own match for a route: prefix and endpoint prepared and converted by @mockoon/commons, path-to-regexp v8. */
function matcherOf(commons: Commons, environment: Environment, route: Route): Matcher[] {
  const routePath = commons.preparePath(environment.endpointPrefix, route.endpoint).preparedPath;
  const paths =
    route.type === commons.RouteType.CRUD
      ? commons.crudRoutesBuilder(routePath).map((c) => ({ path: c.path, method: c.method }))
      : [{ path: routePath, method: route.method }];
  return paths.map(({ path: p, method }) => {
    let match: ((path: string) => unknown) | undefined;
    try {
      match = commons.pathMatch(p);
    } catch {
      match = undefined; // Mockoon reports an invalid route path and skips the route.
    }
    return { method: String(method).toLowerCase(), matches: (requestPath: string) => match !== undefined && match(requestPath) !== false };
  });
}

/** The index (in routing order) of the first route that answers `method requestPath`, or -1. */
function firstRoute(matchers: Matcher[][], method: string, requestPath: string): number {
  return matchers.findIndex((route) => route.some((m) => (m.method === 'all' || m.method === method) && m.matches(requestPath)));
}

/** A request path for `op` as a client sends it (`{param}` filled with a sample value), under `base`. */
function samplePath(op: TableOperation, base: string): string {
  const filled = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (/id$/i.test(name) ? 'a1b2c3d4-0000-4000-8000-000000000001' : 'sample-1'));
  return new URL(`http://mock.invalid${base}${filled}`).pathname;
}

/**
 * Which slice operations each route (by routing index) answers: an operation is the first matching route's
 * for a request of its own (sampled), and a route whose own path (with its ids written in) addresses an
 * operation answers that one where no route before it takes that path. Graph's beta root is `/beta`; a mock
 * served at the root of its host is read the same way.
 */
function servedOperations(doc: OpenApiDocument, environment: Environment, routes: Route[], matchers: Matcher[][]): Map<number, TableOperation[]> {
  const byRoute = new Map<number, TableOperation[]>();
  const add = (place: number, op: TableOperation) => {
    const ops = byRoute.get(place) ?? [];
    if (!ops.includes(op)) ops.push(op);
    byRoute.set(place, ops);
  };
  for (const op of operationTable(doc)) {
    for (const base of ['/beta', '']) {
      const place = firstRoute(matchers, op.method, samplePath(op, base));
      if (place >= 0) {
        add(place, op);
        break;
      }
    }
  }
  routes.forEach((route, place) => {
    const own = ownPath(environment, route);
    if (own === undefined || route.method === 'all' || route.method === '') return;
    const op = operationOfRequest(doc, route.method, own.slicePath);
    if (op && firstRoute(matchers, op.method, own.requestPath) === place) add(place, op);
  });
  return byRoute;
}

/** The route's own path as a request (parameters filled), and that path below Graph's beta root; undefined when it is not below it. */
function ownPath(environment: Environment, route: Route): { requestPath: string; slicePath: string } | undefined {
  const written = `/${environment.endpointPrefix}/${route.endpoint}`.replace(/\/{2,}/g, '/');
  // `:name` parameters and unnamed wildcards take a sample value; escapes are dropped as path-to-regexp drops them.
  const filled = written.replace(/:[A-Za-z_$][\w$]*/g, 'a1b2c3d4-0000-4000-8000-000000000002').replace(/\\(.)/g, '$1');
  if (/[*{}]/.test(filled)) return undefined;
  let requestPath: string;
  try {
    requestPath = new URL(`http://mock.invalid${filled}`).pathname;
  } catch {
    return undefined;
  }
  const slicePath = requestPath.startsWith('/beta/') ? requestPath.slice('/beta'.length) : requestPath;
  return { requestPath, slicePath };
}

function whyOutside(
  route: Route,
  place: number,
  where: string,
  routes: Route[],
  matchers: Matcher[][],
  doc: OpenApiDocument,
  environment: Environment,
): string {
  // Every HTTP and CRUD route has a place: Mockoon's repair puts a route no folder lists at the end of rootChildren.
  if (route.type === 'ws' || place < 0) return 'a WebSocket route';
  if (/^\/v1\.0(\/|$)/.test(new URL(where).pathname)) return 'not Graph beta';
  const own = ownPath(environment, route);
  if (own && route.method !== 'all' && route.method !== '') {
    const op = operationOfRequest(doc, route.method, own.slicePath);
    if (op) {
      const first = firstRoute(matchers, op.method, own.requestPath);
      if (first >= 0 && first !== place)
        return `never reached: route ${environment.routes.indexOf(routes[first]!)} (${routes[first]!.endpoint}) answers its requests first`;
    }
  }
  if (/(?<!\\)\(/.test(route.endpoint))
    return "Mockoon reads ( ) in a route as a group, so it never matches an OData key segment such as applications(appId='…'); write \\( and \\)";
  return 'no operation of the slice';
}

/**
 * The responses a route can answer with, as Mockoon's ResponseRulesInterpreter chooses: every one in random
 * or sequential mode; only the default (flagged, else the first) when rules are disabled; otherwise each
 * response that has rules (they may match) and the default for when none does — except in fallback mode,
 * where no match passes the request on to the next route. A response without rules that is not the
 * default is never served, so it is not judged (the OpenAPI import writes such responses for `default`).
 */
function answeringResponses(commons: Commons, route: Route): RouteResponse[] {
  const fallback = route.responses.find((r) => r.default) ?? route.responses[0];
  switch (route.responseMode) {
    case commons.ResponseMode.RANDOM:
    case commons.ResponseMode.SEQUENTIAL:
      return route.responses;
    case commons.ResponseMode.DISABLE_RULES:
      return fallback ? [fallback] : [];
    case commons.ResponseMode.FALLBACK:
      return route.responses.filter((r) => r.rules.length > 0);
    default:
      return route.responses.filter((r) => r.rules.length > 0 || r === fallback);
  }
}

function describeResponse(r: number, route: Route, response: RouteResponse, k: number): string {
  const label = response.label ? ` ${JSON.stringify(response.label)}` : '';
  const rules = response.rules.map(
    (rule) =>
      `${rule.invert ? 'not ' : ''}${rule.target}${rule.modifier ? `.${rule.modifier}` : ''} ${rule.operator}${rule.operator === 'null' || rule.operator === 'empty_array' ? '' : ` ${JSON.stringify(rule.value)}`}`,
  );
  const when = rules.length > 0 ? `, when ${rules.join(` ${response.rulesOperator} `)}` : '';
  const mode = route.responseMode ? `, ${route.responseMode.toLowerCase().replace('_', ' ')}` : '';
  return `route ${r} response ${k}${label}${response.default ? ' (default)' : ''}${when}${mode}`;
}

const TEMPLATE = /\{\{/;

/**
 * The header as Mockoon's templating would render it, for the helpers whose result needs nothing of its
 * runtime: a new GUID, the request's own header. Undefined for any other template.
 */
function renderKnownHeader(value: string, request: Record<string, string>): string | undefined {
  const whole = /^\s*\{\{\s*([^}]*?)\s*\}\}\s*$/.exec(value);
  if (!whole) return undefined;
  const expression = whole[1]!;
  if (/^(guid|uuid|faker\s+['"]string\.uuid['"])$/.test(expression)) return randomUUID();
  const header = /^header\s+(['"])([^'"]+)\1(?:\s+(['"])([^'"]*)\3)?$/.exec(expression);
  if (header) return request[header[2]!.toLowerCase()] ?? header[4] ?? '';
  return undefined;
}

/** What Mockoon answers with `response`: environment headers then the response's, its body, Express's defaults. */
function servedResponse(file: string, environment: Environment, response: RouteResponse): Served {
  const request = { 'client-request-id': SENT_CLIENT_REQUEST_ID };
  const headers: Record<string, string> = {};
  const headersUnjudged: Record<string, string> = {};
  const set = (list: Header[]) => {
    for (const { key, value } of list) {
      const name = key.toLowerCase();
      if (!name) continue;
      delete headersUnjudged[name];
      if (!TEMPLATE.test(value)) headers[name] = value;
      else {
        const rendered = renderKnownHeader(value, request);
        if (rendered !== undefined) headers[name] = rendered;
        else
          headersUnjudged[name] =
            `Mockoon renders the ${key} header from the template ${JSON.stringify(value)} at request time; run the suite against Mockoon to judge it`;
      }
    }
  };
  set(environment.headers);
  set(response.headers);
  const status = response.statusCode;
  const served: Served = { status, headers, body: '', ...(Object.keys(headersUnjudged).length > 0 && { headersUnjudged }) };
  const templated = (text: string, what: string) => {
    if (!response.disableTemplating && TEMPLATE.test(text))
      served.bodyUnjudged = `Mockoon renders ${what} from a template ({{…}}) at request time; run the suite against Mockoon to judge it`;
  };
  if (response.bodyType === 'FILE' && response.filePath) {
    const target = path.resolve(path.dirname(file), response.filePath);
    // Mockoon sets the file's own type only where the route sets none (the environment's is overridden).
    const routeType = response.headers.some((h) => h.key.toLowerCase() === 'content-type');
    const byExtension = MIME_BY_EXTENSION[path.extname(target).toLowerCase()];
    if (!routeType && byExtension) headers['content-type'] = byExtension;
    if (TEMPLATE.test(response.filePath))
      served.bodyUnjudged = 'Mockoon picks the file from a template at request time; run the suite against Mockoon to judge it';
    else if (!existsSync(target)) served.bodyProblem = `the file ${response.filePath} does not exist (${target})`;
    else {
      served.body = readFileSync(target, 'utf8');
      templated(served.body, `the file ${response.filePath}`);
    }
  } else if (response.bodyType === 'DATABUCKET' && response.databucketID) {
    const bucket = environment.data.find((d) => d.id === response.databucketID);
    if (!bucket) served.bodyProblem = `the data bucket ${JSON.stringify(response.databucketID)} is not in the environment`;
    else if (TEMPLATE.test(bucket.value))
      served.bodyUnjudged = `Mockoon renders data bucket ${JSON.stringify(bucket.name)} from a template when it starts; run the suite against Mockoon to judge it`;
    else served.body = asBucketServesIt(bucket.value);
  } else {
    served.body = response.body ?? '';
    templated(served.body, 'the body');
  }
  return asExpressSendsIt(served);
}

/** The file types Mockoon's lookup names for the bodies a Graph mock serves (mime-types, by extension). */
const MIME_BY_EXTENSION: Record<string, string> = { '.json': 'application/json', '.txt': 'text/plain', '.xml': 'application/xml', '.html': 'text/html' };

/** A bucket parsed at start: JSON served as JSON text, anything else as written. */
function asBucketServesIt(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}

/**
 * Express's `res.send(string)` (Mockoon serves every body through it): no Content-Type set → `text/html`,
 * a set one without charset gains `; charset=utf-8`; a 204 or 304 loses its body and its Content-Type.
 */
function asExpressSendsIt(served: Served): Served {
  const { headers } = served;
  if (served.status === 204 || served.status === 304) {
    delete headers['content-type'];
    return { ...served, body: '' };
  }
  if (served.headersUnjudged?.['content-type'] === undefined) {
    const type = headers['content-type'] ?? 'text/html';
    headers['content-type'] = /;\s*charset=/i.test(type) ? type : `${type}; charset=utf-8`;
  }
  return served;
}
