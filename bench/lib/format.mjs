/** Number formatting and the result table, as text for the terminal and as Markdown. */

const units = {
  'req/s': (v) => Math.round(v).toLocaleString('en-US'),
  ms: (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(2)),
  MiB: (v) => v.toFixed(1),
  ratio: (v) => v.toFixed(2),
  count: (v) => Math.round(v).toLocaleString('en-US'),
  s: (v) => v.toFixed(1),
};

/** A value with its unit, e.g. `12,345 req/s`; `-` when absent. */
export function formatValue(value, unit) {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || Number.isNaN(value)) return '-';
  const format = units[unit] ?? ((v) => String(v));
  return unit === 'ratio' || unit === 'count' ? format(value) : `${format(value)} ${unit}`;
}

/** A result row: one measured figure, with its goal (and whether it was met) when it has one. */
export function row(measure, value, unit, goal) {
  if (goal === undefined) return { measure, value, unit };
  const met = Number.isFinite(value) ? goal.check(value) : null;
  return { measure, value, unit, goal: goal.text, met };
}

/** Goal helpers: `atLeast(0.5)` reads ">= 0.5" and is met when the value is at least 0.5. */
export const atLeast = (limit, unit = '') => ({
  text: `>= ${limit}${unit}`,
  check: (v) => v >= limit,
});
export const atMost = (limit, unit = '') => ({
  text: `<= ${limit}${unit}`,
  check: (v) => v <= limit,
});
/** A goal stated in words, met when `check` says so. */
export const goalText = (text, check) => ({ text, check });

function cells(benchmark, r) {
  const met = r.goal === undefined ? '' : r.met === null ? 'n/a' : r.met ? 'yes' : 'NO';
  return [benchmark, r.measure, formatValue(r.value, r.unit), r.goal ?? '', met];
}

const header = ['benchmark', 'measure', 'value', 'goal', 'met'];

/** Rows of every result as table cells. */
function tableCells(results) {
  return results.flatMap((result) => result.rows.map((r) => cells(result.name, r)));
}

/** A plain-text table with aligned columns. */
export function renderTextTable(results) {
  const rows = [header, ...tableCells(results)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    r.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
    .map((l) => l.trimEnd())
    .join('\n');
}

/** A Markdown table of the given results' rows. */
export function renderMarkdownTable(results) {
  const escapeCell = (cell) => cell.replaceAll('|', '\\|');
  const line = (r) => `| ${r.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...tableCells(results).map(line)].join('\n');
}
