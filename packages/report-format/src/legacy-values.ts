/** Lenient readers of loosely typed values found in files of the original layout. */

export type Loose = Record<string, unknown>;

/** The value as an object, or an empty one. */
export function asObject(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Loose)
    : {};
}

/** A finite number (numeric strings accepted), or the fallback. */
export function asNumber(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** A finite number, or null. */
export function asNumberOrNull(value: unknown): number | null {
  const n = asNumber(value, Number.NaN);
  return Number.isNaN(n) ? null : n;
}

/** A non-negative integer count, or 0. */
export function asCount(value: unknown): number {
  return Math.max(0, Math.round(asNumber(value, 0)));
}

/** A string, a JSON rendering of another value, or the fallback for null/undefined. */
export function asText(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return fallback;
  try {
    return JSON.stringify(value) ?? fallback;
  } catch {
    return fallback;
  }
}

/** A normalised ISO time, or the fallback when absent or unparseable. */
export function asIsoTime(value: unknown, fallback: string): string {
  if (typeof value !== 'string' && typeof value !== 'number') return fallback;
  // Epoch numbers: seconds (Python's time.time()) unless too large to be seconds.
  const ms = typeof value !== 'number' ? Date.parse(value) : value > 1e11 ? value : value * 1000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? fallback : date.toISOString();
}

/** `{min,max}` from `{min,max}`, a string like "50-200ms", or a single number. */
export function asInterval(value: unknown): { min: number; max: number } {
  if (typeof value === 'number' && Number.isFinite(value)) return { min: value, max: value };
  if (typeof value === 'string') {
    const match =
      /^\s*(\d+(?:\.\d+)?)\s*(?:ms)?\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)\s*(?:ms)?\s*$/i.exec(value);
    if (match) return { min: Number(match[1]), max: Number(match[2]) };
    const single = asNumberOrNull(value.replace(/ms\s*$/i, ''));
    return single === null ? { min: 0, max: 0 } : { min: single, max: single };
  }
  const object = asObject(value);
  return { min: asNumber(object.min, 0), max: asNumber(object.max, 0) };
}
