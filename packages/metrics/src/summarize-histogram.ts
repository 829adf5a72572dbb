import type { Histogram } from './histogram.js';
import type { TimeSummary } from './report-types.js';

/** Average, min, max and p50/p95/p99 of a histogram, in its unit (ms). */
export function summarizeHistogram(histogram: Histogram): TimeSummary {
  return {
    average: histogram.mean,
    min: histogram.min,
    max: histogram.max,
    p50: histogram.percentile(50),
    p95: histogram.percentile(95),
    p99: histogram.percentile(99),
  };
}
