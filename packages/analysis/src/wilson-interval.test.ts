import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson-interval.js';

describe('wilsonInterval', () => {
  it('gives the textbook 95% interval for 40 of 40 and for 20 of 40', () => {
    const all = wilsonInterval(40, 40)!;
    expect(all.low).toBeCloseTo(91.24, 1);
    expect(all.high).toBe(100);
    const half = wilsonInterval(20, 40)!;
    expect(half.low).toBeCloseTo(35.2, 1);
    expect(half.high).toBeCloseTo(64.8, 1);
    expect(half.level).toBe(0.95);
  });

  it('narrows with more trials: 40,000 attempts make a much tighter claim than 40', () => {
    const small = wilsonInterval(39, 40)!;
    const large = wilsonInterval(39_000, 40_000)!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 20);
  });

  it('is null without trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
