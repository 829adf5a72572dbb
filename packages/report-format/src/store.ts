/** The metrics file store: atomic snapshot replaces, history appends, live status. */

import { basename } from 'node:path';
import type { Report } from '@buddy/metrics';
import { boundRequestEntry } from './request-entry.js';
import { removeStaleTempFiles } from './stale-temp-files.js';
import { nodeStoreFs, replaceFileAtomically, type StoreFs } from './store-fs.js';
import { stripCumulativeHistograms } from './strip-histograms.js';
import type { LiveStatus, RequestEntry } from './types.js';
import { createWriteQueue } from './write-queue.js';

export type { StoreFs } from './store-fs.js';

export interface MetricsStoreOptions {
  /** Path of the metrics file, e.g. `buddy_traffic_metrics.json`. */
  path: string;
  runId: string;
  /** Free-form run options written as `config`; must hold no secrets. */
  config?: Record<string, unknown>;
  /** Reports kept in the file (default 10; the history keeps every one). */
  maxReports?: number;
  /** Requests kept in the file (default 100). */
  maxRequests?: number;
  /** History companion path; default `<path without .json>.history.jsonl`; null disables it. */
  historyPath?: string | null;
  /** ISO start of the run; default: derived from the first report. */
  startedAt?: string;
  /** Replacements for file operations (tests). */
  fs?: Partial<StoreFs>;
}

export interface MetricsStore {
  readonly path: string;
  readonly historyPath: string | null;
  readonly livePath: string;
  /** Replaces any previous run's file with an empty one for this run. */
  writeStart(startedAt: string): Promise<void>;
  /**
   * Appends the report to the history and atomically rewrites the metrics file. The store
   * holds on to `report` and `recentRequests` until they are written: do not change them.
   */
  writeReport(report: Report, recentRequests: readonly RequestEntry[]): Promise<void>;
  /** Atomically rewrites the live status file; a status still waiting is replaced. */
  writeLive(status: LiveStatus): Promise<void>;
  /** Waits for pending writes; later writes are rejected. */
  close(): Promise<void>;
}

const DEFAULT_MAX_REPORTS = 10;
const DEFAULT_MAX_REQUESTS = 100;

function baseOf(path: string): string {
  return path.endsWith('.json') ? path.slice(0, -'.json'.length) : path;
}

/** Default history companion path: `<path without .json>.history.jsonl`. */
export function historyPathFor(path: string): string {
  return `${baseOf(path)}.history.jsonl`;
}

/** Live status path: `<path without .json>.live.json`. */
export function livePathFor(path: string): string {
  return `${baseOf(path)}.live.json`;
}

function checkLimit(name: string, value: number | undefined, fallback: number): number {
  const limit = value ?? fallback;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`metrics store ${name}: expected an integer >= 1, received ${limit}`);
  }
  return limit;
}

function deriveStart(report: Report): string {
  const startMs = Date.parse(report.timestamp) - report.elapsed_seconds * 1000;
  return Number.isNaN(startMs) ? report.timestamp : new Date(startMs).toISOString();
}

interface Snapshot {
  startedAt: string;
  updatedAt: string;
  /** Kept reports already serialised, histograms stripped; the last is replaced by `lastFull`. */
  kept: string[];
  /**
   * The newest report and requests, serialised only when the file is written: reports that
   * arrive faster than the file is replaced never pay for it.
   */
  lastFull: Report | null;
  requests: readonly RequestEntry[];
}

/**
 * Creates the store of one run's metrics file. Writes are serialised; each costs O(kept
 * reports), never O(history).
 */
export function createMetricsStore(options: MetricsStoreOptions): MetricsStore {
  const fs: StoreFs = { ...nodeStoreFs, ...options.fs };
  const maxReports = checkLimit('maxReports', options.maxReports, DEFAULT_MAX_REPORTS);
  const maxRequests = checkLimit('maxRequests', options.maxRequests, DEFAULT_MAX_REQUESTS);
  const historyPath =
    options.historyPath === undefined ? historyPathFor(options.path) : options.historyPath;
  const livePath = livePathFor(options.path);
  const head = (snapshot: Snapshot): string =>
    `{"schema_version":2,"run_id":${JSON.stringify(options.runId)},` +
    `"started_at":${JSON.stringify(snapshot.startedAt)},` +
    `"updated_at":${JSON.stringify(snapshot.updatedAt)},` +
    `"config":${JSON.stringify(options.config ?? {})},`;
  const historyFile = historyPath === null ? null : basename(historyPath);
  const tail = `,"history_file":${JSON.stringify(historyFile)}}`;
  const queue = createWriteQueue();
  let snapshot: Snapshot | null = null;
  let historyNeedsCheck = true;
  let pendingLive: LiveStatus | null = null;
  let staleChecked = false;

  const replaceFile = async (path: string, data: string): Promise<void> => {
    if (!staleChecked) {
      staleChecked = true;
      await removeStaleTempFiles(options.path);
      await removeStaleTempFiles(livePath);
    }
    await replaceFileAtomically(fs, path, data);
  };

  const renderSnapshot = (s: Snapshot): string => {
    const reports =
      s.lastFull === null ? s.kept : [...s.kept.slice(0, -1), JSON.stringify(s.lastFull)];
    const requests = JSON.stringify(s.requests.slice(-maxRequests).map(boundRequestEntry));
    return `${head(s)}"reports":[${reports.join(',')}],"requests":${requests}${tail}`;
  };

  const appendHistory = async (lines: string): Promise<void> => {
    if (historyPath === null) return;
    let prefix = '';
    if (historyNeedsCheck) {
      // A previous writer killed mid-append leaves a torn line: start ours on a fresh line.
      const lastByte = await fs.readLastByte(historyPath);
      prefix = lastByte !== null && lastByte !== 0x0a ? '\n' : '';
    }
    await fs.appendFile(historyPath, `${prefix}${lines}`);
    historyNeedsCheck = false;
  };

  // Reports arriving while a write is under way are coalesced: their history lines go out in
  // one append and the file is replaced once, with the newest snapshot. A backlog is strings,
  // never report objects, and a fast run never queues one write per report.
  let pendingLines: string[] = [];
  let flushQueued: Promise<void> | null = null;

  const flushReports = async (): Promise<void> => {
    flushQueued = null;
    const lines = pendingLines;
    pendingLines = [];
    if (lines.length > 0) await appendHistory(`${lines.join('\n')}\n`);
    if (snapshot !== null) await replaceFile(options.path, renderSnapshot(snapshot));
  };

  const recordReport = (report: Report, requests: readonly RequestEntry[]): void => {
    const strippedJson = JSON.stringify(stripCumulativeHistograms(report));
    pendingLines.push(strippedJson);
    snapshot = {
      startedAt: options.startedAt ?? snapshot?.startedAt ?? deriveStart(report),
      updatedAt: report.timestamp,
      kept: [...(snapshot?.kept ?? []), strippedJson].slice(-maxReports),
      lastFull: report,
      requests,
    };
  };

  const flushLive = async (): Promise<void> => {
    const status = pendingLive;
    pendingLive = null;
    if (status !== null) await replaceFile(livePath, JSON.stringify(status));
  };

  return {
    path: options.path,
    historyPath,
    livePath,
    writeStart(startedAt) {
      return queue.run(async () => {
        snapshot = { startedAt, updatedAt: startedAt, kept: [], lastFull: null, requests: [] };
        await replaceFile(options.path, renderSnapshot(snapshot));
      });
    },
    writeReport(report, recentRequests) {
      try {
        recordReport(report, recentRequests);
      } catch (error) {
        return Promise.reject(error);
      }
      flushQueued ??= queue.run(flushReports);
      return flushQueued;
    },
    writeLive(status) {
      const alreadyQueued = pendingLive !== null;
      pendingLive = status;
      return alreadyQueued ? queue.idle() : queue.run(flushLive);
    },
    close: () => queue.close(),
  };
}
