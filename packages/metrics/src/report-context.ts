import type { Report, SoulSummary } from './report-types.js';

/** What a report needs that the aggregator does not know; the caller supplies it. */
export interface ReportContext {
  /** Monotonic time of the report on the run's clock, ms. */
  readonly nowMs: number;
  /** Wall-clock time of the report, epoch ms (becomes `timestamp`). */
  readonly wallMs: number;
  readonly runId: string;
  readonly loadLevel: number;
  /** Current interval of the uniform schedule, ms. */
  readonly requestInterval: { readonly min: number; readonly max: number };
  /** Arrival mode, e.g. `uniform`, `constant`, `poisson`, `closed`. */
  readonly arrival: string;
  /** Load level changes since the previous report. */
  readonly loadChanges?: Report['load_changes'];
  readonly soul: SoulSummary;
  /** Requests per second the schedule intended during this window, when known. */
  readonly targetRatePerSec?: number | null;
  /** True for the report written when the run stops. */
  readonly final?: boolean;
}
