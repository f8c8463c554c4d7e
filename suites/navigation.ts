import type { SuiteDefinition } from '../src/engine/definition.js';
import {
  NAVIGATION_CHECKS,
  APPLICATION_PATH,
  APPLICATIONS_PATH,
  MEMBER_REF_PATH,
  MEMBER_REFS_PATH,
  MEMBERS_PATH,
  type NavigationSubject,
} from '../src/checks/navigation.js';
import { GROUPS_PATH } from '../src/checks/create.js';
import { createdId } from '../src/checks/http.js';
import { createStop } from '../src/checks/check.js';
import { PROFILE_ID } from '../src/engine/context.js';
import { connectorGroupCreateBody } from '../fixtures/factories/connector-group.js';
import { harnessGuid } from '../src/scrub/scrub.js';

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

    subject.members = (await ctx.readAfterWrite(() => ctx.client.GET(MEMBERS_PATH, { params: { path: group }, parseAs: 'text' }))).exchange;
    const connectorUrl = `https://graph.microsoft.com/beta/onPremisesPublishingProfiles/${PROFILE_ID}/connectors/${unknownConnector}`;
    await ctx.client.POST(MEMBER_REFS_PATH, { params: { path: group }, body: { '@odata.id': connectorUrl }, parseAs: 'text' });
    subject.addUnknownMember = ctx.lastExchange();
    await ctx.client.DELETE(MEMBER_REF_PATH, { params: { path: { ...group, 'connector-id': unknownConnector } }, parseAs: 'text' });
    subject.removeUnknownMember = ctx.lastExchange();
    await ctx.client.GET(APPLICATIONS_PATH, { params: { path: group }, parseAs: 'text' });
    subject.applications = ctx.lastExchange();
    await ctx.client.GET(APPLICATION_PATH, { params: { path: { ...group, 'application-id': unknownApplication } }, parseAs: 'text' });
    subject.unknownApplication = ctx.lastExchange();
    return subject;
  },
};
