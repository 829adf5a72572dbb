import { evaluateAlerts } from './alerts.js';
import type {
  Alert,
  Health,
  HealthLabel,
  SpeedStatus,
  StabilityStatus,
  StatsBlock,
} from './report-types.js';

/**
 * 0.4·success% + 0.3·(100 − error%) + 0.3·block%, rounded to 2 decimals so float noise
 * cannot move a score across a label boundary. No data counts as healthy: success 100,
 * errors 0, block 100.
 */
export function scoreHealth(
  successRate: number | null,
  errorRate: number | null,
  blockRate: number | null,
): number {
  const raw =
    0.4 * (successRate ?? 100) + 0.3 * (100 - (errorRate ?? 0)) + 0.3 * (blockRate ?? 100);
  return Math.round(raw * 100) / 100;
}

/** ≥ 95 excellent, ≥ 85 good, ≥ 70 fair, else poor. */
export function labelHealth(score: number): HealthLabel {
  if (score >= 95) return 'excellent';
  if (score >= 85) return 'good';
  if (score >= 70) return 'fair';
  return 'poor';
}

/** Average execution time, ms: < 1 fast, < 3 normal, < 5 slow, else critical. */
export function rateSpeed(avgExecutionMs: number): SpeedStatus {
  if (avgExecutionMs < 1) return 'fast';
  if (avgExecutionMs < 3) return 'normal';
  if (avgExecutionMs < 5) return 'slow';
  return 'critical';
}

/**
 * Stability from the window's alerts: `unstable` with any high alert, `degraded` with medium
 * ones only, else `stable`. Error rate enters through its own medium alert (> 5% by default);
 * exceptions and failing success or block rates through the high ones.
 */
export function rateStability(alerts: readonly Alert[]): StabilityStatus {
  if (alerts.some((a) => a.priority === 'high')) return 'unstable';
  return alerts.length > 0 ? 'degraded' : 'stable';
}

/** Health of one set of statistics (normally a report window) given its alerts. */
export function computeHealth(
  stats: StatsBlock,
  alerts: readonly Alert[] = evaluateAlerts(stats),
): Health {
  const score = scoreHealth(stats.success_rate, stats.error_rate, stats.adversarial.block_rate);
  return {
    score,
    label: labelHealth(score),
    speed: rateSpeed(stats.execution_time.average),
    stability: rateStability(alerts),
  };
}
