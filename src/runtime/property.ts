/**
 * Runs one property against the target with fast-check: every generated body is sent, judged, and
 * on failure shrunk to the smallest body that still fails. The outcome keeps that body, the exchange
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

export async function runProperty<T>(
  arbitrary: fc.Arbitrary<T>,
  judge: (value: T) => Promise<Judgement>,
  options: { seed: number; runs: number; examples?: readonly T[] },
): Promise<PropertyOutcome<T>> {
  const started = performance.now();
  // The last failing call is the smallest counterexample once shrinking is done.
  let lastFailure: Extract<Judgement, { ok: false }> | undefined;
  // A request that got no answer is no counterexample: shrinking would only send more requests into the
  // same failure. The first one ends the property (every later call fails at once) and stops the suite.
  let wireFailure: TransportError | undefined;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      if (wireFailure) throw wireFailure;
      let judgement: Judgement;
      try {
        judgement = await judge(value);
      } catch (error) {
        if (error instanceof TransportError) wireFailure = error;
        throw error;
      }
      if (!judgement.ok) {
        lastFailure = judgement;
        throw new Error(judgement.message);
      }
    }),
    // The examples come first, each once; the runs never fall short of them, whatever --property-runs says.
    { seed: options.seed, numRuns: Math.max(options.runs, options.examples?.length ?? 0), examples: (options.examples ?? []).map((e) => [e] as [T]) },
  );
  if (wireFailure) throw wireFailure;
  const outcome: PropertyOutcome<T> = { runs: details.numRuns, durationMs: Math.round(performance.now() - started), seed: options.seed };
  if (details.failed && details.counterexample && lastFailure) {
    outcome.failure = { value: details.counterexample[0], message: lastFailure.message, exchange: lastFailure.exchange, path: details.counterexamplePath ?? '', shrinks: details.numShrinks };
  } else if (details.failed && details.errorInstance) {
    throw details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
  }
  return outcome;
}
