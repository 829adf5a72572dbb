/** Opaque handle of a scheduled timer. */
export type TimerHandle = { readonly id: number };

/** Time source and timers; injected everywhere so tests can drive time by hand. */
export interface Clock {
  /** Monotonic milliseconds (fractional), only differences are meaningful. */
  now(): number;
  /** Wall-clock epoch milliseconds. */
  wallNow(): number;
  /** Calls `fn` after at least `delayMs`. */
  setTimer(fn: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** The real clock: performance.now() and setTimeout. */
export function createSystemClock(): Clock {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;
  return {
    now: () => performance.now(),
    wallNow: () => Date.now(),
    setTimer(fn, delayMs) {
      const id = nextId++;
      const t = setTimeout(
        () => {
          timers.delete(id);
          fn();
        },
        Math.max(0, delayMs),
      );
      timers.set(id, t);
      return { id };
    },
    clearTimer(handle) {
      const t = timers.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      timers.delete(handle.id);
    },
  };
}

/** A clock that only moves when told to; for tests. */
export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order (and awaiting microtasks between them). */
  advance(ms: number): Promise<void>;
  /** Moves time forward to the next timer and fires it; false when none is pending. */
  runNext(): Promise<boolean>;
  /** Number of pending timers. */
  pending(): number;
  /** Jumps `now()` to `ms` without firing timers (simulates work taking time). */
  set(ms: number): void;
}

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

// Lets pending promise chains and setImmediate hops (the run loop's yields) settle.
const flushMicrotasks = async (): Promise<void> => {
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
};

/** Creates a manual clock starting at `startMs` (monotonic) and `wallStartMs` (epoch). */
export function createManualClock(startMs = 0, wallStartMs = Date.UTC(2026, 0, 1)): ManualClock {
  let nowMs = startMs;
  let nextId = 1;
  const timers: PendingTimer[] = [];

  const fireDue = async (limit: number): Promise<void> => {
    for (;;) {
      await flushMicrotasks();
      timers.sort((x, y) => x.at - y.at || x.id - y.id);
      const first = timers[0];
      if (first === undefined || first.at > limit) return;
      timers.shift();
      nowMs = Math.max(nowMs, first.at);
      first.fn();
    }
  };

  return {
    now: () => nowMs,
    wallNow: () => wallStartMs + (nowMs - startMs),
    setTimer(fn, delayMs) {
      const id = nextId++;
      timers.push({ id, at: nowMs + Math.max(0, delayMs), fn });
      return { id };
    },
    clearTimer(handle) {
      const i = timers.findIndex((t) => t.id === handle.id);
      if (i >= 0) timers.splice(i, 1);
    },
    async advance(ms) {
      const target = nowMs + ms;
      await fireDue(target);
      nowMs = Math.max(nowMs, target);
      await flushMicrotasks();
    },
    async runNext() {
      await flushMicrotasks();
      timers.sort((x, y) => x.at - y.at || x.id - y.id);
      const first = timers.shift();
      if (first === undefined) return false;
      nowMs = Math.max(nowMs, first.at);
      first.fn();
      await flushMicrotasks();
      return true;
    },
    pending: () => timers.length,
    set(ms) {
      nowMs = ms;
    },
  };
}
