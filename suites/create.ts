import type { SuiteDefinition } from '../src/engine/definition.js';
import { CREATE_CHECKS, GROUPS_PATH, type CreateSubject } from '../src/checks/create.js';
import { createdId } from '../src/checks/http.js';
import { PROFILE_ID } from '../src/engine/context.js';
import { connectorGroupCreateBody } from '../fixtures/factories/connector-group.js';
import { harnessGuid } from '../src/scrub/scrub.js';

export const createSuite: SuiteDefinition<CreateSubject> = {
  name: 'create',
  checks: CREATE_CHECKS,
  async produce(ctx) {
    const body = connectorGroupCreateBody(ctx.faker, ctx.runId);
    await ctx.client.POST(GROUPS_PATH, {
      params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } },
      body,
      headers: { 'client-request-id': harnessGuid(() => ctx.faker.string.uuid()) },
      parseAs: 'text',
    });
    const exchange = ctx.lastExchange();
    const id = createdId(exchange);
    if (id) ctx.track(id);
    return { spec: ctx.spec, validator: ctx.validator, exchange, sent: body };
  },
};
