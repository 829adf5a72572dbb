import { mergeErrorGroups } from './merge-errors.js';
import type { MergedRuns } from './merge-runs.js';

/** One group of identical errors over the merged runs. */
export interface ErrorRow {
  kind: string;
  message: string;
  count: number;
  first_seen: string;
  last_seen: string;
  /** Categories hit, most hit first. */
  categories: { category: string; count: number }[];
}

/** Errors grouped by kind and message (the `--errors` mode), as plain data. */
export interface ErrorAnalysis {
  total: number;
  rate: number | null;
  by_kind: { kind: string; count: number }[];
  groups: ErrorRow[];
  /** Errors not in any listed group (the reports keep a bounded top list per kind/message). */
  ungrouped: number;
}

/** Groups the errors of the merged runs by kind and message, with counts and times seen. */
export function analyzeErrors(merged: MergedRuns): ErrorAnalysis {
  const { total } = merged;
  const groups = mergeErrorGroups(total.top_errors).map((group) => ({
    kind: group.kind,
    message: group.message,
    count: group.count,
    first_seen: group.first_seen,
    last_seen: group.last_seen,
    categories: Object.entries(group.categories)
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  }));
  const grouped = groups.reduce((sum, g) => sum + g.count, 0);
  return {
    total: total.error_count,
    rate: total.error_rate,
    by_kind: Object.entries(total.errors_by_kind)
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    groups,
    ungrouped: Math.max(0, total.error_count - grouped),
  };
}
