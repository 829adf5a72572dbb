import {
  ConfigError,
  type Outcome,
  type OutcomeError,
  type TrafficRequest,
  type Verdict,
} from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { createAggregator } from './aggregator.js';
import type { ReportContext } from './report-context.js';

interface OutcomeSpec {
  category?: string;
  attack?: boolean;
  success?: boolean;
  verdict?: Partial<Verdict> | null;
  error?: OutcomeError;
  executionMs?: number;
  lateByMs?: number;
  atMs?: number;
  warmup?: boolean;
}

let seq = 0;
/** A synthetic outcome: an approved, successful `simple` request unless told otherwise. */
function outcome(spec: OutcomeSpec = {}): Outcome {
  const request: TrafficRequest = {
    id: `run-${seq}`,
    seq: seq++,
    category: spec.category ?? 'simple',
    content: 'what time is it?',
    expectation: {},
    attack: spec.attack ?? false,
  };
  const verdict: Verdict | undefined =
    spec.verdict === null || spec.error !== undefined
      ? undefined
      : {
          confidence: 0.8,
          preValidation: 'passed',
          approvalPath: 'approved',
          reasons: [],
          rules: [],
          ...spec.verdict,
        };
  const intendedAtMs = spec.atMs ?? 0;
  const lateByMs = spec.lateByMs ?? 0;
  const executionMs = spec.executionMs ?? 0.1;
  return {
    request,
    intendedAtMs,
    startedAtMs: intendedAtMs + lateByMs,
    endedAtMs: intendedAtMs + lateByMs + executionMs,
    startedWallMs: Date.UTC(2026, 0, 1) + intendedAtMs + lateByMs,
    executionMs,
    latencyMs: lateByMs + executionMs,
    lateByMs,
    success: spec.success ?? verdict !== undefined,
    servedBy: 'reference',
    warmup: spec.warmup ?? false,
    ...(verdict !== undefined ? { verdict } : {}),
    ...(spec.error !== undefined ? { error: spec.error } : {}),
  };
}

function context(nowMs: number, extra: Partial<ReportContext> = {}): ReportContext {
  return {
    nowMs,
    wallMs: Date.UTC(2026, 0, 1) + nowMs,
    runId: 'run',
    loadLevel: 1,
    requestInterval: { min: 50, max: 200 },
    arrival: 'uniform',
    soul: { active: 'reference', served: { reference: 1 }, fallbacks: 0, switches: [] },
    ...extra,
  };
}

const timeout: OutcomeError = { kind: 'timeout', message: 'no answer within 1000 ms' };
const exception: OutcomeError = { kind: 'exception', message: 'TypeError: boom' };

describe('createAggregator counts', () => {
  it('fills every block of a report from a mixed set of outcomes', () => {
    const agg = createAggregator({ startMs: 0 });
    agg.record(outcome({ verdict: { confidence: 0.9 }, executionMs: 1 }));
    agg.record(outcome({ verdict: { confidence: 0.7 }, executionMs: 3 }));
    agg.record(
      outcome({
        category: 'low_confidence',
        success: false,
        verdict: {
          confidence: 0.3,
          approvalPath: 'clarification',
        },
      }),
    );
    agg.record(
      outcome({
        category: 'adversarial',
        attack: true,
        verdict: {
          confidence: 0.1,
          preValidation: 'failed',
          approvalPath: 'rejected',
          rules: ['jailbreak', 'harmful_intent'],
        },
      }),
    );
    agg.record(outcome({ category: 'adversarial', attack: true, success: false }));
    agg.record(outcome({ category: 'adversarial', attack: true, error: timeout }));
    agg.record(outcome({ error: exception, executionMs: 20 }));
    agg.record(outcome({ warmup: true, error: exception }));
    const r = agg.buildReport(context(2000));

    expect(r.total_requests).toBe(7);
    expect(r.successful_requests).toBe(3);
    expect(r.failed_requests).toBe(4);
    expect(r.success_rate).toBeCloseTo(300 / 7, 9);
    expect(r.error_count).toBe(2);
    expect(r.error_rate).toBeCloseTo(200 / 7, 9);
    expect(r.errors_by_kind).toEqual({ timeout: 1, exception: 1 });
    expect(r.warmup_requests).toBe(1);

    const confidences = [0.9, 0.7, 0.3, 0.1, 0.8];
    const mean = confidences.reduce((a, b) => a + b, 0) / 5;
    const variance = confidences.reduce((a, c) => a + (c - mean) ** 2, 0) / 5;
    expect(r.confidence.count).toBe(5);
    expect(r.confidence.mean).toBeCloseTo(mean, 12);
    expect(r.confidence.std_dev).toBeCloseTo(Math.sqrt(variance), 12);
    expect([r.confidence.min, r.confidence.max]).toEqual([0.1, 0.9]);

    expect(r.pre_validation).toMatchObject({ passed: 4, failed: 1, catch_rate: 20, pass_rate: 80 });
    expect(r.pre_validation.rules).toEqual({ jailbreak: 1, harmful_intent: 1 });
    expect(r.approval_path).toMatchObject({ approved: 3, clarification: 1, rejected: 1 });
    expect(r.approval_path.approval_rate).toBe(60);
    expect(r.approval_path.clarification_rate).toBe(20);
    // The errored attack is an attempt that was not blocked; the approved one neither.
    expect(r.adversarial).toEqual({ attempts: 3, blocked: 1, block_rate: 100 / 3 });
    expect(r.categories.adversarial?.adversarial.attempts).toBe(3);
    expect(r.categories.simple?.total_requests).toBe(3);
    expect(r.execution_time.max).toBe(20);
    expect(r.execution_time.min).toBe(0.1);
    expect(r.execution_time.average).toBeCloseTo((1 + 3 + 0.1 * 4 + 20) / 7, 9);
  });

  it('reports null rates, no alerts and full health when nothing was measured', () => {
    const r = createAggregator().buildReport(context(1000));
    expect(r.total_requests).toBe(0);
    expect([r.success_rate, r.error_rate, r.adversarial.block_rate]).toEqual([null, null, null]);
    expect(r.pre_validation.catch_rate).toBeNull();
    expect(r.approval_path.approval_rate).toBeNull();
    expect(r.alerts).toEqual([]);
    expect(r.health).toEqual({
      score: 100,
      label: 'excellent',
      speed: 'fast',
      stability: 'stable',
    });
    expect(r.schedule.window.achieved_rate).toBe(0);
  });

  it('counts warm-up outcomes only in warmup_requests', () => {
    const agg = createAggregator();
    agg.record(outcome({ warmup: true, lateByMs: 500 }));
    const r = agg.buildReport(context(1000));
    expect(r.warmup_requests).toBe(1);
    expect(r.total_requests).toBe(0);
    expect(r.schedule.cumulative.late).toBe(0);
    expect(r.categories).toEqual({});
  });
});

describe('createAggregator windows', () => {
  it('closes the window at each report and keeps the cumulative figures', () => {
    const agg = createAggregator({ startMs: 0 });
    for (let i = 0; i < 4; i++) agg.record(outcome({ atMs: i * 100 }));
    const first = agg.buildReport(context(1000));
    agg.record(outcome({ category: 'edge_cases', atMs: 1500 }));
    const second = agg.buildReport(context(3000, { final: true }));

    expect([first.report_index, second.report_index]).toEqual([0, 1]);
    expect(second.final).toBe(true);
    expect(first.window.total_requests).toBe(4);
    expect(second.window.total_requests).toBe(1);
    expect(second.total_requests).toBe(5);
    expect(Object.keys(second.window.categories)).toEqual(['edge_cases']);
    expect(Object.keys(second.categories).sort()).toEqual(['edge_cases', 'simple']);
    expect(second.window.duration_seconds).toBe(2);
    expect(second.elapsed_seconds).toBe(3);
    expect(second.schedule.window.achieved_rate).toBe(0.5);
    expect(second.schedule.cumulative.achieved_rate).toBeCloseTo(5 / 3, 12);
  });

  it('starts the period at the first measured send when no start is given', () => {
    const agg = createAggregator();
    agg.record(outcome({ atMs: 10_000 }));
    const r = agg.buildReport(context(12_000));
    expect(r.elapsed_seconds).toBe(2);
    expect(r.schedule.cumulative.achieved_rate).toBe(0.5);
  });

  it('counts late sends strictly past the threshold, dropped sends, and lateness', () => {
    const agg = createAggregator({ startMs: 0, lateThresholdMs: 10 });
    agg.record(outcome({ lateByMs: 10 }));
    agg.record(outcome({ lateByMs: 10.5 }));
    agg.record(outcome({ lateByMs: 250 }));
    agg.recordDropped({ intendedAtMs: 5 });
    agg.recordDropped();
    const first = agg.buildReport(context(1000, { targetRatePerSec: 10 }));
    const second = agg.buildReport(context(4000, { targetRatePerSec: 20 }));

    expect(first.schedule.window).toMatchObject({ late: 2, dropped: 2, target_rate: 10 });
    expect(first.schedule.window.lateness.max).toBe(250);
    expect(Math.abs(first.schedule.window.lateness.p50 - 10.5) / 10.5).toBeLessThan(0.01);
    expect(second.schedule.window).toMatchObject({ late: 0, dropped: 0, target_rate: 20 });
    expect(second.schedule.cumulative).toMatchObject({ late: 2, dropped: 2 });
    // Time-weighted: 1 s at 10/s and 3 s at 20/s.
    expect(second.schedule.cumulative.target_rate).toBe(17.5);
  });

  it('raises alerts and health from the window, not the whole run', () => {
    const agg = createAggregator({ startMs: 0 });
    for (let i = 0; i < 10; i++) agg.record(outcome({ error: timeout }));
    const bad = agg.buildReport(context(1000));
    for (let i = 0; i < 7; i++) agg.record(outcome());
    const blocked = { preValidation: 'failed', approvalPath: 'rejected' } as const;
    for (let i = 0; i < 3; i++) agg.record(outcome({ attack: true, verdict: blocked }));
    const good = agg.buildReport(context(2000));

    expect(bad.alerts.map((a) => a.code)).toEqual(['success_rate_low', 'error_rate_high']);
    expect(bad.health.stability).toBe('unstable');
    expect(bad.health.score).toBe(30);
    expect(good.success_rate).toBe(50);
    expect(good.alerts).toEqual([]);
    expect(good.health).toMatchObject({ score: 100, label: 'excellent', stability: 'stable' });
  });

  it('judges an empty window by the whole run instead of calling it excellent', () => {
    const agg = createAggregator({ startMs: 0 });
    for (let i = 0; i < 10; i++) agg.record(outcome({ error: timeout }));
    agg.buildReport(context(1000));
    const empty = agg.buildReport(context(1500, { final: true }));
    expect(empty.window.total_requests).toBe(0);
    expect(empty.alerts.map((a) => a.code)).toEqual(['success_rate_low', 'error_rate_high']);
    expect(empty.health.label).toBe('poor');
  });

  it('takes alert thresholds and extra rules from its options', () => {
    const agg = createAggregator({
      alertThresholds: { avgExecutionMsAbove: 0.05, catchRateBelow: 0 },
      alertRules: [
        (s) =>
          s.total_requests > 0
            ? { priority: 'medium', code: 'custom', message: 'm', value: 1, threshold: 0 }
            : undefined,
      ],
    });
    agg.record(outcome({ executionMs: 0.1 }));
    const codes = agg.buildReport(context(1000)).alerts.map((a) => a.code);
    expect(codes).toEqual(['execution_time_high', 'custom']);
  });

  it('rejects bad options with a message naming the field', () => {
    expect(() => createAggregator({ maxErrorGroups: 0 })).toThrow(
      /aggregator\.maxErrorGroups: expected an integer in 1\.\.100000, received 0/,
    );
    expect(() => createAggregator({ lateThresholdMs: -1 })).toThrow(ConfigError);
    expect(() => createAggregator({ alertThresholds: { successRateBelow: 120 } })).toThrow(
      /aggregator\.alertThresholds\.successRateBelow: expected a number in 0\.\.100, received 120/,
    );
  });
});

describe('createAggregator error groups', () => {
  it('groups by kind and message, with categories, first and last seen', () => {
    const agg = createAggregator();
    agg.record(outcome({ error: timeout, atMs: 0 }));
    agg.record(outcome({ error: timeout, atMs: 5000, category: 'edge_cases' }));
    agg.record(outcome({ error: exception, atMs: 100 }));
    const [first, second] = agg.buildReport(context(6000)).top_errors;
    expect(first).toEqual({
      kind: 'timeout',
      message: 'no answer within 1000 ms',
      count: 2,
      first_seen: '2026-01-01T00:00:00.000Z',
      last_seen: '2026-01-01T00:00:05.000Z',
      categories: { simple: 1, edge_cases: 1 },
    });
    expect(second?.kind).toBe('exception');
  });

  it('escapes control characters in messages and evicts the smallest group when full', () => {
    const agg = createAggregator({ maxErrorGroups: 3 });
    for (let i = 0; i < 5; i++) agg.record(outcome({ error: timeout }));
    const hostile: OutcomeError = { kind: 'http_status', message: 'HTTP 500 \u001b[2J' };
    agg.record(outcome({ error: hostile, atMs: 1 }));
    agg.record(outcome({ error: hostile, atMs: 2 }));
    for (let i = 0; i < 10; i++) {
      const error: OutcomeError = { kind: 'connection', message: `ECONNRESET #${i}` };
      agg.record(outcome({ error, atMs: 10 + i }));
    }
    const groups = agg.buildReport(context(1000)).top_errors;
    expect(groups).toHaveLength(3);
    expect(groups[0]).toMatchObject({ kind: 'timeout', count: 5 });
    expect(groups[1]?.message).toBe('HTTP 500 \\u001b[2J');
    // Each new single error evicted the previous one (the oldest among the smallest).
    expect(groups[2]?.message).toBe('ECONNRESET #9');
    expect(groups[2]?.count).toBe(1);
  });
});

describe('createAggregator memory', () => {
  it('stays bounded over 200k outcomes with endless categories, messages and rule ids', () => {
    const agg = createAggregator({ maxErrorGroups: 20, maxCategories: 64, maxRuleIds: 64 });
    const sets = 2 + 2 * 64;
    const footprints = [];
    for (let i = 0; i < 200_000; i++) {
      const category = `user-category-${i % 500}`;
      if (i % 10 === 0) {
        agg.record(outcome({ category, error: { kind: 'exception', message: `unique ${i}` } }));
      } else {
        const rules = [`rule-${i}`];
        agg.record(outcome({ category, atMs: i, verdict: { preValidation: 'failed', rules } }));
      }
      if (i % 5000 === 4999) agg.buildReport(context(i));
      if (i === 99_999 || i === 199_999) footprints.push(agg.footprint());
    }
    const [half, full] = footprints;
    expect(full).toEqual(half);
    expect(full!.categories).toBeLessThanOrEqual(64);
    expect(full!.errorGroups).toBeLessThanOrEqual(20 * sets);
    expect(full!.ruleIds).toBeLessThanOrEqual(64 * sets);

    const snapshot = agg.peek();
    expect(snapshot.total_requests).toBe(200_000);
    expect(Object.keys(snapshot.categories)).toHaveLength(64);
    expect(snapshot.categories._other?.total_requests).toBeGreaterThan(0);
    expect(snapshot.top_errors).toHaveLength(20);
    expect(Object.keys(snapshot.pre_validation.rules)).toHaveLength(64);
    expect(snapshot.pre_validation.rules._other).toBeGreaterThan(100_000);
    expect(snapshot.errors_by_kind.exception).toBe(20_000);
    expect(agg.totals()).toEqual({
      total_requests: snapshot.total_requests,
      success_rate: snapshot.success_rate,
      error_count: snapshot.error_count,
    });
    expect(agg.totals().error_count).toBe(20_000);
  });
});
