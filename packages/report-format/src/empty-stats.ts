/** Empty building blocks of a report, for converted files and stripped histograms. */
import type { EncodedHistogram, ScheduleSummary, StatsBlock, TimeSummary } from '@buddy/metrics';

/** The `@buddy/metrics` histogram defaults, so empty encodings merge with real ones. */
const DEFAULT_SUB_BUCKETS = 64;
const DEFAULT_LOWEST_MS = 0.001;

/** An encoding with no values, keeping the resolution of `like` when given. */
export function createEmptyHistogram(like?: EncodedHistogram): EncodedHistogram {
  return {
    v: 1,
    sub_buckets: like?.sub_buckets ?? DEFAULT_SUB_BUCKETS,
    lowest: like?.lowest ?? DEFAULT_LOWEST_MS,
    count: 0,
    sum: 0,
    min: 0,
    max: 0,
    buckets: [],
  };
}

/** A time summary of zeros. */
export function createZeroTimes(): TimeSummary {
  return { average: 0, min: 0, max: 0, p50: 0, p95: 0, p99: 0 };
}

/** Statistics of no requests: counts 0, rates null ("no data"). */
export function createEmptyStats(): StatsBlock {
  return {
    total_requests: 0,
    successful_requests: 0,
    failed_requests: 0,
    success_rate: null,
    failure_rate: null,
    error_count: 0,
    error_rate: null,
    errors_by_kind: {},
    top_errors: [],
    execution_time: createZeroTimes(),
    latency: createZeroTimes(),
    confidence: { count: 0, mean: 0, std_dev: 0, min: 0, max: 0 },
    pre_validation: { passed: 0, failed: 0, pass_rate: null, catch_rate: null, rules: {} },
    approval_path: {
      approved: 0,
      clarification: 0,
      rejected: 0,
      approval_rate: null,
      clarification_rate: null,
    },
    adversarial: { attempts: 0, blocked: 0, block_rate: null },
    histograms: { execution_time: createEmptyHistogram(), latency: createEmptyHistogram() },
  };
}

/** A schedule summary with nothing achieved and nothing late. */
export function createEmptySchedule(): ScheduleSummary {
  return {
    achieved_rate: 0,
    target_rate: null,
    late: 0,
    dropped: 0,
    lateness: { p50: 0, p99: 0, max: 0 },
  };
}
