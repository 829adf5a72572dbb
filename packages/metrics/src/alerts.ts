import { type AlertThresholds, defaultAlertThresholds } from './alert-thresholds.js';
import type { Alert, AlertPriority, StatsBlock } from './report-types.js';

/** A user rule evaluated after the built-in ones; returns an alert or undefined. */
export type AlertRule = (stats: StatsBlock) => Alert | undefined;

const round2 = (x: number): number => Math.round(x * 100) / 100;

function makeAlert(
  priority: AlertPriority,
  code: string,
  message: string,
  value: number,
  threshold: number,
): Alert {
  return { priority, code, message, value, threshold };
}

function above(value: number | null, limit: number): value is number {
  return value !== null && value > limit;
}

function below(value: number | null, limit: number): value is number {
  return value !== null && value < limit;
}

function evaluateHigh(stats: StatsBlock, t: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  // No requests, no average: an empty window says nothing about speed.
  const avgMs = stats.total_requests > 0 ? stats.execution_time.average : null;
  if (above(avgMs, t.avgExecutionMsAbove)) {
    const text = `average execution time ${round2(avgMs)} ms is above ${t.avgExecutionMsAbove} ms`;
    alerts.push(makeAlert('high', 'execution_time_high', text, avgMs, t.avgExecutionMsAbove));
  }
  if (below(stats.success_rate, t.successRateBelow)) {
    const text = `success rate ${round2(stats.success_rate)}% is below ${t.successRateBelow}%`;
    alerts.push(
      makeAlert('high', 'success_rate_low', text, stats.success_rate, t.successRateBelow),
    );
  }
  const blockRate = stats.adversarial.block_rate;
  if (below(blockRate, t.blockRateBelow)) {
    const text = `adversarial block rate ${round2(blockRate)}% is below ${t.blockRateBelow}%`;
    alerts.push(makeAlert('high', 'block_rate_low', text, blockRate, t.blockRateBelow));
  }
  const exceptions = stats.errors_by_kind.exception ?? 0;
  if (above(exceptions, t.exceptionsAbove)) {
    const text = `${exceptions} unhandled exception(s)`;
    alerts.push(makeAlert('high', 'unhandled_exception', text, exceptions, t.exceptionsAbove));
  }
  return alerts;
}

function evaluateMedium(stats: StatsBlock, t: AlertThresholds): Alert[] {
  const alerts: Alert[] = [];
  if (above(stats.error_rate, t.errorRateAbove)) {
    const text = `error rate ${round2(stats.error_rate)}% is above ${t.errorRateAbove}%`;
    alerts.push(makeAlert('medium', 'error_rate_high', text, stats.error_rate, t.errorRateAbove));
  }
  const catchRate = stats.pre_validation.catch_rate;
  if (below(catchRate, t.catchRateBelow)) {
    const text = `pre-validation catch rate ${round2(catchRate)}% is below ${t.catchRateBelow}%`;
    alerts.push(makeAlert('medium', 'catch_rate_low', text, catchRate, t.catchRateBelow));
  }
  if (above(catchRate, t.catchRateAbove)) {
    const text = `pre-validation catch rate ${round2(catchRate)}% is above ${t.catchRateAbove}%`;
    alerts.push(makeAlert('medium', 'catch_rate_high', text, catchRate, t.catchRateAbove));
  }
  const clarification = stats.approval_path.clarification_rate;
  if (above(clarification, t.clarificationRateAbove)) {
    const limit = t.clarificationRateAbove;
    const text = `clarification rate ${round2(clarification)}% is above ${limit}%`;
    alerts.push(makeAlert('medium', 'clarification_rate_high', text, clarification, limit));
  }
  return alerts;
}

/**
 * Alerts of SPEC 4.3 for one set of statistics (normally a report window), high first.
 * Comparisons are strict and a null rate (no data) never alerts. `extra` rules run last.
 */
export function evaluateAlerts(
  stats: StatsBlock,
  thresholds: AlertThresholds = defaultAlertThresholds,
  extra: readonly AlertRule[] = [],
): Alert[] {
  const alerts = [...evaluateHigh(stats, thresholds), ...evaluateMedium(stats, thresholds)];
  for (const rule of extra) {
    const alert = rule(stats);
    if (alert !== undefined) alerts.push(alert);
  }
  return alerts;
}
