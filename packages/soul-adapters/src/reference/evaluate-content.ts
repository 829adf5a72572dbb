import { hashToUnit, type Verdict } from '@buddy/traffic-core';
import { APPROVAL_THRESHOLD, confidenceWhenFailed, confidenceWhenPassed } from './confidence.js';
import { findFailedRules } from './pre-validation.js';
import { type ReferenceRuleId, referenceMaxInputChars, referenceRuleReasons } from './rule-ids.js';
import { measureFeatures } from './text-features.js';

const PASSED = 'passed pre-validation';
const APPROVED_REASONS = Object.freeze([PASSED, 'confidence at or above 0.55: approved']);
const LOW_CONFIDENCE_REASONS = Object.freeze([
  PASSED,
  'confidence below 0.55: asking the user to clarify',
]);
const AMBIGUOUS_REASONS = Object.freeze([PASSED, 'ambiguous request: asking the user to clarify']);
const NO_RULES: readonly string[] = Object.freeze([]);

/**
 * The reference pipeline's decision, from the content alone: pre-validation rules, a
 * feature-based confidence with deterministic jitter, then the approval gate. Synchronous.
 */
export function evaluateContent(content: string): Verdict {
  // Beyond the cap the input fails as oversize anyway, so scanning stops there.
  const text =
    content.length > referenceMaxInputChars ? content.slice(0, referenceMaxInputChars) : content;
  const features = measureFeatures(text);
  const rules = findFailedRules(content, text, features);
  const jitter = hashToUnit(text);

  if (rules.length > 0) {
    return {
      confidence: confidenceWhenFailed(features, jitter),
      preValidation: 'failed',
      approvalPath:
        rules.length === 1 && rules[0] === 'no_actionable_request' ? 'clarification' : 'rejected',
      reasons: rules.map((id: ReferenceRuleId) => referenceRuleReasons[id]),
      rules,
    };
  }
  const confidence = confidenceWhenPassed(features, jitter);
  const approved = confidence >= APPROVAL_THRESHOLD;
  return {
    confidence,
    preValidation: 'passed',
    approvalPath: approved ? 'approved' : 'clarification',
    reasons: approved
      ? APPROVED_REASONS
      : features.ambiguous
        ? AMBIGUOUS_REASONS
        : LOW_CONFIDENCE_REASONS,
    rules: NO_RULES,
  };
}
