import type { Report, StatsBlock } from '@buddy/metrics';
import type { MergedRuns } from './merge-runs.js';
import { percentOf } from './merge-stats.js';
import { splitFirstLast } from './run-parts.js';

/** A category "fell" when its success rate dropped by more than this many points. */
export const FELL_POINTS = 1;

/** One category's statistics over the merged runs. */
export interface CategoryRow {
  category: string;
  count: number;
  success_rate: number | null;
  execution_p50_ms: number | null;
  execution_p95_ms: number | null;
  confidence_mean: number | null;
  approved: number;
  clarification: number;
  rejected: number;
  errors: number;
  /** Success rate over the first and last quarter of the reports; null without windows. */
  success_first: number | null;
  success_last: number | null;
  success_fell: boolean;
}

/** Per-category breakdown (the `--categories` mode), as plain data. */
export interface CategoryAnalysis {
  rows: CategoryRow[];
  /** Categories whose success rate fell between the first and last part of the run. */
  fell: { category: string; from: number; to: number }[];
  /** Why the first/last comparison could not be made, when it could not. */
  comparison_note: string | null;
}

/** One row per category, and the categories whose success fell during the run. */
export function analyzeCategories(merged: MergedRuns): CategoryAnalysis {
  const parts = splitFirstLast(merged.timeline.filter(hasWindowCategories));
  const rows = Object.entries(merged.categories)
    .map(([category, block]) => buildRow(category, block, parts))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
  return {
    rows,
    fell: rows
      .filter((row) => row.success_fell)
      .map((row) => ({ category: row.category, from: row.success_first!, to: row.success_last! })),
    comparison_note: parts === null ? 'needs at least two reports with per-category windows' : null,
  };
}

function hasWindowCategories(report: Report): boolean {
  return Object.keys(report.window?.categories ?? {}).length > 0;
}

function buildRow(
  category: string,
  block: StatsBlock,
  parts: { first: Report[]; last: Report[] } | null,
): CategoryRow {
  const timed = block.total_requests > 0;
  const first = parts === null ? null : successIn(parts.first, category);
  const last = parts === null ? null : successIn(parts.last, category);
  return {
    category,
    count: block.total_requests,
    success_rate: block.success_rate,
    execution_p50_ms: timed ? block.execution_time.p50 : null,
    execution_p95_ms: timed ? block.execution_time.p95 : null,
    confidence_mean: block.confidence.count > 0 ? block.confidence.mean : null,
    approved: block.approval_path.approved,
    clarification: block.approval_path.clarification,
    rejected: block.approval_path.rejected,
    errors: block.error_count,
    success_first: first,
    success_last: last,
    success_fell: first !== null && last !== null && first - last > FELL_POINTS,
  };
}

/** Success rate of a category over some reports' windows: counts add, then divide. */
function successIn(reports: readonly Report[], category: string): number | null {
  let total = 0;
  let successful = 0;
  for (const report of reports) {
    const block = report.window?.categories?.[category];
    total += block?.total_requests ?? 0;
    successful += block?.successful_requests ?? 0;
  }
  return percentOf(successful, total);
}
