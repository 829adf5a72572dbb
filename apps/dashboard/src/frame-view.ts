import type { Report } from '@buddy/metrics';
import type { LiveStatus } from '@buddy/report-format';
import type { DashboardState } from './dashboard-state.js';
import { parseTimeMs } from './format-values.js';

/** Data is stale after this many refresh intervals without news (and at least a minute). */
const STALE_INTERVALS = 3;
const STALE_MIN_MS = 60_000;

/** What a frame is drawn from, derived once from the state. */
export interface FrameView {
  report: Report | null;
  /** Live status of the same run (or of a run with no report yet). */
  live: LiveStatus | null;
  /** Epoch ms of the freshest data seen (report, file or live status); null when none. */
  dataTimeMs: number | null;
  ageMs: number | null;
  stale: boolean;
  staleAfterMs: number;
  /** The last report is the run's final one: old data is expected, not stale. */
  finished: boolean;
}

/** Picks the report and live status to show and judges the data's age. */
export function deriveFrameView(state: DashboardState, nowMs: number): FrameView {
  const reports = Array.isArray(state.metrics?.reports) ? state.metrics.reports : [];
  const report = reports.at(-1) ?? null;
  const live = pickLive(state);
  const times = [
    parseTimeMs(state.metrics?.updated_at),
    parseTimeMs(report?.timestamp),
    parseTimeMs(live?.updated_at),
  ].filter((t): t is number => t !== null);
  const dataTimeMs = times.length > 0 ? Math.max(...times) : null;
  const ageMs = dataTimeMs === null ? null : Math.max(0, nowMs - dataTimeMs);
  const staleAfterMs = Math.max(STALE_MIN_MS, STALE_INTERVALS * state.intervalSeconds * 1000);
  const finished = report?.final === true && (live === null || !isNewer(live, report));
  const stale = ageMs !== null && ageMs > staleAfterMs && !finished;
  return { report, live, dataTimeMs, ageMs, stale, staleAfterMs, finished };
}

// A live status left over from an earlier run must not be mixed into this run's numbers.
function pickLive(state: DashboardState): LiveStatus | null {
  const live = state.live;
  if (live === null) return null;
  if (state.metrics === null || (state.metrics.reports ?? []).length === 0) return live;
  return live.run_id === state.metrics.run_id ? live : null;
}

function isNewer(live: LiveStatus, report: Report): boolean {
  return (parseTimeMs(live.updated_at) ?? 0) > (parseTimeMs(report.timestamp) ?? 0);
}
