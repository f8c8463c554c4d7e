import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import { PROPERTY_CHECKS, readBackDifferences, type PropertySubject } from '../src/checks/property.js';
import { GROUP_PATH, GROUPS_PATH, echoDifferences } from '../src/checks/create.js';
import { createdId, parseJsonBody } from '../src/checks/http.js';
import { judgeError, successStatuses } from '../src/checks/response.js';
import { requestSchema } from '../src/openapi/operations.js';
import { runProperty, type Judgement } from '../src/engine/property.js';
import { PROFILE_ID } from '../src/engine/context.js';
import {
  invalidCreateBody,
  invalidCreateClasses,
  LONG_NAME_LENGTH,
  validCreateBody,
  validCreateClasses,
  type Mutation,
} from '../fixtures/factories/connector-group-arbitraries.js';
import type { ConnectorGroupCreateBody } from '../fixtures/factories/connector-group.js';
import type { Exchange } from '../src/client/exchange.js';

const PROFILE = { 'onPremisesPublishingProfile-id': PROFILE_ID };

export const propertySuite: SuiteDefinition<PropertySubject> = {
  name: 'property',
  checks: PROPERTY_CHECKS,
  async produce(ctx) {
    // No time limit of its own: --property-runs bodies, each request bounded by --timeout.
    const options = { seed: ctx.seed, runs: ctx.config.propertyRuns };
    const schema = requestSchema(ctx.spec, GROUPS_PATH, 'post');
    if (!schema) throw new Error('the slice documents no request body for create');
    const isInvalid = (body: unknown) => ctx.validator.validate(schema, body).length > 0;
    const validClasses = validCreateClasses(ctx.runId).map((c) => c.body);
    const invalidClasses = invalidCreateClasses(ctx.runId);
    const unexpected = invalidClasses.find((c) => !isInvalid(c.body));
    if (unexpected) throw new Error(`the invalid class "${unexpected.kind}" is valid against the slice: the suite's classes need revisiting`);
    // Each body is created and deleted in a chain of its own, side by side; shrinking runs in one chain.
    const inChains = (kind: string) => ({
      each: <T>(values: readonly T[], work: (value: T, index: number) => Promise<Judgement>) => ctx.eachInChains(values, (_, i) => `${kind}/${i}`, work),
      shrinkIn: <R>(work: () => Promise<R>) => ctx.inChain(`${kind}/shrink`, work),
    });
    // One create per body serves both properties: the read-back property meets the same sequence (same seed,
    // same examples), so only the bodies its own shrinking tries are sent again.
    const readsBack = ctx.config.profile === 'graph';
    const trials = new Map<string, Promise<Trial>>();
    // Bodies a 2xx accepted without an id: nothing to read back, so the read-back cannot pass on them.
    const unread = new Set<string>();
    const trial = (body: ConnectorGroupCreateBody) => {
      const key = JSON.stringify(body);
      let known = trials.get(key);
      if (!known) trials.set(key, (known = triesValid(ctx, body, readsBack, () => unread.add(key))));
      return known;
    };
    const valid = await runProperty<ConnectorGroupCreateBody>(validCreateBody(ctx.runId), async (body) => (await trial(body)).accepted, {
      ...options,
      examples: validClasses,
      ...inChains('valid'),
    });
    // Its own fast-check run, so shrinking ends on the smallest body whose read-back differs.
    const readBack = readsBack
      ? await runProperty<ConnectorGroupCreateBody>(validCreateBody(ctx.runId), async (body) => (await trial(body)).readBack, {
          ...options,
          examples: validClasses,
          ...inChains('read-back'),
        })
      : undefined;
    const invalid = await runProperty<Mutation>(invalidCreateBody(ctx.runId, isInvalid), ({ body }) => refusesInvalid(ctx, body), {
      ...options,
      examples: invalidClasses,
      ...inChains('invalid'),
    });
    return { valid, invalid, readBack, ...(unread.size > 0 && { unread: { count: unread.size, first: [...unread][0]! } }) };
  },
};

async function create(ctx: SuiteContext, body: unknown): Promise<Exchange> {
  await ctx.client.POST(GROUPS_PATH, { params: { path: PROFILE }, body: body as ConnectorGroupCreateBody, parseAs: 'text' });
  return ctx.lastExchange();
}

/** Deleted at once: a few hundred bodies must not leave a few hundred groups until the suite ends. */
async function discard(ctx: SuiteContext, exchange: Exchange): Promise<void> {
  const id = createdId(exchange);
  if (!id) return;
  ctx.track(id);
  await ctx.client.DELETE(GROUP_PATH, { params: { path: { ...PROFILE, 'connectorGroup-id': id } } });
  if (ctx.lastExchange().response.status < 300) ctx.untrack(id);
}

/** One valid body's create judged twice: as an accepted body, and by what reads back before it is deleted. */
type Trial = { accepted: Judgement; readBack: Judgement };

async function triesValid(ctx: SuiteContext, body: ConnectorGroupCreateBody, readsBack: boolean, noId: () => void): Promise<Trial> {
  const exchange = await create(ctx, body);
  // Tracked before the read: a read that gets no answer must not leave the group unknown to the clean-up.
  const id = createdId(exchange);
  if (id) ctx.track(id);
  const { status } = exchange.response;
  if (!id && status >= 200 && status < 300) noId();
  const readBack = readsBack ? await readsBackAsSent(ctx, body, exchange) : ({ ok: true } as const);
  await discard(ctx, exchange);
  return { accepted: acceptsValid(ctx, body, exchange), readBack };
}

/** GET by id of what the create accepted (decision read-back-exact), retried while it answers 404. */
async function readsBackAsSent(ctx: SuiteContext, body: ConnectorGroupCreateBody, created: Exchange): Promise<Judgement> {
  const id = createdId(created);
  // Nothing accepted, nothing to read: a refusal is valid-bodies' to judge; a 2xx without an id leaves the
  // read-back blocked (the suite counts those), since nothing could be read.
  if (!id) return { ok: true };
  const { exchange } = await ctx.readAfterWrite(() =>
    ctx.client.GET(GROUP_PATH, { params: { path: { ...PROFILE, 'connectorGroup-id': id } }, parseAs: 'text' }),
  );
  const { status } = exchange.response;
  if (status < 200 || status > 299) {
    return { ok: false, message: `an accepted body was not read back: GET by id answered ${status}: ${exchange.response.body.slice(0, 160)}`, exchange };
  }
  const parsed = parseJsonBody(exchange);
  const wrong = parsed.ok ? readBackDifferences(body, parsed.value) : [parsed.message];
  return wrong.length > 0 ? { ok: false, message: `the group read back is not what was accepted: ${wrong.join('; ')}`, exchange } : { ok: true };
}

function acceptsValid(ctx: SuiteContext, body: ConnectorGroupCreateBody, exchange: Exchange): Judgement {
  const documented = successStatuses(ctx.spec, GROUPS_PATH, 'post');
  // A service may bound a name's length: a 400 with Graph's error envelope is a fair answer (decision input-space).
  if (body.name.length >= LONG_NAME_LENGTH && exchange.response.status === 400) {
    const refusal = judgeError({ spec: ctx.spec, validator: ctx.validator }, ctx.config.profile, exchange, {
      statuses: [400],
      path: GROUPS_PATH,
      method: 'post',
    });
    return refusal.status === 'failed'
      ? { ok: false, message: `a ${body.name.length}-character name was refused, but ${refusal.message}`, exchange }
      : { ok: true };
  }
  if (!documented.includes(String(exchange.response.status))) {
    return { ok: false, message: `a valid body was answered ${exchange.response.status}: ${exchange.response.body.slice(0, 160)}`, exchange };
  }
  if (ctx.config.profile === 'graph') {
    const parsed = parseJsonBody(exchange);
    const wrong = parsed.ok ? echoDifferences(body, parsed.value) : [parsed.message];
    if (wrong.length > 0) return { ok: false, message: `the created entity does not echo the body: ${wrong.join('; ')}`, exchange };
  }
  return { ok: true };
}

async function refusesInvalid(ctx: SuiteContext, body: unknown): Promise<Judgement> {
  const exchange = await create(ctx, body);
  await discard(ctx, exchange);
  const verdict = judgeError({ spec: ctx.spec, validator: ctx.validator }, ctx.config.profile, exchange, {
    statuses: [400],
    path: GROUPS_PATH,
    method: 'post',
  });
  return verdict.status === 'failed' ? { ok: false, message: `an invalid body was not refused properly: ${verdict.message}`, exchange } : { ok: true };
}
