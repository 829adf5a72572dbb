/** A request interval range, milliseconds between sends (uniform in [minMs, maxMs]). */
export interface LoadInterval {
  readonly minMs: number;
  readonly maxMs: number;
}

/** What a policy learns from one report window. */
export interface LoadInput {
  /** Average execution time of the window, ms; null when the window had no answers. */
  averageExecutionMs: number | null;
  /** 95th percentile execution time of the window, ms; null when there is no data. */
  p95ExecutionMs: number | null;
  /** Requests completed in the window. */
  requests: number;
}

/** A move of the load level, to print and to record in the next report. */
export interface LoadChange {
  from: number;
  to: number;
  /** The interval that applies from now on. */
  interval: LoadInterval;
  /** Why it moved, in words (e.g. "average 6.1 ms > 5 ms"). */
  reason: string;
}

/** A load policy: reads each report window and may change the level and interval. */
export interface LoadPolicy {
  /** Short name, e.g. `levels` or `target-latency`. */
  readonly name: string;
  /** Current level (1..3 for the level policy; a derived number for other policies). */
  readonly level: number;
  /** Current request interval. */
  readonly interval: LoadInterval;
  /** Feeds one report window; returns the change it caused, if any. */
  onReport(input: LoadInput): LoadChange | undefined;
}
