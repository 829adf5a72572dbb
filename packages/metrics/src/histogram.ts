import { ConfigError } from '@buddy/traffic-core';
import type { EncodedHistogram } from './report-types.js';

/** Layout of a histogram: what `createHistogram` accepts. */
export interface HistogramOptions {
  /** Buckets per doubling of the value; relative error is at most 1 / (2·subBuckets). */
  readonly subBuckets?: number;
  /** Smallest resolved value, ms; smaller values (and 0) share one bucket. */
  readonly lowestMs?: number;
  /** Largest resolved value, ms; larger values are only resolved by `max`. Default one day. */
  readonly highestMs?: number;
}

/**
 * A log-linear (HDR-style) histogram of non-negative millisecond values: fixed memory,
 * O(1) recording, mergeable and serialisable. Percentiles are within 1 / (2·subBuckets)
 * relative of the exact value for values in [lowestMs, highestMs].
 */
export interface Histogram {
  readonly subBuckets: number;
  readonly lowestMs: number;
  readonly highestMs: number;
  /** Values recorded. */
  readonly count: number;
  /** Sum of the values recorded, ms (exact, not bucketed). */
  readonly sum: number;
  /** Smallest value recorded, ms; 0 when empty. */
  readonly min: number;
  /** Largest value recorded, ms; 0 when empty. */
  readonly max: number;
  /** Exact mean, ms; 0 when empty. */
  readonly mean: number;
  /** Records one value; negatives count as 0, NaN is ignored. */
  record(valueMs: number): void;
  /** Records `count` occurrences of one value. */
  recordCount(valueMs: number, count: number): void;
  /** Nearest-rank percentile (p in 0..100), ms: the bucket's middle clamped to [min, max]. */
  percentile(p: number): number;
  /** Adds another histogram into this one; a different layout is re-bucketed. */
  merge(other: Histogram): void;
  reset(): void;
  encode(): EncodedHistogram;
}

const DEFAULT_SUB_BUCKETS = 64;
const DEFAULT_LOWEST_MS = 0.001;
export const DEFAULT_HIGHEST_MS = 86_400_000;
/** lowest·2^64 covers any duration; more octaves would only waste memory. */
export const MAX_OCTAVES = 64;
export const MAX_SUB_BUCKETS = 1024;

const POW2 = Float64Array.from({ length: MAX_OCTAVES + 1 }, (_, k) => 2 ** k);

/** Number of doublings needed to reach `highestMs` from `lowestMs`, within [1, MAX_OCTAVES]. */
export function octavesFor(lowestMs: number, highestMs: number): number {
  const needed = Math.ceil(Math.log2(highestMs / lowestMs));
  return Math.min(MAX_OCTAVES, Math.max(1, needed));
}

function validateOptions(options: HistogramOptions): Required<HistogramOptions> {
  const subBuckets = options.subBuckets ?? DEFAULT_SUB_BUCKETS;
  const lowestMs = options.lowestMs ?? DEFAULT_LOWEST_MS;
  const highestMs = options.highestMs ?? Math.max(DEFAULT_HIGHEST_MS, lowestMs * 2);
  if (!Number.isInteger(subBuckets) || subBuckets < 2 || subBuckets > MAX_SUB_BUCKETS) {
    throw new ConfigError(
      `histogram subBuckets: expected an integer in 2..${MAX_SUB_BUCKETS}, received ${subBuckets}`,
    );
  }
  if (!Number.isFinite(lowestMs) || lowestMs <= 0) {
    throw new ConfigError(`histogram lowestMs: expected a finite number > 0, received ${lowestMs}`);
  }
  if (!Number.isFinite(highestMs) || highestMs < lowestMs * 2) {
    throw new ConfigError(
      `histogram highestMs: expected a finite number >= 2·lowestMs (${lowestMs * 2}), ` +
        `received ${highestMs}`,
    );
  }
  return { subBuckets, lowestMs, highestMs };
}

/** Middle of bucket `index` of a layout, ms. */
function bucketMiddleMs(index: number, subBuckets: number, lowestMs: number): number {
  if (index === 0) return lowestMs / 2;
  const octave = Math.floor((index - 1) / subBuckets);
  const sub = (index - 1) % subBuckets;
  return lowestMs * POW2[octave]! * (1 + (sub + 0.5) / subBuckets);
}

class LogLinearHistogram implements Histogram {
  readonly subBuckets: number;
  readonly lowestMs: number;
  readonly highestMs: number;
  private readonly octaves: number;
  // Float64 so counts stay exact past 2^32 on runs of days.
  private readonly counts: Float64Array;
  private total = 0;
  private totalMs = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = Number.NEGATIVE_INFINITY;
  // Lowest and highest bucket with a count (none: from > to). Scans stay inside: most of the
  // ~2,400 buckets of the default layout are never used.
  private usedFrom: number;
  private usedTo = -1;

  constructor(options: Required<HistogramOptions>, octaves: number) {
    this.subBuckets = options.subBuckets;
    this.lowestMs = options.lowestMs;
    this.octaves = octaves;
    this.highestMs = options.lowestMs * POW2[octaves]!;
    // Bucket 0 holds [0, lowestMs); then `subBuckets` linear buckets per octave.
    this.counts = new Float64Array(1 + octaves * options.subBuckets);
    this.usedFrom = this.counts.length;
  }

  get count(): number {
    return this.total;
  }
  get sum(): number {
    return this.totalMs;
  }
  get min(): number {
    return this.total === 0 ? 0 : this.minMs;
  }
  get max(): number {
    return this.total === 0 ? 0 : this.maxMs;
  }
  get mean(): number {
    return this.total === 0 ? 0 : this.totalMs / this.total;
  }

  record(valueMs: number): void {
    this.recordCount(valueMs, 1);
  }

  recordCount(valueMs: number, count: number): void {
    if (Number.isNaN(valueMs) || !(count > 0)) return;
    const v = Math.max(valueMs, 0);
    this.addAt(this.indexOf(v), count);
    this.total += count;
    this.totalMs += v * count;
    if (v < this.minMs) this.minMs = v;
    if (v > this.maxMs) this.maxMs = v;
  }

  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) {
      throw new RangeError(`percentile: expected p in 0..100, received ${p}`);
    }
    if (this.total === 0) return 0;
    if (p === 0) return this.minMs;
    if (p === 100) return this.maxMs;
    const rank = Math.max(1, Math.ceil((p * this.total) / 100 - 1e-9));
    let seen = 0;
    for (let i = this.usedFrom; i <= this.usedTo; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return this.clamp(bucketMiddleMs(i, this.subBuckets, this.lowestMs));
    }
    return this.maxMs;
  }

  merge(other: Histogram): void {
    if (other.count === 0) return;
    if (other instanceof LogLinearHistogram && this.sameLayout(other)) {
      this.addCounts(other.counts);
      this.addSummary(other.count, other.sum, other.min, other.max);
    } else {
      this.absorb(other.encode());
    }
  }

  /** Adds a (validated) encoding: its buckets, re-bucketed if the layout differs. */
  absorb(encoded: EncodedHistogram): void {
    if (encoded.count === 0) return;
    this.addBuckets(encoded);
    this.addSummary(encoded.count, encoded.sum, encoded.min, encoded.max);
  }

  reset(): void {
    this.counts.fill(0, this.usedFrom, this.usedTo + 1);
    this.usedFrom = this.counts.length;
    this.usedTo = -1;
    this.total = 0;
    this.totalMs = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = Number.NEGATIVE_INFINITY;
  }

  encode(): EncodedHistogram {
    const buckets: number[] = [];
    for (let i = this.usedFrom; i <= this.usedTo; i++) {
      const c = this.counts[i]!;
      if (c > 0) buckets.push(i, c);
    }
    return {
      v: 1,
      sub_buckets: this.subBuckets,
      lowest: this.lowestMs,
      count: this.total,
      sum: this.totalMs,
      min: this.min,
      max: this.max,
      buckets,
    };
  }

  private addSummary(count: number, sumMs: number, minMs: number, maxMs: number): void {
    this.total += count;
    this.totalMs += sumMs;
    if (minMs < this.minMs) this.minMs = minMs;
    if (maxMs > this.maxMs) this.maxMs = maxMs;
  }

  private addAt(index: number, count: number): void {
    this.counts[index]! += count;
    if (index < this.usedFrom) this.usedFrom = index;
    if (index > this.usedTo) this.usedTo = index;
  }

  private indexOf(v: number): number {
    if (v < this.lowestMs) return 0;
    const scaled = v / this.lowestMs;
    const octave = Math.floor(Math.log2(scaled));
    if (octave >= this.octaves) return this.counts.length - 1;
    // log2 may round across a power of two; clamping keeps the error within one bucket edge.
    let sub = Math.floor((scaled / POW2[octave]! - 1) * this.subBuckets);
    if (sub < 0) sub = 0;
    else if (sub >= this.subBuckets) sub = this.subBuckets - 1;
    return 1 + octave * this.subBuckets + sub;
  }

  private clamp(valueMs: number): number {
    return Math.min(this.maxMs, Math.max(this.minMs, valueMs));
  }

  private sameLayout(other: LogLinearHistogram): boolean {
    return other.subBuckets === this.subBuckets && other.lowestMs === this.lowestMs;
  }

  private addCounts(counts: Float64Array): void {
    // A larger source range folds its top buckets into our last (overflow) bucket.
    const last = this.counts.length - 1;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i]!;
      if (c > 0) this.addAt(Math.min(i, last), c);
    }
  }

  /** Adds bucket counts only (summary fields are the caller's job); maps foreign layouts. */
  private addBuckets(encoded: EncodedHistogram): void {
    const same = encoded.sub_buckets === this.subBuckets && encoded.lowest === this.lowestMs;
    const last = this.counts.length - 1;
    const pairs = encoded.buckets;
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const index = pairs[k]!;
      const c = pairs[k + 1]!;
      if (same) {
        this.addAt(Math.min(index, last), c);
        continue;
      }
      const middleMs = bucketMiddleMs(index, encoded.sub_buckets, encoded.lowest);
      const valueMs = Math.min(encoded.max, Math.max(encoded.min, middleMs));
      this.addAt(this.indexOf(valueMs), c);
    }
  }
}

/** Creates an empty histogram; throws ConfigError on a bad layout. */
export function createHistogram(options: HistogramOptions = {}): Histogram {
  const valid = validateOptions(options);
  return new LogLinearHistogram(valid, octavesFor(valid.lowestMs, valid.highestMs));
}

/**
 * Rebuilds a histogram from an encoding already checked by `decodeHistogram`, sized to hold
 * every encoded bucket. Internal: not exported from the package.
 */
export function histogramFromEncoded(encoded: EncodedHistogram, octaves: number): Histogram {
  const valid = validateOptions({
    subBuckets: encoded.sub_buckets,
    lowestMs: encoded.lowest,
    highestMs: encoded.lowest * 2,
  });
  const histogram = new LogLinearHistogram(valid, Math.min(MAX_OCTAVES, Math.max(1, octaves)));
  histogram.absorb(encoded);
  return histogram;
}
