import { describe, expect, test } from 'vitest';
import { ratePerSecond, repeat, stats } from '../tools/bench/measure.js';
import { formatNumber, formatTable, type Row } from '../tools/bench/table.js';

describe('stats', () => {
  test('median, min and max of an odd count, samples kept in order', () => {
    expect(stats([5, 1, 9, 3, 7])).toEqual({ median: 5, min: 1, max: 9, samples: [5, 1, 9, 3, 7] });
  });

  test('the median of an even count is the mean of the middle two', () => {
    expect(stats([4, 1, 3, 2]).median).toBe(2.5);
  });

  test('one sample is its own median, min and max', () => {
    expect(stats([42])).toMatchObject({ median: 42, min: 42, max: 42 });
  });

  test('no samples, or a non-finite one, is an error rather than a number', () => {
    expect(() => stats([])).toThrow(/no samples/);
    expect(() => stats([1, Number.NaN])).toThrow(/non-finite/);
  });
});

describe('repeat', () => {
  test('throws the warm-up runs away and keeps the rest', async () => {
    const seen: number[] = [];
    const result = await repeat({ runs: 3, warmup: 2 }, async (run) => {
      seen.push(run);
      return run >= 0 ? 10 * (run + 1) : 1000;
    });
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(result).toMatchObject({ median: 20, min: 10, max: 30, samples: [10, 20, 30] });
  });

  test('refuses a run count that is not a positive integer', async () => {
    await expect(repeat({ runs: 0 }, async () => 1)).rejects.toThrow(/positive integer/);
  });
});

test('ratePerSecond counts calls made one at a time over the window', async () => {
  let calls = 0;
  const rate = await ratePerSecond(50, async () => {
    calls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  expect(calls).toBeGreaterThan(1);
  expect(rate).toBeGreaterThan(10);
  expect(rate).toBeLessThan(250);
});

describe('formatNumber', () => {
  test('three significant digits below 100, whole numbers above', () => {
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(123.4)).toBe('123');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(0.01234)).toBe('0.0123');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-64.9)).toBe('-64.9');
  });
});

describe('formatTable', () => {
  const rows: Row[] = [
    { section: 'replay', subject: 'full run', stats: stats([1500, 1400, 1600]), unit: 'ms', note: '37 checks' },
    { section: 'replay', subject: 'replay / floor', text: '2.80×', note: 'goal ≤ 1.5×' },
    { section: 'url', subject: 'dredd@14.1.0', text: 'dredd unavailable: npm ERR! network' },
  ];

  test('a header, a rule, one line per row, a blank line between sections', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^section\s+measurement\s+median\s+min\s+max\s+unit\s+note$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    expect(lines[2]).toMatch(/^replay\s+full run\s+1500\s+1400\s+1600\s+ms\s+37 checks$/);
    expect(lines[3]).toMatch(/^replay\s+replay \/ floor\s+2\.80×\s+goal ≤ 1\.5×$/);
    expect(lines[4]).toBe('');
    expect(lines[5]).toMatch(/^url\s+dredd@14\.1\.0\s+dredd unavailable: npm ERR! network$/);
    expect(lines).toHaveLength(6);
  });

  test('figures are right-aligned in their columns', () => {
    const table = formatTable([
      { section: 's', subject: 'a', stats: stats([5]), unit: 'ms' },
      { section: 's', subject: 'b', stats: stats([12345]), unit: 'ms' },
    ]);
    const [, , a, b] = table.split('\n');
    expect(a!.indexOf('5 ')).toBe(b!.indexOf('12345') + 4);
  });
});
