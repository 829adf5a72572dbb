import type { ConfidenceSummary } from '@buddy/metrics';

/**
 * Combines population moments of several groups exactly: the pooled variance is the
 * count-weighted mean of each group's variance plus the spread of the group means.
 */
export function combineConfidence(parts: readonly ConfidenceSummary[]): ConfidenceSummary {
  const filled = parts.filter((p) => p.count > 0);
  const count = filled.reduce((sum, p) => sum + p.count, 0);
  if (count === 0) return { count: 0, mean: 0, std_dev: 0, min: 0, max: 0 };

  const mean = filled.reduce((sum, p) => sum + p.count * p.mean, 0) / count;
  const sumSquares = filled.reduce(
    (sum, p) => sum + p.count * (p.std_dev * p.std_dev + (p.mean - mean) ** 2),
    0,
  );
  return {
    count,
    mean,
    std_dev: Math.sqrt(Math.max(0, sumSquares / count)),
    min: Math.min(...filled.map((p) => p.min)),
    max: Math.max(...filled.map((p) => p.max)),
  };
}
