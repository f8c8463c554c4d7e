/** The checks on the create call: POST …/connectorGroups → 201 with a connectorGroup. */
import type { Exchange } from '../client/exchange.js';
import { failed, GRAPH, PASSED, type Check } from './check.js';
import { checkClientRequestIdEcho, checkRequestId, parseJsonBody } from './http.js';
import type { Judged } from './response.js';

export { GROUP_PATH, GROUPS_PATH } from '../openapi/paths.js';

export interface CreateSubject extends Judged {
  exchange: Exchange;
  /** The body as sent, before serialisation. */
  sent: { name: string; region?: string | null; isDefault?: boolean };
}

export const createBodyId: Check<CreateSubject> = {
  id: 'create.body.id',
  operation: 'create',
  title: 'the new entity has an id',
  expectation: 'body.id is a non-empty string',
  provenBy: ['create-id-empty'],
  profiles: GRAPH,
  notStated: 'the slice types id as a string, and an empty one conforms; a usable id is Graph’s behaviour',
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
  provenBy: ['create-echo-name'],
  profiles: GRAPH,
  decisions: ['is-default-false-on-create'],
  run({ exchange, sent }) {
    const parsed = parseJsonBody(exchange);
    if (!parsed.ok) return failed(parsed.message, exchange.response.body);
    const wrong = echoDifferences(sent, parsed.value);
    return wrong.length === 0 ? PASSED : failed(wrong.join('; '));
  },
};

/** What a created entity gets wrong about the body it was created from (empty when it echoes it). */
export function echoDifferences(sent: CreateSubject['sent'], entity: unknown): string[] {
  const body = (entity ?? {}) as Record<string, unknown>;
  const wrong: string[] = [];
  if (body.name !== sent.name) wrong.push(`name: sent ${JSON.stringify(sent.name)}, got ${JSON.stringify(body.name)}`);
  if (sent.region !== undefined && body.region !== sent.region) wrong.push(`region: sent ${JSON.stringify(sent.region)}, got ${JSON.stringify(body.region)}`);
  if (body.isDefault !== false) wrong.push(`isDefault: expected false, got ${JSON.stringify(body.isDefault)}`);
  return wrong;
}

export const createRequestId: Check<CreateSubject> = {
  id: 'create.header.request-id',
  operation: 'create',
  title: 'carries a request-id',
  expectation: 'a request-id header holding a GUID, as every Graph response does',
  provenBy: ['create-no-request-id', 'create-request-id-not-guid'],
  profiles: GRAPH,
  run: ({ exchange }) => checkRequestId(exchange),
};

export const createClientRequestId: Check<CreateSubject> = {
  id: 'create.header.client-request-id',
  operation: 'create',
  title: 'echoes the client-request-id',
  expectation: 'the client-request-id header sent comes back unchanged',
  provenBy: ['create-client-request-id-not-echoed'],
  profiles: GRAPH,
  run: ({ exchange }) => checkClientRequestIdEcho(exchange),
};

/**
 * create.status, create.header.content-type and create.body.schema are derived from the slice and judged
 * in the contract suite (checks/derived.ts); these are the create behaviours the slice cannot state.
 */
export const CREATE_CHECKS: readonly Check<CreateSubject>[] = [createBodyId, createBodyEcho, createRequestId, createClientRequestId];
