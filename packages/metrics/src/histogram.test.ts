import { BuddyError, ConfigError, createRandom } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { createHistogram } from './histogram.js';
import { decodeHistogram, mergeEncoded } from './histogram-codec.js';
import type { EncodedHistogram } from './report-types.js';

/** Nearest-rank percentile over an exact sort: the oracle. */
function exactPercentile(sorted: readonly number[], p: number): number {
  if (p === 0) return sorted[0]!;
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9));
  return sorted[rank - 1]!;
}

const random = createRandom(20260101);
const gaussian = (): number => {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
};

const distributions: Record<string, () => number> = {
  uniform: () => random.float(0.5, 200),
  logNormal: () => Math.exp(Math.log(2) + 0.8 * gaussian()),
  bimodal: () => (random.chance(0.7) ? random.float(0.05, 0.2) : random.float(50, 120)),
  constant: () => 3.7,
  tiny: () => random.float(0.001, 0.01),
  huge: () => random.float(1e5, 5e7),
  wide: () => 0.001 * 10 ** random.float(0, 10),
};
const percentiles = [0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100];

describe('createHistogram percentiles', () => {
  for (const [name, draw] of Object.entries(distributions)) {
    it(`agrees with an exact sort within 1% relative: ${name}`, () => {
      const histogram = createHistogram();
      const values = Array.from({ length: 20_000 }, draw);
      for (const v of values) histogram.record(v);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of percentiles) {
        const exact = exactPercentile(sorted, p);
        const got = histogram.percentile(p);
        expect(Math.abs(got - exact) / exact, `p${p}: ${got} vs ${exact}`).toBeLessThanOrEqual(
          0.01,
        );
      }
      expect(histogram.count).toBe(values.length);
      expect(histogram.min).toBe(sorted[0]);
      expect(histogram.max).toBe(sorted.at(-1));
      const sum = values.reduce((a, b) => a + b, 0);
      expect(histogram.sum).toBeCloseTo(sum, 6);
      expect(histogram.mean).toBeCloseTo(sum / values.length, 9);
    });
  }

  it('gives 0 for every statistic of an empty histogram', () => {
    const h = createHistogram();
    expect([h.count, h.sum, h.min, h.max, h.mean, h.percentile(50)]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('keeps values below lowestMs (including 0) within lowestMs, and ignores NaN', () => {
    const h = createHistogram({ lowestMs: 0.01 });
    for (const v of [0, 0, 0.002, -5, Number.NaN]) h.record(v);
    expect(h.count).toBe(4);
    expect(h.min).toBe(0);
    expect(h.percentile(50)).toBeLessThanOrEqual(0.01);
    expect(h.percentile(100)).toBe(0.002);
  });

  it('resolves values above highestMs by max only, never beyond it', () => {
    const h = createHistogram({ highestMs: 1000 });
    h.record(5e6);
    h.record(9e6);
    expect(h.percentile(50)).toBeLessThanOrEqual(9e6);
    expect(h.percentile(100)).toBe(9e6);
  });

  it('rejects a percentile outside 0..100 and a bad layout, naming the field', () => {
    expect(() => createHistogram().percentile(101)).toThrow(/expected p in 0\.\.100, received 101/);
    expect(() => createHistogram({ subBuckets: 1 })).toThrow(ConfigError);
    expect(() => createHistogram({ lowestMs: 0 })).toThrow(/lowestMs: expected a finite/);
    expect(() => createHistogram({ lowestMs: 1, highestMs: 1 })).toThrow(/highestMs/);
  });

  it('starts over after reset', () => {
    const h = createHistogram();
    h.record(10);
    h.record(900);
    h.reset();
    h.record(2);
    expect([h.count, h.min, h.max, h.sum]).toEqual([1, 2, 2, 2]);
    // Buckets used before the reset and new ones beyond them: as if it were a new histogram.
    h.record(5000);
    const fresh = createHistogram();
    fresh.record(2);
    fresh.record(5000);
    expect(h.encode()).toEqual(fresh.encode());
    expect([50, 99].map((p) => h.percentile(p))).toEqual([50, 99].map((p) => fresh.percentile(p)));
  });
});

describe('merge and encoding', () => {
  const fill = (values: readonly number[]) => {
    const h = createHistogram();
    for (const v of values) h.record(v);
    return h;
  };
  const a = Array.from({ length: 5000 }, distributions.logNormal!);
  const b = Array.from({ length: 3000 }, distributions.bimodal!);

  /** Same buckets, count, min and max; the float sum may differ in its last bits. */
  const expectSameHistogram = (got: EncodedHistogram, want: EncodedHistogram) => {
    expect({ ...got, sum: 0 }).toEqual({ ...want, sum: 0 });
    expect(got.sum).toBeCloseTo(want.sum, 6);
  };

  it('merging equals recording the union', () => {
    const merged = fill(a);
    merged.merge(fill(b));
    expectSameHistogram(merged.encode(), fill([...a, ...b]).encode());
  });

  it('re-buckets a histogram of another layout within the coarser error bound', () => {
    const coarse = createHistogram({ subBuckets: 128, lowestMs: 0.0005 });
    for (const v of b) coarse.record(v);
    const merged = fill(a);
    merged.merge(coarse);
    const sorted = [...a, ...b].sort((x, y) => x - y);
    expect(merged.count).toBe(sorted.length);
    for (const p of [50, 90, 99]) {
      const exact = exactPercentile(sorted, p);
      expect(Math.abs(merged.percentile(p) - exact) / exact).toBeLessThanOrEqual(0.02);
    }
  });

  it('round-trips through encode/decode and JSON', () => {
    const h = fill(a);
    const decoded = decodeHistogram(JSON.parse(JSON.stringify(h.encode())));
    expect(decoded.encode()).toEqual(h.encode());
    for (const p of percentiles) expect(decoded.percentile(p)).toBe(h.percentile(p));
  });

  it('mergeEncoded equals recording the union; an empty list gives an empty encoding', () => {
    const merged = mergeEncoded([fill(a).encode(), fill(b).encode()]).encode();
    expectSameHistogram(merged, fill([...a, ...b]).encode());
    expect(mergeEncoded([]).count).toBe(0);
  });

  it('decodes encodings of a wider range than its own default', () => {
    const wide = createHistogram({ highestMs: 1e12 });
    wide.record(5e11);
    expect(decodeHistogram(wide.encode()).percentile(50)).toBe(5e11);
  });

  it('rejects malformed encodings with one message naming the field', () => {
    const good = fill([1, 2, 3]).encode();
    const cases: [unknown, RegExp][] = [
      [null, /expected an object, received null/],
      [{ ...good, v: 2 }, /v: expected 1, received 2/],
      [{ ...good, sub_buckets: 0 }, /sub_buckets: expected an integer/],
      [{ ...good, lowest: -1 }, /lowest: expected a finite number > 0/],
      [{ ...good, buckets: [1] }, /buckets: expected an array of \[index, count\] pairs/],
      [{ ...good, buckets: [1e9, 3] }, /buckets\[0\]: expected a bucket index/],
      [{ ...good, count: 4 }, /count: expected the sum of bucket counts \(3\), received 4/],
      [{ ...good, min: '\u001b[2J' }, /min: expected a finite number >= 0, received "\\u001b/],
    ];
    for (const [input, message] of cases) {
      expect(() => decodeHistogram(input)).toThrow(message);
      expect(() => decodeHistogram(input)).toThrow(BuddyError);
    }
  });
});
