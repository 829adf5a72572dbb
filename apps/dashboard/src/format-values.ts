// Number and time formatting for the frame. Values from the file may be missing or not
// numbers (an older layout): everything degrades to "–" instead of "NaN" or a throw.

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** `99.5%`, or `no data` for a null rate. */
export function formatPercent(value: unknown, digits = 1): string {
  return isNumber(value) ? `${value.toFixed(digits)}%` : 'no data';
}

/** `0.10ms`; `–` when absent. */
export function formatMs(value: unknown): string {
  if (!isNumber(value)) return '–';
  return value >= 100 ? `${value.toFixed(0)}ms` : `${value.toFixed(2)}ms`;
}

/** A plain number with fixed digits; `–` when absent. */
export function formatNumber(value: unknown, digits = 0): string {
  return isNumber(value) ? value.toFixed(digits) : '–';
}

/** A count with thousands separators; `–` when absent. */
export function formatCount(value: unknown): string {
  return isNumber(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

/** `12.3 req/s`; `–` when absent. */
export function formatRate(value: unknown): string {
  return isNumber(value) ? `${value.toFixed(1)} req/s` : '–';
}

/** A level as `2` or `2.35` (derived levels of other policies). */
export function formatLevel(level: number): string {
  return Number.isInteger(level) ? String(level) : level.toFixed(2);
}

/** An age or duration in words: `4s`, `2m 05s`, `1h 02m`, `3d 04h`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.floor(hours / 24)}d ${String(hours % 24).padStart(2, '0')}h`;
}

/** `2026-02-05 10:20:45 UTC` for an epoch time (UTC keeps frames reproducible). */
export function formatUtc(epochMs: number): string {
  if (!Number.isFinite(epochMs)) return '–';
  return `${new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Epoch ms of an ISO time from the file; null when absent or not a time. */
export function parseTimeMs(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}
