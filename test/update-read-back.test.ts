/**
 * update.read-back over hand-made histories: each accepted PATCH is held to the read after it, PATCHes in a
 * row are read together, a retried read's last answer is the verdict, and only plain reads of the same
 * entity in the same chain count.
 */
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import { readBacksOf, updateReadBack } from '../src/checks/update-read-back.js';

const GROUP = 'https://graph.test/beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups/11111111-1111-4111-8111-111111111111';

function step(tag: string, method: string, status: number, body?: unknown, url = GROUP): Exchange {
  return {
    request: { method, url, headers: {}, ...(method === 'PATCH' && { body: JSON.stringify(body) }) },
    response: { status, headers: { 'content-type': 'application/json' }, body: method === 'GET' && body !== undefined ? JSON.stringify(body) : '' },
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
