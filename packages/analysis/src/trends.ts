import type { Report, StatsBlock } from '@buddy/metrics';
import { combineConfidence } from './confidence-moments.js';
import { type Direction, describeChange, directionOf, type TrendUnit } from './describe-change.js';
import { splitFirstLast } from './run-parts.js';

export type TrendMetric =
  | 'success_rate'
  | 'execution_avg_ms'
  | 'execution_p95_ms'
  | 'confidence_mean'
  | 'confidence_std'
  | 'error_rate'
  | 'load_level';

/** One metric over the reports, with its change from the first to the last part of the run. */
export interface TrendSeries {
  metric: TrendMetric;
  label: string;
  unit: TrendUnit;
  /** true when a rise is good, false when it is bad, null when neither. */
  higher_is_better: boolean | null;
  /** One value per report (aligned with `Trends.times`); null when the report had no data. */
  values: (number | null)[];
  /** Mean over the first and last quarter of the reports. */
  first: number | null;
  last: number | null;
  direction: Direction | null;
  /** The change in words, e.g. `fell 2.3 points (99.8% → 97.5%)`. */
  description: string;
}

/** Whether the confidence distribution moved between the first and last part of the run. */
export interface ConfidenceDrift {
  /** null when there are too few reports to compare. */
  drifted: boolean | null;
  first: { count: number; mean: number; std_dev: number } | null;
  last: { count: number; mean: number; std_dev: number } | null;
  mean_shift: number | null;
  std_shift: number | null;
  /** Welch's z of the mean shift (information only: large runs make any shift "significant"). */
  z: number | null;
  thresholds: { mean_shift: number; std_shift: number };
  description: string;
}

/** Trends over the whole history (the `--trends` mode), as plain data. */
export interface Trends {
  reports: number;
  /** Report timestamps, oldest first. */
  times: string[];
  /** `window`: per-report windows; `cumulative`: older layouts without windows. */
  basis: 'window' | 'cumulative';
  series: TrendSeries[];
  drift: ConfidenceDrift;
}

/** A drift is flagged when the mean or the standard deviation moves by more than this. */
export const DRIFT_THRESHOLDS = { mean_shift: 0.05, std_shift: 0.05 };

interface MetricDefinition {
  metric: TrendMetric;
  label: string;
  unit: TrendUnit;
  higher_is_better: boolean | null;
  read: (block: StatsBlock, report: Report) => number | null;
}

const hasVerdicts = (b: StatsBlock) => b.confidence.count > 0;
const hasRequests = (b: StatsBlock) => b.total_requests > 0;

const METRICS: MetricDefinition[] = [
  metric('success_rate', 'Success rate', 'percent', true, (b) => b.success_rate),
  metric('execution_avg_ms', 'Average execution', 'ms', false, (b) =>
    hasRequests(b) ? b.execution_time.average : null,
  ),
  metric('execution_p95_ms', 'p95 execution', 'ms', false, (b) =>
    hasRequests(b) ? b.execution_time.p95 : null,
  ),
  metric('confidence_mean', 'Confidence mean', 'score', null, (b) =>
    hasVerdicts(b) ? b.confidence.mean : null,
  ),
  metric('confidence_std', 'Confidence std dev', 'score', null, (b) =>
    hasVerdicts(b) ? b.confidence.std_dev : null,
  ),
  metric('error_rate', 'Error rate', 'percent', false, (b) => b.error_rate),
  metric('load_level', 'Load level', 'level', null, (_b, r) => r.load_level),
];

function metric(
  name: TrendMetric,
  label: string,
  unit: TrendUnit,
  higherIsBetter: boolean | null,
  read: MetricDefinition['read'],
): MetricDefinition {
  return { metric: name, label, unit, higher_is_better: higherIsBetter, read };
}

/** Trends of success, execution time, confidence, errors and load over the given reports. */
export function analyzeTrends(reports: readonly Report[]): Trends {
  const basis = reports.some((r) => (r.window?.total_requests ?? 0) > 0) ? 'window' : 'cumulative';
  const blocks = reports.map((r) => (basis === 'window' ? r.window : r));
  return {
    reports: reports.length,
    times: reports.map((r) => r.timestamp),
    basis,
    series: METRICS.map((m) => buildSeries(m, reports, blocks)),
    drift: detectDrift(blocks),
  };
}

function buildSeries(
  definition: MetricDefinition,
  reports: readonly Report[],
  blocks: readonly StatsBlock[],
): TrendSeries {
  const values = reports.map((report, i) => {
    const block = blocks[i];
    const value = block === undefined ? null : definition.read(block, report);
    return value === null || !Number.isFinite(value) ? null : value;
  });
  const parts = splitFirstLast(values);
  const first = parts === null ? null : meanOf(parts.first);
  const last = parts === null ? null : meanOf(parts.last);
  const { read: _read, ...rest } = definition;
  return {
    ...rest,
    values,
    first,
    last,
    direction: first === null || last === null ? null : directionOf(first, last, definition.unit),
    description: describeChange(first, last, definition.unit),
  };
}

function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

function detectDrift(blocks: readonly StatsBlock[]): ConfidenceDrift {
  const parts = splitFirstLast(blocks);
  const first = parts === null ? null : combineConfidence(parts.first.map((b) => b.confidence));
  const last = parts === null ? null : combineConfidence(parts.last.map((b) => b.confidence));
  if (first === null || last === null || first.count === 0 || last.count === 0) {
    return noDrift('not enough data: needs verdicts in at least two reports');
  }
  const meanShift = last.mean - first.mean;
  const stdShift = last.std_dev - first.std_dev;
  const drifted =
    Math.abs(meanShift) > DRIFT_THRESHOLDS.mean_shift ||
    Math.abs(stdShift) > DRIFT_THRESHOLDS.std_shift;
  return {
    drifted,
    first: { count: first.count, mean: first.mean, std_dev: first.std_dev },
    last: { count: last.count, mean: last.mean, std_dev: last.std_dev },
    mean_shift: meanShift,
    std_shift: stdShift,
    z: welchZ(first, last),
    thresholds: DRIFT_THRESHOLDS,
    description: describeDrift(drifted, meanShift, stdShift),
  };
}

function noDrift(description: string): ConfidenceDrift {
  return {
    drifted: null,
    first: null,
    last: null,
    mean_shift: null,
    std_shift: null,
    z: null,
    thresholds: DRIFT_THRESHOLDS,
    description,
  };
}

function welchZ(
  a: { count: number; mean: number; std_dev: number },
  b: { count: number; mean: number; std_dev: number },
): number | null {
  const se = Math.sqrt(a.std_dev ** 2 / a.count + b.std_dev ** 2 / b.count);
  return se > 0 ? (b.mean - a.mean) / se : null;
}

function describeDrift(drifted: boolean, meanShift: number, stdShift: number): string {
  const shifts = `mean ${signed(meanShift)}, std dev ${signed(stdShift)}`;
  const limits = `limits ±${DRIFT_THRESHOLDS.mean_shift} / ±${DRIFT_THRESHOLDS.std_shift}`;
  return drifted
    ? `confidence drifted between the first and last quarter (${shifts}; ${limits})`
    : `no confidence drift between the first and last quarter (${shifts})`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '-'}${Math.abs(value).toFixed(3)}`;
}
