/**
 * The contract suite: every operation of the slice is sent at least once, and once more with each query
 * parameter it documents, and the generic checks derived from the operation table judge every answer.
 * It creates one group (create), reads, updates and looks into it with every other operation — ids the
 * group cannot have (an application, a connector) are unknown GUIDs, so those answers are documented
 * errors — and deletes it last (delete, with `If-Match: *`).
 */
import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import { createStop, type Check } from '../src/checks/check.js';
import { derivedChecks, type DerivedSubject } from '../src/checks/derived.js';
import { CONVENTION_CHECKS } from '../src/checks/conventions.js';
import { createdId, readShows } from '../src/checks/http.js';
import type { Exchange } from '../src/client/exchange.js';
import { loadSlice } from '../src/openapi/load.js';
import { operationTable, type TableOperation } from '../src/openapi/operation-table.js';
import { requestSchema, type OpenApiDocument } from '../src/openapi/operations.js';
import { GROUP_PATH, GROUPS_PATH } from '../src/openapi/paths.js';
import { harnessGuid } from '../src/scrub/scrub.js';
import { connectorGroupCreateBody, connectorGroupUpdateBody, type ConnectorGroupCreateBody } from '../fixtures/factories/connector-group.js';

type Region = ConnectorGroupCreateBody['region'];
import { fillPath, queryValue, referenceOrMediaBody, type Known } from './contract-values.js';

const isCreate = (o: TableOperation) => o.method === 'post' && o.path === GROUPS_PATH;
const isGroupDelete = (o: TableOperation) => o.method === 'delete' && o.path === GROUP_PATH;

/** The contract suite of a document: the committed slice's below; a test builds one of an edited copy. */
export function contractSuiteFor(spec: OpenApiDocument): SuiteDefinition<DerivedSubject> {
  const table = operationTable(spec);
  return {
    name: 'contract',
    spec,
    checks: [...table.flatMap(derivedChecks), ...CONVENTION_CHECKS],
    produce: (ctx) => produce(ctx, table),
  };
}

export const contractSuite = contractSuiteFor(loadSlice());
export const CONTRACT_CHECKS: readonly Check<DerivedSubject>[] = contractSuite.checks;

async function produce(ctx: SuiteContext, table: readonly TableOperation[]): Promise<DerivedSubject> {
  const notSent = new Map<string, string>();
  const subject: DerivedSubject = { spec: ctx.spec, validator: ctx.validator, exchanges: ctx.exchanges, notSent };
  const known: Known = {
    unknownId: harnessGuid(() => ctx.faker.string.uuid()),
    unknownName: `conformance-${ctx.runId}-unknown`,
  };
  const create = table.find(isCreate)!;
  const created = connectorGroupCreateBody(ctx.faker, ctx.runId);
  const answer = await send(ctx, create, fillPath(create, known)!.path, { json: created }, 'success');
  known.groupId = createdId(answer);
  if (known.groupId) ctx.track(known.groupId);
  else subject.stoppedBecause = createStop('create', answer.response.status);

  // The group shows first (a tenant is eventually consistent); then every operation and variant is
  // independent of the others, and they go side by side, each its own chain.
  const getGroup = table.find((o) => o.method === 'get' && o.path === GROUP_PATH);
  const filledGet = getGroup && fillPath(getGroup, known);
  if (filledGet) {
    await ctx.readAfterWrite(() => ctx.send('GET', filledGet.path), undefined, 'success');
  }
  const variants = table.filter((op) => !isCreate(op) && !isGroupDelete(op)).flatMap((op) => variantsOf(ctx, op, known, notSent, created.region));
  await ctx.eachInChains(
    variants,
    (v) => v.chain,
    async (v) => {
      const answer = await send(ctx, v.op, v.path, v.payload, v.expect);
      if (v.op.method === 'patch' && v.expect === 'success') await readBack(ctx, v.path, v.payload.json, answer);
    },
  );
  const remove = table.find(isGroupDelete);
  if (remove && known.groupId) {
    const filled = fillPath(remove, known)!;
    const gone = await send(ctx, remove, filled.path, { headers: remove.headers.includes('If-Match') ? { 'If-Match': '*' } : {} }, 'success');
    if (gone.response.status >= 200 && gone.response.status < 300) ctx.untrack(known.groupId);
  }
  return subject;
}

interface Variant {
  op: TableOperation;
  /** The chain the request runs in: the operation's name, and the query parameter it adds. */
  chain: string;
  path: string;
  payload: Payload;
  expect: Exchange['expect'];
}

/** The operation once as it is, then once per optional query parameter it documents (the group's GET once, already sent). */
function variantsOf(ctx: SuiteContext, op: TableOperation, known: Known, notSent: Map<string, string>, region: Region): Variant[] {
  const filled = fillPath(op, known);
  if (!filled) return []; // needs the group create did not give: its checks are blocked by create's
  const body = bodyFor(ctx, op, known, region);
  if (body === null) {
    notSent.set(op.name, `the suite has no valid body for ${op.method.toUpperCase()} ${op.path}`);
    return [];
  }
  const required = op.query.filter((q) => q.required);
  const optional = op.query.filter((q) => !q.required);
  const query = (extra: typeof op.query) => {
    const pairs = [...required, ...extra].map((q) => `${q.name}=${encodeURIComponent(queryValue(ctx.spec, op, q, known))}`);
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  };
  const unknown = filled.unknown || (body?.unknown ?? false) || required.some((q) => q.name === '@id');
  const headers: Record<string, string> = op.method === 'delete' && op.headers.includes('If-Match') ? { 'If-Match': '*' } : {};
  const payload = { ...body, headers };
  const plain: Variant[] =
    op.method === 'get' && op.path === GROUP_PATH
      ? []
      : [{ op, chain: op.name, path: `${filled.path}${query([])}`, payload, expect: unknown ? 'error' : 'success' }];
  return [
    ...plain,
    ...optional.map((q): Variant => ({ op, chain: `${op.name}?${q.name}`, path: `${filled.path}${query([q])}`, payload, expect: unknown ? 'error' : 'any' })),
  ];
}

/**
 * What a PATCH accepted, read back in its own chain (update.read-back judges it): a plain GET of the same
 * entity, read again while it does not show the patch yet (eventual consistency), as the lifecycle does.
 */
async function readBack(ctx: SuiteContext, path: string, sent: unknown, answer: Exchange): Promise<void> {
  const { status } = answer.response;
  if (status < 200 || status > 299 || sent === null || typeof sent !== 'object') return;
  const entity = path.split('?')[0]!;
  await ctx.readAfterWrite(
    () => ctx.send('GET', entity),
    (e) => e.response.status === 404 || !readShows(e, sent as Record<string, unknown>),
    'success',
  );
}

type Payload = { json?: unknown; raw?: { body: string; contentType: string }; headers?: Record<string, string> };

/** The operation's body: the factories' for create and update, a reference or media body otherwise; null when none is known. */
function bodyFor(ctx: SuiteContext, op: TableOperation, known: Known, region: Region): (Payload & { unknown?: boolean }) | undefined | null {
  if (!op.hasRequestBody) return undefined;
  if (op.method === 'patch' && op.path === GROUP_PATH) return { json: connectorGroupUpdateBody(ctx.faker, ctx.runId, region) };
  const special = referenceOrMediaBody(ctx.spec, op, known);
  if (special) return { raw: { body: special.body, contentType: special.contentType }, unknown: special.unknown };
  return requestSchema(ctx.spec, op.path, op.method) ? null : undefined;
}

async function send(ctx: SuiteContext, op: TableOperation, path: string, payload: Payload, expect: Exchange['expect']): Promise<Exchange> {
  const headers: Record<string, string> = { ...payload.headers };
  let body: string | undefined;
  if (payload.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload.json);
  } else if (payload.raw) {
    headers['Content-Type'] = payload.raw.contentType;
    body = payload.raw.body;
  }
  return ctx.send(op.method.toUpperCase(), path, { headers, ...(body !== undefined && { body }), ...(expect !== undefined && { expect }) });
}
