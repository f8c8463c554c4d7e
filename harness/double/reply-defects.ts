// Known-bad variants of otherwise correct answers of the family's other operations. Each starts from the
// right reply of one operation and changes one thing, like create-defects.ts does for create.
import type { Defect } from './defects.js';
import { hasQueryOption } from './query.js';
import { JSON_CONTENT_TYPE, headerKey, TEXT_CONTENT_TYPE, type Reply } from './response.js';
import type { Route, RouteName } from './router.js';

/** The request a reply answers, as far as a defect needs to know it. */
export interface AnsweredRequest {
  readonly route: Route;
  readonly method: string;
  readonly search: URLSearchParams;
}

interface ReplyDefect {
  readonly route: RouteName | readonly RouteName[];
  readonly method: string;
  /** The correct status this defect starts from; other answers of the route are left alone. */
  readonly from: number;
  /** Narrows the defect to some requests of the route (one key form, one query option). */
  readonly when?: (request: AnsweredRequest) => boolean;
  readonly apply: (reply: Reply) => void;
}

function editBody(reply: Reply, edit: (body: Record<string, unknown>) => void): void {
  const body = JSON.parse(reply.body ?? '{}') as Record<string, unknown>;
  edit(body);
  reply.body = JSON.stringify(body);
}

function setContentType(reply: Reply, value: string | undefined): void {
  const key = headerKey(reply.headers, 'Content-Type') ?? 'Content-Type';
  if (value === undefined) delete reply.headers[key];
  else reply.headers[key] = value;
}

const notACollection = (reply: Reply): void => editBody(reply, (body) => void (body['value'] = 'none'));

// What an IIS front end sends when no application handled the request.
const IIS_NOT_FOUND =
  '<!DOCTYPE html>\n<html><head><title>404 - File or directory not found.</title></head>\n' +
  '<body><h1>Server Error</h1><h2>404 - File or directory not found.</h2>\n' +
  '<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3></body></html>\n';

const REPLY_DEFECTS: Partial<Record<Defect, ReplyDefect>> = {
  'get-status-203': { route: 'group', method: 'GET', from: 200, apply: (r) => void (r.status = 203) },
  'get-content-type-text': { route: 'group', method: 'GET', from: 200, apply: (r) => setContentType(r, TEXT_CONTENT_TYPE) },
  'get-body-schema': { route: 'group', method: 'GET', from: 200, apply: (r) => editBody(r, (b) => void (b['connectorGroupType'] = 42)) },
  'list-status-203': { route: 'groups', method: 'GET', from: 200, apply: (r) => void (r.status = 203) },
  'list-body-schema': {
    route: 'groups',
    method: 'GET',
    from: 200,
    apply: (r) => editBody(r, (b) => void (b['value'] = (b['value'] as Record<string, unknown>[]).map((g) => ({ ...g, connectorGroupType: 42 })))),
  },
  'list-no-value': { route: 'groups', method: 'GET', from: 200, apply: (r) => editBody(r, (b) => void delete b['value']) },
  'update-status-202': { route: 'group', method: 'PATCH', from: 204, apply: (r) => void (r.status = 202) },
  'update-200-invalid-body': {
    route: 'group',
    method: 'PATCH',
    from: 204,
    apply: (r) => {
      r.status = 200;
      r.body = JSON.stringify({ name: 5 });
      setContentType(r, JSON_CONTENT_TYPE);
    },
  },
  'delete-status-200': { route: 'group', method: 'DELETE', from: 204, apply: (r) => void (r.status = 200) },
  'unknown-id-400': { route: 'group', method: 'GET', from: 404, apply: (r) => void (r.status = 400) },
  'members-list-not-collection': { route: 'members', method: 'GET', from: 200, apply: notACollection },
  'members-add-accepts-unknown': { route: 'memberRefs', method: 'POST', from: 404, apply: noContent },
  'members-remove-unknown-204': { route: 'memberRef', method: 'DELETE', from: 404, apply: noContent },
  'applications-list-not-collection': { route: 'applications', method: 'GET', from: 200, apply: notACollection },
  'applications-get-unknown-200': {
    route: 'application',
    method: 'GET',
    from: 404,
    apply: (r) => {
      r.status = 200;
      r.body = JSON.stringify({ id: 'stub', displayName: 'stub application' });
    },
  },
  'count-json': {
    route: ['groupsCount', 'membersCount', 'applicationsCount'],
    method: 'GET',
    from: 200,
    apply: (r) => {
      r.body = JSON.stringify({ value: Number(r.body) });
      setContentType(r, JSON_CONTENT_TYPE);
    },
  },
  'members-ref-list-not-collection': { route: 'memberRefs', method: 'GET', from: 200, apply: (r) => void (r.body = '[]') },
  'by-app-id-html': {
    route: 'applicationByKey',
    method: 'GET',
    from: 404,
    when: ({ route }) => route.name === 'applicationByKey' && route.key === 'appId',
    apply: (r) => {
      r.body = IIS_NOT_FOUND;
      setContentType(r, 'text/html');
    },
  },
  'delete-twice-204': { route: 'group', method: 'DELETE', from: 404, apply: noContent },
  'patch-unknown-204': { route: 'group', method: 'PATCH', from: 404, apply: noContent },
  'logo-delete-unknown-400': { route: 'applicationLogo', method: 'DELETE', from: 404, apply: (r) => void (r.status = 400) },
  'select-breaks-schema': {
    route: 'group',
    method: 'GET',
    from: 200,
    when: ({ search }) => hasQueryOption(search, '$select'),
    apply: (r) => editBody(r, (b) => void (b['connectorGroupType'] = 42)),
  },
};

function noContent(reply: Reply): void {
  reply.status = 204;
  reply.body = undefined;
  setContentType(reply, undefined);
}

/** Every successful JSON object body loses its context URL; errors, $count text and 204s have none to lose. */
function dropContext(reply: Reply): void {
  const type = reply.headers[headerKey(reply.headers, 'Content-Type') ?? 'Content-Type'];
  if (reply.status < 200 || reply.status > 299 || !type?.startsWith('application/json') || reply.body === undefined) return;
  const body = JSON.parse(reply.body) as unknown;
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('@odata.context' in body)) return;
  editBody(reply, (b) => void delete b['@odata.context']);
}

export function applyReplyDefects(request: AnsweredRequest, reply: Reply, defects: ReadonlySet<Defect>): Reply {
  if (defects.has('odata-context-missing')) dropContext(reply);
  // Only requests no contract-suite request looks like: pages a client reaches by following a next link.
  if (defects.has('next-page-no-odata-context') && request.route.name === 'groups' && hasQueryOption(request.search, '$skiptoken')) dropContext(reply);
  for (const defect of defects) {
    const d = REPLY_DEFECTS[defect];
    if (!d || d.method !== request.method || d.from !== reply.status) continue;
    const routes: readonly RouteName[] = typeof d.route === 'string' ? [d.route] : d.route;
    if (routes.includes(request.route.name) && (!d.when || d.when(request))) d.apply(reply);
  }
  return reply;
}
