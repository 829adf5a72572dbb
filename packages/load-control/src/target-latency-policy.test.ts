import { describe, expect, it } from 'vitest';
import {
  createTargetLatencyPolicy,
  validateTargetLatencyOptions,
} from './target-latency-policy.js';
import type { LoadInput } from './types.js';

const window = (p95ExecutionMs: number | null, requests = 100): LoadInput => ({
  averageExecutionMs: p95ExecutionMs,
  p95ExecutionMs,
  requests,
});

// Base 50–150 ms: mean 100 ms, so the base rate is exactly 10 req/s.
const base = { minMs: 50, maxMs: 150 };

describe('createTargetLatencyPolicy', () => {
  it('starts at the base interval, level 1', () => {
    const policy = createTargetLatencyPolicy({ targetP95Ms: 10, baseInterval: base });
    expect(policy.name).toBe('target-latency');
    expect(policy.level).toBe(1);
    expect(policy.interval).toEqual(base);
  });

  it('raises the rate additively while p95 stays under the target', () => {
    const policy = createTargetLatencyPolicy({ targetP95Ms: 10, baseInterval: base, increase: 5 });
    const first = policy.onReport(window(3));
    expect(first).toMatchObject({ from: 1, to: 1.5, interval: { minMs: 33.333, maxMs: 100 } });
    expect(first?.reason).toBe('p95 3 ms < target 10 ms: raise to 15 req/s');
    policy.onReport(window(3));
    expect(policy.level).toBe(2);
    expect(policy.interval).toEqual({ minMs: 25, maxMs: 75 });
  });

  it('backs off multiplicatively on a slow window, never below the base rate', () => {
    const policy = createTargetLatencyPolicy({
      targetP95Ms: 10,
      baseInterval: base,
      increase: 10,
      backoff: 0.5,
    });
    for (let i = 0; i < 3; i++) policy.onReport(window(1));
    expect(policy.level).toBe(4);
    const change = policy.onReport(window(25));
    expect(change).toMatchObject({ from: 4, to: 2, interval: { minMs: 25, maxMs: 75 } });
    expect(change?.reason).toContain('back off to 20 req/s');
    policy.onReport(window(25));
    expect(policy.level).toBe(1);
    expect(policy.onReport(window(25))).toBeUndefined();
    expect(policy.level).toBe(1);
  });

  it('holds at exactly the target and on windows without data', () => {
    const policy = createTargetLatencyPolicy({ targetP95Ms: 10, baseInterval: base });
    expect(policy.onReport(window(10))).toBeUndefined();
    expect(policy.onReport(window(null, 0))).toBeUndefined();
    expect(policy.onReport(window(1, 0))).toBeUndefined();
    expect(policy.level).toBe(1);
  });

  it('caps the rate at minIntervalMs', () => {
    const policy = createTargetLatencyPolicy({
      targetP95Ms: 10,
      baseInterval: base,
      minIntervalMs: 50,
      increase: 4,
    });
    for (let i = 0; i < 10; i++) policy.onReport(window(1));
    // 1000 / 50 ms = 20 req/s = twice the base rate.
    expect(policy.level).toBe(2);
    expect(policy.onReport(window(1))).toBeUndefined();
  });
});

describe('validateTargetLatencyOptions', () => {
  it.each([
    [{}, 'targetP95Ms: expected a number > 0, received undefined'],
    [{ targetP95Ms: 0 }, 'targetP95Ms: expected a number > 0, received 0'],
    [{ targetP95Ms: 5, backoff: 1 }, 'backoff: expected a number between 0 and 1'],
    [{ targetP95Ms: 5, increase: -1 }, 'increase: expected a number > 0, received -1'],
    [{ targetP95Ms: 5, minIntervalMs: 500 }, "minIntervalMs: expected <= the base interval's"],
  ])('rejects %j', (options, message) => {
    expect(() => validateTargetLatencyOptions(options as never)).toThrow(message);
  });
});
