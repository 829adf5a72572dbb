/** Options of {@link renderLineChart}. */
export interface ChartOptions {
  /** Total width in characters, axis labels included (at least 20). */
  width: number;
  /** Plot rows (at least 3). */
  height: number;
  /** Formats a y-axis value. */
  formatValue: (value: number) => string;
  /** Labels under the left and right end of the x axis. */
  startLabel?: string;
  endLabel?: string;
}

/**
 * An ASCII line chart of a series (nulls are gaps), resampled to fit the width: longer series
 * are averaged per column, shorter ones interpolated. Returns the chart's lines.
 */
export function renderLineChart(
  values: readonly (number | null)[],
  options: ChartOptions,
): string[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return ['(no data)'];

  const height = Math.max(3, Math.floor(options.height));
  const low = Math.min(...present);
  const high = Math.max(...present);
  const labels = axisLabels(low, high, height, options.formatValue);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const plotWidth = Math.max(10, Math.floor(options.width) - labelWidth - 2);

  const columns = resample(values, plotWidth);
  const grid = plotGrid(columns, low, high, height);
  const lines = grid.map((row, i) => `${(labels[i] ?? '').padStart(labelWidth)} |${row.join('')}`);
  lines.push(`${' '.repeat(labelWidth)} +${'-'.repeat(plotWidth)}`);
  const axis = xAxisLabels(options.startLabel ?? '', options.endLabel ?? '', plotWidth);
  if (axis !== '') lines.push(`${' '.repeat(labelWidth + 2)}${axis}`);
  return lines.map((line) => line.trimEnd());
}

/** Top, middle and bottom labels; a flat series gets a single label on the middle row. */
function axisLabels(low: number, high: number, height: number, format: (v: number) => string) {
  const labels: string[] = new Array(height).fill('');
  const middle = Math.floor((height - 1) / 2);
  if (high === low) {
    labels[middle] = format(high);
    return labels;
  }
  labels[0] = format(high);
  labels[height - 1] = format(low);
  if (height >= 5) labels[middle] = format(high - ((high - low) * middle) / (height - 1));
  return labels;
}

function resample(values: readonly (number | null)[], width: number): (number | null)[] {
  if (values.length >= width) return averageBuckets(values, width);
  if (values.length === 1) return new Array(width).fill(values[0] ?? null);
  return Array.from({ length: width }, (_, c) =>
    interpolate(values, (c * (values.length - 1)) / (width - 1)),
  );
}

function averageBuckets(values: readonly (number | null)[], width: number): (number | null)[] {
  return Array.from({ length: width }, (_, c) => {
    const from = Math.floor((c * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / width));
    let sum = 0;
    let count = 0;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    return count === 0 ? null : sum / count;
  });
}

function interpolate(values: readonly (number | null)[], position: number): number | null {
  const lower = values[Math.floor(position)] ?? null;
  const upper = values[Math.ceil(position)] ?? null;
  if (lower === null || upper === null) return lower ?? upper;
  return lower + (upper - lower) * (position - Math.floor(position));
}

/** Rows top to bottom; `*` marks a value, `|` joins it to the previous column's value. */
function plotGrid(columns: readonly (number | null)[], low: number, high: number, height: number) {
  const grid = Array.from({ length: height }, () => new Array<string>(columns.length).fill(' '));
  const rowOf = (v: number) =>
    high === low
      ? Math.floor((height - 1) / 2)
      : Math.round(((high - v) / (high - low)) * (height - 1));
  let previous: number | null = null;
  columns.forEach((value, c) => {
    if (value === null) {
      previous = null;
      return;
    }
    const row = rowOf(value);
    if (previous !== null) {
      for (let r = Math.min(row, previous) + 1; r < Math.max(row, previous); r++) grid[r]![c] = '|';
    }
    grid[row]![c] = '*';
    previous = row;
  });
  return grid;
}

function xAxisLabels(start: string, end: string, width: number): string {
  if (start === '' && end === '') return '';
  if (start.length + end.length + 1 > width) return start.slice(0, width);
  return `${start}${' '.repeat(width - start.length - end.length)}${end}`;
}
