import { describe, expect, it } from 'vitest';
import { createAggregator } from './aggregator.js';
import { computeHealth, labelHealth, rateSpeed, rateStability, scoreHealth } from './health.js';
import type { Alert } from './report-types.js';

const alert = (priority: Alert['priority']): Alert => ({
  priority,
  code: 'x',
  message: 'x',
  value: 0,
  threshold: 0,
});

describe('health', () => {
  it('scores 0.4·success + 0.3·(100 − error) + 0.3·block', () => {
    expect(scoreHealth(100, 0, 100)).toBe(100);
    expect(scoreHealth(90, 10, 50)).toBe(36 + 27 + 15);
    expect(scoreHealth(0, 100, 0)).toBe(0);
  });

  it('treats no data as healthy: success 100, errors 0, block 100', () => {
    expect(scoreHealth(null, null, null)).toBe(100);
    expect(scoreHealth(80, 20, null)).toBe(32 + 24 + 30);
  });

  it('labels at the boundaries: 95 excellent, 85 good, 70 fair, else poor', () => {
    expect([labelHealth(95), labelHealth(94.99)]).toEqual(['excellent', 'good']);
    expect([labelHealth(85), labelHealth(84.99)]).toEqual(['good', 'fair']);
    expect([labelHealth(70), labelHealth(69.99)]).toEqual(['fair', 'poor']);
  });

  it('labels scores landing on a boundary despite float arithmetic', () => {
    // 0.4·87.5 + 0.3·100 + 0.3·100 = 95 exactly on paper.
    expect(scoreHealth(87.5, 0, 100)).toBe(95);
    expect(labelHealth(scoreHealth(87.5, 0, 100))).toBe('excellent');
  });

  it('rates speed: < 1 fast, < 3 normal, < 5 slow, else critical', () => {
    expect([rateSpeed(0.99), rateSpeed(1)]).toEqual(['fast', 'normal']);
    expect([rateSpeed(2.99), rateSpeed(3)]).toEqual(['normal', 'slow']);
    expect([rateSpeed(4.99), rateSpeed(5)]).toEqual(['slow', 'critical']);
  });

  it('rates stability from alerts: any high unstable, medium only degraded', () => {
    expect(rateStability([])).toBe('stable');
    expect(rateStability([alert('medium')])).toBe('degraded');
    expect(rateStability([alert('medium'), alert('high')])).toBe('unstable');
  });

  it('computes the health of an empty window as excellent, fast and stable', () => {
    expect(computeHealth(createAggregator().peek())).toEqual({
      score: 100,
      label: 'excellent',
      speed: 'fast',
      stability: 'stable',
    });
  });
});
