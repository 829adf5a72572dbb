/** Parsing of metrics and live status file text, with one clear error per bad file. */
import type { z } from 'zod';
import { describeIssues, describeType } from './describe-issues.js';
import { liveStatusSchema, metricsFileSchema } from './file-schema.js';
import { findJsonErrorOffset, toLineColumn } from './json-error-position.js';
import { convertLegacyMetrics, isLegacyMetrics } from './legacy.js';
import { MetricsFileError } from './metrics-file-error.js';
import { sanitizeForTerminal } from './sanitize.js';
import { type LiveStatus, METRICS_SCHEMA_VERSION, type MetricsFile } from './types.js';

const DEFAULT_SOURCE = 'metrics file';

function invalid(source: string, detail: string, cause?: unknown): MetricsFileError {
  const label = sanitizeForTerminal(source, 200);
  return new MetricsFileError('METRICS_FILE_INVALID', `${label}: ${detail}`, { cause });
}

/** The V8 reason without the raw text it quotes (`..., "<text>" is not valid JSON`). */
function describeJsonReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/,\s*(?:\.\.\.)?".*$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
  return sanitizeForTerminal(reason, 80);
}

/** Parses JSON text or throws a METRICS_FILE_INVALID error naming line and column. */
export function parseJsonText(text: string, source: string, expected: string): unknown {
  if (text.trim() === '') {
    throw invalid(source, `the file is empty (expected ${expected})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = findJsonErrorOffset(text) ?? text.length;
    const { line, column } = toLineColumn(text, offset);
    const reason = describeJsonReason(error);
    const where = `line ${line}, column ${column} (offset ${offset})`;
    throw invalid(source, `not valid JSON at ${where}: ${reason}`, error);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, source: string, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw invalid(source, `not a valid ${what}: ${describeIssues(result.error.issues)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates already parsed JSON as a metrics file, converting the original layout. */
export function toMetricsFile(data: unknown, source = DEFAULT_SOURCE): MetricsFile {
  if (!isPlainObject(data)) {
    throw invalid(source, `expected a JSON object, received ${describeType(data)}`);
  }
  if (!('schema_version' in data)) {
    if (isLegacyMetrics(data)) return convertLegacyMetrics(data);
    throw invalid(
      source,
      'not a metrics file: expected "schema_version" or a "reports" array, found neither',
    );
  }
  if (data.schema_version !== METRICS_SCHEMA_VERSION) {
    const received = describeType(data.schema_version);
    const known = `known: ${METRICS_SCHEMA_VERSION}, and the original layout without it`;
    throw invalid(source, `unsupported schema_version ${received} (${known})`);
  }
  return validate(metricsFileSchema, data, source, 'metrics file') as MetricsFile;
}

/**
 * Parses metrics file text: schema version 2, or the original layout (no schema_version and a
 * `reports` array), which is converted. Throws `MetricsFileError` (METRICS_FILE_INVALID) with one
 * message naming what is wrong; `source` (e.g. the path) prefixes it.
 */
export function parseMetricsFile(text: string, source = DEFAULT_SOURCE): MetricsFile {
  const data = parseJsonText(text, source, 'a JSON object with schema_version 2');
  return toMetricsFile(data, source);
}

/** Parses live status file text; throws `MetricsFileError` (METRICS_FILE_INVALID). */
export function parseLiveStatus(text: string, source = 'live status file'): LiveStatus {
  const data = parseJsonText(text, source, 'a JSON object with schema_version 2');
  if (isPlainObject(data) && data.schema_version !== METRICS_SCHEMA_VERSION) {
    const received = describeType(data.schema_version);
    throw invalid(source, `unsupported schema_version ${received} (known: 2)`);
  }
  return validate(liveStatusSchema, data, source, 'live status') as LiveStatus;
}
