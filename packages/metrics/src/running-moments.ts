import type { ConfidenceSummary } from './report-types.js';

/** Streaming count, mean, population variance, min and max (Welford's method). */
export class RunningMoments {
  private n = 0;
  private meanValue = 0;
  private m2 = 0;
  private minValue = Number.POSITIVE_INFINITY;
  private maxValue = Number.NEGATIVE_INFINITY;

  get count(): number {
    return this.n;
  }

  /** Adds one value; NaN is ignored so one bad answer cannot poison the moments. */
  add(value: number): void {
    if (Number.isNaN(value)) return;
    this.n++;
    const delta = value - this.meanValue;
    this.meanValue += delta / this.n;
    this.m2 += delta * (value - this.meanValue);
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
  }

  reset(): void {
    this.n = 0;
    this.meanValue = 0;
    this.m2 = 0;
    this.minValue = Number.POSITIVE_INFINITY;
    this.maxValue = Number.NEGATIVE_INFINITY;
  }

  /** Summary with population standard deviation; all zeros when empty. */
  summarize(): ConfidenceSummary {
    if (this.n === 0) return { count: 0, mean: 0, std_dev: 0, min: 0, max: 0 };
    return {
      count: this.n,
      mean: this.meanValue,
      std_dev: Math.sqrt(Math.max(0, this.m2 / this.n)),
      min: this.minValue,
      max: this.maxValue,
    };
  }
}
