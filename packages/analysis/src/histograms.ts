import type { EncodedHistogram, Histogram } from '@buddy/metrics';
import { mergeEncoded, summarizeHistogram } from '@buddy/metrics';

/** True when the histogram is present and holds samples. */
export function hasSamples(histogram: EncodedHistogram | undefined): histogram is EncodedHistogram {
  return histogram !== undefined && histogram !== null && histogram.count > 0;
}

/** Merges encoded histograms into one, so percentiles of the union are right. */
export function mergeHistograms(histograms: readonly EncodedHistogram[]): Histogram {
  return mergeEncoded(histograms);
}

/** Average, min, max and p50/p95/p99 of a histogram, in its unit (ms). */
export { summarizeHistogram };
