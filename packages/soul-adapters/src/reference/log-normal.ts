import type { Random } from '@buddy/traffic-core';

/** z-score of the 99th percentile of the standard normal distribution. */
const Z_P99 = 2.3263478740408408;

/** A log-normal latency distribution given by its median and 99th percentile, in ms. */
export interface LatencyDistribution {
  readonly medianMs: number;
  readonly p99Ms: number;
}

/** Returns a sampler of log-normal delays in ms, drawing from `random` (Box-Muller). */
export function createLogNormalSampler(
  { medianMs, p99Ms }: LatencyDistribution,
  random: Random,
): () => number {
  const mu = Math.log(medianMs);
  const sigma = (Math.log(p99Ms) - mu) / Z_P99;
  return () => {
    // 1 - next() is in (0, 1], so the logarithm stays finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
    const normal = radius * Math.cos(2 * Math.PI * random.next());
    return Math.exp(mu + sigma * normal);
  };
}
