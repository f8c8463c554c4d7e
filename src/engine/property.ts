/**
 * Runs one property against the target with fast-check: every generated body is sent and judged, side
 * by side; on a failure fast-check runs the same sequence again (answers already known are not sent
 * twice) and shrinks to the smallest body that still fails. The outcome keeps that body, the exchange
 * that showed it and what reproduces it (the seed and fast-check's path).
 */
import fc from 'fast-check';
import { TransportError, type Exchange } from '../client/exchange.js';

export type Judgement = { ok: true } | { ok: false; message: string; exchange: Exchange };

export interface PropertyOutcome<T> {
  runs: number;
  durationMs: number;
  seed: number;
  failure?: { value: T; message: string; exchange: Exchange; path: string; shrinks: number };
}

export interface PropertyOptions<T> {
  seed: number;
  runs: number;
  /** Met first, each once, in this order; the runs never fall short of them. */
  examples?: readonly T[];
  /** Judges the generated values side by side (each in a chain of its own); one at a time by default. */
  each?: (values: readonly T[], work: (value: T, index: number) => Promise<Judgement>) => Promise<Judgement[]>;
  /** Where the shrinking runs, one request at a time (a chain of its own). */
  shrinkIn?: <R>(work: () => Promise<R>) => Promise<R>;
}

const oneByOne = async <T>(values: readonly T[], work: (value: T, index: number) => Promise<Judgement>) => {
  const out: Judgement[] = [];
  for (const [i, v] of values.entries()) out.push(await work(v, i));
  return out;
};

export async function runProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  judge: (value: T) => Promise<Judgement>,
  options: PropertyOptions<T>,
): Promise<PropertyOutcome<T>> {
  const started = performance.now();
  const examples = options.examples ?? [];
  const numRuns = Math.max(options.runs, examples.length);
  // fast-check's own sequence for this seed: the examples, then what fc.check would draw.
  const values = [...examples, ...fc.sample(arbitrary, { seed: options.seed, numRuns: numRuns - examples.length })];
  const known = new Map<string, Judgement>();
  const key = (value: T) => JSON.stringify(value);
  // A request that got no answer is no counterexample: shrinking would only send more requests into the
  // same failure. The first one ends the property (every later call fails at once) and stops the suite.
  let wireFailure: TransportError | undefined;
  const judgeOnce = async (value: T): Promise<Judgement> => {
    if (wireFailure) throw wireFailure;
    const seen = known.get(key(value));
    if (seen) return seen;
    try {
      const judgement = await judge(value);
      known.set(key(value), judgement);
      return judgement;
    } catch (error) {
      if (error instanceof TransportError) wireFailure = error;
      throw error;
    }
  };
  const judgements = await (options.each ?? oneByOne)(values, (value) => judgeOnce(value));
  if (wireFailure) throw wireFailure;
  const outcome: PropertyOutcome<T> = { runs: values.length, durationMs: 0, seed: options.seed };
  if (judgements.every((j) => j.ok)) return { ...outcome, durationMs: Math.round(performance.now() - started) };
  // Every value failed: the property fails for any body, and the first (the simplest class, or fast-check's
  // first draw) says so as well as a shrunk one would, without the requests shrinking would send.
  if (judgements.every((j) => !j.ok)) {
    const first = judgements[0] as Extract<Judgement, { ok: false }>;
    return {
      ...outcome,
      durationMs: Math.round(performance.now() - started),
      failure: { value: values[0]!, message: `${first.message} (every one of the ${values.length} failed)`, exchange: first.exchange, path: '0', shrinks: 0 },
    };
  }

  // The last failing call is the smallest counterexample once shrinking is done.
  let lastFailure: Extract<Judgement, { ok: false }> | undefined;
  const property = fc.asyncProperty(arbitrary, async (value) => {
    const judgement = await judgeOnce(value);
    if (!judgement.ok) {
      lastFailure = judgement;
      throw new Error(judgement.message);
    }
  });
  // An example cannot shrink (fast-check holds no context for it): the generated values go first, so a
  // failure they share shrinks to the smallest body; only when none of them fails does an example stand.
  // Both sequences are the values judged above, so only the shrinking sends anything new.
  const shrink = async () => {
    const generated = numRuns - examples.length;
    const drawn = generated > 0 && examples.length > 0 ? await fc.check(property, { seed: options.seed, numRuns: generated }) : undefined;
    if (drawn?.failed) return drawn;
    return fc.check(property, { seed: options.seed, numRuns, examples: examples.map((e) => [e] as [T]) });
  };
  const details = await (options.shrinkIn ? options.shrinkIn(shrink) : shrink());
  if (wireFailure) throw wireFailure;
  outcome.durationMs = Math.round(performance.now() - started);
  if (details.failed && details.counterexample && lastFailure) {
    return {
      ...outcome,
      failure: {
        value: details.counterexample[0],
        message: lastFailure.message,
        exchange: lastFailure.exchange,
        path: details.counterexamplePath ?? '',
        shrinks: details.numShrinks,
      },
    };
  }
  if (details.failed && details.errorInstance) throw details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  // The sequence passed when run again (a target that failed once): the failure found first stands, unshrunk.
  const index = judgements.findIndex((j) => !j.ok);
  const first = judgements[index] as Extract<Judgement, { ok: false }>;
  return { ...outcome, failure: { value: values[index]!, message: first.message, exchange: first.exchange, path: String(index), shrinks: 0 } };
}
