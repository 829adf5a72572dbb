import { describe, expect, test } from 'vitest';
import { classifyError, sanitizeErrorMessage } from './classify-error.js';
import { SoulRequestError } from './soul-request-error.js';

describe('classifyError', () => {
  test('keeps the kind of a SoulRequestError', () => {
    expect(
      classifyError(new SoulRequestError('invalid_json', 'response is not valid JSON')),
    ).toEqual({ kind: 'invalid_json', message: 'response is not valid JSON' });
  });

  test('an AbortError is aborted, a TimeoutError is timeout', () => {
    expect(classifyError(new DOMException('stop', 'AbortError')).kind).toBe('aborted');
    expect(classifyError(new DOMException('late', 'TimeoutError')).kind).toBe('timeout');
  });

  test('anything else is an exception with a short, clean message', () => {
    const error = new TypeError(`bad \u001b[31mthing\u0000 ${'x'.repeat(500)}`);
    const { kind, message } = classifyError(error);
    expect(kind).toBe('exception');
    expect(message.startsWith('TypeError: bad  [31mthing ')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(160);
    expect(classifyError('plain string')).toEqual({ kind: 'exception', message: 'plain string' });
  });
});

describe('sanitizeErrorMessage', () => {
  test('hides bearer tokens and sk- keys', () => {
    const text = sanitizeErrorMessage('sent Authorization: Bearer abc.def and sk-TEST-SECRET-123');
    expect(text).toBe('sent Authorization: Bearer [redacted] and [redacted]');
  });
});
