import { ConfigError } from './errors.js';
import type { Random } from './random.js';

/** How intended send times are spaced (open-loop). */
export interface ArrivalSchedule {
  readonly mode: 'uniform' | 'constant' | 'poisson';
  /** Gap from one intended send to the next, ms. */
  nextGapMs(): number;
  /** Mean intended sends per second (Infinity for a zero interval). */
  targetRatePerSec(): number;
}

/** Uniform intervals whose bounds the load controller may change while running. */
export interface UniformArrival extends ArrivalSchedule {
  readonly mode: 'uniform';
  interval(): { minMs: number; maxMs: number };
  setInterval(minMs: number, maxMs: number): void;
}

/** Throws a ConfigError unless 0 <= minMs <= maxMs, both finite. */
export function validateInterval(minMs: number, maxMs: number): void {
  if (!Number.isFinite(minMs) || minMs < 0) {
    throw new ConfigError(`interval min: expected a number >= 0 ms, received ${minMs}`);
  }
  if (!Number.isFinite(maxMs) || maxMs < 0) {
    throw new ConfigError(`interval max: expected a number >= 0 ms, received ${maxMs}`);
  }
  if (minMs > maxMs) {
    throw new ConfigError(`interval: expected min <= max, received min ${minMs} > max ${maxMs}`);
  }
}

function validateRate(ratePerSec: number): void {
  if (!Number.isFinite(ratePerSec) || ratePerSec <= 0) {
    throw new ConfigError(`rate: expected requests per second > 0, received ${ratePerSec}`);
  }
}

/** Gaps uniform in [minMs, maxMs]: the default 50–200 ms of SPEC 2.2. */
export function createUniformArrival(options: {
  minMs: number;
  maxMs: number;
  random: Random;
}): UniformArrival {
  let { minMs, maxMs } = options;
  validateInterval(minMs, maxMs);
  const random = options.random;
  return {
    mode: 'uniform',
    nextGapMs: () => minMs + random.next() * (maxMs - minMs),
    targetRatePerSec: () => 2000 / (minMs + maxMs),
    interval: () => ({ minMs, maxMs }),
    setInterval(nextMin, nextMax) {
      validateInterval(nextMin, nextMax);
      minMs = nextMin;
      maxMs = nextMax;
    },
  };
}

/** Evenly spaced sends at a fixed rate. */
export function createConstantArrival(options: { ratePerSec: number }): ArrivalSchedule {
  validateRate(options.ratePerSec);
  const gapMs = 1000 / options.ratePerSec;
  return {
    mode: 'constant',
    nextGapMs: () => gapMs,
    targetRatePerSec: () => options.ratePerSec,
  };
}

/** Exponential gaps: a Poisson process at the given mean rate. */
export function createPoissonArrival(options: {
  ratePerSec: number;
  random: Random;
}): ArrivalSchedule {
  validateRate(options.ratePerSec);
  const meanGapMs = 1000 / options.ratePerSec;
  const random = options.random;
  return {
    mode: 'poisson',
    nextGapMs: () => -Math.log(1 - random.next()) * meanGapMs,
    targetRatePerSec: () => options.ratePerSec,
  };
}
