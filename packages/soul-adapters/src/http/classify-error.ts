import type { OutcomeError } from '@buddy/traffic-core';
import { SoulRequestError } from './soul-request-error.js';

const maxMessageChars = 160;

/** Neutralises control characters, hides bearer tokens and keeps the message short. */
export function sanitizeErrorMessage(text: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\b(bearer)\s+\S+/gi, '$1 [redacted]')
    .replace(/\bsk-[A-Za-z0-9_-]+/g, '[redacted]');
  return cleaned.length > maxMessageChars ? `${cleaned.slice(0, maxMessageChars - 1)}…` : cleaned;
}

/**
 * Maps anything a target threw to a classified error for the outcome: a SoulRequestError keeps
 * its kind, an AbortError is `aborted` (a TimeoutError `timeout`), anything else `exception`.
 */
export function classifyError(error: unknown): OutcomeError {
  if (error instanceof SoulRequestError) {
    return { kind: error.kind, message: sanitizeErrorMessage(error.message) };
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { kind: 'timeout', message: 'request timed out' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { kind: 'aborted', message: 'request aborted' };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'exception', message: sanitizeErrorMessage(text) };
}
