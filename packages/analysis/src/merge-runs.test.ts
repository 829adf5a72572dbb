import { createHistogram } from '@buddy/metrics';
import { describe, expect, it } from 'vitest';
import { combineConfidence } from './confidence-moments.js';
import { mergeRuns } from './merge-runs.js';
import { mediumRun } from './testing/fixtures.js';
import { createSeeded } from './testing/sample-traffic.js';

const asInput = (run: ReturnType<typeof mediumRun>, source: string) => ({
  source,
  file: run.file,
  history: run.history,
});

describe('mergeRuns', () => {
  const a = mediumRun('run-a', 1);
  const b = mediumRun('run-b', 2);

  it('gives union percentiles equal to one histogram of all samples', () => {
    const merged = mergeRuns([asInput(a, 'a.json'), asInput(b, 'b.json')]);
    const oracle = createHistogram();
    for (const ms of [...a.executionMs, ...b.executionMs]) oracle.record(ms);

    expect(merged.total.total_requests).toBe(12_000);
    expect(merged.total.execution_time.p50).toBe(oracle.percentile(50));
    expect(merged.total.execution_time.p95).toBe(oracle.percentile(95));
    expect(merged.total.execution_time.p99).toBe(oracle.percentile(99));
    expect(merged.total.execution_time.max).toBe(oracle.max);
    expect(merged.total.execution_time.average).toBeCloseTo(oracle.mean, 9);
    expect(merged.percentiles_exact).toBe(true);
  });

  it('adds counts and recomputes rates', () => {
    const merged = mergeRuns([asInput(a, 'a.json'), asInput(b, 'b.json')]);
    const lastA = a.file.reports.at(-1)!;
    const lastB = b.file.reports.at(-1)!;
    const attempts = lastA.adversarial.attempts + lastB.adversarial.attempts;
    expect(merged.total.adversarial.attempts).toBe(attempts);
    expect(merged.total.pre_validation.failed).toBe(
      lastA.pre_validation.failed + lastB.pre_validation.failed,
    );
    expect(merged.total.success_rate).toBe(100);
    expect(merged.timeline).toHaveLength(120);
    expect(Object.keys(merged.categories)).toHaveLength(8);
  });

  it('cuts a time range from the windows of the history', () => {
    const since = new Date(a.history[29]!.timestamp);
    const merged = mergeRuns([asInput(a, 'a.json')], { since });
    expect(merged.timeline).toHaveLength(31);
    expect(merged.total.total_requests).toBe(3_100);
    expect(merged.range.since).toBe(since.toISOString());
  });

  it('counts a run given twice once, and says so', () => {
    const merged = mergeRuns([asInput(a, 'a.json'), asInput(a, 'copy.json')]);
    expect(merged.total.total_requests).toBe(6_000);
    expect(merged.warnings).toEqual(['copy.json repeats run run-a of a.json; counted once']);
  });

  it('uses recent reports when there is no history', () => {
    const merged = mergeRuns([{ source: 'a.json', file: a.file, history: [] }]);
    expect(merged.timeline).toHaveLength(60);
    expect(merged.total.total_requests).toBe(6_000);
  });
});

describe('combineConfidence', () => {
  it('matches the population moments of all values, within float error', () => {
    const random = createSeeded(7);
    for (let trial = 0; trial < 50; trial++) {
      const groups = Array.from({ length: 1 + Math.floor(random() * 5) }, () =>
        Array.from({ length: Math.floor(random() * 40) }, () => random()),
      );
      const all = groups.flat();
      const combined = combineConfidence(groups.map(momentsOf));
      const naive = momentsOf(all);
      expect(combined.count).toBe(naive.count);
      expect(combined.mean).toBeCloseTo(naive.mean, 12);
      expect(combined.std_dev).toBeCloseTo(naive.std_dev, 12);
      expect(combined.min).toBe(naive.min);
      expect(combined.max).toBe(naive.max);
    }
  });
});

function momentsOf(values: number[]) {
  if (values.length === 0) return { count: 0, mean: 0, std_dev: 0, min: 0, max: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return {
    count: values.length,
    mean,
    std_dev: Math.sqrt(variance),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
