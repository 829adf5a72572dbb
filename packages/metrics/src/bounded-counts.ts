/** Key that absorbs counts once a BoundedCounts is full. */
export const OVERFLOW_KEY = '_other';

/**
 * Counts per string key with at most `maxKeys` distinct keys: once full, new keys are counted
 * under `_other`, so hostile or endless ids (rule ids from a remote Soul) cannot grow memory.
 */
export class BoundedCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly maxKeys: number) {}

  get size(): number {
    return this.counts.size;
  }

  add(key: string, by = 1): void {
    const current = this.counts.get(key);
    if (current !== undefined) this.counts.set(key, current + by);
    else if (this.counts.size < this.maxKeys - 1) this.counts.set(key, by);
    else this.counts.set(OVERFLOW_KEY, (this.counts.get(OVERFLOW_KEY) ?? 0) + by);
  }

  clear(): void {
    this.counts.clear();
  }

  /** A plain record (safe for keys such as `__proto__`: fromEntries defines own properties). */
  toRecord(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
