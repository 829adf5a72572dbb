import type { Alert, Report, StatsBlock } from '@buddy/metrics';
import { cleanText } from './clean-text.js';
import { formatCount, formatMs, formatNumber, formatPercent, formatRate } from './format-values.js';
import { type BoxLayout, innerWidth, metricRow, type Row, renderSection } from './frame-box.js';
import type { FrameView } from './frame-view.js';
import { renderLoadRows } from './render-load.js';
import { padEndToWidth, padStartToWidth, wrapToWidth } from './text-width.js';

const below = (value: unknown, threshold: number): boolean =>
  typeof value === 'number' && value < threshold;

/** KEY METRICS: the cumulative numbers of the last report. */
export function renderKeyMetrics(view: FrameView, report: Report, layout: BoxLayout): string[] {
  const inner = innerWidth(layout);
  const row = (label: string, value: string, bad = false) =>
    metricRow(label, value, inner, bad ? 'bad' : undefined);
  const exec = report.execution_time;
  const conf = report.confidence;
  const rate = view.live?.achieved_rate ?? report.schedule?.window?.achieved_rate;
  const rows: Row[] = [
    row('Total Requests', formatCount(report.total_requests)),
    row('Success Rate', formatPercent(report.success_rate), below(report.success_rate, 90)),
    row('Error Rate', `${formatPercent(report.error_rate)} (${formatCount(report.error_count)})`),
    row('Avg Execution', formatMs(exec?.average)),
    row('Max Execution', formatMs(exec?.max)),
    row('P95 / P99 Execution', `${formatMs(exec?.p95)} / ${formatMs(exec?.p99)}`),
    row(
      'Confidence Mean / Std',
      `${formatNumber(conf?.mean, 3)} / ${formatNumber(conf?.std_dev, 3)}`,
    ),
    row('Pre-validation Catch', formatPercent(report.pre_validation?.catch_rate)),
    row('Approval Rate', formatPercent(report.approval_path?.approval_rate)),
    row('Clarification Rate', formatPercent(report.approval_path?.clarification_rate)),
    row('Adversarial Block', formatPercent(report.adversarial?.block_rate), blockBad(report)),
    row('Request Rate', formatRate(rate)),
  ];
  return renderSection('KEY METRICS', rows, layout);
}

const blockBad = (report: Report): boolean => below(report.adversarial?.block_rate, 90);

/** ALERTS of the last report window, high first. */
export function renderAlerts(report: Report, layout: BoxLayout): string[] {
  const alerts = Array.isArray(report.alerts) ? [...report.alerts] : [];
  alerts.sort((a, b) => rankOf(a) - rankOf(b));
  const inner = innerWidth(layout);
  const rows =
    alerts.length === 0
      ? [{ text: 'No alerts in the last report window', tone: 'good' as const }]
      : alerts.flatMap((alert) => alertRows(alert, inner));
  return renderSection(`ALERTS (${alerts.length})`, rows, layout);
}

const rankOf = (alert: Alert): number => (alert.priority === 'high' ? 0 : 1);

function alertRows(alert: Alert, inner: number): Row[] {
  const high = alert.priority === 'high';
  const tag = high ? 'HIGH   ' : 'MEDIUM ';
  const message = cleanText(alert.message) || cleanText(alert.code) || 'unnamed alert';
  const lines = wrapToWidth(message, Math.max(1, inner - tag.length));
  return lines.map((line, i) => ({
    text: `${i === 0 ? tag : ' '.repeat(tag.length)}${line}`,
    tone: high ? 'bad' : 'warn',
  }));
}

/** HEALTH & LOAD: score and label, speed, stability, load bar and interval. */
export function renderHealth(view: FrameView, report: Report, layout: BoxLayout): string[] {
  const inner = innerWidth(layout);
  const health = report.health;
  const label = cleanText(health?.label, 20);
  const healthTone = label === 'poor' ? 'bad' : label === 'fair' ? 'warn' : 'good';
  const speed = cleanText(health?.speed, 20);
  const stability = cleanText(health?.stability, 20);
  const rows: Row[] = [
    metricRow(
      'Health Score',
      `${formatNumber(health?.score, 1)} (${label || '–'})`,
      inner,
      healthTone,
    ),
    metricRow('Speed', speed || '–', inner, speed === 'critical' ? 'bad' : undefined),
    metricRow('Stability', stability || '–', inner, stability === 'unstable' ? 'bad' : undefined),
    ...renderLoadRows(view.live ?? report, inner),
    metricRow(
      'Active Soul',
      cleanText(view.live?.active_soul ?? report.soul?.active, 40) || '–',
      inner,
    ),
  ];
  return renderSection('HEALTH & LOAD', rows, layout);
}

const CATEGORY_COLUMNS = [
  { title: 'count', width: 7, cell: (s: StatsBlock) => formatCount(s.total_requests) },
  { title: 'ok', width: 7, cell: (s: StatsBlock) => formatPercent(s.success_rate) },
  { title: 'p95', width: 9, cell: (s: StatsBlock) => formatMs(s.execution_time?.p95) },
  { title: 'conf', width: 6, cell: (s: StatsBlock) => formatNumber(s.confidence?.mean, 2) },
];
const MIN_NAME_WIDTH = 10;

/** CATEGORIES: one line per category of the last report (cumulative). */
export function renderCategories(report: Report, layout: BoxLayout): string[] {
  const inner = innerWidth(layout);
  const entries = Object.entries(report.categories ?? {}).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return renderSection('CATEGORIES', [{ text: 'no data' }], layout);
  const columns = fitColumns(inner);
  const nameWidth = inner - columns.reduce((sum, c) => sum + c.width + 1, 0);
  const line = (name: string, cells: string[]) =>
    padEndToWidth(name, nameWidth) +
    cells.map((c, i) => ` ${padStartToWidth(c, columns[i]!.width)}`).join('');
  const rows: Row[] = [
    {
      text: line(
        'category',
        columns.map((c) => c.title),
      ),
      tone: 'dim',
    },
    ...entries.map(([name, stats]) => ({
      text: line(
        cleanText(name, 60),
        columns.map((c) => c.cell(stats)),
      ),
      tone: below(stats.success_rate, 90) ? ('bad' as const) : undefined,
    })),
  ];
  return renderSection('CATEGORIES', rows, layout);
}

// Narrow terminals drop columns from the right before squeezing names below readability.
function fitColumns(inner: number) {
  const columns = [...CATEGORY_COLUMNS];
  while (
    columns.length > 1 &&
    inner - columns.reduce((s, c) => s + c.width + 1, 0) < MIN_NAME_WIDTH
  ) {
    columns.pop();
  }
  return columns;
}
