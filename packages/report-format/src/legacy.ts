/** Reader of the original layout (the Python tool's file: no schema_version). */
import type { Report } from '@buddy/metrics';
import { convertLegacyReport, LEGACY_RUN_ID } from './legacy-report.js';
import { asIsoTime, asNumber, asNumberOrNull, asObject, asText } from './legacy-values.js';
import { truncateContent } from './request-entry.js';
import type { MetricsFile, RequestEntry } from './types.js';

const EPOCH_ISO = new Date(0).toISOString();

/** True when `data` looks like the original layout: an object with a `reports` array and no
 * schema_version. */
export function isLegacyMetrics(data: unknown): boolean {
  const o = asObject(data);
  return Array.isArray(o.reports) && !('schema_version' in o);
}

function asPreValidation(value: unknown): RequestEntry['pre_validation'] {
  return value === 'passed' || value === 'failed' ? value : null;
}

function asApprovalPath(value: unknown): RequestEntry['approval_path'] {
  return value === 'approved' || value === 'clarification' || value === 'rejected' ? value : null;
}

function convertLegacyRequest(value: unknown, index: number, fallbackTime: string): RequestEntry {
  const o = asObject(value);
  const request = asObject(o.request);
  const content = asText(request.content ?? o.content, '');
  const timestamp = asIsoTime(o.timestamp ?? request.timestamp, fallbackTime);
  const executionMs = asNumber(o.execution_time, 0);
  const error = o.error === null || o.error === undefined || o.error === '' ? null : o.error;
  return {
    request: {
      id: asText(request.id ?? o.id, `legacy-${index}`),
      content: truncateContent(content),
      category: asText(request.category ?? o.category, 'unknown'),
      content_length: content.length,
    },
    timestamp,
    intended_at: timestamp,
    success: o.success === true,
    confidence: asNumberOrNull(o.confidence),
    pre_validation: asPreValidation(o.pre_validation),
    approval_path: asApprovalPath(o.approval_path),
    execution_time: executionMs,
    latency: executionMs,
    error: error === null ? null : truncateContent(asText(error, '')),
    error_kind: error === null ? null : 'exception',
    mismatch: null,
    served_by: 'unknown',
    response: o.response ?? null,
  };
}

/** Looks like it could hold a credential: never carried over. */
const SECRET_KEY = /key|token|secret|passw|auth|cookie/i;

/** Scalar config values whose names do not suggest a credential. */
function copySafeConfig(value: unknown): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(asObject(value))) {
    const scalar = item === null || ['string', 'number', 'boolean'].includes(typeof item);
    if (scalar && !SECRET_KEY.test(key)) config[key] = item;
  }
  return config;
}

function convertReports(values: unknown[]): Report[] {
  let previousTime = EPOCH_ISO;
  return values.map((value, index) => {
    const report = convertLegacyReport(value, index, previousTime);
    previousTime = report.timestamp;
    return report;
  });
}

function pickStart(o: Record<string, unknown>, reports: Report[]): string {
  const first = reports[0];
  const derived =
    first === undefined
      ? EPOCH_ISO
      : new Date(Date.parse(first.timestamp) - first.elapsed_seconds * 1000).toISOString();
  return asIsoTime(o.started_at ?? o.start_time, derived);
}

/**
 * Converts a file of the original layout to a v2 metrics file. Missing fields become null, 0 or
 * empty (histograms empty with count 0) and `config.legacy` is true. Never throws.
 */
export function convertLegacyMetrics(data: unknown): MetricsFile {
  const o = asObject(data);
  const reports = convertReports(Array.isArray(o.reports) ? o.reports : []);
  const last = reports.at(-1);
  const updatedAt = asIsoTime(o.updated_at ?? o.last_updated, last?.timestamp ?? EPOCH_ISO);
  const rawRequests = Array.isArray(o.requests) ? o.requests.slice(-100) : [];
  return {
    schema_version: 2,
    run_id: LEGACY_RUN_ID,
    started_at: pickStart(o, reports),
    updated_at: updatedAt,
    config: { ...copySafeConfig(o.config), legacy: true },
    reports,
    requests: rawRequests.map((r, i) => convertLegacyRequest(r, i, updatedAt)),
    history_file: null,
  };
}
