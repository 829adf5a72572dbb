/** Two-sided interval of a proportion, in percent. */
export interface ProportionInterval {
  low: number;
  high: number;
  /** Confidence level of the interval, e.g. 0.95. */
  level: number;
}

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `trials` (95% by default), in percent.
 * Unlike the normal approximation it stays inside 0..100 and is honest for small samples.
 * Returns null when there were no trials.
 */
export function wilsonInterval(
  successes: number,
  trials: number,
  z = Z_95,
): ProportionInterval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth =
    (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    low: Math.max(0, centre - halfWidth) * 100,
    high: Math.min(1, centre + halfWidth) * 100,
    level: z === Z_95 ? 0.95 : levelOf(z),
  };
}

/** Two-sided confidence level for a z value (erf approximation, Abramowitz-Stegun 7.1.26). */
function levelOf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return 1 - poly * Math.exp(-x * x);
}
