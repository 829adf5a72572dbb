import {
  createHistogram,
  type EncodedHistogram,
  type ErrorGroup,
  type StatsBlock,
} from '@buddy/metrics';

/** One simulated request, as the test builders record it. */
export interface Sample {
  category: string;
  success: boolean;
  executionMs: number;
  latencyMs: number;
  /** null for errors (no verdict). */
  confidence: number | null;
  preValidation: 'passed' | 'failed' | null;
  approvalPath: 'approved' | 'clarification' | 'rejected' | null;
  rules: string[];
  attack: boolean;
  blocked: boolean;
  error: { kind: string; message: string } | null;
  atMs: number;
}

const EMPTY: EncodedHistogram = createHistogram().encode();

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);

/** Test-only accumulator: the statistics of a set of samples, straight from definitions. */
export class BlockBuilder {
  private readonly execution = createHistogram();
  private readonly latency = createHistogram();
  private total = 0;
  private successful = 0;
  private readonly errorsByKind: Record<string, number> = {};
  private readonly groups = new Map<string, ErrorGroup>();
  private errors = 0;
  private confidences = { count: 0, sum: 0, sumSquares: 0, min: 1, max: 0 };
  private passed = 0;
  private failed = 0;
  private readonly rules: Record<string, number> = {};
  private readonly paths = { approved: 0, clarification: 0, rejected: 0 };
  private attempts = 0;
  private blocked = 0;

  record(sample: Sample): void {
    this.total++;
    if (sample.success) this.successful++;
    this.execution.record(sample.executionMs);
    this.latency.record(sample.latencyMs);
    if (sample.error !== null) this.recordError(sample, sample.error);
    if (sample.confidence !== null) this.recordConfidence(sample.confidence);
    if (sample.preValidation === 'passed') this.passed++;
    if (sample.preValidation === 'failed') this.failed++;
    for (const rule of sample.rules) this.rules[rule] = (this.rules[rule] ?? 0) + 1;
    if (sample.approvalPath !== null) this.paths[sample.approvalPath]++;
    if (sample.attack) this.attempts++;
    if (sample.attack && sample.blocked) this.blocked++;
  }

  get count(): number {
    return this.total;
  }

  /** The statistics; `withHistograms: false` leaves them empty (cheaper, as history strips). */
  build(withHistograms = true): StatsBlock {
    const verdicts = this.passed + this.failed;
    const failedRequests = this.total - this.successful;
    return {
      total_requests: this.total,
      successful_requests: this.successful,
      failed_requests: failedRequests,
      success_rate: pct(this.successful, this.total),
      failure_rate: pct(failedRequests, this.total),
      error_count: this.errors,
      error_rate: pct(this.errors, this.total),
      errors_by_kind: { ...this.errorsByKind },
      top_errors: [...this.groups.values()]
        .map((g) => ({ ...g, categories: { ...g.categories } }))
        .sort((a, b) => b.count - a.count)
        .slice(0, 10),
      execution_time: timeOf(this.execution),
      latency: timeOf(this.latency),
      confidence: this.buildConfidence(),
      pre_validation: {
        passed: this.passed,
        failed: this.failed,
        pass_rate: pct(this.passed, verdicts),
        catch_rate: pct(this.failed, verdicts),
        rules: { ...this.rules },
      },
      approval_path: {
        ...this.paths,
        approval_rate: pct(this.paths.approved, verdicts),
        clarification_rate: pct(this.paths.clarification, verdicts),
      },
      adversarial: {
        attempts: this.attempts,
        blocked: this.blocked,
        block_rate: pct(this.blocked, this.attempts),
      },
      histograms: withHistograms
        ? { execution_time: this.execution.encode(), latency: this.latency.encode() }
        : { execution_time: EMPTY, latency: EMPTY },
    };
  }

  private recordError(sample: Sample, error: { kind: string; message: string }): void {
    this.errors++;
    this.errorsByKind[error.kind] = (this.errorsByKind[error.kind] ?? 0) + 1;
    const key = `${error.kind}\u0000${error.message}`;
    const at = new Date(sample.atMs).toISOString();
    const group = this.groups.get(key) ?? {
      kind: error.kind,
      message: error.message,
      count: 0,
      first_seen: at,
      last_seen: at,
      categories: {},
    };
    group.count++;
    group.last_seen = at;
    group.categories[sample.category] = (group.categories[sample.category] ?? 0) + 1;
    this.groups.set(key, group);
  }

  private recordConfidence(value: number): void {
    const c = this.confidences;
    c.count++;
    c.sum += value;
    c.sumSquares += value * value;
    c.min = Math.min(c.min, value);
    c.max = Math.max(c.max, value);
  }

  private buildConfidence() {
    const c = this.confidences;
    if (c.count === 0) return { count: 0, mean: 0, std_dev: 0, min: 0, max: 0 };
    const mean = c.sum / c.count;
    const variance = Math.max(0, c.sumSquares / c.count - mean * mean);
    return { count: c.count, mean, std_dev: Math.sqrt(variance), min: c.min, max: c.max };
  }
}

/** An encoding with no samples: what stripped cumulative histograms look like. */
export function emptyEncoding(): EncodedHistogram {
  return { ...EMPTY, buckets: [] };
}

function timeOf(h: ReturnType<typeof createHistogram>) {
  return {
    average: h.mean,
    min: h.min,
    max: h.max,
    p50: h.percentile(50),
    p95: h.percentile(95),
    p99: h.percentile(99),
  };
}
