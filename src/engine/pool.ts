/**
 * A bounded pool for independent work: suites side by side (the runner), chains side by side (a suite); and
 * for work that starts as what it waits for ends (the contract suite), a limit on what is in flight.
 */

/**
 * Runs `work` for every item, at most `size` at a time; the results in the items' order. After a failure
 * no new item starts, the ones in flight finish (nothing is left running), and the first error is thrown.
 */
export async function inPool<T, R>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lanes = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    for (let i = next++; i < items.length && !failure; i = next++) {
      try {
        results[i] = await work(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  });
  await Promise.all(lanes);
  if (failure) throw failure.error;
  return results;
}

/** Every promise settled, then the first failure thrown (as inPool does): nothing is left running. */
export async function allOrFirstError(promises: readonly Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(promises);
  const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * A limit on work in flight: at most `size` at a time, the others queued in order. After a failure (an
 * interrupt, a transport error) no new work starts: it fails with the same error.
 */
export function lanes(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let busy = 0;
  let failure: { error: unknown } | undefined;
  const queue: (() => void)[] = [];
  return async (work) => {
    // A freed place is handed to the next in the queue, so no newcomer slips in between.
    if (busy >= size) await new Promise<void>((resolve) => queue.push(resolve));
    else busy++;
    try {
      if (failure) throw failure.error;
      return await work();
    } catch (error) {
      failure ??= { error };
      throw error;
    } finally {
      const next = queue.shift();
      if (next) next();
      else busy--;
    }
  };
}
