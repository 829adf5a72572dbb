import type { Outcome, TrafficRequest } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { requestEntrySchema } from './file-schema.js';
import { boundRequestEntry, toRequestEntry } from './request-entry.js';

const WALL_MS = Date.UTC(2026, 1, 5, 10, 15, 30);

function buildOutcome(overrides: Partial<Outcome> = {}, content = 'what time is it?'): Outcome {
  const request: TrafficRequest = {
    id: 'run-1-7',
    seq: 7,
    category: 'simple',
    content,
    expectation: { preValidation: 'passed' },
    attack: false,
  };
  return {
    request,
    intendedAtMs: 1000,
    startedAtMs: 1012,
    endedAtMs: 1012.5,
    startedWallMs: WALL_MS,
    executionMs: 0.5,
    latencyMs: 12.5,
    lateByMs: 12,
    success: true,
    verdict: {
      confidence: 0.81,
      preValidation: 'passed',
      approvalPath: 'approved',
      reasons: ['specific ask'],
      rules: [],
    },
    servedBy: 'reference',
    warmup: false,
    ...overrides,
  };
}

describe('toRequestEntry', () => {
  it('converts a verdict outcome with send and intended wall times', () => {
    const entry = toRequestEntry(buildOutcome());
    expect(entry).toEqual({
      request: {
        id: 'run-1-7',
        content: 'what time is it?',
        category: 'simple',
        content_length: 16,
      },
      timestamp: '2026-02-05T10:15:30.000Z',
      intended_at: '2026-02-05T10:15:29.988Z',
      success: true,
      confidence: 0.81,
      pre_validation: 'passed',
      approval_path: 'approved',
      execution_time: 0.5,
      latency: 12.5,
      error: null,
      error_kind: null,
      mismatch: null,
      served_by: 'reference',
      response: {
        confidence: 0.81,
        pre_validation: 'passed',
        approval_path: 'approved',
        reasons: ['specific ask'],
        rules: [],
      },
    });
    expect(requestEntrySchema.safeParse(entry).success).toBe(true);
  });

  it('converts an error outcome and keeps the variant', () => {
    const outcome = buildOutcome({
      success: false,
      verdict: undefined,
      error: { kind: 'timeout', message: 'no answer within 5000 ms' },
    });
    const entry = toRequestEntry({ ...outcome, request: { ...outcome.request, variant: 'emoji' } });
    expect(entry.request.variant).toBe('emoji');
    expect(entry.error).toBe('no answer within 5000 ms');
    expect(entry.error_kind).toBe('timeout');
    expect(entry.confidence).toBeNull();
    expect(entry.response).toBeNull();
  });

  it('truncates long content without splitting a surrogate pair', () => {
    const content = `${'a'.repeat(1999)}😀${'b'.repeat(100_000)}`;
    const entry = toRequestEntry(buildOutcome({}, content));
    expect(entry.request.content).toBe('a'.repeat(1999));
    expect(entry.request.content_length).toBe(content.length);
    expect(
      boundRequestEntry({ ...entry, request: { ...entry.request, content } }).request.content,
    ).toHaveLength(1999);
  });

  it('stores a small raw body as is and bounds a large one', () => {
    const small = { ok: true };
    const withRaw = (raw: unknown) =>
      toRequestEntry(buildOutcome({ verdict: { ...buildOutcome().verdict!, raw } }));
    expect(withRaw(small).response).toEqual(small);
    const large = withRaw({ text: 'z'.repeat(10_000) }).response as Record<string, unknown>;
    expect(large.truncated).toBe(true);
    expect(large.length).toBe(10_011);
    expect(large.text).toHaveLength(2000);
  });
});
