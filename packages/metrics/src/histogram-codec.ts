import { BuddyError } from '@buddy/traffic-core';
import {
  createHistogram,
  DEFAULT_HIGHEST_MS,
  type Histogram,
  type HistogramOptions,
  histogramFromEncoded,
  MAX_OCTAVES,
  MAX_SUB_BUCKETS,
  octavesFor,
} from './histogram.js';
import type { EncodedHistogram } from './report-types.js';

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return value === null ? 'null' : typeof value;
}

function fail(field: string, expected: string, received: unknown): never {
  throw new BuddyError(
    'METRICS_FILE_INVALID',
    `encoded histogram ${field}: expected ${expected}, received ${describe(received)}`,
  );
}

const isNonNegative = (x: unknown): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0;

function checkHeader(e: Record<string, unknown>): void {
  if (e.v !== 1) fail('v', '1', e.v);
  const sub = e.sub_buckets;
  if (!Number.isInteger(sub) || (sub as number) < 2 || (sub as number) > MAX_SUB_BUCKETS) {
    fail('sub_buckets', `an integer in 2..${MAX_SUB_BUCKETS}`, sub);
  }
  if (!isNonNegative(e.lowest) || e.lowest === 0) fail('lowest', 'a finite number > 0', e.lowest);
  for (const field of ['count', 'sum', 'min', 'max'] as const) {
    if (!isNonNegative(e[field])) fail(field, 'a finite number >= 0', e[field]);
  }
  if ((e.count as number) > 0 && (e.min as number) > (e.max as number)) {
    fail('min', `at most max (${e.max})`, e.min);
  }
}

/** Checks the sparse pairs; returns the highest bucket index seen (-1 when none). */
function checkBuckets(e: Record<string, unknown>, subBuckets: number, count: number): number {
  const pairs = e.buckets;
  if (!Array.isArray(pairs) || pairs.length % 2 !== 0) {
    fail('buckets', 'an array of [index, count] pairs, flattened', pairs);
  }
  const limit = 1 + MAX_OCTAVES * subBuckets;
  let highest = -1;
  let total = 0;
  for (let k = 0; k < pairs.length; k += 2) {
    const index = pairs[k];
    const c = pairs[k + 1];
    if (!Number.isInteger(index) || index < 0 || index >= limit) {
      fail(`buckets[${k}]`, `a bucket index in 0..${limit - 1}`, index);
    }
    if (!isNonNegative(c)) fail(`buckets[${k + 1}]`, 'a finite count >= 0', c);
    highest = Math.max(highest, index);
    total += c;
  }
  if (Math.abs(total - count) > 1e-9 * Math.max(1, count)) {
    fail('count', `the sum of bucket counts (${total})`, count);
  }
  return highest;
}

/**
 * Rebuilds a histogram from its encoding (e.g. read from a metrics file).
 * Throws BuddyError `METRICS_FILE_INVALID` naming the first bad field.
 */
export function decodeHistogram(encoded: unknown): Histogram {
  if (typeof encoded !== 'object' || encoded === null || Array.isArray(encoded)) {
    fail('', 'an object', encoded);
  }
  const e = encoded as Record<string, unknown>;
  checkHeader(e);
  const valid = e as unknown as EncodedHistogram;
  const highestIndex = checkBuckets(e, valid.sub_buckets, valid.count);
  const neededOctaves =
    highestIndex <= 0 ? 1 : Math.floor((highestIndex - 1) / valid.sub_buckets) + 1;
  const octaves = Math.max(octavesFor(valid.lowest, DEFAULT_HIGHEST_MS), neededOctaves);
  return histogramFromEncoded(valid, octaves);
}

/**
 * Merges encodings (e.g. of several runs or instances) into one histogram with the first
 * one's layout; an empty list gives an empty histogram with `options`' layout.
 */
export function mergeEncoded(
  list: readonly EncodedHistogram[],
  options?: HistogramOptions,
): Histogram {
  const [first, ...rest] = list;
  if (first === undefined) return createHistogram(options);
  const merged = decodeHistogram(first);
  for (const encoded of rest) merged.merge(decodeHistogram(encoded));
  return merged;
}
