import { isBlocked, type Outcome, type Verdict } from '@buddy/traffic-core';
import { BoundedCounts } from './bounded-counts.js';
import { ErrorGroups } from './error-groups.js';
import { createHistogram, type Histogram, type HistogramOptions } from './histogram.js';
import { percentOf } from './rates.js';
import type { StatsBlock } from './report-types.js';
import { RunningMoments } from './running-moments.js';
import { summarizeHistogram } from './summarize-histogram.js';

/** Headline counters of a run, cheap enough to read every second. */
export interface RunTotals {
  readonly total_requests: number;
  /** Percent, or null before the first request. */
  readonly success_rate: number | null;
  readonly error_count: number;
}

/** Bounds on what one set of statistics may keep. */
export interface StatsLimits {
  readonly maxErrorGroups: number;
  /** Distinct categories named per error group. */
  readonly maxCategories: number;
  readonly maxRuleIds: number;
  readonly histogram: HistogramOptions;
}

// Kinds are a small fixed union today; the bound only guards against adapters inventing more.
const MAX_ERROR_KINDS = 32;

/**
 * The running statistics of one set of requests (the run, a window, or one category of
 * either). Recording is O(1) and allocates nothing on the success path.
 */
export class StatsAccumulator {
  private total = 0;
  private successful = 0;
  private errors = 0;
  private readonly errorsByKind: BoundedCounts;
  private readonly errorGroups: ErrorGroups;
  private readonly execution: Histogram;
  private readonly latency: Histogram;
  private readonly confidence = new RunningMoments();
  private passed = 0;
  private failed = 0;
  private readonly rules: BoundedCounts;
  private approved = 0;
  private clarification = 0;
  private rejected = 0;
  private attempts = 0;
  private blocked = 0;

  constructor(limits: StatsLimits) {
    this.errorsByKind = new BoundedCounts(MAX_ERROR_KINDS);
    this.errorGroups = new ErrorGroups(limits.maxErrorGroups, limits.maxCategories);
    this.execution = createHistogram(limits.histogram);
    this.latency = createHistogram(limits.histogram);
    this.rules = new BoundedCounts(limits.maxRuleIds);
  }

  get count(): number {
    return this.total;
  }

  /** The headline counters, without building a block. */
  totals(): RunTotals {
    return {
      total_requests: this.total,
      success_rate: percentOf(this.successful, this.total),
      error_count: this.errors,
    };
  }

  /** Distinct error groups and rule ids held (for footprint checks). */
  get trackedKeys(): { errorGroups: number; ruleIds: number } {
    return { errorGroups: this.errorGroups.size, ruleIds: this.rules.size };
  }

  record(outcome: Outcome): void {
    this.total++;
    if (outcome.success) this.successful++;
    const { error, verdict, request } = outcome;
    if (error !== undefined) {
      this.errors++;
      this.errorsByKind.add(error.kind);
      const endedWallMs = outcome.startedWallMs + outcome.executionMs;
      this.errorGroups.add(error.kind, error.message, request.category, endedWallMs);
    }
    this.execution.record(outcome.executionMs);
    this.latency.record(outcome.latencyMs);
    if (verdict !== undefined) this.recordVerdict(verdict);
    // An attack that errored was never decided: an attempt, not a block (see aggregator docs).
    if (request.attack) {
      this.attempts++;
      if (verdict !== undefined && isBlocked(verdict)) this.blocked++;
    }
  }

  reset(): void {
    this.total = this.successful = this.errors = 0;
    this.errorsByKind.clear();
    this.errorGroups.clear();
    this.execution.reset();
    this.latency.reset();
    this.confidence.reset();
    this.passed = this.failed = 0;
    this.rules.clear();
    this.approved = this.clarification = this.rejected = 0;
    this.attempts = this.blocked = 0;
  }

  toBlock(): StatsBlock {
    const failedRequests = this.total - this.successful;
    return {
      total_requests: this.total,
      successful_requests: this.successful,
      failed_requests: failedRequests,
      success_rate: percentOf(this.successful, this.total),
      failure_rate: percentOf(failedRequests, this.total),
      error_count: this.errors,
      error_rate: percentOf(this.errors, this.total),
      errors_by_kind: this.errorsByKind.toRecord(),
      top_errors: this.errorGroups.top(),
      execution_time: summarizeHistogram(this.execution),
      latency: summarizeHistogram(this.latency),
      confidence: this.confidence.summarize(),
      pre_validation: this.summarizePreValidation(),
      approval_path: this.summarizeApproval(),
      adversarial: {
        attempts: this.attempts,
        blocked: this.blocked,
        block_rate: percentOf(this.blocked, this.attempts),
      },
      histograms: { execution_time: this.execution.encode(), latency: this.latency.encode() },
    };
  }

  private recordVerdict(verdict: Verdict): void {
    this.confidence.add(verdict.confidence);
    if (verdict.preValidation === 'passed') this.passed++;
    else this.failed++;
    const rules = verdict.rules;
    for (let i = 0; i < rules.length; i++) this.rules.add(rules[i]!);
    if (verdict.approvalPath === 'approved') this.approved++;
    else if (verdict.approvalPath === 'clarification') this.clarification++;
    else this.rejected++;
  }

  private summarizePreValidation(): StatsBlock['pre_validation'] {
    const judged = this.passed + this.failed;
    return {
      passed: this.passed,
      failed: this.failed,
      pass_rate: percentOf(this.passed, judged),
      catch_rate: percentOf(this.failed, judged),
      rules: this.rules.toRecord(),
    };
  }

  private summarizeApproval(): StatsBlock['approval_path'] {
    const verdicts = this.approved + this.clarification + this.rejected;
    return {
      approved: this.approved,
      clarification: this.clarification,
      rejected: this.rejected,
      approval_rate: percentOf(this.approved, verdicts),
      clarification_rate: percentOf(this.clarification, verdicts),
    };
  }
}
