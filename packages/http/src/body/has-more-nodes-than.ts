/**
 * Whether a parsed JSON value holds more than `limit` values (objects, arrays and scalars,
 * itself included); it stops counting at `limit`, so it costs at most that many steps whatever
 * the size of the value.
 *
 * @example
 * ```ts
 * hasMoreNodesThan([1, 2, 3], 3); // true: the array and its three items
 * hasMoreNodesThan({ a: 1 }, 3);  // false
 * ```
 */
export function hasMoreNodesThan(value: unknown, limit: number): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    if (++seen > limit) return true;
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    for (const child of Array.isArray(next) ? next : Object.values(next)) pending.push(child);
  }
  return false;
}
