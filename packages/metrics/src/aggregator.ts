import type { Outcome } from '@buddy/traffic-core';
import {
  type AggregatorOptions,
  type ResolvedAggregatorOptions,
  resolveAggregatorOptions,
} from './aggregator-options.js';
import { evaluateAlerts } from './alerts.js';
import { OVERFLOW_KEY } from './bounded-counts.js';
import { computeHealth } from './health.js';
import { toIsoTime } from './iso-time.js';
import type { ReportContext } from './report-context.js';
import type { Report, StatsBlock } from './report-types.js';
import { ScheduleStats } from './schedule-stats.js';
import { type RunTotals, StatsAccumulator, type StatsLimits } from './stats-accumulator.js';

/** Cumulative statistics without closing the window (for live status). */
export interface CumulativeSnapshot extends StatsBlock {
  categories: Record<string, StatsBlock>;
  warmup_requests: number;
}

/** How many bounded entries the aggregator holds right now (for memory checks). */
export interface AggregatorFootprint {
  categories: number;
  /** Error groups summed over every set (run, window, and each category of both). */
  errorGroups: number;
  /** Rule ids summed over every set. */
  ruleIds: number;
}

/**
 * Streaming statistics of a run (SPEC 4.2). O(1) work per outcome, memory bounded by the
 * options whatever the run's length.
 */
export interface Aggregator {
  /** Counts one outcome; a warm-up outcome only counts in `warmup_requests`. */
  record(outcome: Outcome): void;
  /** Counts a send that never started (e.g. a run loop `dropped` event). */
  recordDropped(send?: { readonly intendedAtMs?: number }): void;
  /** Makes a full report (cumulative and window, alerts and health) and starts a new window. */
  buildReport(context: ReportContext): Report;
  /** Cumulative statistics now, leaving the window open. */
  peek(): CumulativeSnapshot;
  /** Cumulative headline counters now: O(1), for frequent progress updates. */
  totals(): RunTotals;
  footprint(): AggregatorFootprint;
}

interface CategorySets {
  readonly cumulative: StatsAccumulator;
  readonly window: StatsAccumulator;
}

class StreamingAggregator implements Aggregator {
  private readonly limits: StatsLimits;
  private readonly cumulative: StatsAccumulator;
  private readonly window: StatsAccumulator;
  private readonly categories = new Map<string, CategorySets>();
  private readonly cumulativeSchedule: ScheduleStats;
  private readonly windowSchedule: ScheduleStats;
  private startMs: number | undefined;
  private windowStartMs: number | undefined;
  private warmup = 0;
  private reportIndex = 0;
  // Time-weighted target rate over the windows that had one.
  private targetRateSeconds = 0;
  private targetRequests = 0;

  constructor(private readonly options: ResolvedAggregatorOptions) {
    this.limits = {
      maxErrorGroups: options.maxErrorGroups,
      maxCategories: options.maxCategories,
      maxRuleIds: options.maxRuleIds,
      histogram: options.histogram,
    };
    this.cumulative = new StatsAccumulator(this.limits);
    this.window = new StatsAccumulator(this.limits);
    this.cumulativeSchedule = new ScheduleStats(options.lateThresholdMs, options.histogram);
    this.windowSchedule = new ScheduleStats(options.lateThresholdMs, options.histogram);
    this.startMs = options.startMs;
  }

  record(outcome: Outcome): void {
    if (outcome.warmup) {
      this.warmup++;
      return;
    }
    if (this.startMs === undefined) this.startMs = outcome.intendedAtMs;
    this.cumulative.record(outcome);
    this.window.record(outcome);
    const sets = this.setsOf(outcome.request.category);
    sets.cumulative.record(outcome);
    sets.window.record(outcome);
    this.cumulativeSchedule.recordSend(outcome.lateByMs);
    this.windowSchedule.recordSend(outcome.lateByMs);
  }

  recordDropped(send?: { readonly intendedAtMs?: number }): void {
    if (this.startMs === undefined && send?.intendedAtMs !== undefined) {
      this.startMs = send.intendedAtMs;
    }
    this.cumulativeSchedule.recordDropped();
    this.windowSchedule.recordDropped();
  }

  buildReport(context: ReportContext): Report {
    const startMs = this.startMs ?? context.nowMs;
    const windowStartMs = this.windowStartMs ?? startMs;
    const elapsedSeconds = Math.max(0, (context.nowMs - startMs) / 1000);
    const windowSeconds = Math.max(0, (context.nowMs - windowStartMs) / 1000);
    const windowTarget = context.targetRatePerSec ?? null;
    const cumulativeTarget = this.addTargetRate(windowTarget, windowSeconds);

    const windowStats = this.window.toBlock();
    const cumulativeStats = this.cumulative.toBlock();
    // An empty window (a final report right after a periodic one) has nothing to judge:
    // it carries the whole run's judgement instead of a misleading "excellent".
    const judged = windowStats.total_requests > 0 ? windowStats : cumulativeStats;
    const alerts = evaluateAlerts(judged, this.options.alertThresholds, this.options.alertRules);
    const report: Report = {
      ...cumulativeStats,
      timestamp: toIsoTime(context.wallMs),
      run_id: context.runId,
      report_index: this.reportIndex++,
      final: context.final ?? false,
      elapsed_seconds: elapsedSeconds,
      categories: this.categoryBlocks('cumulative'),
      window: {
        ...windowStats,
        categories: this.categoryBlocks('window'),
        duration_seconds: windowSeconds,
      },
      schedule: {
        cumulative: this.cumulativeSchedule.summarize(elapsedSeconds, cumulativeTarget),
        window: this.windowSchedule.summarize(windowSeconds, windowTarget),
      },
      load_level: context.loadLevel,
      request_interval: { min: context.requestInterval.min, max: context.requestInterval.max },
      arrival: context.arrival,
      load_changes: [...(context.loadChanges ?? [])],
      soul: context.soul,
      warmup_requests: this.warmup,
      alerts,
      health: computeHealth(judged, alerts),
    };
    this.startWindow(context.nowMs);
    return report;
  }

  peek(): CumulativeSnapshot {
    return {
      ...this.cumulative.toBlock(),
      categories: this.categoryBlocks('cumulative'),
      warmup_requests: this.warmup,
    };
  }

  totals(): RunTotals {
    return this.cumulative.totals();
  }

  footprint(): AggregatorFootprint {
    const all = [this.cumulative, this.window];
    for (const sets of this.categories.values()) all.push(sets.cumulative, sets.window);
    let errorGroups = 0;
    let ruleIds = 0;
    for (const stats of all) {
      errorGroups += stats.trackedKeys.errorGroups;
      ruleIds += stats.trackedKeys.ruleIds;
    }
    return { categories: this.categories.size, errorGroups, ruleIds };
  }

  private setsOf(category: string): CategorySets {
    const known = this.categories.get(category);
    if (known !== undefined) return known;
    // Past the bound, new categories share one `_other` set instead of growing the map.
    const full = this.categories.size >= this.options.maxCategories - 1;
    const key = full ? OVERFLOW_KEY : category;
    let sets = this.categories.get(key);
    if (sets === undefined) {
      sets = {
        cumulative: new StatsAccumulator(this.limits),
        window: new StatsAccumulator(this.limits),
      };
      this.categories.set(key, sets);
    }
    return sets;
  }

  private categoryBlocks(which: keyof CategorySets): Record<string, StatsBlock> {
    const blocks: [string, StatsBlock][] = [];
    for (const [category, sets] of this.categories) {
      if (sets[which].count > 0) blocks.push([category, sets[which].toBlock()]);
    }
    return Object.fromEntries(blocks);
  }

  /** Adds this window's target rate; returns the run's time-weighted target rate. */
  private addTargetRate(windowTarget: number | null, windowSeconds: number): number | null {
    if (windowTarget !== null && windowSeconds > 0) {
      this.targetRequests += windowTarget * windowSeconds;
      this.targetRateSeconds += windowSeconds;
    }
    if (this.targetRateSeconds === 0) return windowTarget;
    return this.targetRequests / this.targetRateSeconds;
  }

  private startWindow(nowMs: number): void {
    this.window.reset();
    for (const sets of this.categories.values()) sets.window.reset();
    this.windowSchedule.reset();
    this.windowStartMs = nowMs;
    if (this.startMs === undefined) this.startMs = nowMs;
  }
}

/**
 * Creates the streaming aggregator. Adversarial accounting: every non-warm-up request marked
 * `attack` is an attempt; it is blocked only when a verdict came back and `isBlocked` holds.
 * An attack that errored (timeout, connection, exception, ...) is an attempt NOT blocked: the
 * pipeline never decided, and counting silence as a block would let an outage look like a
 * perfect guardrail. A dropped attack never reached the pipeline and is not an attempt.
 */
export function createAggregator(options: AggregatorOptions = {}): Aggregator {
  return new StreamingAggregator(resolveAggregatorOptions(options));
}
