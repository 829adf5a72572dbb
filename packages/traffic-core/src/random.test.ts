import { describe, expect, it } from 'vitest';
import { createRandom, hashToUnit } from './random.js';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = Array.from({ length: 5 }, createRandom(7).next);
    const b = Array.from({ length: 5 }, createRandom(7).next);
    const c = Array.from({ length: 5 }, createRandom(8).next);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('is uniform enough: mean near 0.5 and every decile populated', () => {
    const r = createRandom(1);
    const deciles = new Array(10).fill(0);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      deciles[Math.floor(u * 10)]++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
    for (const d of deciles) expect(Math.abs(d / n - 0.1)).toBeLessThan(0.01);
  });

  it('int stays within inclusive bounds and reaches both ends', () => {
    const r = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });

  it('forks stable, independent streams by label', () => {
    const f1 = createRandom(9).fork('x').next();
    const f2 = createRandom(9).fork('x').next();
    const g = createRandom(9).fork('y').next();
    expect(f1).toBe(f2);
    expect(f1).not.toBe(g);
  });

  it('hashToUnit is deterministic and in [0,1)', () => {
    expect(hashToUnit('abc')).toBe(hashToUnit('abc'));
    expect(hashToUnit('abc')).not.toBe(hashToUnit('abd'));
    expect(hashToUnit('abc')).toBeGreaterThanOrEqual(0);
    expect(hashToUnit('abc')).toBeLessThan(1);
  });
});
