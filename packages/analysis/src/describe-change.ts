/** How a value is read: percent points, milliseconds, a 0..1 score or a load level. */
export type TrendUnit = 'percent' | 'ms' | 'score' | 'level';

export type Direction = 'up' | 'down' | 'steady';

/** Changes smaller than these read as "steady". */
const STEADY = { percentPoints: 0.1, msRelativePct: 5, score: 0.01, level: 0.05 };

/** Formats a value in its unit, e.g. `99.5%`, `0.12 ms`, `0.412`, `level 2`. */
export function formatValue(value: number | null, unit: TrendUnit): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (unit === 'percent') return `${value.toFixed(1)}%`;
  if (unit === 'ms') return formatMs(value);
  if (unit === 'score') return value.toFixed(3);
  return Number.isInteger(value) ? `level ${value}` : `level ${value.toFixed(1)}`;
}

/** Milliseconds with precision suited to the size: `0.123 ms`, `12.3 ms`, `1234 ms`. */
export function formatMs(valueMs: number): string {
  if (valueMs < 1) return `${valueMs.toFixed(3)} ms`;
  if (valueMs < 100) return `${valueMs.toFixed(2)} ms`;
  return `${valueMs.toFixed(0)} ms`;
}

/** Direction of a change from `first` to `last`, ignoring changes too small to matter. */
export function directionOf(first: number, last: number, unit: TrendUnit): Direction {
  const delta = last - first;
  if (unit === 'ms') {
    if (first === 0) return last === 0 ? 'steady' : 'up';
    return Math.abs(delta / first) * 100 < STEADY.msRelativePct
      ? 'steady'
      : delta > 0
        ? 'up'
        : 'down';
  }
  const threshold =
    unit === 'percent' ? STEADY.percentPoints : unit === 'score' ? STEADY.score : STEADY.level;
  if (Math.abs(delta) < threshold) return 'steady';
  return delta > 0 ? 'up' : 'down';
}

/** The change in words, e.g. `fell 2.3 points (99.8% → 97.5%)` or `steady at 0.10 ms`. */
export function describeChange(first: number | null, last: number | null, unit: TrendUnit): string {
  if (first === null || last === null) return 'not enough data';
  const direction = directionOf(first, last, unit);
  const from = formatValue(first, unit);
  const to = formatValue(last, unit);
  if (direction === 'steady') return `steady at ${to}`;
  const verb = direction === 'up' ? 'rose' : 'fell';
  return `${verb} ${sizeOf(first, last, unit)} (${from} → ${to})`;
}

function sizeOf(first: number, last: number, unit: TrendUnit): string {
  const delta = Math.abs(last - first);
  if (unit === 'percent') return `${delta.toFixed(1)} points`;
  if (unit === 'ms') return first === 0 ? `by ${formatMs(delta)}` : `${relativePct(first, last)}%`;
  if (unit === 'score') return `by ${delta.toFixed(3)}`;
  return `by ${Number.isInteger(delta) ? delta : delta.toFixed(1)}`;
}

function relativePct(first: number, last: number): string {
  const pct = (Math.abs(last - first) / first) * 100;
  return pct >= 10 ? pct.toFixed(0) : pct.toFixed(1);
}
