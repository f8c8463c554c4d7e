import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import type { Exchange } from '../src/client/exchange.js';
import { LIFECYCLE_CHECKS, type LifecycleSubject } from '../src/checks/lifecycle.js';
import { createStop } from '../src/checks/check.js';
import { GROUP_PATH, GROUPS_PATH } from '../src/checks/create.js';
import { createdId, parseJsonBody } from '../src/checks/http.js';
import { PROFILE_ID } from '../src/engine/context.js';
import { isAbsoluteHttpUrl } from '../src/client/origin.js';
import { connectorGroupCreateBody, connectorGroupUpdateBody } from '../fixtures/factories/connector-group.js';

/** Enough for any real tenant; a target whose links never end is stopped here and reported. */
const MAX_PAGES = 50;

export const lifecycleSuite: SuiteDefinition<LifecycleSubject> = {
  name: 'lifecycle',
  checks: LIFECYCLE_CHECKS,
  async produce(ctx) {
    const created = connectorGroupCreateBody(ctx.faker, ctx.runId);
    const update = connectorGroupUpdateBody(ctx.faker, ctx.runId, created.region);
    const subject: LifecycleSubject = { spec: ctx.spec, validator: ctx.validator, update, steps: {} };
    const profile = { 'onPremisesPublishingProfile-id': PROFILE_ID };

    await ctx.client.POST(GROUPS_PATH, { params: { path: profile }, body: created, parseAs: 'text' });
    subject.steps.create = ctx.lastExchange();
    const id = createdId(subject.steps.create);
    if (!id) {
      subject.stoppedBecause = createStop('create', subject.steps.create.response.status);
      return subject;
    }
    subject.id = id;
    ctx.track(id);
    const group = { params: { path: { ...profile, 'connectorGroup-id': id } }, parseAs: 'text' as const };

    const get = () => ctx.client.GET(GROUP_PATH, group);
    const read = await ctx.readAfterWrite(get);
    subject.steps.get = read.exchange;
    subject.settled = { get: read.retries };
    await ctx.client.PATCH(GROUP_PATH, { ...group, body: update });
    subject.steps.update = ctx.lastExchange();
    const reread = await ctx.readAfterWrite(get, (e) => e.response.status === 404 || !showsUpdate(e, update));
    subject.steps.getUpdated = reread.exchange;
    subject.settled.getUpdated = reread.retries;
    await listAllPages(ctx, subject);
    await ctx.client.DELETE(GROUP_PATH, group);
    subject.steps.delete = ctx.lastExchange();
    const gone = await ctx.readAfterWrite(get, (e) => e.response.status === 200);
    subject.steps.getDeleted = gone.exchange;
    subject.settled.getDeleted = gone.retries;
    if (subject.steps.getDeleted.response.status === 404) ctx.untrack(id);
    await ctx.client.DELETE(GROUP_PATH, group);
    subject.steps.deleteAgain = ctx.lastExchange();
    await ctx.client.PATCH(GROUP_PATH, { ...group, body: update });
    subject.steps.patchDeleted = ctx.lastExchange();
    return subject;
  },
};

function showsUpdate(exchange: Exchange, update: { name: string; region: string | null }): boolean {
  const parsed = parseJsonBody(exchange);
  const body = parsed.ok ? (parsed.value as Record<string, unknown> | null) : null;
  return body?.name === update.name && body?.region === update.region;
}

async function listAllPages(ctx: SuiteContext, subject: LifecycleSubject): Promise<void> {
  await ctx.client.GET(GROUPS_PATH, { params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } }, parseAs: 'text' });
  const pages = [ctx.lastExchange()];
  subject.steps.list = pages;
  const followed = new Set<string>();
  for (;;) {
    const page = pages.at(-1)!;
    const parsed = parseJsonBody(page);
    const next = parsed.ok ? (parsed.value as { '@odata.nextLink'?: unknown } | null)?.['@odata.nextLink'] : undefined;
    if (next === undefined || next === null || page.response.status !== 200) return;
    if (typeof next !== 'string' || !isAbsoluteHttpUrl(next)) {
      subject.steps.listProblem = `page ${pages.length} has @odata.nextLink ${JSON.stringify(next)}, not an absolute URL`;
      return;
    }
    const where = ctx.linkTarget(next);
    if (!where.ok) {
      subject.steps.listProblem = `page ${pages.length} has @odata.nextLink ${where.why}, so neither the run's credentials nor any request go there`;
      return;
    }
    if (followed.has(next)) {
      subject.steps.listProblem = `page ${pages.length} links back to a page already read (${next})`;
      return;
    }
    if (pages.length >= MAX_PAGES) {
      subject.steps.listProblem = `still an @odata.nextLink after ${MAX_PAGES} pages`;
      return;
    }
    followed.add(next);
    pages.push(await ctx.follow(next));
  }
}
