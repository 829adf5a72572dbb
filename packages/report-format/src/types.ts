/**
 * Shapes of the metrics file (SPEC 4.4), its request entries and the live status file.
 * Field names are snake_case and keep the original layout's names so older readers keep working.
 */
import type { Report } from '@buddy/metrics';
import type { ApprovalPath, PreValidation } from '@buddy/traffic-core';

/** Current version of the metrics file layout. */
export const METRICS_SCHEMA_VERSION = 2;

/** Default file name of the metrics file. */
export const DEFAULT_METRICS_FILE = 'buddy_traffic_metrics.json';

/** Longest request content stored in a request entry; longer ones are truncated. */
export const MAX_STORED_CONTENT_CHARS = 2000;

/** One request as the metrics file keeps it (the most recent ones only). */
export interface RequestEntry {
  request: {
    id: string;
    /** Possibly truncated to `MAX_STORED_CONTENT_CHARS`; hostile: never print it raw. */
    content: string;
    category: string;
    variant?: string;
    /** Length of the original content, in UTF-16 code units. */
    content_length: number;
  };
  /** ISO time of the actual send. */
  timestamp: string;
  /** ISO time the schedule intended the send. */
  intended_at: string;
  success: boolean;
  confidence: number | null;
  pre_validation: PreValidation | null;
  approval_path: ApprovalPath | null;
  /** Pipeline execution time, ms. */
  execution_time: number;
  /** Response time from the intended send time, ms. */
  latency: number;
  error: string | null;
  error_kind: string | null;
  /** Why the oracle rejected the answer, when it did. */
  mismatch: string | null;
  served_by: string;
  /** The verdict, or the raw response body when the target had one (bounded), or null. */
  response: unknown;
}

/**
 * The metrics file. Only the last report keeps its cumulative histograms; in earlier ones (and in
 * files converted from the original layout) they are empty encodings with `count` 0.
 */
export interface MetricsFile {
  schema_version: 2;
  run_id: string;
  /** ISO start of the run. */
  started_at: string;
  /** ISO time of the last write. */
  updated_at: string;
  /** Free-form run options (no secrets); `legacy: true` when converted from the original layout. */
  config: Record<string, unknown>;
  /** The most recent reports, oldest first. */
  reports: Report[];
  /** The most recent requests, oldest first. */
  requests: RequestEntry[];
  /** Basename of the append-only history companion (JSON lines), or null. */
  history_file: string | null;
}

/** Lifecycle state in the live status file. */
export type LiveState = 'running' | 'draining' | 'stopped';

/** The tiny live status file (`<base>.live.json`), rewritten often between reports. */
export interface LiveStatus {
  schema_version: 2;
  run_id: string;
  /** ISO time of the status. */
  updated_at: string;
  total_requests: number;
  success_rate: number | null;
  error_count: number;
  /** Requests completed per second, recently. */
  achieved_rate: number;
  in_flight: number;
  load_level: number;
  /** Current interval of the uniform schedule, ms. */
  request_interval: { min: number; max: number };
  elapsed_seconds: number;
  /** Name of the active Soul target. */
  active_soul: string;
  state: LiveState;
}
