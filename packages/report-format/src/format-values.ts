/** Number and label formatting shared by the text and markdown renderers. */
import type { Report, StatsBlock } from '@buddy/metrics';
import { sanitizeForTerminal } from './sanitize.js';

/** Placeholder for a rate with nothing to divide by. */
export const NO_DATA = 'n/a';

/** A percentage with one decimal, or "n/a". */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_DATA : `${value.toFixed(1)}%`;
}

/** Milliseconds: two decimals below 100 ms, whole numbers above. */
export function formatMs(valueMs: number): string {
  if (!Number.isFinite(valueMs)) return NO_DATA;
  return Math.abs(valueMs) < 100 ? `${valueMs.toFixed(2)}ms` : `${Math.round(valueMs)}ms`;
}

/** A number with a fixed count of decimals, or "n/a". */
export function formatFixed(value: number | null, decimals: number): string {
  return value === null || !Number.isFinite(value) ? NO_DATA : value.toFixed(decimals);
}

/** Any string from the data, made safe and short. */
export function safeText(text: string, maxLength = 80): string {
  return sanitizeForTerminal(text, maxLength);
}

/** Categories, busiest first then by id. */
export function sortedCategories(report: Report): [string, StatsBlock][] {
  return Object.entries(report.categories).sort(
    ([idA, a], [idB, b]) => b.total_requests - a.total_requests || idA.localeCompare(idB),
  );
}

/** "kind count" pairs of the most frequent error kinds. */
export function topErrorKinds(stats: StatsBlock, limit = 3): string[] {
  return Object.entries(stats.errors_by_kind)
    .sort(([kindA, a], [kindB, b]) => b - a || kindA.localeCompare(kindB))
    .slice(0, limit)
    .map(([kind, count]) => `${safeText(kind, 30)} ${count}`);
}

/** "reference 500, real 12" of the served-by counts. */
export function describeServed(report: Report): string {
  const parts = Object.entries(report.soul.served)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${safeText(name, 30)} ${count}`);
  return parts.length === 0 ? 'none yet' : parts.join(', ');
}

/** "50-200ms" of the current interval. */
export function formatInterval(report: Report): string {
  const { min, max } = report.request_interval;
  return `${formatFixed(min, 0)}-${formatFixed(max, 0)}ms`;
}
