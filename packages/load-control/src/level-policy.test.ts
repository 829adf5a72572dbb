import { describe, expect, it } from 'vitest';
import { computeLevelInterval } from './level-interval.js';
import { createLevelPolicy, validateLevelPolicyOptions } from './level-policy.js';
import type { LoadInput, LoadPolicy } from './types.js';

const report = (averageExecutionMs: number | null, requests = 500): LoadInput => ({
  averageExecutionMs,
  p95ExecutionMs: averageExecutionMs === null ? null : averageExecutionMs * 2,
  requests,
});

/** Feeds averages in order; returns the level after each. */
function feed(policy: LoadPolicy, averagesMs: (number | null)[]): number[] {
  return averagesMs.map((avg) => {
    policy.onReport(report(avg));
    return policy.level;
  });
}

describe('createLevelPolicy (adaptive)', () => {
  it('starts at level 1 with the 50–200 ms interval', () => {
    const policy = createLevelPolicy();
    expect(policy.level).toBe(1);
    expect(policy.interval).toEqual({ minMs: 50, maxMs: 200 });
  });

  it('climbs after exactly three fast reports, not two', () => {
    const policy = createLevelPolicy();
    expect(policy.onReport(report(0.1))).toBeUndefined();
    expect(policy.onReport(report(0.1))).toBeUndefined();
    expect(policy.level).toBe(1);
    const change = policy.onReport(report(0.1));
    expect(change).toEqual({
      from: 1,
      to: 2,
      interval: { minMs: 35, maxMs: 135 },
      reason: expect.stringContaining('3 reports in a row'),
    });
    expect(policy.level).toBe(2);
  });

  it('needs a fresh streak of three after each move and stops at level 3', () => {
    const policy = createLevelPolicy();
    expect(feed(policy, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 2, 2, 2, 3, 3, 3, 3]);
    expect(policy.interval).toEqual({ minMs: 20, maxMs: 100 });
  });

  it('resets the streak on a report that is not under 2 ms', () => {
    const policy = createLevelPolicy();
    expect(feed(policy, [1, 1, 3, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('counts exactly 2 ms as not fast', () => {
    const policy = createLevelPolicy();
    expect(feed(policy, [2, 2, 2, 1.99, 1.99])).toEqual([1, 1, 1, 1, 1]);
    expect(feed(policy, [1.99])).toEqual([2]);
  });

  it('drops one level on a single slow report, but not at exactly 5 ms', () => {
    const policy = createLevelPolicy({ startLevel: 3 });
    expect(policy.onReport(report(5))).toBeUndefined();
    expect(policy.level).toBe(3);
    const change = policy.onReport(report(5.01));
    expect(change?.from).toBe(3);
    expect(change?.to).toBe(2);
    expect(change?.interval).toEqual({ minMs: 35, maxMs: 135 });
    expect(change?.reason).toContain('> 5 ms');
    expect(feed(policy, [8, 8])).toEqual([1, 1]);
  });

  it('ignores windows without answers: no move and no streak reset', () => {
    const policy = createLevelPolicy();
    feed(policy, [1, 1]);
    expect(policy.onReport(report(null, 0))).toBeUndefined();
    expect(
      policy.onReport({ averageExecutionMs: 0.1, p95ExecutionMs: 0.2, requests: 0 }),
    ).toBeUndefined();
    expect(feed(policy, [1])).toEqual([2]);
  });

  it('honours custom thresholds', () => {
    const policy = createLevelPolicy({ upAfter: 1, upBelowMs: 10, downAboveMs: 20 });
    expect(feed(policy, [9, 15, 21])).toEqual([2, 2, 1]);
  });
});

describe('createLevelPolicy (pinned and off)', () => {
  it('pinned holds its level whatever the reports say', () => {
    const policy = createLevelPolicy({ mode: 'pinned', startLevel: 2 });
    expect(feed(policy, [0.1, 0.1, 0.1, 0.1, 50, 50])).toEqual([2, 2, 2, 2, 2, 2]);
    expect(policy.interval).toEqual({ minMs: 35, maxMs: 135 });
  });

  it('off stays at level 1 with the base interval', () => {
    const base = { minMs: 10, maxMs: 40 };
    const policy = createLevelPolicy({ mode: 'off', startLevel: 3, baseInterval: base });
    expect(feed(policy, [0.1, 0.1, 0.1, 0.1])).toEqual([1, 1, 1, 1]);
    expect(policy.interval).toEqual(base);
  });
});

describe('level intervals', () => {
  it('scales a user interval by the table ratios', () => {
    const base = { minMs: 100, maxMs: 400 };
    expect(computeLevelInterval(base, 1)).toEqual({ minMs: 100, maxMs: 400 });
    expect(computeLevelInterval(base, 2)).toEqual({ minMs: 70, maxMs: 270 });
    expect(computeLevelInterval(base, 3)).toEqual({ minMs: 40, maxMs: 200 });
  });

  it('keeps fractional results clean', () => {
    expect(computeLevelInterval({ minMs: 33, maxMs: 77 }, 2)).toEqual({
      minMs: 23.1,
      maxMs: 51.975,
    });
  });

  it('reports a user interval through the policy', () => {
    const policy = createLevelPolicy({ baseInterval: { minMs: 10, maxMs: 50 }, upAfter: 1 });
    expect(policy.onReport(report(0.5))?.interval).toEqual({ minMs: 7, maxMs: 33.75 });
  });
});

describe('validateLevelPolicyOptions', () => {
  it.each([
    [{ startLevel: 4 }, 'startLevel: expected an integer in 1..3, received 4'],
    [{ startLevel: 1.5 }, 'startLevel: expected an integer in 1..3, received 1.5'],
    [{ mode: 'auto' }, 'mode: expected one of adaptive, pinned, off, received "auto"'],
    [{ upAfter: 0 }, 'upAfter: expected an integer >= 1, received 0'],
    [{ upBelowMs: Number.NaN }, 'upBelowMs: expected a number >= 0, received NaN'],
    [{ downAboveMs: 1 }, 'downAboveMs: expected >= upBelowMs (2), received 1'],
    [{ baseInterval: { minMs: 200, maxMs: 50 } }, 'baseInterval: expected maxMs > 0'],
    [{ baseInterval: { minMs: -1, maxMs: 50 } }, 'baseInterval.minMs: expected a number >= 0'],
  ])('rejects %j', (options, message) => {
    expect(() => validateLevelPolicyOptions(options as never)).toThrow(message);
  });

  it('throws errors with the CONFIG_INVALID code', () => {
    try {
      createLevelPolicy({ startLevel: 0 });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'LoadConfigError', code: 'CONFIG_INVALID' });
    }
  });
});
