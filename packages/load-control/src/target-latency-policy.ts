import { DEFAULT_BASE_INTERVAL, validateInterval } from './level-interval.js';
import { describeValue, LoadConfigError, requirePositiveNumber } from './load-config-error.js';
import type { LoadChange, LoadInput, LoadInterval, LoadPolicy } from './types.js';

/** Options of the target-latency (AIMD) policy. */
export interface TargetLatencyOptions {
  /** The p95 execution time to stay under, ms. */
  targetP95Ms: number;
  /** The starting interval, and the slowest the policy ever goes, ms (default 50–200). */
  baseInterval?: LoadInterval;
  /** Smallest mean interval between sends, ms: caps the rate (default 1 ms = 1000 req/s). */
  minIntervalMs?: number;
  /** Additive step of the request rate per fast report, requests per second (default 2). */
  increase?: number;
  /** Multiplier of the rate on a slow report, in (0, 1) (default 0.5). */
  backoff?: number;
}

type ResolvedTargetOptions = Required<TargetLatencyOptions>;

/** Checks the options and fills in defaults; throws LoadConfigError naming the bad field. */
export function validateTargetLatencyOptions(options: TargetLatencyOptions): ResolvedTargetOptions {
  if (typeof options !== 'object' || options === null) {
    throw new LoadConfigError(
      'target-latency options: expected an object with targetP95Ms, ' +
        `received ${describeValue(options)}`,
    );
  }
  const resolved: ResolvedTargetOptions = {
    targetP95Ms: options.targetP95Ms,
    baseInterval: validateInterval('baseInterval', options.baseInterval ?? DEFAULT_BASE_INTERVAL),
    minIntervalMs: options.minIntervalMs ?? 1,
    increase: options.increase ?? 2,
    backoff: options.backoff ?? 0.5,
  };
  requirePositiveNumber('targetP95Ms', resolved.targetP95Ms);
  requirePositiveNumber('minIntervalMs', resolved.minIntervalMs);
  requirePositiveNumber('increase', resolved.increase);
  const { backoff } = resolved;
  if (typeof backoff !== 'number' || !(backoff > 0 && backoff < 1)) {
    throw new LoadConfigError(
      `backoff: expected a number between 0 and 1 (exclusive), received ${describeValue(backoff)}`,
    );
  }
  const baseMeanMs = meanOf(resolved.baseInterval);
  if (resolved.minIntervalMs > baseMeanMs) {
    throw new LoadConfigError(
      `minIntervalMs: expected <= the base interval's mean (${baseMeanMs} ms), ` +
        `received ${resolved.minIntervalMs}`,
    );
  }
  return resolved;
}

const meanOf = (interval: LoadInterval): number => (interval.minMs + interval.maxMs) / 2;
const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const formatMs = (ms: number): string => `${round(ms, 2)} ms`;

/**
 * Creates an AIMD controller of the request rate: it adds `increase` req/s after each report
 * whose p95 is under the target and multiplies the rate by `backoff` after one above it.
 * The interval keeps the base's shape, scaled; `level` is the rate relative to the base (≥ 1).
 */
export function createTargetLatencyPolicy(options: TargetLatencyOptions): LoadPolicy {
  const config = validateTargetLatencyOptions(options);
  const baseRatePerSec = 1000 / meanOf(config.baseInterval);
  const maxRatePerSec = Math.max(baseRatePerSec, 1000 / config.minIntervalMs);
  let ratePerSec = baseRatePerSec;

  const levelOf = (rate: number): number => round(rate / baseRatePerSec, 2);
  const intervalOf = (rate: number): LoadInterval => {
    const scale = baseRatePerSec / rate;
    return {
      minMs: round(config.baseInterval.minMs * scale, 3),
      maxMs: round(config.baseInterval.maxMs * scale, 3),
    };
  };

  const nextRate = (p95Ms: number): number => {
    if (p95Ms < config.targetP95Ms) return Math.min(maxRatePerSec, ratePerSec + config.increase);
    if (p95Ms > config.targetP95Ms) return Math.max(baseRatePerSec, ratePerSec * config.backoff);
    return ratePerSec;
  };

  const describeMove = (p95Ms: number, to: number): string => {
    const relation = p95Ms < config.targetP95Ms ? '<' : '>';
    const verb = to > ratePerSec ? 'raise' : 'back off';
    return (
      `p95 ${formatMs(p95Ms)} ${relation} target ${formatMs(config.targetP95Ms)}: ` +
      `${verb} to ${round(to, 2)} req/s`
    );
  };

  return {
    name: 'target-latency',
    get level() {
      return levelOf(ratePerSec);
    },
    get interval() {
      return intervalOf(ratePerSec);
    },
    onReport(input: LoadInput): LoadChange | undefined {
      const p95Ms = input.p95ExecutionMs;
      if (input.requests <= 0 || p95Ms === null || !Number.isFinite(p95Ms)) return undefined;
      const to = nextRate(p95Ms);
      if (to === ratePerSec) return undefined;
      const change = {
        from: levelOf(ratePerSec),
        to: levelOf(to),
        interval: intervalOf(to),
        reason: describeMove(p95Ms, to),
      };
      ratePerSec = to;
      return change;
    },
  };
}
