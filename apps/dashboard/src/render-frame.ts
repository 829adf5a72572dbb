import type { DashboardState } from './dashboard-state.js';
import type { BoxLayout } from './frame-box.js';
import { deriveFrameView } from './frame-view.js';
import { paint, stripPaint } from './paint.js';
import { renderErrors } from './render-errors.js';
import {
  renderAlerts,
  renderCategories,
  renderHealth,
  renderKeyMetrics,
} from './render-report-sections.js';
import { renderProblem, renderTitle, renderWaiting } from './render-status-sections.js';
import { displayWidth, truncateToWidth } from './text-width.js';

/** The terminal a frame is drawn for. */
export interface FrameOptions {
  /** Columns; no line of the frame is wider. */
  width: number;
  /** Rows; a taller frame is cut with a note (use Infinity for `--once`). */
  height: number;
  color: boolean;
  /** Wall-clock epoch ms of the redraw (ages are measured against it). */
  nowMs: number;
  /** Footer line with the keys and refresh period (interactive mode). */
  footer?: string;
}

/** Widest box drawn, so a wide terminal does not stretch the rows unreadably. */
const MAX_BOX_WIDTH = 100;

/** Draws one frame of the dashboard as a string of lines (no trailing newline). */
export function renderFrame(state: DashboardState, options: FrameOptions): string {
  const width = Math.max(1, Math.floor(options.width));
  const layout: BoxLayout = { boxWidth: Math.min(width, MAX_BOX_WIDTH), color: options.color };
  const view = deriveFrameView(state, options.nowMs);
  const lines = [
    ...renderTitle(view, state, options.nowMs, layout),
    ...renderProblem(state, layout),
    ...renderBody(view, state, layout),
  ];
  if (options.footer !== undefined) lines.push(paint(options.footer, 'dim', options.color));
  const fitted = lines.map((line) => fitLine(line, width));
  return cutToHeight(fitted, options.height, width).join('\n');
}

function renderBody(
  view: ReturnType<typeof deriveFrameView>,
  state: DashboardState,
  layout: BoxLayout,
) {
  const report = view.report;
  if (report === null) return renderWaiting(view, state, layout);
  return [
    ...renderAlerts(report, layout),
    ...renderKeyMetrics(view, report, layout),
    ...renderErrors(report, layout),
    ...renderHealth(view, report, layout),
    ...renderCategories(report, layout),
  ];
}

// Guard for tiny terminals where even a box's borders do not fit.
function fitLine(line: string, width: number): string {
  const plain = stripPaint(line);
  if (displayWidth(plain) <= width) return line;
  return truncateToWidth(plain, width);
}

function cutToHeight(lines: string[], height: number, width: number): string[] {
  if (!(height >= 1) || lines.length <= height) return lines;
  const kept = lines.slice(0, Math.max(0, Math.floor(height) - 1));
  const hidden = lines.length - kept.length;
  return [...kept, truncateToWidth(`… ${hidden} more lines: enlarge the terminal`, width)];
}
