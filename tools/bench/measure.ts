/**
 * Repeated measurement: every figure the bench prints is the median of several runs, with the min and
 * the max beside it, so a noisy machine shows as a wide range rather than as a wrong number.
 */
import { performance } from 'node:perf_hooks';

export interface Stats {
  median: number;
  min: number;
  max: number;
  /** Every sample, in the order measured. */
  samples: number[];
}

/** Median, min and max of at least one sample; the median of an even count is the mean of the middle two. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('stats of no samples');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`stats of a non-finite sample: ${samples.join(', ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, samples: [...samples] };
}

export interface RepeatOptions {
  runs: number;
  /** Runs made first and thrown away (caches, JIT, connection set-up). Default 0. */
  warmup?: number;
}

/** Runs `sample` warmup + runs times and returns the stats of the kept samples. */
export async function repeat(options: RepeatOptions, sample: (run: number) => Promise<number>): Promise<Stats> {
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error(`runs must be a positive integer, got ${options.runs}`);
  for (let i = 0; i < (options.warmup ?? 0); i++) await sample(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) samples.push(await sample(i));
  return stats(samples);
}

/** Wall time of `fn` in milliseconds. */
export async function wallMs(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Calls `fn` as often as it can, one call at a time, for `ms`; returns calls per second. */
export async function ratePerSecond(ms: number, fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let calls = 0;
  let elapsed = 0;
  while (elapsed < ms) {
    await fn();
    calls++;
    elapsed = performance.now() - started;
  }
  return (calls * 1000) / elapsed;
}
