/** Builds deterministic reports for this package's tests (not exported). */
import type { EncodedHistogram, Report, StatsBlock } from '@buddy/metrics';
import { createEmptySchedule, createEmptyStats } from './empty-stats.js';

function histogram(count: number): EncodedHistogram {
  return {
    v: 1,
    sub_buckets: 64,
    lowest: 0.001,
    count,
    sum: count * 0.1,
    min: 0.05,
    max: 1,
    buckets: count === 0 ? [] : [400, count - 1, 640, 1],
  };
}

/** Statistics of `total` requests with a few failures and errors. */
export function buildStats(total: number): StatsBlock {
  const errors = Math.floor(total / 100);
  const failed = Math.floor(total / 50);
  const pct = (n: number) => (total === 0 ? null : (100 * n) / total);
  return {
    ...createEmptyStats(),
    total_requests: total,
    successful_requests: total - failed,
    failed_requests: failed,
    success_rate: pct(total - failed),
    failure_rate: pct(failed),
    error_count: errors,
    error_rate: pct(errors),
    errors_by_kind: errors === 0 ? {} : { timeout: errors },
    top_errors:
      errors === 0
        ? []
        : [
            {
              kind: 'timeout',
              message: 'no answer within 5000 ms',
              count: errors,
              first_seen: '2026-02-05T10:10:00.000Z',
              last_seen: '2026-02-05T10:15:00.000Z',
              categories: { simple: errors },
            },
          ],
    execution_time: { average: 0.1, min: 0.05, max: 1, p50: 0.09, p95: 0.15, p99: 0.18 },
    latency: { average: 0.2, min: 0.05, max: 3, p50: 0.1, p95: 0.4, p99: 1.2 },
    confidence: { count: total - errors, mean: 0.422, std_dev: 0.292, min: 0.02, max: 0.97 },
    pre_validation: {
      passed: Math.round(total * 0.65),
      failed: total - Math.round(total * 0.65),
      pass_rate: total === 0 ? null : 65,
      catch_rate: total === 0 ? null : 35,
      rules: { sql_injection: 3, harmful_intent: 2 },
    },
    approval_path: {
      approved: Math.round(total * 0.5),
      clarification: Math.round(total * 0.2),
      rejected: total - Math.round(total * 0.5) - Math.round(total * 0.2),
      approval_rate: total === 0 ? null : 50,
      clarification_rate: total === 0 ? null : 20,
    },
    adversarial: { attempts: 0, blocked: 0, block_rate: null },
    histograms: { execution_time: histogram(total), latency: histogram(total) },
  };
}

/** A complete report; `index` moves the timestamp and totals forward. */
export function buildReport(index = 0, overrides: Partial<Report> = {}): Report {
  const total = 512 * (index + 1);
  const adversarial = {
    ...buildStats(26),
    adversarial: { attempts: 26, blocked: 26, block_rate: 100 },
  };
  return {
    ...buildStats(total),
    timestamp: new Date(Date.UTC(2026, 1, 5, 10, 15, 30) + index * 300_000).toISOString(),
    run_id: 'run-1',
    report_index: index,
    final: false,
    elapsed_seconds: 300.5 * (index + 1),
    categories: { simple: buildStats(128), adversarial },
    window: { ...buildStats(512), categories: { simple: buildStats(128) }, duration_seconds: 300 },
    schedule: {
      cumulative: { ...createEmptySchedule(), achieved_rate: 1.7, target_rate: 8, late: 3 },
      window: { ...createEmptySchedule(), achieved_rate: 1.7, target_rate: 8, late: 1, dropped: 2 },
    },
    load_level: 1,
    request_interval: { min: 50, max: 200 },
    arrival: 'uniform',
    load_changes: [],
    soul: { active: 'reference', served: { reference: total }, fallbacks: 0, switches: [] },
    warmup_requests: 0,
    alerts: [],
    health: { score: 99.7, label: 'excellent', speed: 'fast', stability: 'stable' },
    ...overrides,
  };
}
