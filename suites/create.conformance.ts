import { conformanceSuite } from '../src/runtime/suite.js';
import { CREATE_CHECKS, CREATE_PATH, type CreateSubject } from '../src/checks/create.js';
import { parseJsonBody } from '../src/checks/http.js';
import { connectorGroupCreateBody } from '../fixtures/factories/connector-group.js';

const PROFILE_ID = 'applicationProxy';

conformanceSuite<CreateSubject>({
  operation: 'create',
  checks: CREATE_CHECKS,
  async produce(ctx) {
    const body = connectorGroupCreateBody(ctx.faker, ctx.runId);
    await ctx.client.POST(CREATE_PATH, {
      params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID } },
      body,
      headers: { 'client-request-id': ctx.faker.string.uuid() },
      parseAs: 'text',
    });
    return { spec: ctx.spec, validator: ctx.validator, exchange: ctx.lastExchange(), sent: body };
  },
  async cleanup(ctx, subject) {
    const parsed = parseJsonBody(subject.exchange);
    const id = parsed.ok ? (parsed.value as { id?: unknown } | null)?.id : undefined;
    if (subject.exchange.response.status >= 300 || typeof id !== 'string' || id === '') return;
    await ctx.client.DELETE(`${CREATE_PATH}/{connectorGroup-id}`, {
      params: { path: { 'onPremisesPublishingProfile-id': PROFILE_ID, 'connectorGroup-id': id } },
    });
  },
});
