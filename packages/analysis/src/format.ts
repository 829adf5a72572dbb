/** Shared number formats of the renderers. */

/** `99.5%`, or `n/a` when there was nothing to measure. */
export function formatPct(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(digits)}%`;
}

/** An integer with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A 0..1 score with three decimals, or `n/a`. */
export function formatScore(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(3);
}

/** A duration in seconds as `1h 02m 03s`, `4m 05s` or `12.5s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Number(seconds.toFixed(1))}s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}h ${mm}m ${ss}s` : `${m}m ${ss}s`;
}

/** An ISO time shortened for axes: `2026-01-01 10:15` (UTC), or the text as given if unparsable. */
export function formatShortTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
