import { describe, expect, it } from 'vitest';
import { isBlocked, judgeVerdict } from './expectation.js';
import type { Verdict } from './types.js';

const verdict = (over: Partial<Verdict>): Verdict => ({
  confidence: 0.7,
  preValidation: 'passed',
  approvalPath: 'approved',
  reasons: [],
  rules: [],
  ...over,
});

describe('judgeVerdict', () => {
  it('accepts a verdict meeting every condition', () => {
    const e = { preValidation: 'passed', approvalPaths: ['approved'], minConfidence: 0.6 } as const;
    expect(judgeVerdict(e, verdict({}))).toBeUndefined();
  });

  it('names the first unmet condition', () => {
    expect(judgeVerdict({ minConfidence: 0.85 }, verdict({}))).toBe(
      'expected confidence >= 0.85, got 0.700',
    );
    expect(judgeVerdict({ belowConfidence: 0.55 }, verdict({ confidence: 0.55 }))).toMatch(
      /expected confidence < 0.55/,
    );
    expect(judgeVerdict({ approvalPaths: ['clarification'] }, verdict({}))).toMatch(
      /approval_path clarification, got approved/,
    );
    expect(judgeVerdict({ blocked: true }, verdict({}))).toMatch(/blocked/);
  });

  it('treats failed pre-validation or a non-approved path as blocked', () => {
    expect(isBlocked(verdict({ preValidation: 'failed' }))).toBe(true);
    expect(isBlocked(verdict({ approvalPath: 'clarification' }))).toBe(true);
    expect(isBlocked(verdict({}))).toBe(false);
  });
});
