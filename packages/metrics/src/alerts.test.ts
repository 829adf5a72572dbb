import { ConfigError } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { createAggregator } from './aggregator.js';
import { defaultAlertThresholds, validateAlertThresholds } from './alert-thresholds.js';
import { evaluateAlerts } from './alerts.js';
import type { StatsBlock } from './report-types.js';

interface Figures {
  avgMs?: number;
  success?: number | null;
  error?: number | null;
  block?: number | null;
  exceptions?: number;
  catchRate?: number | null;
  clarification?: number | null;
}

/** A stats block of a healthy window, with some figures changed. */
function stats(f: Figures = {}): StatsBlock {
  const base = createAggregator().peek();
  return {
    ...base,
    total_requests: 100,
    success_rate: f.success === undefined ? 100 : f.success,
    error_rate: f.error === undefined ? 0 : f.error,
    errors_by_kind: f.exceptions === undefined ? {} : { exception: f.exceptions },
    execution_time: { ...base.execution_time, average: f.avgMs ?? 0.1 },
    adversarial: { attempts: 5, blocked: 5, block_rate: f.block === undefined ? 100 : f.block },
    pre_validation: {
      ...base.pre_validation,
      catch_rate: f.catchRate === undefined ? 35 : f.catchRate,
    },
    approval_path: {
      ...base.approval_path,
      clarification_rate: f.clarification === undefined ? 10 : f.clarification,
    },
  };
}

const codes = (s: StatsBlock) => evaluateAlerts(s).map((a) => `${a.priority}:${a.code}`);

describe('evaluateAlerts', () => {
  it('raises nothing for a healthy window', () => {
    expect(evaluateAlerts(stats())).toEqual([]);
  });

  const cases: [string, Figures, Figures, string][] = [
    ['average execution', { avgMs: 5 }, { avgMs: 5.001 }, 'high:execution_time_high'],
    ['success rate', { success: 90 }, { success: 89.99 }, 'high:success_rate_low'],
    ['block rate', { block: 90 }, { block: 89.99 }, 'high:block_rate_low'],
    ['exceptions', { exceptions: 0 }, { exceptions: 1 }, 'high:unhandled_exception'],
    ['error rate', { error: 5 }, { error: 5.01 }, 'medium:error_rate_high'],
    ['low catch rate', { catchRate: 25 }, { catchRate: 24.99 }, 'medium:catch_rate_low'],
    ['high catch rate', { catchRate: 50 }, { catchRate: 50.01 }, 'medium:catch_rate_high'],
    [
      'clarification',
      { clarification: 70 },
      { clarification: 70.01 },
      'medium:clarification_rate_high',
    ],
  ];
  for (const [name, at, past, code] of cases) {
    it(`${name}: fires just past the threshold, not at it`, () => {
      expect(codes(stats(at))).toEqual([]);
      expect(codes(stats(past))).toEqual([code]);
    });
  }

  it('never alerts on a null rate (no data) nor on the average of an empty window', () => {
    const empty = createAggregator().peek();
    expect(evaluateAlerts(empty)).toEqual([]);
    const nulls = stats({ success: null, error: null, block: null, catchRate: null });
    expect(evaluateAlerts({ ...nulls, approval_path: { ...nulls.approval_path } })).toEqual([]);
  });

  it('describes the alert with its value and threshold, high ones first', () => {
    const alerts = evaluateAlerts(stats({ error: 12.345, success: 80 }));
    expect(alerts).toEqual([
      {
        priority: 'high',
        code: 'success_rate_low',
        message: 'success rate 80% is below 90%',
        value: 80,
        threshold: 90,
      },
      {
        priority: 'medium',
        code: 'error_rate_high',
        message: 'error rate 12.35% is above 5%',
        value: 12.345,
        threshold: 5,
      },
    ]);
  });

  it('uses configured thresholds', () => {
    const thresholds = validateAlertThresholds({ successRateBelow: 99 });
    expect(evaluateAlerts(stats({ success: 98 }), thresholds).map((a) => a.code)).toEqual([
      'success_rate_low',
    ]);
  });
});

describe('validateAlertThresholds', () => {
  it('fills the defaults around overrides', () => {
    expect(validateAlertThresholds(undefined)).toEqual(defaultAlertThresholds);
    expect(validateAlertThresholds({ errorRateAbove: 1 })).toEqual({
      ...defaultAlertThresholds,
      errorRateAbove: 1,
    });
  });

  it('lists every bad field in one message', () => {
    const bad = { errorRateAbove: 'x', exceptionsAbove: 0.5, colour: 1, avgExecutionMsAbove: -1 };
    let error: unknown;
    try {
      validateAlertThresholds(bad);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('alertThresholds.errorRateAbove: expected a number in 0..100');
    expect(message).toContain('received "x"');
    expect(message).toContain('alertThresholds.exceptionsAbove: expected an integer >= 0');
    expect(message).toContain('alertThresholds: unknown field "colour"; expected one of');
    expect(message).toContain('avgExecutionMsAbove: expected a finite number >= 0 (ms)');
  });

  it('rejects a non-object and a catch range that is upside down', () => {
    expect(() => validateAlertThresholds(7)).toThrow(/expected an object, received 7/);
    expect(() => validateAlertThresholds({ catchRateBelow: 60 })).toThrow(
      /catchRateBelow: expected at most catchRateAbove \(50\), received 60/,
    );
  });
});
