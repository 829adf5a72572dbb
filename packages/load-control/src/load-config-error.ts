/**
 * A bad load-control option. Its `code` matches the other packages' config errors so apps
 * can map every bad option the same way (load-control depends on no sibling).
 */
export class LoadConfigError extends Error {
  readonly code = 'CONFIG_INVALID' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoadConfigError';
  }
}

/** Formats a received value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value;
  }
}

/** Throws unless `value` is a finite number within [min, max]. */
export function requireNumberInRange(field: string, value: unknown, min: number, max: number) {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in ${min}..${max}`;
    throw new LoadConfigError(
      `${field}: expected a number ${range}, received ${describeValue(value)}`,
    );
  }
}

/** Throws unless `value` is an integer within [min, max]. */
export function requireIntegerInRange(field: string, value: unknown, min: number, max: number) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in ${min}..${max}`;
    throw new LoadConfigError(
      `${field}: expected an integer ${range}, received ${describeValue(value)}`,
    );
  }
}

/** Throws unless `value` is a finite number greater than zero. */
export function requirePositiveNumber(field: string, value: unknown) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new LoadConfigError(`${field}: expected a number > 0, received ${describeValue(value)}`);
  }
}
