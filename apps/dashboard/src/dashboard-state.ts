import type { LiveStatus, MetricsFile } from '@buddy/report-format';

/** Why the metrics file could not be used on the last read. */
export interface FileProblem {
  /** `missing`: no file (yet); `invalid`: unreadable, truncated or not a metrics file. */
  kind: 'missing' | 'invalid';
  /** What went wrong, in words (not yet sanitised: it may quote the file). */
  message: string;
}

/** Everything one frame shows; built by the loader, drawn by `renderFrame`. */
export interface DashboardState {
  /** The metrics file path, as the user gave it. */
  filePath: string;
  /** Refresh interval in seconds (staleness is judged against it). */
  intervalSeconds: number;
  /** The last metrics file read successfully (kept while the file is missing or corrupt). */
  metrics: MetricsFile | null;
  /** The problem of the latest read, if it failed. */
  problem: FileProblem | null;
  /** The simulator's live status, when present and readable. */
  live: LiveStatus | null;
}
