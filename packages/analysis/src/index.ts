export { type ChartOptions, renderLineChart } from './ascii-chart.js';
export {
  analyzeCategories,
  type CategoryAnalysis,
  type CategoryRow,
  FELL_POINTS,
} from './categories.js';
export { combineConfidence } from './confidence-moments.js';
export {
  type Direction,
  describeChange,
  formatMs,
  formatValue,
  type TrendUnit,
} from './describe-change.js';
export { type Block, DEFAULT_WIDTH, type RenderOptions, type Tone } from './document.js';
export { analyzeErrors, type ErrorAnalysis, type ErrorRow } from './errors.js';
export { loadRuns } from './load-runs.js';
export { addCounts, mergeErrorGroups } from './merge-errors.js';
export {
  latestAlerts,
  type MergedRuns,
  type MergeOptions,
  mergeRuns,
  type RunInfo,
  type RunInput,
} from './merge-runs.js';
export { emptyStatsBlock, mergeStatsBlocks, percentOf } from './merge-stats.js';
export { categoryBlocks, renderCategories } from './render-categories.js';
export { errorBlocks, renderErrors } from './render-errors.js';
export { renderSummary, summaryBlocks } from './render-summary.js';
export { renderTrends, trendBlocks } from './render-trends.js';
export { PART_SHARE } from './run-parts.js';
export { type Summary, summarize } from './summarize.js';
export {
  cutTimeRange,
  parseTimeBound,
  resolveTimeBound,
  type TimeBound,
} from './time-range.js';
export {
  analyzeTrends,
  type ConfidenceDrift,
  DRIFT_THRESHOLDS,
  type TrendMetric,
  type TrendSeries,
  type Trends,
} from './trends.js';
export { type ProportionInterval, wilsonInterval } from './wilson-interval.js';
export { writeBlocks } from './write-blocks.js';
