import { ConfigError } from '@buddy/traffic-core';
import { type AlertThresholds, validateAlertThresholds } from './alert-thresholds.js';
import type { AlertRule } from './alerts.js';
import type { HistogramOptions } from './histogram.js';

/** Options of `createAggregator`; every bound keeps memory flat on runs of days. */
export interface AggregatorOptions {
  /** Monotonic start of the measured period, ms. Default: the first measured intended send. */
  readonly startMs?: number;
  /** A send starting more than this after its intended time counts as late, ms. Default 10. */
  readonly lateThresholdMs?: number;
  /** Error groups kept per set of statistics. Default 20. */
  readonly maxErrorGroups?: number;
  /** Distinct categories tracked; more are folded into `_other`. Default 64. */
  readonly maxCategories?: number;
  /** Distinct pre-validation rule ids counted; more are folded into `_other`. Default 64. */
  readonly maxRuleIds?: number;
  /** Layout of every histogram (execution time, latency, lateness). */
  readonly histogram?: HistogramOptions;
  /** Overrides of the SPEC 4.3 alert thresholds (validated). */
  readonly alertThresholds?: Partial<AlertThresholds>;
  /** Extra alert rules, evaluated on each report window after the built-in ones. */
  readonly alertRules?: readonly AlertRule[];
}

/** Options with defaults applied. */
export interface ResolvedAggregatorOptions {
  readonly startMs: number | undefined;
  readonly lateThresholdMs: number;
  readonly maxErrorGroups: number;
  readonly maxCategories: number;
  readonly maxRuleIds: number;
  readonly histogram: HistogramOptions;
  readonly alertThresholds: AlertThresholds;
  readonly alertRules: readonly AlertRule[];
}

function checkBound(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 100_000) {
    throw new ConfigError(
      `aggregator.${name}: expected an integer in ${min}..100000, received ${value}`,
    );
  }
  return value;
}

/** Applies defaults and checks options; throws ConfigError naming the field. */
export function resolveAggregatorOptions(options: AggregatorOptions): ResolvedAggregatorOptions {
  const lateThresholdMs = options.lateThresholdMs ?? 10;
  if (!Number.isFinite(lateThresholdMs) || lateThresholdMs < 0) {
    throw new ConfigError(
      `aggregator.lateThresholdMs: expected a finite number >= 0, received ${lateThresholdMs}`,
    );
  }
  if (options.startMs !== undefined && !Number.isFinite(options.startMs)) {
    throw new ConfigError(
      `aggregator.startMs: expected a finite number, received ${options.startMs}`,
    );
  }
  return {
    startMs: options.startMs,
    lateThresholdMs,
    maxErrorGroups: checkBound('maxErrorGroups', options.maxErrorGroups ?? 20, 1),
    maxCategories: checkBound('maxCategories', options.maxCategories ?? 64, 2),
    maxRuleIds: checkBound('maxRuleIds', options.maxRuleIds ?? 64, 2),
    histogram: options.histogram ?? {},
    alertThresholds: validateAlertThresholds(options.alertThresholds, 'aggregator.alertThresholds'),
    alertRules: options.alertRules ?? [],
  };
}
