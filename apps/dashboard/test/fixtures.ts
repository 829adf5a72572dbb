import type { Report, StatsBlock, TimeSummary } from '@buddy/metrics';
import type { LiveStatus, MetricsFile } from '@buddy/report-format';
import type { DashboardState } from '../src/dashboard-state.js';

/** 2026-02-05T10:20:45Z: the wall clock every frame test draws at. */
export const NOW_MS = Date.UTC(2026, 1, 5, 10, 20, 45);
export const isoAgo = (seconds: number): string => new Date(NOW_MS - seconds * 1000).toISOString();

const time = (average: number): TimeSummary => ({
  average,
  min: average / 2,
  max: average * 10,
  p50: average,
  p95: average * 1.5,
  p99: average * 1.8,
});

const emptyHistogram = {
  v: 1 as const,
  sub_buckets: 8,
  lowest: 0.001,
  count: 0,
  sum: 0,
  min: 0,
  max: 0,
  buckets: [],
};

/** A statistics block of `total` requests, all successful and fast unless overridden. */
export function buildStats(total: number, overrides: Partial<StatsBlock> = {}): StatsBlock {
  return {
    total_requests: total,
    successful_requests: total,
    failed_requests: 0,
    success_rate: 100,
    failure_rate: 0,
    error_count: 0,
    error_rate: 0,
    errors_by_kind: {},
    top_errors: [],
    execution_time: time(0.1),
    latency: time(0.2),
    confidence: { count: total, mean: 0.422, std_dev: 0.292, min: 0.05, max: 0.97 },
    pre_validation: { passed: 330, failed: 182, pass_rate: 64.5, catch_rate: 35.5, rules: {} },
    approval_path: {
      approved: 300,
      clarification: 60,
      rejected: 152,
      approval_rate: 58.6,
      clarification_rate: 11.7,
    },
    adversarial: { attempts: 40, blocked: 40, block_rate: 100 },
    histograms: { execution_time: emptyHistogram, latency: emptyHistogram },
    ...overrides,
  };
}

const schedule = {
  achieved_rate: 8.4,
  target_rate: 8,
  late: 0,
  dropped: 0,
  lateness: { p50: 0.1, p99: 0.5, max: 1 },
};

/** A healthy report #2 of run `run-1`, 5 s old, with two categories. */
export function buildReport(overrides: Partial<Report> = {}): Report {
  const stats = buildStats(512);
  return {
    ...stats,
    timestamp: isoAgo(5),
    run_id: 'run-1',
    report_index: 2,
    final: false,
    elapsed_seconds: 300.5,
    categories: {
      simple: buildStats(128, { execution_time: time(0.08) }),
      adversarial: buildStats(26, { confidence: { ...stats.confidence, mean: 0.1 } }),
    },
    window: { ...stats, categories: {}, duration_seconds: 60 },
    schedule: { cumulative: schedule, window: schedule },
    load_level: 2,
    request_interval: { min: 35, max: 135 },
    arrival: 'uniform',
    load_changes: [],
    soul: { active: 'reference', served: { reference: 512 }, fallbacks: 0, switches: [] },
    warmup_requests: 0,
    alerts: [],
    health: { score: 100, label: 'excellent', speed: 'fast', stability: 'stable' },
    ...overrides,
  };
}

/** A metrics file holding `reports` (updated when the last report was made). */
export function buildMetricsFile(reports: Report[], runId = 'run-1'): MetricsFile {
  return {
    schema_version: 2,
    run_id: runId,
    started_at: isoAgo(400),
    updated_at: reports.at(-1)?.timestamp ?? isoAgo(400),
    config: {},
    reports,
    requests: [],
    history_file: null,
  };
}

/** A live status of run `run-1`, 1 s old. */
export function buildLive(overrides: Partial<LiveStatus> = {}): LiveStatus {
  return {
    schema_version: 2,
    run_id: 'run-1',
    updated_at: isoAgo(1),
    total_requests: 123,
    success_rate: 99.2,
    error_count: 1,
    achieved_rate: 12.3,
    in_flight: 2,
    load_level: 1,
    request_interval: { min: 50, max: 200 },
    elapsed_seconds: 10,
    active_soul: 'reference',
    state: 'running',
    ...overrides,
  };
}

/** A dashboard state for `buddy_traffic_metrics.json` refreshed every 10 s. */
export function buildState(overrides: Partial<DashboardState> = {}): DashboardState {
  return {
    filePath: 'buddy_traffic_metrics.json',
    intervalSeconds: 10,
    metrics: null,
    problem: null,
    live: null,
    ...overrides,
  };
}
