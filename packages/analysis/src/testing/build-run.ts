import { type Alert, computeHealth, type Report, type StatsBlock } from '@buddy/metrics';
import type { MetricsFile } from '@buddy/report-format';
import { BlockBuilder, emptyEncoding, type Sample } from './block-builder.js';
import { createSeeded, sampleRequest } from './sample-traffic.js';

/** Context handed to a sample tweak. */
export interface SampleContext {
  report: number;
  /** Position of the request in its report window. */
  index: number;
  random: () => number;
}

/** What run to build; everything but the size has a default. */
export interface RunSpec {
  runId?: string;
  /** Epoch ms of the run start. */
  startMs?: number;
  reports: number;
  requestsPerReport: number;
  reportEverySec?: number;
  seed?: number;
  /** Changes a default healthy sample, e.g. into an error or a slow one. */
  tweak?: (sample: Sample, context: SampleContext) => Sample;
  loadLevel?: (report: number) => number;
  alerts?: (report: number) => Alert[];
  /** Reports kept in the metrics file (most recent); default 100. */
  keepReports?: number;
  /** Content of the stored request entries (hostile on purpose in some tests). */
  content?: string;
}

/** A built run: the metrics file, its history, and every execution time recorded. */
export interface BuiltRun {
  file: MetricsFile;
  history: Report[];
  executionMs: number[];
}

/** Starts at 2026-01-01T00:00:00Z. */
export const DEFAULT_START_MS = Date.UTC(2026, 0, 1);

/** Builds a run report by report, as the simulator would, from seeded samples. */
export function buildRun(spec: RunSpec): BuiltRun {
  const runId = spec.runId ?? 'run-test';
  const startMs = spec.startMs ?? DEFAULT_START_MS;
  const everyMs = (spec.reportEverySec ?? 30) * 1000;
  const random = createSeeded(spec.seed ?? 1);
  const cumulative = new CategorisedBuilder();
  const reports: Report[] = [];
  const executionMs: number[] = [];
  let last: Sample | undefined;

  for (let r = 0; r < spec.reports; r++) {
    const window = new CategorisedBuilder();
    for (let i = 0; i < spec.requestsPerReport; i++) {
      const atMs = startMs + r * everyMs + ((i + 0.5) / spec.requestsPerReport) * everyMs;
      const base = sampleRequest(random, atMs);
      const sample = spec.tweak?.(base, { report: r, index: i, random }) ?? base;
      cumulative.record(sample);
      window.record(sample);
      executionMs.push(sample.executionMs);
      last = sample;
    }
    const context = { runId, startMs, everyMs, spec };
    reports.push(makeReport(r, cumulative, window, context));
  }
  return {
    file: makeFile(runId, startMs, reports, spec, last),
    history: reports.map(stripCumulativeHistograms),
    executionMs,
  };
}

class CategorisedBuilder {
  readonly total = new BlockBuilder();
  readonly byCategory = new Map<string, BlockBuilder>();

  record(sample: Sample): void {
    this.total.record(sample);
    const builder = this.byCategory.get(sample.category) ?? new BlockBuilder();
    builder.record(sample);
    this.byCategory.set(sample.category, builder);
  }

  categories(withHistograms = true): Record<string, StatsBlock> {
    return Object.fromEntries([...this.byCategory].map(([id, b]) => [id, b.build(withHistograms)]));
  }
}

interface ReportContext {
  runId: string;
  startMs: number;
  everyMs: number;
  spec: RunSpec;
}

function makeReport(
  index: number,
  cumulative: CategorisedBuilder,
  window: CategorisedBuilder,
  { runId, startMs, everyMs, spec }: ReportContext,
): Report {
  // Only the newest report keeps cumulative histograms; building them for every report is waste.
  const newest = index === spec.reports - 1;
  const total = cumulative.total.build(newest);
  const windowBlock = window.total.build();
  const elapsedSeconds = ((index + 1) * everyMs) / 1000;
  const level = spec.loadLevel?.(index) ?? 1;
  return {
    ...total,
    timestamp: new Date(startMs + (index + 1) * everyMs).toISOString(),
    run_id: runId,
    report_index: index,
    final: index === spec.reports - 1,
    elapsed_seconds: elapsedSeconds,
    categories: cumulative.categories(newest),
    window: { ...windowBlock, categories: window.categories(), duration_seconds: everyMs / 1000 },
    schedule: {
      cumulative: scheduleOf(total.total_requests / elapsedSeconds),
      window: scheduleOf(windowBlock.total_requests / (everyMs / 1000)),
    },
    load_level: level,
    request_interval:
      level === 1
        ? { min: 50, max: 200 }
        : level === 2
          ? { min: 35, max: 135 }
          : { min: 20, max: 100 },
    arrival: 'uniform',
    load_changes: [],
    soul: {
      active: 'reference',
      served: { reference: total.total_requests },
      fallbacks: 0,
      switches: [],
    },
    warmup_requests: 0,
    alerts: spec.alerts?.(index) ?? [],
    health: computeHealth(windowBlock, spec.alerts?.(index) ?? []),
  };
}

function scheduleOf(ratePerSec: number) {
  return {
    achieved_rate: ratePerSec,
    target_rate: null,
    late: 0,
    dropped: 0,
    lateness: { p50: 0, p99: 0, max: 0 },
  };
}

function withoutHistograms(block: StatsBlock): StatsBlock {
  return { ...block, histograms: { execution_time: emptyEncoding(), latency: emptyEncoding() } };
}

/** Cumulative histograms emptied (as in history lines and all but the newest report). */
export function stripCumulativeHistograms(report: Report): Report {
  const categories = Object.fromEntries(
    Object.entries(report.categories).map(([id, block]) => [id, withoutHistograms(block)]),
  );
  return { ...report, ...withoutHistograms(report), categories };
}

function makeFile(
  runId: string,
  startMs: number,
  reports: Report[],
  spec: RunSpec,
  last: Sample | undefined,
): MetricsFile {
  const kept = reports.slice(-(spec.keepReports ?? 100));
  const stripped = kept.map((r, i) => (i === kept.length - 1 ? r : stripCumulativeHistograms(r)));
  return {
    schema_version: 2,
    run_id: runId,
    started_at: new Date(startMs).toISOString(),
    updated_at: reports.at(-1)?.timestamp ?? new Date(startMs).toISOString(),
    config: { seed: spec.seed ?? 1 },
    reports: stripped,
    requests: last === undefined ? [] : [requestEntry(last, spec.content ?? 'what time is it?')],
    history_file: null,
  };
}

function requestEntry(sample: Sample, content: string): MetricsFile['requests'][number] {
  const at = new Date(sample.atMs).toISOString();
  return {
    request: { id: 'r-1', content, category: sample.category, content_length: content.length },
    timestamp: at,
    intended_at: at,
    success: sample.success,
    confidence: sample.confidence,
    pre_validation: sample.preValidation,
    approval_path: sample.approvalPath,
    execution_time: sample.executionMs,
    latency: sample.latencyMs,
    error: sample.error?.message ?? null,
    error_kind: sample.error?.kind ?? null,
    mismatch: null,
    served_by: 'reference',
    response: null,
  };
}
