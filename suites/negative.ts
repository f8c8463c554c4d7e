import type { SuiteDefinition } from '../src/engine/definition.js';
import { NEGATIVE_CHECKS, type NegativeCase, type NegativeSubject } from '../src/checks/negative.js';
import { createdId } from '../src/checks/http.js';
import type { SendOptions } from '../src/engine/context.js';
import { connectorGroupCreateBody } from '../fixtures/factories/connector-group.js';
import { harnessGuid } from '../src/scrub/scrub.js';
import { GROUPS_URL_PATH as GROUPS } from '../src/openapi/paths.js';

const JSON_TYPE = { 'content-type': 'application/json' };

export const negativeSuite: SuiteDefinition<NegativeSubject> = {
  name: 'negative',
  checks: NEGATIVE_CHECKS,
  async produce(ctx) {
    const valid = () => connectorGroupCreateBody(ctx.faker, ctx.runId);
    const requests: Record<NegativeCase, [string, string, SendOptions]> = {
      noToken: ['POST', GROUPS, { token: null, headers: JSON_TYPE, body: JSON.stringify(valid()) }],
      wrongType: ['POST', GROUPS, { headers: JSON_TYPE, body: JSON.stringify({ ...valid(), name: 12 }) }],
      unknownEnum: ['POST', GROUPS, { headers: JSON_TYPE, body: JSON.stringify({ ...valid(), region: 'atlantis' }) }],
      unknownProperty: ['POST', GROUPS, { headers: JSON_TYPE, body: JSON.stringify({ ...valid(), colour: 'blue' }) }],
      malformedJson: ['POST', GROUPS, { headers: JSON_TYPE, body: JSON.stringify(valid()).slice(0, -8) }],
      wrongContentType: ['POST', GROUPS, { headers: { 'content-type': 'text/plain' }, body: JSON.stringify(valid()) }],
      unknownId: ['GET', `${GROUPS}/${harnessGuid(() => ctx.faker.string.uuid())}`, {}],
    };
    const subject: NegativeSubject = { spec: ctx.spec, validator: ctx.validator, cases: {} };
    // Each case is independent of the others: side by side, each its own chain.
    const cases = Object.entries(requests) as [NegativeCase, [string, string, SendOptions]][];
    await ctx.eachInChains(
      cases,
      ([name]) => name,
      async ([name, [method, path, options]]) => {
        const exchange = await ctx.send(method, path, options);
        subject.cases[name] = exchange;
        // A target that wrongly accepts the request has created a group: it must not outlive the run.
        const id = method === 'POST' ? createdId(exchange) : undefined;
        if (id) ctx.track(id);
      },
    );
    return subject;
  },
};
