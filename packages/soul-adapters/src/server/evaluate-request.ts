import type { TargetRequest } from '@buddy/traffic-core';

/** A parsed request body, or the one message a 400 answer carries. */
export type ParsedEvaluateRequest =
  | { readonly ok: true; readonly request: TargetRequest }
  | { readonly ok: false; readonly error: string };

const maxIdChars = 256;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function checkString(body: Record<string, unknown>, field: string, maxChars?: number) {
  const value = body[field];
  if (typeof value !== 'string') {
    return `field ${field}: expected a string, received ${typeName(value)}`;
  }
  if (maxChars !== undefined && (value.length === 0 || value.length > maxChars)) {
    return `field ${field}: expected 1 to ${maxChars} characters, received ${value.length}`;
  }
  return undefined;
}

/** Validates a `POST /v1/evaluate` body: `{request_id, content, category}` (contract v1). */
export function parseEvaluateRequest(body: Buffer): ParsedEvaluateRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, error: 'request body is not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: `expected a JSON object, received ${typeName(parsed)}` };
  }
  const fields = parsed as Record<string, unknown>;
  const error =
    checkString(fields, 'request_id', maxIdChars) ??
    checkString(fields, 'content') ??
    checkString(fields, 'category', maxIdChars);
  if (error !== undefined) return { ok: false, error };
  return {
    ok: true,
    request: {
      id: fields['request_id'] as string,
      content: fields['content'] as string,
      category: fields['category'] as string,
    },
  };
}
