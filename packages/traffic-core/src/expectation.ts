import type { Expectation, Verdict } from './types.js';

/** True when the verdict blocks the request: pre-validation failed or not approved. */
export function isBlocked(verdict: Verdict): boolean {
  return verdict.preValidation === 'failed' || verdict.approvalPath !== 'approved';
}

/**
 * Judges a verdict against an expectation.
 * @returns undefined when it holds, else a short reason naming the first unmet condition.
 */
export function judgeVerdict(expectation: Expectation, verdict: Verdict): string | undefined {
  const { preValidation, approvalPaths, minConfidence, belowConfidence, blocked } = expectation;
  if (preValidation !== undefined && verdict.preValidation !== preValidation) {
    return `expected pre_validation ${preValidation}, got ${verdict.preValidation}`;
  }
  if (approvalPaths !== undefined && !approvalPaths.includes(verdict.approvalPath)) {
    return `expected approval_path ${approvalPaths.join('|')}, got ${verdict.approvalPath}`;
  }
  if (minConfidence !== undefined && !(verdict.confidence >= minConfidence)) {
    return `expected confidence >= ${minConfidence}, got ${verdict.confidence.toFixed(3)}`;
  }
  if (belowConfidence !== undefined && !(verdict.confidence < belowConfidence)) {
    return `expected confidence < ${belowConfidence}, got ${verdict.confidence.toFixed(3)}`;
  }
  if (blocked === true && !isBlocked(verdict)) {
    return 'expected the request to be blocked, it was approved';
  }
  return undefined;
}
