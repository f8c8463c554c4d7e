import type { SuiteDefinition } from '../src/engine/definition.js';
import {
  NAVIGATION_CHECKS,
  APPLICATION_PATH,
  APPLICATIONS_PATH,
  MEMBER_REF_PATH,
  MEMBER_REFS_PATH,
  MEMBERS_PATH,
  listsMember,
  type NavigationSubject,
} from '../src/checks/navigation.js';
import type { Exchange } from '../src/client/exchange.js';
import { GROUPS_PATH } from '../src/checks/create.js';
import { collectionValue, createdId, parseJsonBody } from '../src/checks/http.js';
import { createStop } from '../src/checks/check.js';
import { PROFILE_ID, type SuiteContext } from '../src/engine/context.js';
import { referenceUrl } from './contract-values.js';
import { operationTable, operationOfRequest } from '../src/openapi/operation-table.js';
import { loadSlice } from '../src/openapi/load.js';

/** A member's `@odata.id`: the URL of the entity the members navigation links to, in the set of its type. */
function memberUrl(id: string): string {
  const slice = loadSlice();
  const add = operationOfRequest(slice, 'POST', MEMBER_REFS_PATH.replace('{onPremisesPublishingProfile-id}', PROFILE_ID).replace('{connectorGroup-id}', 'x'))!;
  return referenceUrl(slice, operationTable(slice), add, id);
}
import { connectorGroupCreateBody } from '../fixtures/factories/connector-group.js';
import { harnessGuid } from '../src/scrub/scrub.js';
import { allOrFirstError } from '../src/engine/pool.js';

export const navigationSuite: SuiteDefinition<NavigationSubject> = {
  name: 'navigation',
  checks: NAVIGATION_CHECKS,
  async produce(ctx) {
    const subject: NavigationSubject = { spec: ctx.spec, validator: ctx.validator };
    const profile = { 'onPremisesPublishingProfile-id': PROFILE_ID };
    await ctx.client.POST(GROUPS_PATH, { params: { path: profile }, body: connectorGroupCreateBody(ctx.faker, ctx.runId), parseAs: 'text' });
    const id = createdId(ctx.lastExchange());
    if (!id) {
      subject.stoppedBecause = createStop('creating the group to look into', ctx.lastExchange().response.status);
      return subject;
    }
    ctx.track(id);
    const group = { ...profile, 'connectorGroup-id': id };
    const unknownConnector = harnessGuid(() => ctx.faker.string.uuid());
    const unknownApplication = harnessGuid(() => ctx.faker.string.uuid());

    // The group read until it shows, while a connector the target has is looked for (read only); then
    // three independent lines of requests side by side, each in its own chain.
    const shows = ctx
      .readAfterWrite(() => ctx.client.GET(MEMBERS_PATH, { params: { path: group }, parseAs: 'text' }))
      .then((r) => {
        subject.members = r.exchange;
      });
    const looking = ctx.inChain('find-connector', () => findConnector(ctx, id));
    const lines = [
      shows.then(() =>
        ctx.inChain('unknown-member', async () => {
          await ctx.client.POST(MEMBER_REFS_PATH, { params: { path: group }, body: { '@odata.id': memberUrl(unknownConnector) }, parseAs: 'text' });
          subject.addUnknownMember = ctx.lastExchange();
          await ctx.client.DELETE(MEMBER_REF_PATH, { params: { path: { ...group, 'connector-id': unknownConnector } }, parseAs: 'text' });
          subject.removeUnknownMember = ctx.lastExchange();
        }),
      ),
      shows.then(() =>
        ctx.inChain('applications', async () => {
          await ctx.client.GET(APPLICATIONS_PATH, { params: { path: group }, parseAs: 'text' });
          subject.applications = ctx.lastExchange();
          await ctx.client.GET(APPLICATION_PATH, { params: { path: { ...group, 'application-id': unknownApplication } }, parseAs: 'text' });
          subject.unknownApplication = ctx.lastExchange();
        }),
      ),
      Promise.all([looking, shows]).then(([found]) => ctx.inChain('add-remove', () => addAndRemoveConnector(ctx, subject, id, found))),
    ];
    // Every line ends before the suite does (an interrupt stops them all); then the first failure, if any.
    await allOrFirstError([...lines, shows, looking]);
    return subject;
  },
};

/** How many of the target's groups have their members read, at most, to find a connector. */
const GROUPS_SEARCHED = 5;
/** How many pages of the groups list are read, at most, looking for the default group. */
const GROUP_PAGES = 3;

const profile = { 'onPremisesPublishingProfile-id': PROFILE_ID };
const listed = (e: Exchange) =>
  (collectionValue(e) ?? []).filter((item): item is { id: string; isDefault?: unknown } => typeof (item as { id?: unknown } | null)?.id === 'string');

/**
 * A connector the target already has, found read-only: the groups list (pages followed on the base URL's
 * origin until the default group shows, at most GROUP_PAGES: the order and page size are the server's),
 * then the members of at most GROUPS_SEARCHED groups, the default one first (connectors are registered
 * there unless moved).
 */
async function findConnector(ctx: SuiteContext, own: string): Promise<{ id: string; foundIn: string } | string> {
  await ctx.client.GET(GROUPS_PATH, { params: { path: profile }, parseAs: 'text' });
  let page = ctx.lastExchange();
  if (page.response.status !== 200) return `no connector was looked for: GET …/connectorGroups answered ${page.response.status}`;
  const seen = [...listed(page)];
  for (let pages = 1; pages < GROUP_PAGES && !seen.some((g) => g.isDefault === true); pages++) {
    const parsed = parseJsonBody(page);
    const next = parsed.ok ? (parsed.value as { '@odata.nextLink'?: unknown } | null)?.['@odata.nextLink'] : undefined;
    if (typeof next !== 'string' || !ctx.linkTarget(next).ok) break;
    page = await ctx.follow(next);
    if (page.response.status !== 200) break;
    seen.push(...listed(page));
  }
  const groups = seen
    .filter((g) => g.id !== own)
    .sort((a, b) => Number(b.isDefault === true) - Number(a.isDefault === true))
    .slice(0, GROUPS_SEARCHED);
  for (const g of groups) {
    await ctx.client.GET(MEMBERS_PATH, { params: { path: { ...profile, 'connectorGroup-id': g.id } }, parseAs: 'text' });
    const connector = listed(ctx.lastExchange())[0];
    if (connector) return { id: connector.id, foundIn: g.id };
  }
  return `no connector to add: the members of ${groups.length} of the target's connector groups (GET …/connectorGroups/{id}/members, the default group first, from at most ${GROUP_PAGES} pages of groups) list none; connectors are installed on-premises, a run cannot create one`;
}

/**
 * members.add-remove: a connector the target has is added to the run's own group, listed, removed and
 * no longer listed. Only what the run added is removed. A service where a connector belongs to one group
 * may move it out of its own group on the add; it is put back there, so the tenant ends as it began.
 */
async function addAndRemoveConnector(
  ctx: SuiteContext,
  subject: NavigationSubject,
  own: string,
  found: Awaited<ReturnType<typeof findConnector>>,
): Promise<void> {
  if (typeof found === 'string') {
    subject.noConnector = found;
    return;
  }
  subject.connector = found;
  const group = { ...profile, 'connectorGroup-id': own };
  const reference = (groupId: string) => ({
    params: { path: { ...profile, 'connectorGroup-id': groupId } },
    body: { '@odata.id': memberUrl(found.id) },
    parseAs: 'text' as const,
  });
  await ctx.client.POST(MEMBER_REFS_PATH, reference(own));
  subject.addMember = ctx.lastExchange();
  if (subject.addMember.response.status < 200 || subject.addMember.response.status > 299) return;
  const members = () => ctx.client.GET(MEMBERS_PATH, { params: { path: group }, parseAs: 'text' });
  subject.membersAfterAdd = (await ctx.readAfterWrite(members, (e) => e.response.status === 200 && !listsMember(e, found.id))).exchange;
  await ctx.client.DELETE(MEMBER_REF_PATH, { params: { path: { ...group, 'connector-id': found.id } }, parseAs: 'text' });
  subject.removeMember = ctx.lastExchange();
  subject.membersAfterRemove = (await ctx.readAfterWrite(members, (e) => e.response.status === 200 && listsMember(e, found.id))).exchange;
  // Back where it was found, if the add moved it out of there.
  await ctx.client.GET(MEMBERS_PATH, { params: { path: { ...profile, 'connectorGroup-id': found.foundIn } }, parseAs: 'text' });
  if (ctx.lastExchange().response.status === 200 && !listsMember(ctx.lastExchange(), found.id))
    await ctx.client.POST(MEMBER_REFS_PATH, reference(found.foundIn));
}
