import type { StatsBlock, TimeSummary } from '@buddy/metrics';
import { combineConfidence } from './confidence-moments.js';
import { hasSamples, mergeHistograms, summarizeHistogram } from './histograms.js';
import { addCounts, mergeErrorGroups } from './merge-errors.js';

type HistogramName = 'execution_time' | 'latency';

/** Percent of `part` in `whole`; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

/** A block with no requests: counts zero, rates null. */
export function emptyStatsBlock(): StatsBlock {
  return mergeStatsBlocks([]);
}

/**
 * Merges statistics of disjoint sets of requests (runs, instances, windows): counts add,
 * rates are recomputed, histograms merge so percentiles are those of the union, and
 * confidence moments combine exactly.
 */
export function mergeStatsBlocks(blocks: readonly StatsBlock[]): StatsBlock {
  const first = blocks[0];
  if (blocks.length === 1 && first !== undefined) return first;

  const total = sum(blocks, (b) => b.total_requests);
  const successful = sum(blocks, (b) => b.successful_requests);
  const failed = sum(blocks, (b) => b.failed_requests);
  const errors = sum(blocks, (b) => b.error_count);
  const execution = mergeTimed(blocks, 'execution_time');
  const latency = mergeTimed(blocks, 'latency');
  return {
    total_requests: total,
    successful_requests: successful,
    failed_requests: failed,
    success_rate: percentOf(successful, total),
    failure_rate: percentOf(failed, total),
    error_count: errors,
    error_rate: percentOf(errors, total),
    errors_by_kind: addCounts(blocks.map((b) => b.errors_by_kind ?? {})),
    top_errors: mergeErrorGroups(blocks.flatMap((b) => b.top_errors ?? [])),
    execution_time: execution.summary,
    latency: latency.summary,
    confidence: combineConfidence(blocks.map((b) => b.confidence)),
    pre_validation: mergePreValidation(blocks),
    approval_path: mergeApproval(blocks),
    adversarial: mergeAdversarial(blocks),
    histograms: { execution_time: execution.encoded, latency: latency.encoded },
  };
}

/** True when every block with requests carries its histograms, so merged percentiles are exact. */
export function histogramsComplete(blocks: readonly StatsBlock[]): boolean {
  // A single block keeps its own recorded percentiles, which are as good as its source.
  if (blocks.length <= 1) return true;
  return blocks.every((b) => b.total_requests === 0 || hasSamples(b.histograms?.execution_time));
}

function sum(blocks: readonly StatsBlock[], pick: (b: StatsBlock) => number): number {
  return blocks.reduce((acc, b) => acc + (pick(b) ?? 0), 0);
}

function histogramsOf(blocks: readonly StatsBlock[], name: HistogramName) {
  return blocks.map((b) => b.histograms?.[name]).filter(hasSamples);
}

/** The merged histogram, and the time summary: exact from it when every block had one. */
function mergeTimed(blocks: readonly StatsBlock[], name: HistogramName) {
  const merged = mergeHistograms(histogramsOf(blocks, name));
  const withData = blocks.filter((b) => b[name] !== undefined && timedCount(b, name) > 0);
  const exact = merged.count === sum(withData, (b) => timedCount(b, name));
  let summary: TimeSummary = { average: 0, min: 0, max: 0, p50: 0, p95: 0, p99: 0 };
  if (withData.length > 0) {
    summary = exact ? summarizeHistogram(merged) : approximateTimes(withData, name);
  }
  return { summary, encoded: merged.encode() };
}

function timedCount(block: StatsBlock, name: HistogramName): number {
  const histogram = block.histograms?.[name];
  return hasSamples(histogram) ? histogram.count : block.total_requests;
}

/** Without histograms (older layouts) percentiles can only be approximated by weighting. */
function approximateTimes(blocks: readonly StatsBlock[], name: HistogramName): TimeSummary {
  const weight = sum(blocks, (b) => timedCount(b, name));
  const weighted = (pick: (t: TimeSummary) => number) =>
    blocks.reduce((acc, b) => acc + pick(b[name]) * timedCount(b, name), 0) / weight;
  return {
    average: weighted((t) => t.average),
    min: Math.min(...blocks.map((b) => b[name].min)),
    max: Math.max(...blocks.map((b) => b[name].max)),
    p50: weighted((t) => t.p50),
    p95: weighted((t) => t.p95),
    p99: weighted((t) => t.p99),
  };
}

function mergePreValidation(blocks: readonly StatsBlock[]): StatsBlock['pre_validation'] {
  const passed = sum(blocks, (b) => b.pre_validation.passed);
  const failed = sum(blocks, (b) => b.pre_validation.failed);
  return {
    passed,
    failed,
    pass_rate: percentOf(passed, passed + failed),
    catch_rate: percentOf(failed, passed + failed),
    rules: addCounts(blocks.map((b) => b.pre_validation.rules ?? {})),
  };
}

function mergeApproval(blocks: readonly StatsBlock[]): StatsBlock['approval_path'] {
  const approved = sum(blocks, (b) => b.approval_path.approved);
  const clarification = sum(blocks, (b) => b.approval_path.clarification);
  const rejected = sum(blocks, (b) => b.approval_path.rejected);
  const verdicts = approved + clarification + rejected;
  return {
    approved,
    clarification,
    rejected,
    approval_rate: percentOf(approved, verdicts),
    clarification_rate: percentOf(clarification, verdicts),
  };
}

function mergeAdversarial(blocks: readonly StatsBlock[]): StatsBlock['adversarial'] {
  const attempts = sum(blocks, (b) => b.adversarial.attempts);
  const blocked = sum(blocks, (b) => b.adversarial.blocked);
  return { attempts, blocked, block_rate: percentOf(blocked, attempts) };
}
