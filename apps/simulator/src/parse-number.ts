import { InvalidArgumentError } from 'commander';

/** Parsers for numeric flags: each rejects with "expected X, received 'Y'". */
function parseWith(expected: string, ok: (n: number) => boolean, integer: boolean) {
  return (raw: string): number => {
    const trimmed = raw.trim();
    const n = trimmed === '' ? Number.NaN : Number(trimmed);
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || !ok(n)) {
      throw new InvalidArgumentError(`expected ${expected}, received '${raw.slice(0, 40)}'`);
    }
    return n;
  };
}

export const parsePositiveInt = parseWith('a whole number >= 1', (n) => n >= 1, true);
export const parseNonNegativeInt = parseWith('a whole number >= 0', (n) => n >= 0, true);
export const parseNonNegative = parseWith('a number >= 0', (n) => n >= 0, false);
export const parsePositive = parseWith('a number > 0', (n) => n > 0, false);
export const parseFraction = parseWith('a number from 0 to 1', (n) => n >= 0 && n <= 1, false);
export const parseSeed = parseWith(
  'a whole number from 0 to 4294967295',
  (n) => n >= 0 && n <= 0xffffffff,
  true,
);
export const parseLevel = parseWith('1, 2 or 3', (n) => n >= 1 && n <= 3, true);

/** `--warmup`: a request count (`500`) or a duration in seconds (`2s`). */
export function parseWarmup(raw: string): { requests?: number; durationMs?: number } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(s)?\s*$/.exec(raw);
  if (match === null) {
    throw new InvalidArgumentError(
      `expected a request count like 500 or seconds like 2s, received '${raw.slice(0, 40)}'`,
    );
  }
  const value = Number(match[1]);
  if (match[2] === 's') return { durationMs: value * 1000 };
  if (!Number.isInteger(value)) {
    throw new InvalidArgumentError(
      `expected a whole request count, received '${raw.slice(0, 40)}'`,
    );
  }
  return { requests: value };
}

/** `--alert name=value`, repeatable: accumulates into one object. */
export function parseAlertThreshold(
  raw: string,
  previous: Record<string, number>,
): Record<string, number> {
  const match = /^\s*([A-Za-z]\w*)\s*=\s*(-?\d+(?:\.\d+)?)\s*$/.exec(raw);
  if (match === null) {
    throw new InvalidArgumentError(
      `expected name=number like avgExecutionMsAbove=8, received '${raw.slice(0, 40)}'`,
    );
  }
  return { ...previous, [match[1] as string]: Number(match[2]) };
}
