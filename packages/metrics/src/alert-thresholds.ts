import { ConfigError } from '@buddy/traffic-core';

/**
 * Limits of SPEC 4.3. Every comparison is strict: a rule fires only past its limit, never at
 * it. Rates are percentages 0..100.
 */
export interface AlertThresholds {
  /** High: average execution time above this, ms. */
  readonly avgExecutionMsAbove: number;
  /** High: success rate below this, %. */
  readonly successRateBelow: number;
  /** High: adversarial block rate below this, %. */
  readonly blockRateBelow: number;
  /** High: unhandled exceptions (errors of kind `exception`) above this count. */
  readonly exceptionsAbove: number;
  /** Medium: error rate above this, %. */
  readonly errorRateAbove: number;
  /** Medium: pre-validation catch rate below this, %. */
  readonly catchRateBelow: number;
  /** Medium: pre-validation catch rate above this, %. */
  readonly catchRateAbove: number;
  /** Medium: clarification rate above this, %. */
  readonly clarificationRateAbove: number;
}

/** The defaults of SPEC 4.3. */
export const defaultAlertThresholds: AlertThresholds = Object.freeze({
  avgExecutionMsAbove: 5,
  successRateBelow: 90,
  blockRateBelow: 90,
  exceptionsAbove: 0,
  errorRateAbove: 5,
  catchRateBelow: 25,
  catchRateAbove: 50,
  clarificationRateAbove: 70,
});

type ThresholdKind = 'percent' | 'ms' | 'count';

const kinds: Record<keyof AlertThresholds, ThresholdKind> = {
  avgExecutionMsAbove: 'ms',
  successRateBelow: 'percent',
  blockRateBelow: 'percent',
  exceptionsAbove: 'count',
  errorRateAbove: 'percent',
  catchRateBelow: 'percent',
  catchRateAbove: 'percent',
  clarificationRateAbove: 'percent',
};

const expectations: Record<ThresholdKind, string> = {
  percent: 'a number in 0..100',
  ms: 'a finite number >= 0 (ms)',
  count: 'an integer >= 0',
};

function fits(kind: ThresholdKind, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return false;
  if (kind === 'percent') return value <= 100;
  return kind === 'count' ? Number.isInteger(value) : true;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : typeof value;
}

function collectIssues(input: Record<string, unknown>, field: string): string[] {
  const issues: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const kind = kinds[key as keyof AlertThresholds] as ThresholdKind | undefined;
    if (!Object.hasOwn(kinds, key) || kind === undefined) {
      const known = Object.keys(kinds).join(', ');
      issues.push(`${field}: unknown field ${show(key)}; expected one of ${known}`);
    } else if (!fits(kind, value)) {
      issues.push(`${field}.${key}: expected ${expectations[kind]}, received ${show(value)}`);
    }
  }
  return issues;
}

/**
 * Checks user overrides (any subset of the fields) and returns the complete thresholds.
 * Throws one ConfigError listing every bad field, named under `field`.
 */
export function validateAlertThresholds(
  overrides: unknown,
  field = 'alertThresholds',
): AlertThresholds {
  if (overrides === undefined) return defaultAlertThresholds;
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new ConfigError(`${field}: expected an object, received ${show(overrides)}`);
  }
  const issues = collectIssues(overrides as Record<string, unknown>, field);
  if (issues.length > 0) throw new ConfigError(issues.join('; '));
  const merged: AlertThresholds = { ...defaultAlertThresholds, ...overrides };
  if (merged.catchRateBelow > merged.catchRateAbove) {
    throw new ConfigError(
      `${field}.catchRateBelow: expected at most catchRateAbove (${merged.catchRateAbove}), ` +
        `received ${merged.catchRateBelow}`,
    );
  }
  return merged;
}
