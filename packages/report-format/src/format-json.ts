/** Stable JSON rendering: sorted keys, two-space indent, terminal-safe escapes. */
import type { Report } from '@buddy/metrics';

/** Characters JSON.stringify leaves raw that a terminal would act on or hide. */
const INVISIBLE_IN_JSON =
  /[\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  }
  return sorted;
}

/**
 * JSON with keys sorted at every level (same input, same bytes). Characters that could act on a
 * terminal become `\uXXXX` escapes, which parse back to the same value.
 */
export function renderStableJson(value: unknown): string {
  const json = JSON.stringify(sortKeys(value), null, 2) ?? 'null';
  return json.replace(
    INVISIBLE_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The report as stable, terminal-safe JSON. */
export function renderReportJson(report: Report): string {
  return renderStableJson(report);
}
