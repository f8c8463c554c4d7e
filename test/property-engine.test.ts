/**
 * The property engine (src/engine/property.ts) with a judge in place of a target: a failure among the
 * generated values shrinks to the smallest one even when a fixed example fails too, an example stands when
 * no generated value fails, and a property every value fails ends on the first without shrinking.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Exchange } from '../src/client/exchange.js';
import { runProperty, type Judgement } from '../src/engine/property.js';

const EXCHANGE = {} as Exchange;
const names = fc.string({ unit: 'grapheme', minLength: 0, maxLength: 12 }).map((s) => `group-${s}`);

/** Fails on any non-ASCII name, counting what it was asked. */
function asciiStore() {
  const asked: string[] = [];
  const judge = async (name: string): Promise<Judgement> => {
    asked.push(name);
    return /^[\x20-\x7e]*$/.test(name) ? { ok: true } : { ok: false, message: `stored ${name.replace(/[^\x20-\x7e]/gu, '?')}`, exchange: EXCHANGE };
  };
  return { asked, judge };
}

describe('runProperty', () => {
  test('a generated failure shrinks to one character, though an example (which cannot shrink) failed first', async () => {
    const { judge } = asciiStore();
    const outcome = await runProperty(names, judge, { seed: 42, runs: 30, examples: ['group-plain', 'group-Ærøskøbing-日本語'] });
    expect(outcome.failure?.shrinks).toBeGreaterThan(0);
    expect([...outcome.failure!.value.slice('group-'.length)]).toHaveLength(1);
  });

  test('when only an example fails, the example stands', async () => {
    const { judge } = asciiStore();
    const ascii = fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `group-${s}`);
    const outcome = await runProperty(ascii, judge, { seed: 42, runs: 10, examples: ['group-Zürich'] });
    expect(outcome.failure).toMatchObject({ value: 'group-Zürich', shrinks: 0 });
  });

  test('every value failing ends on the first, says so, and sends nothing more', async () => {
    const store = { asked: [] as string[] };
    const judge = async (name: string): Promise<Judgement> => {
      store.asked.push(name);
      return { ok: false, message: 'refused', exchange: EXCHANGE };
    };
    const outcome = await runProperty(names, judge, { seed: 42, runs: 10, examples: ['group-first'] });
    expect(outcome.failure).toMatchObject({ value: 'group-first', shrinks: 0, message: 'refused (every one of the 10 failed)' });
    // Each distinct value once (fast-check may draw one twice), and no shrinking after.
    expect(store.asked.length).toBeLessThanOrEqual(10);
    expect(new Set(store.asked).size).toBe(store.asked.length);
  });

  test('a passing property judges each value once', async () => {
    const { asked, judge } = asciiStore();
    const ascii = fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `group-${s}`);
    const outcome = await runProperty(ascii, judge, { seed: 1, runs: 12, examples: ['group-a'] });
    expect(outcome.failure).toBeUndefined();
    expect(asked.length).toBeLessThanOrEqual(12);
    expect(new Set(asked).size).toBe(asked.length);
  });
});
