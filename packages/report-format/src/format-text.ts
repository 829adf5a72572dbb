/** The report block the simulator prints at each report, in the overview's look. */
import type { Alert, HealthLabel, Report, StatsBlock } from '@buddy/metrics';
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

export interface RenderReportOptions {
  /** ANSI colour on our own labels (never on data); default false. */
  color?: boolean;
  /** Width of the ═ rules, 40..200; default 60. */
  width?: number;
}

const DEFAULT_WIDTH = 60;
const CATEGORY_NAME_WIDTH = 26;

type Paint = (code: string, text: string) => string;

function createPaint(color: boolean): Paint {
  return color ? (code, text) => `\x1b[${code}m${text}\x1b[0m` : (_code, text) => text;
}

const HEALTH_COLORS: Record<HealthLabel, string> = {
  excellent: '32',
  good: '32',
  fair: '33',
  poor: '31',
};

function renderHeadline(report: Report): string[] {
  const time = report.execution_time;
  return [
    `Elapsed: ${formatFixed(report.elapsed_seconds, 1)}s | ` +
      `Total Requests: ${report.total_requests}`,
    `Success Rate: ${formatPercent(report.success_rate)} | ` +
      `Failure Rate: ${formatPercent(report.failure_rate)}`,
    `Execution: avg ${formatMs(time.average)} | min ${formatMs(time.min)} | ` +
      `max ${formatMs(time.max)}`,
    `           p50 ${formatMs(time.p50)} | p95 ${formatMs(time.p95)} | p99 ${formatMs(time.p99)}`,
    `Latency (from intended send): p50 ${formatMs(report.latency.p50)} | ` +
      `p99 ${formatMs(report.latency.p99)}`,
  ];
}

function renderVerdicts(report: Report): string[] {
  const { adversarial } = report;
  const attempts =
    adversarial.attempts === 0 ? '' : ` (${adversarial.blocked}/${adversarial.attempts})`;
  return [
    `Confidence: mean ${formatFixed(report.confidence.mean, 3)} | ` +
      `std ${formatFixed(report.confidence.std_dev, 3)}`,
    `Pre-validation Catch: ${formatPercent(report.pre_validation.catch_rate)} | ` +
      `Approval: ${formatPercent(report.approval_path.approval_rate)} | ` +
      `Clarification: ${formatPercent(report.approval_path.clarification_rate)}`,
    `Adversarial Block Rate: ${formatPercent(adversarial.block_rate)}${attempts}`,
  ];
}

function renderErrorsAndSchedule(report: Report): string[] {
  const kinds = topErrorKinds(report);
  const errors = `Errors: ${report.error_count} (${formatPercent(report.error_rate)})`;
  const { cumulative, window } = report.schedule;
  const target =
    window.target_rate === null ? '' : ` (target ${formatFixed(window.target_rate, 2)})`;
  const win = report.window;
  return [
    kinds.length === 0 ? errors : `${errors} | ${kinds.join(', ')}`,
    `Window (${formatFixed(win.duration_seconds, 0)}s): ${win.total_requests} requests | ` +
      `Success ${formatPercent(win.success_rate)} | avg ${formatMs(win.execution_time.average)}`,
    `Achieved Rate: ${formatFixed(window.achieved_rate, 2)} req/s${target} | ` +
      `Late: ${cumulative.late} | Dropped: ${cumulative.dropped}`,
  ];
}

function renderCategory(id: string, stats: StatsBlock): string {
  const name = safeText(id, CATEGORY_NAME_WIDTH - 2).padEnd(CATEGORY_NAME_WIDTH);
  const block =
    stats.adversarial.attempts === 0
      ? ''
      : `  block ${formatPercent(stats.adversarial.block_rate)}`;
  return (
    `  ${name}${String(stats.total_requests).padStart(7)}  ` +
    `ok ${formatPercent(stats.success_rate).padStart(6)}  ` +
    `avg ${formatMs(stats.execution_time.average)}  ` +
    `conf ${formatFixed(stats.confidence.mean, 2)}${block}`
  );
}

function renderCategories(report: Report): string[] {
  const entries = sortedCategories(report);
  if (entries.length === 0) return [];
  return ['Categories:', ...entries.map(([id, stats]) => renderCategory(id, stats))];
}

function renderAlert(alert: Alert, paint: Paint): string {
  const tag = alert.priority === 'high' ? paint('31', '[HIGH]') : paint('33', '[MEDIUM]');
  return `  ${tag} ${safeText(alert.message, 100)}`;
}

function renderStatus(report: Report, paint: Paint): string[] {
  const { health, soul } = report;
  const label = paint(HEALTH_COLORS[health.label] ?? '0', health.label);
  const alerts =
    report.alerts.length === 0
      ? ['Alerts: none']
      : [`Alerts: ${report.alerts.length}`, ...report.alerts.map((a) => renderAlert(a, paint))];
  const fallbacks = soul.fallbacks === 0 ? '' : ` | fallbacks ${soul.fallbacks}`;
  return [
    ...alerts,
    `Health: ${formatFixed(health.score, 1)} (${label}) | Speed: ${safeText(health.speed, 20)} | ` +
      `Stability: ${safeText(health.stability, 20)}`,
    `Load Level: ${report.load_level} | Request Interval: ${formatInterval(report)} | ` +
      `Arrival: ${safeText(report.arrival, 20)}`,
    `Soul: ${safeText(soul.active, 30)} (served: ${describeServed(report)})${fallbacks}`,
  ];
}

/** Renders the report block (no trailing newline); strings from the data are sanitised. */
export function renderReportBlock(report: Report, options: RenderReportOptions = {}): string {
  const paint = createPaint(options.color ?? false);
  const width = Math.min(200, Math.max(40, Math.floor(options.width ?? DEFAULT_WIDTH)));
  const rule = '═'.repeat(width);
  const final = report.final ? ' (final)' : '';
  const title = `BUDDY TRAFFIC METRICS - ${safeText(report.timestamp, 40)}${final}`;
  return [
    rule,
    paint('1', title),
    rule,
    ...renderHeadline(report),
    ...renderVerdicts(report),
    ...renderErrorsAndSchedule(report),
    ...renderCategories(report),
    ...renderStatus(report, paint),
    rule,
  ].join('\n');
}
