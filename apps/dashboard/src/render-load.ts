import { formatLevel } from './format-values.js';
import { metricRow, type Row } from './frame-box.js';

const MAX_LEVEL = 3;
const CELLS_PER_LEVEL = 3;

/** Where the load level and interval come from: a report or the live status. */
export interface LoadSource {
  load_level?: number;
  request_interval?: { min: number; max: number };
}

/** `[██████░░░] 2/3`; levels above 3 (other policies) fill the bar. */
export function renderLoadBar(level: number): string {
  const filled = Math.min(MAX_LEVEL, Math.max(0, Math.round(level))) * CELLS_PER_LEVEL;
  const empty = MAX_LEVEL * CELLS_PER_LEVEL - filled;
  return `[${'█'.repeat(filled)}${'░'.repeat(empty)}] ${formatLevel(level)}/${MAX_LEVEL}`;
}

/** The load level bar and the request interval rows. */
export function renderLoadRows(source: LoadSource, inner: number): Row[] {
  const level = source.load_level;
  const bar = typeof level === 'number' && Number.isFinite(level) ? renderLoadBar(level) : '–';
  const interval = source.request_interval;
  const span = interval
    ? `${formatIntervalMs(interval.min)}–${formatIntervalMs(interval.max)}ms`
    : '–';
  return [metricRow('Load Level', bar, inner), metricRow('Request Interval', span, inner)];
}

const formatIntervalMs = (ms: unknown): string => {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '?';
  return Number.isInteger(ms) ? String(ms) : ms.toFixed(1);
};
