import { renderLineChart } from './ascii-chart.js';
import { formatValue } from './describe-change.js';
import { type Block, type RenderOptions, type Tone, widthOf } from './document.js';
import { formatShortTime } from './format.js';
import type { TrendSeries, Trends } from './trends.js';
import { writeBlocks } from './write-blocks.js';

/** Default rows of a trend chart. */
const DEFAULT_CHART_HEIGHT = 8;

/** Renders trends (a chart and a sentence per metric, then the drift verdict). */
export function renderTrends(trends: Trends, options: RenderOptions = {}): string {
  return writeBlocks(trendBlocks(trends, options), options);
}

/** The trends as format-neutral blocks; charts are sized to the options' width. */
export function trendBlocks(trends: Trends, options: RenderOptions = {}): Block[] {
  const blocks: Block[] = [
    { type: 'title', text: 'BUDDY TRAFFIC TRENDS' },
    { type: 'fields', rows: periodRows(trends) },
  ];
  if (trends.reports === 0) return [...blocks, { type: 'text', text: 'No report to chart.' }];
  if (trends.basis === 'cumulative') {
    blocks.push({
      type: 'text',
      text: 'No per-report windows in this file (older layout): charting cumulative values.',
      tone: 'warn',
    });
  }
  for (const series of trends.series) blocks.push(chartBlock(series, trends, options));
  blocks.push({ type: 'heading', text: 'Confidence drift' });
  blocks.push({ type: 'text', text: trends.drift.description, tone: driftTone(trends) });
  return blocks;
}

function periodRows(trends: Trends) {
  const first = trends.times[0];
  const last = trends.times.at(-1);
  const rows = [{ label: 'Reports', value: String(trends.reports) }];
  if (first !== undefined && last !== undefined) {
    rows.push({ label: 'From', value: first }, { label: 'To', value: last });
  }
  return rows;
}

function chartBlock(series: TrendSeries, trends: Trends, options: RenderOptions): Block {
  const first = trends.times[0];
  const last = trends.times.at(-1);
  const lines = renderLineChart(series.values, {
    width: widthOf(options) - 2,
    height: options.chartHeight ?? DEFAULT_CHART_HEIGHT,
    formatValue: (v) => formatAxis(v, series),
    startLabel: first === undefined ? '' : formatShortTime(first),
    endLabel: last === undefined ? '' : formatShortTime(last),
  });
  return { type: 'chart', title: `${series.label}: ${series.description}`, lines };
}

function formatAxis(value: number, series: TrendSeries): string {
  if (series.unit === 'level') return value.toFixed(Number.isInteger(value) ? 0 : 1);
  if (series.unit === 'percent') return value.toFixed(1);
  return formatValue(value, series.unit);
}

function driftTone(trends: Trends): Tone {
  if (trends.drift.drifted === null) return 'dim';
  return trends.drift.drifted ? 'bad' : 'good';
}
