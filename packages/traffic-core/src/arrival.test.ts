import { describe, expect, it } from 'vitest';
import {
  createConstantArrival,
  createPoissonArrival,
  createUniformArrival,
  validateInterval,
} from './arrival.js';
import { createRandom } from './random.js';

describe('arrival schedules', () => {
  it('uniform gaps stay within bounds, average the midpoint and follow setInterval', () => {
    const arrival = createUniformArrival({ minMs: 50, maxMs: 200, random: createRandom(1) });
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const gap = arrival.nextGapMs();
      expect(gap >= 50 && gap <= 200).toBe(true);
      sum += gap;
    }
    expect(Math.abs(sum / 10_000 - 125)).toBeLessThan(2);
    expect(arrival.targetRatePerSec()).toBe(8);
    arrival.setInterval(20, 100);
    expect(arrival.interval()).toEqual({ minMs: 20, maxMs: 100 });
    for (let i = 0; i < 100; i++) expect(arrival.nextGapMs()).toBeLessThanOrEqual(100);
  });

  it('constant and poisson arrivals average the requested rate', () => {
    expect(createConstantArrival({ ratePerSec: 500 }).nextGapMs()).toBe(2);
    const poisson = createPoissonArrival({ ratePerSec: 100, random: createRandom(2) });
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += poisson.nextGapMs();
    expect(Math.abs(sum / 20_000 - 10)).toBeLessThan(0.3);
  });

  it('rejects bad intervals and rates with a message naming the problem', () => {
    expect(() => validateInterval(-1, 5)).toThrow(/interval min: expected a number >= 0/);
    expect(() => validateInterval(10, 5)).toThrow(/expected min <= max, received min 10 > max 5/);
    expect(() => createConstantArrival({ ratePerSec: 0 })).toThrow(/rate: expected/);
  });
});
