/** A bounded pool for independent work: suites side by side (the runner), chains side by side (a suite). */

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
