/** The checks on the create call: POST …/connectorGroups → 201 with a connectorGroup. */
import type { Exchange } from '../client/exchange.js';
import { documentedResponse, documentedStatuses, successResponse, type OpenApiDocument } from '../spec/operations.js';
import type { SpecValidator } from '../spec/validator.js';
import { failed, PASSED, type Check } from './check.js';
import { checkContentType, checkRequestId, checkClientRequestIdEcho, parseJsonBody } from './http.js';

export const CREATE_PATH = '/onPremisesPublishingProfiles/{onPremisesPublishingProfile-id}/connectorGroups';

export interface CreateSubject {
  spec: OpenApiDocument;
  validator: SpecValidator;
  exchange: Exchange;
  /** The body as sent, before serialisation. */
  sent: { name: string; region?: string; isDefault?: boolean };
}

const BOTH = ['openapi', 'graph'] as const;
const GRAPH = ['graph'] as const;

export const createStatus: Check<CreateSubject> = {
  id: 'create.status',
  operation: 'create',
  title: 'answers with the documented status',
  expectation: 'the status the slice documents for create: 201 Created',
  profiles: BOTH,
  decisions: ['create-status-201'],
  run({ spec, exchange }) {
    const documented = documentedStatuses(spec, CREATE_PATH, 'post').filter((s) => s.startsWith('2'));
    const status = String(exchange.response.status);
    const ok = documented.some((d) => d === status || (d.endsWith('XX') && d[0] === status[0]));
    return ok ? PASSED : failed(`expected ${documented.join(' or ')}, got ${status}`, exchange.response.status);
  },
};

export const createContentType: Check<CreateSubject> = {
  id: 'create.header.content-type',
  operation: 'create',
  title: 'declares a JSON body',
  expectation: 'Content-Type application/json (parameters such as odata.metadata and charset allowed)',
  profiles: BOTH,
  run({ spec, exchange }) {
    const documented = responseFor(spec, exchange)?.mediaTypes ?? ['application/json'];
    return checkContentType(exchange, documented);
  },
};

export const createBodySchema: Check<CreateSubject> = {
  id: 'create.body.schema',
  operation: 'create',
  title: 'body matches the connectorGroup schema',
  expectation: "the body validates against the slice's schema for the response (microsoft.graph.connectorGroup)",
  profiles: BOTH,
  decisions: ['odata-annotations', 'allof-inheritance', 'connector-group-type-values', 'region-nullable'],
  run({ spec, validator, exchange }) {
    const parsed = parseJsonBody(exchange);
    if (!parsed.ok) return failed(parsed.message, exchange.response.body);
    const schema = responseFor(spec, exchange)?.schema;
    if (!schema) return failed(`the slice documents no JSON body for status ${exchange.response.status}`);
    const violations = validator.validate(schema, parsed.value);
    if (violations.length === 0) return PASSED;
    return failed(violations.map((v) => v.message).join('; '), violations);
  },
};

export const createBodyId: Check<CreateSubject> = {
  id: 'create.body.id',
  operation: 'create',
  title: 'the new entity has an id',
  expectation: 'body.id is a non-empty string',
  profiles: BOTH,
  run({ exchange }) {
    const parsed = parseJsonBody(exchange);
    if (!parsed.ok) return failed(parsed.message, exchange.response.body);
    const id = (parsed.value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id.trim() !== '') return PASSED;
    return failed(`expected a non-empty string id, got ${JSON.stringify(id) ?? 'no id'}`, id);
  },
};

export const createBodyEcho: Check<CreateSubject> = {
  id: 'create.body.echo',
  operation: 'create',
  title: 'the new entity echoes what was sent',
  expectation: 'name and region as sent, isDefault false (only the system sets the default group)',
  profiles: GRAPH,
  decisions: ['is-default-false-on-create'],
  run({ exchange, sent }) {
    const parsed = parseJsonBody(exchange);
    if (!parsed.ok) return failed(parsed.message, exchange.response.body);
    const body = (parsed.value ?? {}) as Record<string, unknown>;
    const wrong: string[] = [];
    if (body.name !== sent.name) wrong.push(`name: sent ${JSON.stringify(sent.name)}, got ${JSON.stringify(body.name)}`);
    if (sent.region !== undefined && body.region !== sent.region) wrong.push(`region: sent ${JSON.stringify(sent.region)}, got ${JSON.stringify(body.region)}`);
    if (body.isDefault !== false) wrong.push(`isDefault: expected false, got ${JSON.stringify(body.isDefault)}`);
    return wrong.length === 0 ? PASSED : failed(wrong.join('; '));
  },
};

export const createRequestId: Check<CreateSubject> = {
  id: 'create.header.request-id',
  operation: 'create',
  title: 'carries a request-id',
  expectation: 'a request-id header holding a GUID, as every Graph response does',
  profiles: GRAPH,
  run: ({ exchange }) => checkRequestId(exchange),
};

export const createClientRequestId: Check<CreateSubject> = {
  id: 'create.header.client-request-id',
  operation: 'create',
  title: 'echoes the client-request-id',
  expectation: 'the client-request-id header sent comes back unchanged',
  profiles: GRAPH,
  run: ({ exchange }) => checkClientRequestIdEcho(exchange),
};

export const CREATE_CHECKS: readonly Check<CreateSubject>[] = [
  createStatus,
  createContentType,
  createBodySchema,
  createBodyId,
  createBodyEcho,
  createRequestId,
  createClientRequestId,
];

/**
 * The response documented for the status that came back. A 2xx the slice does not document is judged
 * against the documented success, so a wrong status fails create.status alone, not the body checks too.
 */
function responseFor(spec: OpenApiDocument, exchange: Exchange) {
  const status = exchange.response.status;
  const documented = documentedResponse(spec, CREATE_PATH, 'post', status);
  if (documented && (documented.key !== 'default' || status >= 400)) return documented;
  return successResponse(spec, CREATE_PATH, 'post');
}
