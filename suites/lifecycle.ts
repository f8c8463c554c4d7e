import type { SuiteContext, SuiteDefinition } from '../src/engine/definition.js';
import { LIFECYCLE_CHECKS, type LifecycleSubject, type PartialUpdate } from '../src/checks/lifecycle.js';
import { createStop } from '../src/checks/check.js';
import { GROUP_PATH, GROUPS_PATH } from '../src/checks/create.js';
import { createdId, parseJsonBody, readShows } from '../src/checks/http.js';
import { PROFILE_ID } from '../src/engine/context.js';
import { isAbsoluteHttpUrl } from '../src/client/origin.js';
import { connectorGroupCreateBody, connectorGroupUpdateBody, SENDABLE_REGIONS } from '../fixtures/factories/connector-group.js';
import { GROUPS_URL_PATH } from '../src/openapi/paths.js';

/** Enough for any real tenant; a target whose links never end is stopped here and reported. */
const MAX_PAGES = 50;

export const lifecycleSuite: SuiteDefinition<LifecycleSubject> = {
  name: 'lifecycle',
  checks: LIFECYCLE_CHECKS,
  async produce(ctx) {
    // The partial PATCHes work on groups of their own, in chains of their own, side by side with the one
    // group's life: they add no round trip to the suite's longest sequence.
    const [partial, subject] = await Promise.all([partialUpdates(ctx), oneLife(ctx)]);
    subject.partial = partial;
    return subject;
  },
};

async function oneLife(ctx: SuiteContext): Promise<LifecycleSubject> {
  const created = connectorGroupCreateBody(ctx.faker, ctx.runId);
  const update = connectorGroupUpdateBody(ctx.faker, ctx.runId, created.region);
  // Every answer of the suite, for the checks over them all (update.read-back); the run's, with a journal.
  const subject: LifecycleSubject = { spec: ctx.spec, validator: ctx.validator, update, steps: {}, exchanges: ctx.exchanges };
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
  const reread = await ctx.readAfterWrite(get, (e) => e.response.status === 404 || !readShows(e, update));
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
}

const JSON_BODY = { 'Content-Type': 'application/json' };

/**
 * PATCH is partial (decision update-partial): for each property a tenant may safely write (name, region;
 * never isDefault, which only the system sets), a group of its own has the *other* property set away from
 * what create gave it, then this one patched alone; the read-back must show the patched one changed and
 * the other as it was set. Names come from the run id, not the faker, so the main life's draws stay put.
 */
async function partialUpdates(ctx: SuiteContext): Promise<PartialUpdate[]> {
  const plans = [
    { sent: 'name', kept: 'region' },
    { sent: 'region', kept: 'name' },
  ] as const;
  return ctx.eachInChains(
    plans,
    ({ sent }) => `partial-${sent}`,
    async ({ sent, kept }) => {
      const name = `conformance-${ctx.runId}-partial-${sent}`;
      const partial: PartialUpdate = { sent, kept, set: {}, patch: {}, steps: {} };
      partial.steps.create = await ctx.send('POST', GROUPS_URL_PATH, { headers: JSON_BODY, body: JSON.stringify({ name, isDefault: false }) });
      const id = createdId(partial.steps.create);
      if (!id) {
        partial.stoppedBecause = createStop('create', partial.steps.create.response.status);
        return partial;
      }
      ctx.track(id);
      const path = `${GROUPS_URL_PATH}/${id}`;
      const parsed = parseJsonBody(partial.steps.create);
      const region = parsed.ok ? (parsed.value as { region?: unknown } | null)?.region : undefined;
      // Away from what create gave: a PATCH that replaces would put the default back, so the default must not be the value.
      const away = SENDABLE_REGIONS.filter((r) => r !== (region ?? 'nam'));
      partial.set = kept === 'region' ? { region: away[0]! } : { name: `${name}-set` };
      partial.patch = sent === 'name' ? { name: `${name}-renommé` } : { region: away[1]! };
      const patch = (body: Record<string, unknown>) => ctx.send('PATCH', path, { headers: JSON_BODY, body: JSON.stringify(body) });
      // A group just created may be unknown to the replica that answers (eventual consistency): a 404 is waited out.
      partial.steps.set = (await ctx.readAfterWrite(() => patch(partial.set))).exchange;
      partial.steps.patch = await patch(partial.patch);
      const reread = await ctx.readAfterWrite(
        () => ctx.send('GET', path),
        // Waits for the second PATCH only: once it shows, whatever the read says of the other property is the verdict.
        (e) => e.response.status === 404 || !readShows(e, partial.patch),
      );
      partial.steps.get = reread.exchange;
      partial.settled = reread.retries;
      const gone = await ctx.send('DELETE', path);
      if (gone.response.status >= 200 && gone.response.status < 300) ctx.untrack(id);
      return partial;
    },
  );
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
