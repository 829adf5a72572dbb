import { ConfigError } from '@buddy/traffic-core';

/** When reports are due (SPEC 4.2): every N requests or every S seconds, whichever first. */
export interface ReportCadenceOptions {
  /** Requests per report. Default 500; Infinity turns the count trigger off. */
  readonly everyRequests?: number;
  /** Seconds per report on the injected clock. Default 300; Infinity turns it off. */
  readonly everySeconds?: number;
  /** Monotonic time the first period starts, ms. Default 0. */
  readonly startMs?: number;
}

export interface ReportCadence {
  /** Counts one request towards the next report. */
  recordRequest(): void;
  /** True when enough requests or time have passed since the last report. */
  isDue(nowMs: number): boolean;
  /** Milliseconds until the time trigger fires (0 when due; Infinity when off). */
  msUntilDue(nowMs: number): number;
  /** Starts a new period at `nowMs`. */
  markReported(nowMs: number): void;
  /** Requests counted since the last report. */
  readonly requestsSinceReport: number;
}

function checkPositive(field: string, value: number, integer: boolean): number {
  const ok = value === Number.POSITIVE_INFINITY || (value > 0 && Number.isFinite(value));
  if (!ok || (integer && Number.isFinite(value) && !Number.isInteger(value))) {
    const expected = integer ? 'a positive integer' : 'a positive number';
    throw new ConfigError(`${field}: expected ${expected} or Infinity, received ${value}`);
  }
  return value;
}

/** Creates a cadence; throws ConfigError naming the bad option. */
export function createReportCadence(options: ReportCadenceOptions = {}): ReportCadence {
  const everyRequests = checkPositive('report.everyRequests', options.everyRequests ?? 500, true);
  const everySeconds = checkPositive('report.everySeconds', options.everySeconds ?? 300, false);
  const everyMs = everySeconds * 1000;
  let count = 0;
  let lastMs = options.startMs ?? 0;

  const msUntilDue = (nowMs: number): number => Math.max(0, lastMs + everyMs - nowMs);
  return {
    recordRequest: () => {
      count++;
    },
    isDue: (nowMs) => count >= everyRequests || msUntilDue(nowMs) === 0,
    msUntilDue,
    markReported: (nowMs) => {
      count = 0;
      lastMs = nowMs;
    },
    get requestsSinceReport() {
      return count;
    },
  };
}
