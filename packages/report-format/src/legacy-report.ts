/** Conversion of one report of the original layout into a v2 report. */
import type {
  Alert,
  Health,
  HealthLabel,
  Report,
  SpeedStatus,
  StatsBlock,
  TimeSummary,
} from '@buddy/metrics';
import { createEmptySchedule, createEmptyStats } from './empty-stats.js';
import {
  asCount,
  asInterval,
  asIsoTime,
  asNumber,
  asNumberOrNull,
  asObject,
  asText,
  type Loose,
} from './legacy-values.js';

/** Run id given to files of the original layout, which had none. */
export const LEGACY_RUN_ID = 'legacy';

function convertTimes(value: unknown): TimeSummary {
  if (typeof value === 'number') return { ...convertTimes({}), average: asNumber(value, 0) };
  const t = asObject(value);
  const pick = (key: string): number => asNumber(t[key], 0);
  return {
    average: asNumber(t.average ?? t.avg ?? t.mean, 0),
    min: pick('min'),
    max: pick('max'),
    p50: asNumber(t.p50 ?? t.median, 0),
    p95: pick('p95'),
    p99: pick('p99'),
  };
}

function countOf(total: number, ratePercent: number | null): number {
  return ratePercent === null ? 0 : Math.round((total * ratePercent) / 100);
}

function complement(ratePercent: number | null): number | null {
  return ratePercent === null ? null : 100 - ratePercent;
}

/** Reads whichever statistics an original-layout object has; the rest stays empty. */
export function convertLegacyStats(value: unknown): StatsBlock {
  const o = asObject(value);
  const stats = createEmptyStats();
  const total = asCount(o.total_requests ?? o.count);
  const successRate = asNumberOrNull(o.success_rate);
  const errorRate = asNumberOrNull(o.error_rate);
  const successful = o.successful_requests ?? o.success_count;
  const errorCount = o.error_count ?? o.errors;

  stats.total_requests = total;
  stats.success_rate = successRate;
  stats.failure_rate = asNumberOrNull(o.failure_rate) ?? complement(successRate);
  stats.successful_requests =
    successful === undefined ? countOf(total, successRate) : asCount(successful);
  stats.failed_requests = Math.max(0, total - stats.successful_requests);
  stats.error_rate = errorRate;
  stats.error_count = errorCount === undefined ? countOf(total, errorRate) : asCount(errorCount);
  stats.execution_time = convertTimes(o.execution_time);
  stats.latency = { ...stats.execution_time };

  const confidence = asObject(o.confidence);
  stats.confidence = {
    count: asCount(confidence.count ?? Math.max(0, total - stats.error_count)),
    mean: asNumber(confidence.mean ?? confidence.average, 0),
    std_dev: asNumber(confidence.std_dev ?? confidence.std, 0),
    min: asNumber(confidence.min, 0),
    max: asNumber(confidence.max, 0),
  };

  const pre = asObject(o.pre_validation);
  const passRate = asNumberOrNull(pre.pass_rate);
  stats.pre_validation = {
    passed: asCount(pre.passed),
    failed: asCount(pre.failed),
    pass_rate: passRate,
    catch_rate: asNumberOrNull(pre.catch_rate) ?? complement(passRate),
    rules: {},
  };

  const approval = asObject(o.approval_path);
  stats.approval_path = {
    approved: asCount(approval.approved),
    clarification: asCount(approval.clarification),
    rejected: asCount(approval.rejected),
    approval_rate: asNumberOrNull(approval.approval_rate),
    clarification_rate: asNumberOrNull(approval.clarification_rate),
  };

  const adversarial = asObject(o.adversarial);
  stats.adversarial = {
    attempts: asCount(adversarial.attempts ?? adversarial.total),
    blocked: asCount(adversarial.blocked),
    block_rate: asNumberOrNull(adversarial.block_rate),
  };
  return stats;
}

function labelFor(score: number): HealthLabel {
  if (score >= 95) return 'excellent';
  if (score >= 85) return 'good';
  if (score >= 70) return 'fair';
  return 'poor';
}

function speedFor(averageMs: number): SpeedStatus {
  if (averageMs < 1) return 'fast';
  if (averageMs < 3) return 'normal';
  if (averageMs < 5) return 'slow';
  return 'critical';
}

/** SPEC 4.3 health, from what the original layout recorded. */
function computeHealth(stats: StatsBlock, recorded: Loose): Health {
  const derived =
    0.4 * (stats.success_rate ?? 0) +
    0.3 * (100 - (stats.error_rate ?? 0)) +
    0.3 * (stats.adversarial.block_rate ?? 100);
  const score = asNumber(recorded.health_score ?? asObject(recorded.health).score, derived);
  return {
    score,
    label: labelFor(score),
    speed: speedFor(stats.execution_time.average),
    stability: 'stable',
  };
}

function convertAlerts(value: unknown): Alert[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const o = asObject(raw);
    return {
      priority: o.priority === 'high' || o.level === 'high' ? 'high' : 'medium',
      code: asText(o.code ?? o.type, 'legacy_alert'),
      message: asText(o.message ?? raw, ''),
      value: asNumber(o.value, 0),
      threshold: asNumber(o.threshold, 0),
    };
  });
}

function convertCategories(value: unknown): Record<string, StatsBlock> {
  const categories: Record<string, StatsBlock> = {};
  for (const [id, stats] of Object.entries(asObject(value))) {
    categories[id] = convertLegacyStats(stats);
  }
  return categories;
}

/** Converts one original-layout report; `fallbackTime` stands in for a missing timestamp. */
export function convertLegacyReport(value: unknown, index: number, fallbackTime: string): Report {
  const o = asObject(value);
  const stats = convertLegacyStats(o);
  return {
    ...stats,
    timestamp: asIsoTime(o.timestamp, fallbackTime),
    run_id: LEGACY_RUN_ID,
    report_index: index,
    final: false,
    elapsed_seconds: Math.max(0, asNumber(o.elapsed_seconds ?? o.elapsed_time ?? o.elapsed, 0)),
    categories: convertCategories(o.categories ?? o.category_breakdown),
    window: { ...createEmptyStats(), categories: {}, duration_seconds: 0 },
    schedule: { cumulative: createEmptySchedule(), window: createEmptySchedule() },
    load_level: Math.round(asNumber(o.load_level, 1)),
    request_interval: asInterval(o.request_interval),
    arrival: 'uniform',
    load_changes: [],
    soul: {
      active: asText(o.soul_type ?? o.soul, 'unknown'),
      served: {},
      fallbacks: 0,
      switches: [],
    },
    warmup_requests: 0,
    alerts: convertAlerts(o.alerts),
    health: computeHealth(stats, o),
  };
}
