import type { ErrorGroup } from '@buddy/metrics';

/** Merges error groups with the same kind and message: counts and categories add up. */
export function mergeErrorGroups(groups: readonly ErrorGroup[]): ErrorGroup[] {
  const byKey = new Map<string, ErrorGroup>();
  for (const group of groups) {
    const key = `${group.kind}\u0000${group.message}`;
    const seen = byKey.get(key);
    byKey.set(key, seen === undefined ? copyGroup(group) : combineGroups(seen, group));
  }
  return [...byKey.values()].sort(compareGroups);
}

function copyGroup(group: ErrorGroup): ErrorGroup {
  return { ...group, categories: { ...group.categories } };
}

function combineGroups(into: ErrorGroup, from: ErrorGroup): ErrorGroup {
  into.count += from.count;
  if (timeOf(from.first_seen) < timeOf(into.first_seen)) into.first_seen = from.first_seen;
  if (timeOf(from.last_seen) > timeOf(into.last_seen)) into.last_seen = from.last_seen;
  for (const [category, count] of Object.entries(from.categories)) {
    into.categories[category] = (into.categories[category] ?? 0) + count;
  }
  return into;
}

function timeOf(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function compareGroups(a: ErrorGroup, b: ErrorGroup): number {
  return b.count - a.count || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message);
}

/** Adds up `key → count` records. */
export function addCounts(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) {
    for (const [key, count] of Object.entries(record)) total[key] = (total[key] ?? 0) + count;
  }
  return total;
}
