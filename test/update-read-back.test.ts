/**
 * update.read-back over hand-made histories: each accepted PATCH is held to the read after it, PATCHes in a
 * row are read together, a retried read's last answer is the verdict, and only plain reads of the same
 * entity in the same chain count.
 */
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import { createReadBack, createReadBacksOf, keptAfterPatchesOf, keptFailure, readBacksOf, updateReadBack } from '../src/checks/update-read-back.js';

const GROUP = 'https://graph.test/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/11111111-1111-4111-8111-111111111111';

function step(tag: string, method: string, status: number, body?: unknown, url = GROUP, answer?: unknown): Exchange {
  return {
    request: { method, url, headers: {}, ...((method === 'PATCH' || method === 'POST') && { body: JSON.stringify(body) }) },
    response: {
      status,
      headers: { 'content-type': 'application/json' },
      body: answer !== undefined ? JSON.stringify(answer) : method === 'GET' && body !== undefined ? JSON.stringify(body) : '',
    },
    durationMs: 1,
    tag,
    chain: tag.split('#')[0]!,
  };
}

const judge = (exchanges: Exchange[]) => updateReadBack.run({ exchanges }, 'graph');

describe('update.read-back', () => {
  test('passes when the read shows what was sent, exactly', () => {
    const verdict = judge([step('a#0', 'PATCH', 204, { name: 'Zürich-é' }), step('a#1', 'GET', 200, { id: 'x', name: 'Zürich-é', region: 'eur' })]);
    expect(verdict).toEqual({ status: 'passed', note: '1 accepted PATCH read back as sent' });
  });

  test('fails on a store that mangles what it accepted, naming the property and both values', () => {
    const verdict = judge([step('a#0', 'PATCH', 200, { name: 'Zürich' }), step('a#1', 'GET', 200, { name: 'Z?rich' })]);
    expect(verdict.status).toBe('failed');
    expect(verdict.status === 'failed' && verdict.message).toContain('name: sent "Zürich", read back "Z?rich"');
  });

  test('PATCHes in a row are read together: a PATCH that resets what the one before set fails', () => {
    const history = [
      step('p#0', 'PATCH', 204, { region: 'asia' }),
      step('p#1', 'PATCH', 204, { name: 'renamed' }),
      step('p#2', 'GET', 200, { name: 'renamed', region: 'nam' }),
    ];
    expect(readBacksOf(history)).toMatchObject({ judged: 2, unread: [] });
    const verdict = judge(history);
    expect(verdict.status === 'failed' && verdict.message).toContain('region: sent "asia", read back "nam"');
  });

  test('the last of a retried read is the verdict; a read that never succeeds fails', () => {
    const settled = [step('a#0', 'PATCH', 204, { name: 'new' }), step('a#1', 'GET', 200, { name: 'old' }), step('a#2', 'GET', 200, { name: 'new' })];
    expect(judge(settled).status).toBe('passed');
    const lost = [step('a#0', 'PATCH', 204, { name: 'new' }), step('a#1', 'GET', 404), step('a#2', 'GET', 404)];
    expect(judge(lost)).toMatchObject({ status: 'failed', message: expect.stringContaining('the GET answered 404') });
  });

  test('refused PATCHes, reads with query options and reads in other chains judge nothing', () => {
    const history = [
      step('a#0', 'PATCH', 400, { name: 42 }),
      step('a#1', 'PATCH', 204, { name: 'new' }),
      step('a#2', 'GET', 200, { name: 'other' }, `${GROUP}?$select=name`),
      step('b#0', 'GET', 200, { name: 'other' }),
    ];
    expect(readBacksOf(history)).toMatchObject({ judged: 0, mismatches: [] });
    expect(readBacksOf(history).unread).toHaveLength(1);
    expect(judge(history)).toMatchObject({ status: 'blocked', blockedBy: 'suite:not-sent' });
  });

  test('a DELETE ends an entity history; nothing accepted is blocked by update.status, never passed', () => {
    const history = [step('a#0', 'PATCH', 204, { name: 'new' }), step('a#1', 'GET', 200, { name: 'new' }), step('a#2', 'DELETE', 204), step('a#3', 'GET', 404)];
    expect(judge(history).status).toBe('passed');
    expect(judge([step('a#0', 'PATCH', 400, { name: 'x' })])).toMatchObject({ status: 'blocked', blockedBy: 'update.status' });
  });
});

const AGENT_GROUPS = 'https://graph.test/beta/onPremisesPublishingProfiles/applicationProxy/agentGroups';
const AGENT_GROUP = `${AGENT_GROUPS}/22222222-2222-4222-8222-222222222222`;
const made = { displayName: 'conformance-x-Zürich', publishingType: 'provisioning', isDefault: false };
/** A create of an agent group (its own chain), answered with the id; then `rest`, in the order they arrived. */
const created = (...rest: Exchange[]) => [
  step('agentGroups.create#0', 'POST', 201, made, AGENT_GROUPS, { id: '22222222-2222-4222-8222-222222222222', ...made }),
  ...rest,
];

describe('create.read-back', () => {
  const judgeCreates = (exchanges: Exchange[]) => createReadBack.run({ exchanges }, 'graph');

  test('passes when the read of what a create made shows what it sent, in any chain, members in any order', () => {
    const history = created(
      step('agentGroups.get#0', 'GET', 200, { isDefault: false, publishingType: 'provisioning', displayName: 'conformance-x-Zürich', id: 'x' }, AGENT_GROUP),
    );
    expect(createReadBacksOf(history)).toMatchObject({ judged: 1, mismatches: [], unread: [] });
    expect(judgeCreates(history)).toEqual({ status: 'passed', note: '1 accepted create read back as sent' });
  });

  test('fails on a store that keeps what it echoed otherwise, naming the property and both values', () => {
    const history = created(step('agentGroups.get#0', 'GET', 200, { ...made, displayName: '' }, AGENT_GROUP));
    const verdict = judgeCreates(history);
    expect(verdict.status).toBe('failed');
    expect(verdict.status === 'failed' && verdict.message).toContain('displayName: sent "conformance-x-Zürich", read back ""');
  });

  test('the last read before a write is the verdict; reads after a write, with options, or of a link are not', () => {
    const settled = created(
      step('agentGroups.get#0', 'GET', 404, undefined, AGENT_GROUP),
      step('agentGroups.get#1', 'GET', 200, made, AGENT_GROUP),
      step('agentGroups.get?#0', 'GET', 200, { displayName: 'other' }, `${AGENT_GROUP}?$select=displayName`),
      step('agentGroups.update#0', 'PATCH', 204, { displayName: 'renamed' }, AGENT_GROUP),
      step('agentGroups.update#1', 'GET', 200, { ...made, displayName: 'renamed' }, AGENT_GROUP),
    );
    expect(createReadBacksOf(settled)).toMatchObject({ judged: 1, mismatches: [] });
    // A $ref POST makes nothing to read back.
    const link = [step('x#0', 'POST', 201, { '@odata.id': AGENT_GROUP }, `${AGENT_GROUPS}/$ref`, { id: 'y' })];
    expect(createReadBacksOf(link)).toMatchObject({ judged: 0, unread: [] });
  });

  test('a read that never finds what was made fails; a create never read is blocked, never passed', () => {
    expect(judgeCreates(created(step('agentGroups.get#0', 'GET', 404, undefined, AGENT_GROUP)))).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('the GET answered 404'),
    });
    expect(judgeCreates(created())).toMatchObject({ status: 'blocked', blockedBy: 'suite:not-sent' });
    expect(judgeCreates([step('a#0', 'POST', 400, made, AGENT_GROUPS)])).toMatchObject({ status: 'blocked', blockedBy: 'create.status' });
  });
});

describe('update.partial over the run', () => {
  test('a PATCH that leaves a property out must keep the value its create sent', () => {
    const kept = created(
      step('agentGroups.get#0', 'GET', 200, made, AGENT_GROUP),
      step('agentGroups.update#0', 'PATCH', 204, { displayName: 'renamed' }, AGENT_GROUP),
      step('agentGroups.update#1', 'GET', 200, { ...made, displayName: 'renamed' }, AGENT_GROUP),
    );
    expect(keptAfterPatchesOf(kept)).toEqual({ judged: 1, mismatches: [] });
    const replaced = created(
      step('agentGroups.update#0', 'PATCH', 204, { displayName: 'renamed' }, AGENT_GROUP),
      step('agentGroups.update#1', 'GET', 200, { ...made, displayName: 'renamed', publishingType: 'applicationProxy' }, AGENT_GROUP),
    );
    const { mismatches } = keptAfterPatchesOf(replaced);
    expect(mismatches.map((m) => m.wrong)).toEqual([['publishingType: was "provisioning", read back "applicationProxy"']]);
    expect(keptFailure(mismatches)?.status).toBe('failed');
    expect(keptFailure(mismatches)).toMatchObject({ message: expect.stringContaining('sent displayName, then GET') });
  });

  test('what a read showed since the create is what must be kept; entities the run did not make are not judged', () => {
    const normalised = created(
      step('agentGroups.get#0', 'GET', 200, { ...made, displayName: 'stored otherwise' }, AGENT_GROUP),
      step('agentGroups.update#0', 'PATCH', 204, { isDefault: false }, AGENT_GROUP),
      step('agentGroups.update#1', 'GET', 200, { ...made, displayName: 'stored otherwise' }, AGENT_GROUP),
    );
    expect(keptAfterPatchesOf(normalised)).toEqual({ judged: 1, mismatches: [] });
    const unknown = [step('p#0', 'PATCH', 204, { name: 'x' }), step('p#1', 'GET', 200, { name: 'x', region: 'nam' })];
    expect(keptAfterPatchesOf(unknown)).toEqual({ judged: 0, mismatches: [] });
  });
});
