/** Share of a run taken as its "first part" and its "last part" when comparing the two. */
export const PART_SHARE = 0.25;

/**
 * The first and last quarter (at least one item each) of a sequence, for before/after
 * comparisons; null when there are fewer than two items.
 */
export function splitFirstLast<T>(items: readonly T[]): { first: T[]; last: T[] } | null {
  if (items.length < 2) return null;
  const size = Math.max(1, Math.floor(items.length * PART_SHARE));
  return { first: items.slice(0, size), last: items.slice(items.length - size) };
}
