import { describeValue, LoadConfigError, requireNumberInRange } from './load-config-error.js';
import type { LoadInterval } from './types.js';

/** The highest load level of the level policy. */
export const MAX_LOAD_LEVEL = 3;

/** Level 1's interval when the user sets none (SPEC 2.3): 50–200 ms. */
export const DEFAULT_BASE_INTERVAL: LoadInterval = Object.freeze({ minMs: 50, maxMs: 200 });

// Ratios of levels 1..3 to the base interval; they turn 50–200 into 35–135 and 20–100.
const MIN_RATIOS = [1, 0.7, 0.4] as const;
const MAX_RATIOS = [1, 0.675, 0.5] as const;

/** Rounds to microseconds so scaled intervals print cleanly (no 35.00000000000001). */
const roundMs = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Throws a LoadConfigError unless `interval` is a valid `{minMs, maxMs}` range. */
export function validateInterval(field: string, interval: unknown): LoadInterval {
  if (typeof interval !== 'object' || interval === null) {
    throw new LoadConfigError(
      `${field}: expected {minMs, maxMs} in milliseconds, received ${describeValue(interval)}`,
    );
  }
  const { minMs, maxMs } = interval as Record<string, unknown>;
  requireNumberInRange(`${field}.minMs`, minMs, 0, Number.POSITIVE_INFINITY);
  requireNumberInRange(`${field}.maxMs`, maxMs, 0, Number.POSITIVE_INFINITY);
  if ((maxMs as number) < (minMs as number) || (maxMs as number) === 0) {
    throw new LoadConfigError(
      `${field}: expected maxMs > 0 and maxMs >= minMs, received ` +
        `minMs ${describeValue(minMs)}, maxMs ${describeValue(maxMs)}`,
    );
  }
  return { minMs: minMs as number, maxMs: maxMs as number };
}

/** The interval of `level` (1..3) for a level-1 interval `base`, scaled as SPEC 2.3 says. */
export function computeLevelInterval(base: LoadInterval, level: number): LoadInterval {
  const index = Math.min(Math.max(Math.round(level), 1), MAX_LOAD_LEVEL) - 1;
  return {
    minMs: roundMs(base.minMs * (MIN_RATIOS[index] ?? 1)),
    maxMs: roundMs(base.maxMs * (MAX_RATIOS[index] ?? 1)),
  };
}
