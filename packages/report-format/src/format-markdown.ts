/** The report as Markdown (for CI summaries and issue comments). */
import type { Report, StatsBlock } from '@buddy/metrics';
import {
  describeServed,
  formatFixed,
  formatInterval,
  formatMs,
  formatPercent,
  safeText,
  sortedCategories,
  topErrorKinds,
} from './format-values.js';

/** Sanitised text with Markdown's active characters escaped. */
function md(text: string, maxLength = 80): string {
  return safeText(text, maxLength).replace(/[\\`*_|<>[\]#]/g, (char) => `\\${char}`);
}

function renderSummaryRows(report: Report): string[] {
  const time = report.execution_time;
  const kinds = topErrorKinds(report).map((kind) => md(kind));
  const errors = `${report.error_count} (${formatPercent(report.error_rate)})`;
  const schedule = report.schedule;
  const rows: [string, string][] = [
    ['Elapsed', `${formatFixed(report.elapsed_seconds, 1)} s`],
    ['Total requests', String(report.total_requests)],
    [
      'Success / failure rate',
      `${formatPercent(report.success_rate)} / ${formatPercent(report.failure_rate)}`,
    ],
    [
      'Execution avg / min / max',
      `${formatMs(time.average)} / ${formatMs(time.min)} / ${formatMs(time.max)}`,
    ],
    [
      'Execution p50 / p95 / p99',
      `${formatMs(time.p50)} / ${formatMs(time.p95)} / ${formatMs(time.p99)}`,
    ],
    ['Latency p50 / p99', `${formatMs(report.latency.p50)} / ${formatMs(report.latency.p99)}`],
    [
      'Confidence mean / std',
      `${formatFixed(report.confidence.mean, 3)} / ${formatFixed(report.confidence.std_dev, 3)}`,
    ],
    ['Pre-validation catch', formatPercent(report.pre_validation.catch_rate)],
    [
      'Approval / clarification',
      `${formatPercent(report.approval_path.approval_rate)} / ` +
        formatPercent(report.approval_path.clarification_rate),
    ],
    ['Adversarial block rate', formatPercent(report.adversarial.block_rate)],
    ['Errors', kinds.length === 0 ? errors : `${errors}: ${kinds.join(', ')}`],
    ['Achieved rate', `${formatFixed(schedule.window.achieved_rate, 2)} req/s`],
    ['Late / dropped', `${schedule.cumulative.late} / ${schedule.cumulative.dropped}`],
    ['Health', `${formatFixed(report.health.score, 1)} (${md(report.health.label)})`],
    ['Speed / stability', `${md(report.health.speed)} / ${md(report.health.stability)}`],
    ['Load level / interval', `${report.load_level} / ${formatInterval(report)}`],
    ['Soul', `${md(report.soul.active)} (served: ${md(describeServed(report), 200)})`],
  ];
  return [
    '| Metric | Value |',
    '|---|---|',
    ...rows.map(([name, value]) => `| ${name} | ${value} |`),
  ];
}

function renderCategoryRow(id: string, stats: StatsBlock): string {
  const cells = [
    md(id, 40),
    String(stats.total_requests),
    formatPercent(stats.success_rate),
    formatMs(stats.execution_time.average),
    formatMs(stats.execution_time.p95),
    formatFixed(stats.confidence.mean, 2),
    formatPercent(stats.adversarial.block_rate),
  ];
  return `| ${cells.join(' | ')} |`;
}

function renderCategories(report: Report): string[] {
  const entries = sortedCategories(report);
  if (entries.length === 0) return [];
  return [
    '',
    '### Categories',
    '',
    '| Category | Requests | Success | Avg | P95 | Confidence | Block rate |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...entries.map(([id, stats]) => renderCategoryRow(id, stats)),
  ];
}

function renderAlerts(report: Report): string[] {
  if (report.alerts.length === 0) return ['', '### Alerts', '', 'None.'];
  const items = report.alerts.map(
    (alert) => `- **${alert.priority}** ${md(alert.code, 40)}: ${md(alert.message, 160)}`,
  );
  return ['', '### Alerts', '', ...items];
}

/** Renders the report as Markdown; strings from the data are sanitised and escaped. */
export function renderReportMarkdown(report: Report): string {
  const final = report.final ? ' (final)' : '';
  return [
    `## Buddy traffic metrics — ${md(report.timestamp, 40)}${final}`,
    '',
    ...renderSummaryRows(report),
    ...renderCategories(report),
    ...renderAlerts(report),
    '',
  ].join('\n');
}
