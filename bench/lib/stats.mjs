/** Small statistics helpers over plain number arrays. */

/** Median of the values; NaN when empty. */
export function median(values) {
  return quantile(values, 0.5);
}

/** Quantile q in 0..1 by linear interpolation between closest ranks; NaN when empty. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** Largest value; NaN when empty. */
export function maximum(values) {
  let best = Number.NaN;
  for (const v of values) if (!(v <= best)) best = v;
  return best;
}

/** p50, p99 and max of the values, ms. */
export function summarizeMs(values) {
  return { p50: quantile(values, 0.5), p99: quantile(values, 0.99), max: maximum(values) };
}

/** CPU time (user + system) this process has used so far, µs. */
export function processCpuMicros() {
  const { user, system } = process.cpuUsage();
  return user + system;
}
