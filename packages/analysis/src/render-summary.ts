import type { Alert, Health } from '@buddy/metrics';
import { formatMs } from './describe-change.js';
import type { Block, RenderOptions, Tone } from './document.js';
import { formatCount, formatDuration, formatPct, formatScore } from './format.js';
import type { Summary } from './summarize.js';
import { writeBlocks } from './write-blocks.js';

type Fields = { label: string; value: string; tone?: Tone }[];

/** Renders a summary as terminal text or Markdown. */
export function renderSummary(summary: Summary, options: RenderOptions = {}): string {
  return writeBlocks(summaryBlocks(summary), options);
}

/** The summary as format-neutral blocks. */
export function summaryBlocks(summary: Summary): Block[] {
  const head: Block[] = [{ type: 'title', text: 'BUDDY TRAFFIC SUMMARY' }, runFields(summary)];
  if (summary.empty) {
    return [...head, { type: 'text', text: emptyMessage(summary), tone: 'warn' }];
  }
  return [
    ...head,
    ...section('Requests', requestFields(summary)),
    ...section(timesHeading(summary), timeFields(summary)),
    ...section('Confidence', confidenceFields(summary)),
    ...section('Pre-validation', preValidationFields(summary)),
    ...ruleTable(summary),
    ...section('Approval routing', approvalFields(summary)),
    ...section('Adversarial blocking', adversarialFields(summary)),
    ...section('Errors', errorFields(summary)),
    ...section('Load', loadFields(summary)),
    ...section('Health', healthFields(summary)),
    ...summary.warnings.map((text): Block => ({ type: 'text', text, tone: 'warn' })),
  ];
}

function section(heading: string, rows: Fields): Block[] {
  return [
    { type: 'heading', text: heading },
    { type: 'fields', rows },
  ];
}

function emptyMessage(summary: Summary): string {
  return summary.range.since !== null || summary.range.until !== null
    ? 'No report in the selected time range.'
    : 'No report yet: the simulator writes its first report after --report-interval requests.';
}

function runFields(summary: Summary): Block {
  const rows: Fields = summary.runs.map((run) => ({
    label: 'Run',
    value: `${run.run_id} (${run.source}, ${formatCount(run.reports)} reports${
      run.has_history ? ', with history' : ''
    })`,
  }));
  if (summary.range.since !== null) rows.push({ label: 'Since', value: summary.range.since });
  if (summary.range.until !== null) rows.push({ label: 'Until', value: summary.range.until });
  if (!summary.empty) {
    rows.push({ label: 'Latest report', value: summary.period.last_report ?? 'n/a' });
    rows.push({ label: 'Elapsed', value: formatDuration(summary.period.elapsed_seconds) });
  }
  return { type: 'fields', rows };
}

function requestFields({ requests }: Summary): Fields {
  return [
    { label: 'Total requests', value: formatCount(requests.total) },
    {
      label: 'Success rate',
      value: formatPct(requests.success_rate),
      tone: atLeast(requests.success_rate, 90),
    },
    { label: 'Failure rate', value: formatPct(requests.failure_rate) },
    {
      label: 'Throughput',
      value: requests.rate_per_sec === null ? 'n/a' : `${requests.rate_per_sec.toFixed(1)} req/s`,
    },
    {
      label: 'Late / dropped',
      value: `${formatCount(requests.late)} / ${formatCount(requests.dropped)}`,
    },
  ];
}

function timesHeading(summary: Summary): string {
  return summary.execution_time.exact
    ? 'Execution time'
    : 'Execution time (percentiles approximate: some data had no histogram)';
}

function timeFields({ execution_time: t, latency }: Summary): Fields {
  return [
    { label: 'Average', value: formatMs(t.average) },
    { label: 'Min / max', value: `${formatMs(t.min)} / ${formatMs(t.max)}` },
    { label: 'p50 / p95 / p99', value: [t.p50, t.p95, t.p99].map(formatMs).join(' / ') },
    {
      label: 'Latency p50 / p99',
      value: `${formatMs(latency.p50)} / ${formatMs(latency.p99)} (from intended send)`,
    },
  ];
}

function confidenceFields({ confidence: c }: Summary): Fields {
  if (c.count === 0) return [{ label: 'Verdicts', value: '0' }];
  return [
    { label: 'Verdicts', value: formatCount(c.count) },
    { label: 'Mean / std dev', value: `${formatScore(c.mean)} / ${formatScore(c.std_dev)}` },
    { label: 'Min / max', value: `${formatScore(c.min)} / ${formatScore(c.max)}` },
  ];
}

function preValidationFields({ pre_validation: p }: Summary): Fields {
  const catchTone =
    p.catch_rate === null || (p.catch_rate >= 25 && p.catch_rate <= 50) ? 'plain' : 'warn';
  return [
    { label: 'Passed / failed', value: `${formatCount(p.passed)} / ${formatCount(p.failed)}` },
    { label: 'Catch rate', value: formatPct(p.catch_rate), tone: catchTone },
  ];
}

function ruleTable({ pre_validation: p }: Summary): Block[] {
  if (p.top_rules.length === 0) return [];
  return [
    {
      type: 'table',
      columns: [
        { label: 'Rule fired', align: 'left' },
        { label: 'Count', align: 'right' },
        { label: 'Share', align: 'right' },
      ],
      rows: p.top_rules.map((r) => [r.rule, formatCount(r.count), formatPct(r.share)]),
    },
  ];
}

function approvalFields({ approval: a }: Summary): Fields {
  return [
    { label: 'Approved', value: `${formatCount(a.approved)} (${formatPct(a.approval_rate)})` },
    {
      label: 'Clarification',
      value: `${formatCount(a.clarification)} (${formatPct(a.clarification_rate)})`,
      tone: (a.clarification_rate ?? 0) > 70 ? 'warn' : 'plain',
    },
    { label: 'Rejected', value: formatCount(a.rejected) },
  ];
}

function adversarialFields({ adversarial: a }: Summary): Fields {
  const interval =
    a.interval_95 === null
      ? ''
      : ` (95% CI ${a.interval_95.low.toFixed(1)}–${a.interval_95.high.toFixed(1)}%)`;
  return [
    {
      label: 'Attempts / blocked',
      value: `${formatCount(a.attempts)} / ${formatCount(a.blocked)}`,
    },
    {
      label: 'Block rate',
      value: a.block_rate === null ? 'n/a (no attempts)' : `${formatPct(a.block_rate)}${interval}`,
      tone: atLeast(a.block_rate, 90),
    },
  ];
}

function errorFields({ errors }: Summary): Fields {
  const rows: Fields = [
    {
      label: 'Errors',
      value: `${formatCount(errors.count)} (${formatPct(errors.rate, 2)})`,
      tone: errors.count === 0 ? 'good' : (errors.rate ?? 0) > 5 ? 'bad' : 'warn',
    },
  ];
  if (errors.by_kind.length > 0) {
    const kinds = errors.by_kind.map((k) => `${k.kind} ${formatCount(k.count)}`).join(', ');
    rows.push({ label: 'By kind', value: kinds });
  }
  for (const e of errors.top) {
    rows.push({ label: 'Top', value: `${formatCount(e.count)}× ${e.kind}: ${e.message}` });
  }
  return rows;
}

function loadFields({ load }: Summary): Fields {
  const interval =
    load.interval_ms === null ? '' : ` (${load.interval_ms.min}–${load.interval_ms.max} ms)`;
  const shares = load.by_level.map((l) => `level ${l.level} ${formatPct(l.share, 0)}`).join(', ');
  return [
    { label: 'Current level', value: load.level === null ? 'n/a' : `${load.level}${interval}` },
    { label: 'Reports at level', value: shares === '' ? 'n/a' : shares },
  ];
}

function healthFields({ health, alerts, latest_alerts }: Summary): Fields {
  if (health === null) return [{ label: 'Score', value: 'n/a' }];
  const rows: Fields = [
    {
      label: 'Score',
      value: `${health.score.toFixed(1)} (${health.label})`,
      tone: healthTone(health),
    },
    { label: 'Speed / stability', value: `${health.speed} / ${health.stability}` },
    ...alertRows('Alert (period)', alerts),
  ];
  if (alerts.length === 0) rows.push({ label: 'Alerts (period)', value: 'none', tone: 'good' });
  return [...rows, ...alertRows('Alert (latest)', latest_alerts)];
}

function healthTone(health: Health): Tone {
  if (health.label === 'excellent' || health.label === 'good') return 'good';
  return health.label === 'fair' ? 'warn' : 'bad';
}

function alertRows(label: string, alerts: readonly Alert[]): Fields {
  return alerts.map((alert) => ({
    label,
    value: `[${alert.priority}] ${alert.message}`,
    tone: alert.priority === 'high' ? 'bad' : 'warn',
  }));
}

function atLeast(value: number | null, threshold: number): Tone {
  if (value === null) return 'plain';
  return value >= threshold ? 'good' : 'bad';
}
