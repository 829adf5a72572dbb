import type {
  AdversarialSummary,
  Alert,
  ApprovalSummary,
  ConfidenceSummary,
  Health,
  Report,
  TimeSummary,
} from '@buddy/metrics';
import { computeHealth, evaluateAlerts } from '@buddy/metrics';
import { latestAlerts, type MergedRuns } from './merge-runs.js';
import { percentOf } from './merge-stats.js';
import { type ProportionInterval, wilsonInterval } from './wilson-interval.js';

/** How many failed pre-validation rules the summary lists. */
const TOP_RULES = 5;
/** How many error groups the summary lists. */
const TOP_ERRORS = 3;

/** The overall picture of the merged runs (the `--summary` mode), as plain data. */
export interface Summary {
  /** True when there is no report at all (in the range). */
  empty: boolean;
  runs: { run_id: string; source: string; reports: number; has_history: boolean }[];
  range: { since: string | null; until: string | null };
  period: { first_report: string | null; last_report: string | null; elapsed_seconds: number };
  reports: number;
  requests: {
    total: number;
    successful: number;
    failed: number;
    success_rate: number | null;
    failure_rate: number | null;
    /** Completed requests per second (summed over concurrent runs). */
    rate_per_sec: number | null;
    late: number;
    dropped: number;
  };
  execution_time: TimeSummary & { exact: boolean };
  latency: TimeSummary;
  confidence: ConfidenceSummary;
  pre_validation: {
    passed: number;
    failed: number;
    pass_rate: number | null;
    catch_rate: number | null;
    /** Rules that failed most, with their share of failed verdicts in percent. */
    top_rules: { rule: string; count: number; share: number | null }[];
  };
  approval: ApprovalSummary;
  adversarial: AdversarialSummary & { interval_95: ProportionInterval | null };
  errors: {
    count: number;
    rate: number | null;
    by_kind: { kind: string; count: number }[];
    top: { kind: string; message: string; count: number }[];
  };
  load: {
    level: number | null;
    interval_ms: { min: number; max: number } | null;
    /** Share of reports made at each level, percent. */
    by_level: { level: number; reports: number; share: number }[];
  };
  /** Health of the whole analysed period (SPEC 4.3 score); null without requests. */
  health: Health | null;
  /** Alerts the whole period raises with the default thresholds. */
  alerts: Alert[];
  /** Alerts of each run's newest report, as the simulator raised them. */
  latest_alerts: Alert[];
  warnings: string[];
}

/** Summarises merged runs: totals, rates, times, confidence, routing, blocking, load, health. */
export function summarize(merged: MergedRuns): Summary {
  const { total, timeline } = merged;
  const newest = timeline.at(-1);
  const alerts = total.total_requests === 0 ? [] : evaluateAlerts(total);
  return {
    empty: timeline.length === 0,
    runs: merged.runs.map(({ run_id, source, reports, has_history }) => ({
      run_id,
      source,
      reports,
      has_history,
    })),
    range: merged.range,
    period: describePeriod(merged),
    reports: timeline.length,
    requests: {
      total: total.total_requests,
      successful: total.successful_requests,
      failed: total.failed_requests,
      success_rate: total.success_rate,
      failure_rate: total.failure_rate,
      ...describeSchedule(merged),
    },
    execution_time: { ...total.execution_time, exact: merged.percentiles_exact },
    latency: total.latency,
    confidence: total.confidence,
    pre_validation: describePreValidation(merged),
    approval: total.approval_path,
    adversarial: {
      ...total.adversarial,
      interval_95: wilsonInterval(total.adversarial.blocked, total.adversarial.attempts),
    },
    errors: describeErrors(merged),
    load: {
      level: newest?.load_level ?? null,
      interval_ms: newest?.request_interval ?? null,
      by_level: countLevels(timeline),
    },
    health: total.total_requests === 0 ? null : computeHealth(total, alerts),
    alerts,
    latest_alerts: latestAlerts(merged),
    warnings: merged.warnings,
  };
}

function isRanged(merged: MergedRuns): boolean {
  return merged.range.since !== null || merged.range.until !== null;
}

function describePeriod(merged: MergedRuns): Summary['period'] {
  const { timeline } = merged;
  const elapsed = isRanged(merged)
    ? spanSeconds(timeline)
    : Math.max(0, ...merged.runs.map((run) => run.latest?.elapsed_seconds ?? 0));
  return {
    first_report: timeline[0]?.timestamp ?? null,
    last_report: timeline.at(-1)?.timestamp ?? null,
    elapsed_seconds: elapsed,
  };
}

/** Seconds from the start of the first window to the last report. */
function spanSeconds(timeline: readonly Report[]): number {
  const first = timeline[0];
  const last = timeline.at(-1);
  if (first === undefined || last === undefined) return 0;
  const startMs = Date.parse(first.timestamp) - (first.window?.duration_seconds ?? 0) * 1000;
  return Math.max(0, (Date.parse(last.timestamp) - startMs) / 1000);
}

function describeSchedule(merged: MergedRuns) {
  const ranged = isRanged(merged);
  const pick = (report: Report) => (ranged ? report.schedule?.window : report.schedule?.cumulative);
  const reports = ranged ? merged.timeline : merged.runs.flatMap((r) => r.latest ?? []);
  return {
    rate_per_sec: ranged ? rateInRange(merged.timeline) : rateOfLatest(merged),
    late: reports.reduce((sum, r) => sum + (pick(r)?.late ?? 0), 0),
    dropped: reports.reduce((sum, r) => sum + (pick(r)?.dropped ?? 0), 0),
  };
}

/** Concurrent runs add their rates: each run's requests over its own covered seconds. */
function rateInRange(timeline: readonly Report[]): number | null {
  const perRun = new Map<string, { requests: number; seconds: number }>();
  for (const report of timeline) {
    const entry = perRun.get(report.run_id) ?? { requests: 0, seconds: 0 };
    entry.requests += report.window?.total_requests ?? 0;
    entry.seconds += report.window?.duration_seconds ?? 0;
    perRun.set(report.run_id, entry);
  }
  const rates = [...perRun.values()]
    .filter((e) => e.seconds > 0)
    .map((e) => e.requests / e.seconds);
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0);
}

function rateOfLatest(merged: MergedRuns): number | null {
  const rates = merged.runs.flatMap((run) => {
    const latest = run.latest;
    if (latest === null) return [];
    const achieved = latest.schedule?.cumulative?.achieved_rate;
    if (achieved !== undefined && achieved > 0) return [achieved];
    return latest.elapsed_seconds > 0 ? [latest.total_requests / latest.elapsed_seconds] : [];
  });
  return rates.length === 0 ? null : rates.reduce((a, b) => a + b, 0);
}

function describePreValidation(merged: MergedRuns): Summary['pre_validation'] {
  const { passed, failed, pass_rate, catch_rate, rules } = merged.total.pre_validation;
  const top_rules = Object.entries(rules)
    .sort(([ruleA, a], [ruleB, b]) => b - a || ruleA.localeCompare(ruleB))
    .slice(0, TOP_RULES)
    .map(([rule, count]) => ({ rule, count, share: percentOf(count, failed) }));
  return { passed, failed, pass_rate, catch_rate, top_rules };
}

function describeErrors(merged: MergedRuns): Summary['errors'] {
  const { total } = merged;
  return {
    count: total.error_count,
    rate: total.error_rate,
    by_kind: Object.entries(total.errors_by_kind)
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    top: total.top_errors
      .slice(0, TOP_ERRORS)
      .map(({ kind, message, count }) => ({ kind, message, count })),
  };
}

function countLevels(timeline: readonly Report[]): Summary['load']['by_level'] {
  const counts = new Map<number, number>();
  for (const report of timeline)
    counts.set(report.load_level, (counts.get(report.load_level) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([level, reports]) => ({ level, reports, share: (reports / timeline.length) * 100 }));
}
