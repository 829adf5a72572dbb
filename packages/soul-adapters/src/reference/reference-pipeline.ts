import {
  type Clock,
  ConfigError,
  createRandom,
  createSystemClock,
  type EvaluateOptions,
  type MaybePromise,
  type Random,
  type ServedVerdict,
  type Target,
  type TargetRequest,
} from '@buddy/traffic-core';
import { evaluateContent } from './evaluate-content.js';
import { createLogNormalSampler, type LatencyDistribution } from './log-normal.js';
import { waitOnClock } from './wait-on-clock.js';

/** Options of the reference pipeline; without any, it answers synchronously and never fails. */
export interface ReferencePipelineOptions {
  /** Injected latency: log-normal with this median and 99th percentile, in ms. */
  readonly latency?: LatencyDistribution;
  /** Share of evaluations that throw an injected error, in 0..1 (default 0). */
  readonly errorRate?: number;
  /** Random source of injected latency and errors (default: seed 0). */
  readonly random?: Random;
  /** Clock whose timers injected latency waits on (default: the system clock). */
  readonly clock?: Clock;
}

/**
 * Creates the built-in reference pipeline as a Target named `reference`. It decides from
 * `request.content` alone (see `evaluateContent`); the category is ignored.
 * @throws ConfigError when an option is out of range.
 */
export function createReferencePipeline(options: ReferencePipelineOptions = {}): Target {
  validateOptions(options);
  const errorRate = options.errorRate ?? 0;
  const random = options.random ?? createRandom(0);
  const clock = options.latency === undefined ? undefined : (options.clock ?? createSystemClock());
  const sampleDelayMs =
    options.latency === undefined ? undefined : createLogNormalSampler(options.latency, random);

  const answer = (content: string): ServedVerdict => {
    if (errorRate > 0 && random.chance(errorRate)) {
      throw new Error(`reference pipeline: injected error (errorRate ${errorRate})`);
    }
    return evaluateContent(content);
  };

  return {
    name: 'reference',
    // Without injected latency it answers (or throws) at once: no promise per request.
    evaluate(request: TargetRequest, { signal }: EvaluateOptions): MaybePromise<ServedVerdict> {
      if (signal.aborted) throw signal.reason;
      if (clock === undefined || sampleDelayMs === undefined) return answer(request.content);
      return waitOnClock(clock, sampleDelayMs(), signal).then(() => answer(request.content));
    },
  };
}

function validateOptions({ latency, errorRate }: ReferencePipelineOptions): void {
  if (errorRate !== undefined && !(isFiniteNumber(errorRate) && errorRate >= 0 && errorRate <= 1)) {
    throw optionError('errorRate', 'a number between 0 and 1', errorRate);
  }
  if (latency === undefined) return;
  const { medianMs, p99Ms } = latency;
  if (!(isFiniteNumber(medianMs) && medianMs > 0)) {
    throw optionError('latency.medianMs', 'a finite number of ms above 0', medianMs);
  }
  if (!(isFiniteNumber(p99Ms) && p99Ms >= medianMs)) {
    throw optionError('latency.p99Ms', `a finite number of ms >= medianMs (${medianMs})`, p99Ms);
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function optionError(field: string, expected: string, received: unknown): ConfigError {
  const shown = typeof received === 'string' ? JSON.stringify(received) : String(received);
  return new ConfigError(
    `reference pipeline option ${field}: expected ${expected}, received ${shown}`,
  );
}
