import {
  createLevelPolicy,
  createTargetLatencyPolicy,
  type LoadInterval,
  type LoadPolicy,
} from '@buddy/load-control';
import {
  type ArrivalSchedule,
  type ClosedLoop,
  createConstantArrival,
  createPoissonArrival,
  createUniformArrival,
  type Random,
} from '@buddy/traffic-core';
import type { SimulatorOptions } from './options.js';

/** The load policy named by the flags; it only steers the uniform arrival. */
export function buildLoadPolicy(options: SimulatorOptions): LoadPolicy {
  const baseInterval = { minMs: options.intervalMinMs, maxMs: options.intervalMaxMs };
  if (baseInterval.maxMs === 0 && options.loadPolicy === 'levels') {
    // Zero interval: closed loop, nothing to steer.
    return { name: 'fixed', level: 1, interval: baseInterval, onReport: () => undefined };
  }
  if (options.loadPolicy === 'target-latency') {
    return createTargetLatencyPolicy({ targetP95Ms: options.targetP95Ms as number, baseInterval });
  }
  const steerable = options.arrival === 'uniform' && options.concurrency === undefined;
  const mode =
    options.loadLevel !== undefined ? 'pinned' : options.adapt && steerable ? 'adaptive' : 'off';
  return createLevelPolicy({
    baseInterval,
    mode,
    startLevel: options.loadLevel ?? options.startLevel ?? 1,
  });
}

/** The arrival schedule and how a load change reaches it. */
export interface ArrivalSetup {
  readonly name: string;
  /** How sends are paced, in words, for the banner. */
  readonly description: string;
  readonly schedule: ArrivalSchedule | ClosedLoop;
  targetRatePerSec(): number | null;
  apply(interval: LoadInterval): void;
}

/**
 * Builds the arrival from the flags. A zero interval has no schedule to keep, so it runs
 * closed-loop with one worker: each request is sent as soon as the previous one is answered.
 */
export function buildArrival(
  options: SimulatorOptions,
  policy: LoadPolicy,
  random: Random,
): ArrivalSetup {
  const closed = (concurrency: number, why = ''): ArrivalSetup => ({
    name: 'closed',
    description: `closed loop, ${concurrency} worker${concurrency === 1 ? '' : 's'}${why}`,
    schedule: { mode: 'closed', concurrency },
    targetRatePerSec: () => null,
    apply: () => {},
  });
  if (options.concurrency !== undefined) return closed(options.concurrency);
  if (options.arrival === 'constant' || options.arrival === 'poisson') {
    const ratePerSec = options.ratePerSec as number;
    const schedule =
      options.arrival === 'constant'
        ? createConstantArrival({ ratePerSec })
        : createPoissonArrival({ ratePerSec, random });
    return {
      name: options.arrival,
      description: `${options.arrival} ${ratePerSec} req/s (open loop)`,
      schedule,
      targetRatePerSec: () => ratePerSec,
      apply: () => {},
    };
  }
  const { minMs, maxMs } = policy.interval;
  if (maxMs === 0) return closed(1, ' (zero interval)');
  const uniform = createUniformArrival({ minMs, maxMs, random });
  return {
    name: 'uniform',
    description: `uniform ${minMs}-${maxMs}ms (open loop)`,
    schedule: uniform,
    targetRatePerSec: () => uniform.targetRatePerSec(),
    apply: (interval) => uniform.setInterval(interval.minMs, interval.maxMs),
  };
}
