import { createHistogram, type Histogram, type HistogramOptions } from './histogram.js';
import type { ScheduleSummary } from './report-types.js';

/** How well the open-loop schedule was kept over one period (the run or a window). */
export class ScheduleStats {
  private completed = 0;
  private late = 0;
  private dropped = 0;
  private readonly lateness: Histogram;

  constructor(
    private readonly lateThresholdMs: number,
    histogram: HistogramOptions,
  ) {
    this.lateness = createHistogram(histogram);
  }

  /** Records one completed send and how late it started, ms. */
  recordSend(lateByMs: number): void {
    this.completed++;
    this.lateness.record(lateByMs);
    if (lateByMs > this.lateThresholdMs) this.late++;
  }

  recordDropped(): void {
    this.dropped++;
  }

  reset(): void {
    this.completed = this.late = this.dropped = 0;
    this.lateness.reset();
  }

  /** Summary over `durationSeconds`; the achieved rate is 0 for an empty period. */
  summarize(durationSeconds: number, targetRatePerSec: number | null): ScheduleSummary {
    return {
      achieved_rate: durationSeconds > 0 ? this.completed / durationSeconds : 0,
      target_rate: targetRatePerSec,
      late: this.late,
      dropped: this.dropped,
      lateness: {
        p50: this.lateness.percentile(50),
        p99: this.lateness.percentile(99),
        max: this.lateness.max,
      },
    };
  }
}
