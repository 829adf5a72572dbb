/** A `--since`/`--until` bound as written: an ISO time, or a duration before the reference. */
export type TimeBound = { kind: 'absolute'; atMs: number } | { kind: 'relative'; agoMs: number };

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const RELATIVE = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const ISO_START = /^\d{4}-\d{2}-\d{2}/;

/**
 * Parses `2024-05-01T10:00:00Z` (any ISO 8601 date or date-time) or a relative duration such as
 * `90s`, `30m`, `2h`, `1d`. Returns null when the text is neither.
 */
export function parseTimeBound(text: string): TimeBound | null {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative !== null) {
    const unitMs = UNIT_MS[relative[2] ?? ''] ?? 0;
    return { kind: 'relative', agoMs: Number(relative[1]) * unitMs };
  }
  if (!ISO_START.test(trimmed)) return null;
  const atMs = Date.parse(trimmed);
  return Number.isNaN(atMs) ? null : { kind: 'absolute', atMs };
}

/** The bound as epoch ms; a relative bound counts back from `referenceMs`. */
export function resolveTimeBound(bound: TimeBound, referenceMs: number): number {
  return bound.kind === 'absolute' ? bound.atMs : referenceMs - bound.agoMs;
}

/**
 * Keeps the reports whose timestamp lies in `[since, until]` (both optional, inclusive).
 * A report stands for its window, so a window that straddles `since` is kept or dropped whole.
 */
export function cutTimeRange<T extends { timestamp: string }>(
  reports: readonly T[],
  since?: Date,
  until?: Date,
): T[] {
  const sinceMs = since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const untilMs = until?.getTime() ?? Number.POSITIVE_INFINITY;
  return reports.filter((report) => {
    const atMs = Date.parse(report.timestamp);
    return atMs >= sinceMs && atMs <= untilMs;
  });
}
