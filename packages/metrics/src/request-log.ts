import type { Outcome } from '@buddy/traffic-core';
import { ConfigError } from '@buddy/traffic-core';

/** A fixed-size ring of the most recent entries (SPEC 4.1): memory never grows with the run. */
export interface RequestLog<T = Outcome> extends Iterable<T> {
  readonly capacity: number;
  /** Entries held, at most `capacity`. */
  readonly size: number;
  /** Adds an entry, overwriting the oldest when full. O(1). */
  push(entry: T): void;
  /** The `n` most recent entries (all when `n` is larger), oldest first, newest last. */
  latest(n: number): T[];
  clear(): void;
}

/** Default capacity: the last 10,000 requests. */
export const DEFAULT_REQUEST_LOG_CAPACITY = 10_000;

class RingLog<T> implements RequestLog<T> {
  private readonly slots: (T | undefined)[];
  private next = 0;
  private held = 0;

  constructor(readonly capacity: number) {
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.held;
  }

  push(entry: T): void {
    this.slots[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    if (this.held < this.capacity) this.held++;
  }

  latest(n: number): T[] {
    const count = Math.max(0, Math.min(Math.floor(n), this.held));
    const out = new Array<T>(count);
    for (let i = 0; i < count; i++) out[i] = this.at(this.held - count + i);
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.held = 0;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.held; i++) yield this.at(i);
  }

  /** Entry by age: 0 is the oldest held. */
  private at(age: number): T {
    const oldest = (this.next - this.held + this.capacity) % this.capacity;
    return this.slots[(oldest + age) % this.capacity] as T;
  }
}

/** Creates a ring of `capacity` entries (default 10,000); iteration runs oldest to newest. */
export function createRequestLog<T = Outcome>(
  capacity = DEFAULT_REQUEST_LOG_CAPACITY,
): RequestLog<T> {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000_000) {
    throw new ConfigError(
      `request log capacity: expected an integer in 1..10000000, received ${capacity}`,
    );
  }
  return new RingLog<T>(capacity);
}
