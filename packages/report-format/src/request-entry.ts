/** Conversion of run outcomes into bounded request entries of the metrics file. */
import type { Outcome, Verdict } from '@buddy/traffic-core';
import { MAX_STORED_CONTENT_CHARS, type RequestEntry } from './types.js';

/** Largest JSON rendering of a raw response body stored as is. */
const MAX_STORED_RESPONSE_CHARS = 4000;

/** Keeps at most `maxChars` code units without splitting a surrogate pair. */
export function truncateContent(content: string, maxChars = MAX_STORED_CONTENT_CHARS): string {
  if (content.length <= maxChars) return content;
  const last = content.charCodeAt(maxChars - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
  return content.slice(0, end);
}

function renderJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The raw body itself when small, else a marked, truncated JSON rendering of it. */
function boundResponse(raw: unknown): unknown {
  const json = renderJson(raw);
  if (json.length <= MAX_STORED_RESPONSE_CHARS) return raw;
  return { truncated: true, length: json.length, text: truncateContent(json) };
}

function describeVerdict(verdict: Verdict): unknown {
  if (verdict.raw !== undefined) return boundResponse(verdict.raw);
  return {
    confidence: verdict.confidence,
    pre_validation: verdict.preValidation,
    approval_path: verdict.approvalPath,
    reasons: verdict.reasons,
    rules: verdict.rules,
  };
}

/** Converts an outcome to a stored request entry (content truncated, times as ISO). */
export function toRequestEntry(outcome: Outcome): RequestEntry {
  const { request, verdict, error } = outcome;
  return {
    request: {
      id: request.id,
      content: truncateContent(request.content),
      category: request.category,
      ...(request.variant === undefined ? {} : { variant: request.variant }),
      content_length: request.content.length,
    },
    timestamp: new Date(outcome.startedWallMs).toISOString(),
    intended_at: new Date(outcome.startedWallMs - outcome.lateByMs).toISOString(),
    success: outcome.success,
    confidence: verdict?.confidence ?? null,
    pre_validation: verdict?.preValidation ?? null,
    approval_path: verdict?.approvalPath ?? null,
    execution_time: outcome.executionMs,
    latency: outcome.latencyMs,
    error: error?.message ?? null,
    error_kind: error?.kind ?? null,
    mismatch: outcome.mismatch ?? null,
    served_by: outcome.servedBy,
    response: verdict === undefined ? null : describeVerdict(verdict),
  };
}

/** Ensures an entry from elsewhere respects the content bound before it is stored. */
export function boundRequestEntry(entry: RequestEntry): RequestEntry {
  if (entry.request.content.length <= MAX_STORED_CONTENT_CHARS) return entry;
  return {
    ...entry,
    request: { ...entry.request, content: truncateContent(entry.request.content) },
  };
}
