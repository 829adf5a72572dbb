/**
 * The report: what the simulator writes at each report and the metrics file stores.
 * Field names are snake_case and keep the original layout's names (SPEC 4.4) so existing
 * readers keep working. Times are milliseconds; rates are percentages 0..100 unless noted;
 * a rate with nothing to divide by is null ("no data"), never 0.
 */

/** Execution-time summary in milliseconds (histogram-based percentiles). */
export interface TimeSummary {
  average: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Confidence moments over the verdicts received (errors carry no confidence). */
export interface ConfidenceSummary {
  count: number;
  mean: number;
  /** Population standard deviation. */
  std_dev: number;
  min: number;
  max: number;
}

export interface PreValidationSummary {
  passed: number;
  failed: number;
  /** passed / (passed + failed), percent. */
  pass_rate: number | null;
  /** failed / (passed + failed), percent: the "pre-validation catch". */
  catch_rate: number | null;
  /** Failed-rule id → how many verdicts named it. */
  rules: Record<string, number>;
}

export interface ApprovalSummary {
  approved: number;
  clarification: number;
  rejected: number;
  /** approved / verdicts, percent. */
  approval_rate: number | null;
  /** clarification / verdicts, percent. */
  clarification_rate: number | null;
}

export interface AdversarialSummary {
  /** Requests marked as attacks (adversarial category and hostile edge cases). */
  attempts: number;
  blocked: number;
  /** blocked / attempts, percent; null when there were no attempts. */
  block_rate: number | null;
}

/** One group of identical errors (bounded top-k). */
export interface ErrorGroup {
  kind: string;
  /** Sanitised message. */
  message: string;
  count: number;
  /** ISO time of first and last occurrence. */
  first_seen: string;
  last_seen: string;
  /** Category id → count. */
  categories: Record<string, number>;
}

/** Compact, mergeable histogram encoding (see `@buddy/metrics` histogram). */
export interface EncodedHistogram {
  /** Encoding version. */
  v: 1;
  /** Buckets per doubling of the value. */
  sub_buckets: number;
  /** Smallest resolved value, ms. */
  lowest: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Sparse [bucketIndex, count] pairs, flattened: [i0, c0, i1, c1, ...]. */
  buckets: number[];
}

/** The statistics of one set of requests (cumulative, a window, or one category). */
export interface StatsBlock {
  total_requests: number;
  successful_requests: number;
  failed_requests: number;
  success_rate: number | null;
  failure_rate: number | null;
  error_count: number;
  error_rate: number | null;
  /** Error kind → count. */
  errors_by_kind: Record<string, number>;
  /** Top error groups by count (bounded). */
  top_errors: ErrorGroup[];
  /** Pipeline execution time (send start → answer). */
  execution_time: TimeSummary;
  /** Response time from the intended send time (coordinated-omission corrected). */
  latency: TimeSummary;
  confidence: ConfidenceSummary;
  pre_validation: PreValidationSummary;
  approval_path: ApprovalSummary;
  adversarial: AdversarialSummary;
  /** Histograms behind execution_time and latency, for merging runs. */
  histograms: { execution_time: EncodedHistogram; latency: EncodedHistogram };
}

/** Open-loop schedule keeping, for a window or the whole run. */
export interface ScheduleSummary {
  /** Requests completed per second over the period. */
  achieved_rate: number;
  /** Requests the schedule intended per second over the period, when known. */
  target_rate: number | null;
  /** Sends that started later than the lateness threshold. */
  late: number;
  /** Sends that could not start at all (bounded in-flight and backlog full). */
  dropped: number;
  /** Send lateness, ms. */
  lateness: { p50: number; p99: number; max: number };
}

export type AlertPriority = 'high' | 'medium';

/** One threshold crossed in a report window. */
export interface Alert {
  priority: AlertPriority;
  /** Stable id, e.g. `execution_time_high`. */
  code: string;
  message: string;
  value: number;
  threshold: number;
}

export type HealthLabel = 'excellent' | 'good' | 'fair' | 'poor';
export type SpeedStatus = 'fast' | 'normal' | 'slow' | 'critical';
export type StabilityStatus = 'stable' | 'degraded' | 'unstable';

export interface Health {
  /** 0.4·success% + 0.3·(100 − error%) + 0.3·block% (block 100 with no attempts). */
  score: number;
  label: HealthLabel;
  speed: SpeedStatus;
  stability: StabilityStatus;
}

/** Which Soul served the requests, and how often. */
export interface SoulSummary {
  /** Name of the active target when the report was made. */
  active: string;
  /** Target name → requests served (cumulative). */
  served: Record<string, number>;
  /** Requests answered by the fallback target (cumulative). */
  fallbacks: number;
  /** Switches of the active target so far. */
  switches: { at: string; from: string; to: string }[];
}

/** A report: cumulative statistics at top level (legacy layout), plus the window and extras. */
export interface Report extends StatsBlock {
  /** ISO time the report was made. */
  timestamp: string;
  run_id: string;
  /** 0-based report number within the run. */
  report_index: number;
  /** True for the report written when the run stopped. */
  final: boolean;
  elapsed_seconds: number;
  /** Per-category cumulative statistics. */
  categories: Record<string, StatsBlock>;
  /** Statistics since the previous report. */
  window: StatsBlock & {
    categories: Record<string, StatsBlock>;
    /** Seconds covered by the window. */
    duration_seconds: number;
  };
  schedule: { cumulative: ScheduleSummary; window: ScheduleSummary };
  load_level: number;
  /** Current interval of the uniform schedule, ms; legacy readers expect `{min,max}` here. */
  request_interval: { min: number; max: number };
  /** Arrival mode, e.g. `uniform`, `constant`, `poisson`, `closed`. */
  arrival: string;
  /** Load level changes since the previous report. */
  load_changes: { at: string; from: number; to: number; reason: string }[];
  soul: SoulSummary;
  /** Warm-up requests sent and excluded from the statistics (cumulative). */
  warmup_requests: number;
  alerts: Alert[];
  health: Health;
}
