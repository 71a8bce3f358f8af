/**
 * Runs queries one after another. Inside a transaction every query goes through one connection, which
 * takes one query at a time (node-postgres deprecates queueing them), so code that may run inside a
 * transaction uses this where it would otherwise use Promise.all.
 */
export async function inTurn<const T extends readonly (() => PromiseLike<unknown>)[]>(
  steps: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const step of steps) results.push(await step());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
