import { BoundedCounts } from './bounded-counts.js';
import { toIsoTime } from './iso-time.js';
import type { ErrorGroup } from './report-types.js';
import { MAX_MESSAGE_CHARS, sanitizeMessage } from './sanitize-message.js';

interface GroupState {
  readonly kind: string;
  readonly message: string;
  count: number;
  readonly firstSeenWallMs: number;
  lastSeenWallMs: number;
  readonly categories: BoundedCounts;
}

/**
 * Errors grouped by kind and message, at most `maxGroups` groups. A new group arriving when
 * full evicts the smallest one (the least recently seen among equals), so a burst of distinct
 * messages cannot grow memory while frequent errors keep their groups. Evicted counts are
 * lost here; exact totals per kind are kept elsewhere.
 */
export class ErrorGroups {
  private readonly groups = new Map<string, GroupState>();

  constructor(
    private readonly maxGroups: number,
    private readonly maxCategories: number,
  ) {}

  get size(): number {
    return this.groups.size;
  }

  add(kind: string, message: string, category: string, wallMs: number): void {
    // Keyed on the raw (bounded) text: sanitising only happens when a group is created.
    const key = `${kind}\u0000${message.slice(0, MAX_MESSAGE_CHARS)}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      if (this.groups.size >= this.maxGroups) this.evictSmallest();
      group = {
        kind,
        message: sanitizeMessage(message),
        count: 0,
        firstSeenWallMs: wallMs,
        lastSeenWallMs: wallMs,
        categories: new BoundedCounts(this.maxCategories),
      };
      this.groups.set(key, group);
    }
    group.count++;
    if (wallMs > group.lastSeenWallMs) group.lastSeenWallMs = wallMs;
    group.categories.add(category);
  }

  clear(): void {
    this.groups.clear();
  }

  /** Groups by count, largest first (ties: most recently seen first). */
  top(): ErrorGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => b.count - a.count || b.lastSeenWallMs - a.lastSeenWallMs)
      .map((g) => ({
        kind: g.kind,
        message: g.message,
        count: g.count,
        first_seen: toIsoTime(g.firstSeenWallMs),
        last_seen: toIsoTime(g.lastSeenWallMs),
        categories: g.categories.toRecord(),
      }));
  }

  private evictSmallest(): void {
    let victimKey: string | undefined;
    let victim: GroupState | undefined;
    for (const [key, group] of this.groups) {
      const smaller =
        victim === undefined ||
        group.count < victim.count ||
        (group.count === victim.count && group.lastSeenWallMs < victim.lastSeenWallMs);
      if (smaller) {
        victimKey = key;
        victim = group;
      }
    }
    if (victimKey !== undefined) this.groups.delete(victimKey);
  }
}
