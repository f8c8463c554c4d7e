/**
 * A query rule's failure names the part of the request the target refused: when the read carried more
 * than the rule's own option ($filter, $orderby) and the target refused it, the message lists what the
 * request carried and quotes the target's own error, so a refused $orderby is not read as a refused $top.
 */
import { expect, test } from 'vitest';
import { queryTop } from '../src/checks/query.js';
import type { QuerySubject } from '../src/checks/query.js';
import type { Exchange } from '../src/client/exchange.js';
import { loadSlice } from '../src/openapi/load.js';
import { validatorFor } from '../src/openapi/validator.js';

const spec = loadSlice();
const url = "http://127.0.0.1:1/onPremisesPublishingProfiles/applicationProxy/connectorGroups?$filter=startswith(name,'p-')&$orderby=name&$top=1";

function subjectAnswered(status: number, body: string): QuerySubject {
  const exchange: Exchange = {
    request: { method: 'GET', url, headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, body },
    durationMs: 1,
  };
  return { spec, validator: validatorFor(spec), prefix: 'p-', groups: [], steps: { top: exchange }, pages: { top: [exchange] } };
}

test("a 400 to a read that also carried $orderby: the message lists the options and quotes the target's error", () => {
  const verdict = queryTop.run(subjectAnswered(400, '{"error":{"code":"BadRequest","message":"Invalid $orderby expression."}}'), 'graph');
  expect(verdict).toMatchObject({ status: 'failed' });
  expect((verdict as { message: string }).message).toBe(
    '$top=1 answered 400, not 200: the option is documented for this operation; the request carried $filter, $orderby, $top; the target said BadRequest "Invalid $orderby expression."',
  );
});

test('a refusal without Graph’s envelope still lists what the request carried', () => {
  const verdict = queryTop.run(subjectAnswered(400, 'bad'), 'graph');
  expect((verdict as { message: string }).message).toBe(
    '$top=1 answered 400, not 200: the option is documented for this operation; the request carried $filter, $orderby, $top',
  );
});
