import type { Report, StatsBlock } from '@buddy/metrics';
import { createEmptyHistogram } from './empty-stats.js';

function stripStats<T extends StatsBlock>(stats: T): T {
  const { execution_time, latency } = stats.histograms;
  return {
    ...stats,
    histograms: {
      execution_time: createEmptyHistogram(execution_time),
      latency: createEmptyHistogram(latency),
    },
  };
}

/**
 * The report with its cumulative histograms (top level and per category) emptied; the window's
 * are kept, so merging windows still rebuilds the run's distribution.
 */
export function stripCumulativeHistograms(report: Report): Report {
  const categories: Record<string, StatsBlock> = {};
  for (const [id, stats] of Object.entries(report.categories)) categories[id] = stripStats(stats);
  return { ...stripStats(report), categories };
}
