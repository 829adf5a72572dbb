import type { Alert, Report, StatsBlock } from '@buddy/metrics';
import type { MetricsFile } from '@buddy/report-format';
import { histogramsComplete, mergeStatsBlocks } from './merge-stats.js';
import { cutTimeRange } from './time-range.js';

/** One run as loaded: its metrics file and its history (empty when there is none). */
export interface RunInput {
  /** Where the run came from (a path), for messages. */
  source: string;
  file: MetricsFile;
  /** Reports from the append-only history file, oldest first; may be empty. */
  history: readonly Report[];
  /** Problems met while loading that did not stop it. */
  warnings?: readonly string[];
}

/** What is known about one run, from its newest report. */
export interface RunInfo {
  run_id: string;
  source: string;
  started_at: string | null;
  updated_at: string | null;
  /** Reports known for the run (history and metrics file together). */
  reports: number;
  /** True when an append-only history was read (trends cover the whole run). */
  has_history: boolean;
  latest: Report | null;
}

/** Several runs or instances merged into one data set, optionally cut to a time range. */
export interface MergedRuns {
  runs: RunInfo[];
  /** Reports of every run in the range, oldest first. */
  timeline: Report[];
  /** Statistics of all requests in the range. */
  total: StatsBlock;
  /** Statistics per category of all requests in the range. */
  categories: Record<string, StatsBlock>;
  range: { since: string | null; until: string | null };
  /** False when some data came without histograms, so percentiles are approximate. */
  percentiles_exact: boolean;
  /** Things the reader should know, e.g. a run given twice. */
  warnings: string[];
}

/** Options of {@link mergeRuns}. */
export interface MergeOptions {
  since?: Date;
  until?: Date;
}

/**
 * Merges runs: without a time range the newest cumulative report of each run is merged; with
 * one, the windows of the reports in the range are (so the range needs the history).
 */
export function mergeRuns(inputs: readonly RunInput[], options: MergeOptions = {}): MergedRuns {
  const warnings: string[] = inputs.flatMap((input) => input.warnings ?? []);
  const unique = dropRepeatedRuns(inputs, warnings);
  const timelines = unique.map((input) => timelineOf(input));
  const ranged = options.since !== undefined || options.until !== undefined;
  const timeline = cutTimeRange(timelines.flat(), options.since, options.until).sort(byTime);

  const blocks = ranged ? timeline.map((r) => r.window) : latestReports(timelines);
  return {
    runs: unique.map((input, i) => describeRun(input, timelines[i] ?? [])),
    timeline,
    total: mergeStatsBlocks(blocks),
    categories: mergeCategories(blocks.map((b) => b.categories)),
    range: {
      since: options.since?.toISOString() ?? null,
      until: options.until?.toISOString() ?? null,
    },
    percentiles_exact: histogramsComplete(blocks),
    warnings,
  };
}

/** The newest alerts across runs (each run's latest report). */
export function latestAlerts(merged: MergedRuns): Alert[] {
  return merged.runs.flatMap((run) => run.latest?.alerts ?? []);
}

function dropRepeatedRuns(inputs: readonly RunInput[], warnings: string[]): RunInput[] {
  const seen = new Map<string, string>();
  return inputs.filter((input) => {
    const earlier = seen.get(input.file.run_id);
    if (earlier !== undefined) {
      warnings.push(`${input.source} repeats run ${input.file.run_id} of ${earlier}; counted once`);
      return false;
    }
    seen.set(input.file.run_id, input.source);
    return true;
  });
}

/** History and metrics-file reports by index; the file's copy wins (it keeps histograms). */
function timelineOf(input: RunInput): Report[] {
  const byIndex = new Map<number, Report>();
  for (const report of input.history) byIndex.set(report.report_index, report);
  for (const report of input.file.reports) byIndex.set(report.report_index, report);
  return [...byIndex.values()].sort(byTime);
}

function byTime(a: Report, b: Report): number {
  return Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.report_index - b.report_index;
}

function latestReports(timelines: readonly Report[][]): Report[] {
  return timelines.flatMap((timeline) => timeline.slice(-1));
}

function mergeCategories(
  perBlock: readonly Record<string, StatsBlock>[],
): Record<string, StatsBlock> {
  const grouped = new Map<string, StatsBlock[]>();
  for (const categories of perBlock) {
    for (const [id, block] of Object.entries(categories ?? {})) {
      const list = grouped.get(id);
      if (list === undefined) grouped.set(id, [block]);
      else list.push(block);
    }
  }
  return Object.fromEntries([...grouped].map(([id, blocks]) => [id, mergeStatsBlocks(blocks)]));
}

function describeRun(input: RunInput, timeline: readonly Report[]): RunInfo {
  return {
    run_id: input.file.run_id,
    source: input.source,
    started_at: input.file.started_at ?? null,
    updated_at: input.file.updated_at ?? null,
    reports: timeline.length,
    has_history: input.history.length > 0,
    latest: timeline.at(-1) ?? null,
  };
}
