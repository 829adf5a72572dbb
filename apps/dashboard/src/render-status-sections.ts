import { cleanText } from './clean-text.js';
import type { DashboardState } from './dashboard-state.js';
import {
  formatCount,
  formatDuration,
  formatPercent,
  formatRate,
  formatUtc,
} from './format-values.js';
import {
  type BoxLayout,
  innerWidth,
  metricRow,
  type Row,
  renderHeader,
  renderSection,
} from './frame-box.js';
import type { FrameView } from './frame-view.js';
import { renderLoadRows } from './render-load.js';
import { wrapToWidth } from './text-width.js';

const wrapRows = (text: string, inner: number, tone?: Row['tone']): Row[] =>
  wrapToWidth(text, inner).map((line) => ({ text: line, tone }));

/** The double-lined header: title, redraw time, run and age of the data. */
export function renderTitle(
  view: FrameView,
  state: DashboardState,
  nowMs: number,
  layout: BoxLayout,
) {
  const rows: Row[] = [
    { text: 'BUDDY TRAFFIC MONITORING DASHBOARD', tone: 'title' },
    { text: `Updated: ${formatUtc(nowMs)}` },
  ];
  const runId = cleanText(state.metrics?.run_id ?? view.live?.run_id, 40);
  if (runId !== '') rows.push({ text: `Run: ${runId}` });
  rows.push(...renderAgeRows(view));
  return renderHeader(rows, layout);
}

function renderAgeRows(view: FrameView): Row[] {
  if (view.ageMs === null) return [{ text: 'Data age: no data yet', tone: 'dim' }];
  const reportNote = view.report ? ` (report #${view.report.report_index})` : '';
  const rows: Row[] = [{ text: `Data age: ${formatDuration(view.ageMs)}${reportNote}` }];
  if (view.finished) rows.push({ text: 'Run finished: this is the final report', tone: 'dim' });
  if (view.stale) {
    const limit = formatDuration(view.staleAfterMs);
    rows.push({
      text: `STALE: no new data for over ${limit}; is the simulator running?`,
      tone: 'bad',
    });
  }
  return rows;
}

/** The PROBLEM box: why the file cannot be used right now, and that we keep watching. */
export function renderProblem(state: DashboardState, layout: BoxLayout): string[] {
  const problem = state.problem;
  if (problem === null) return [];
  const hasData = state.metrics !== null;
  if (problem.kind === 'missing' && !hasData) return [];
  const inner = innerWidth(layout);
  const path = cleanText(state.filePath, 200);
  const what =
    problem.kind === 'missing'
      ? `The metrics file is missing (moved or deleted?): ${path}`
      : `The metrics file is corrupt or unreadable: ${cleanText(problem.message, 300)}`;
  const next = hasData ? 'Still watching; showing the last good data below.' : 'Still watching.';
  const tone = problem.kind === 'missing' ? 'warn' : 'bad';
  return renderSection(
    'PROBLEM',
    [...wrapRows(what, inner, tone), ...wrapRows(next, inner)],
    layout,
  );
}

/** The WAITING box shown before the first report: what is missing and live progress. */
export function renderWaiting(view: FrameView, state: DashboardState, layout: BoxLayout) {
  const inner = innerWidth(layout);
  const path = cleanText(state.filePath, 200);
  const rows: Row[] = [];
  rows.push(...wrapRows(waitingMessage(view, state, path), inner, 'warn'));
  if (view.live === null) {
    const hint =
      'Start buddy-simulator; a report is written every --report-interval requests ' +
      '(default 500).';
    rows.push(...wrapRows(hint, inner, 'dim'));
    return renderSection('WAITING FOR DATA', rows, layout);
  }
  rows.push(...renderLiveRows(view.live, inner));
  return renderSection('WAITING FOR THE FIRST REPORT', rows, layout);
}

function renderLiveRows(live: NonNullable<FrameView['live']>, inner: number): Row[] {
  return [
    metricRow('State', cleanText(live.state, 30) || '–', inner),
    metricRow('Requests So Far', formatCount(live.total_requests), inner),
    metricRow('Success Rate', formatPercent(live.success_rate), inner),
    metricRow('Errors', formatCount(live.error_count), inner),
    metricRow('Request Rate', formatRate(live.achieved_rate), inner),
    metricRow('In Flight', formatCount(live.in_flight), inner),
    metricRow('Elapsed', formatDuration((live.elapsed_seconds ?? 0) * 1000), inner),
    ...renderLoadRows(live, inner),
    metricRow('Active Soul', cleanText(live.active_soul, 40) || '–', inner),
  ];
}

function waitingMessage(view: FrameView, state: DashboardState, path: string): string {
  if (view.live !== null) return 'The simulator is running; waiting for its first report.';
  if (state.metrics === null && state.problem?.kind !== 'invalid') {
    return `Waiting for the metrics file: ${path}`;
  }
  return 'Waiting for the first report.';
}
