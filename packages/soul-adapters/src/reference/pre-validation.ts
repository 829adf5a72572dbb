import {
  CONTROL_CHARACTERS,
  HARMFUL_INTENT,
  JAILBREAK,
  PATH_TRAVERSAL,
  SCRIPT_INJECTION,
  SQL_INJECTION,
} from './attack-patterns.js';
import { hasContradiction } from './contradictions.js';
import { type ReferenceRuleId, referenceMaxInputChars } from './rule-ids.js';
import type { TextFeatures } from './text-features.js';

const PATTERN_RULES: readonly (readonly [ReferenceRuleId, RegExp])[] = [
  ['control_characters', CONTROL_CHARACTERS],
  ['sql_injection', SQL_INJECTION],
  ['script_injection', SCRIPT_INJECTION],
  ['path_traversal', PATH_TRAVERSAL],
  ['harmful_intent', HARMFUL_INTENT],
  ['jailbreak', JAILBREAK],
];

const NO_RULES: readonly ReferenceRuleId[] = Object.freeze([]);

/**
 * Returns the failed rules, in reporting order (empty when pre-validation passed).
 * @param content the whole input, for the size checks.
 * @param text the input capped at the accepted length, for everything else.
 */
export function findFailedRules(
  content: string,
  text: string,
  features: TextFeatures,
): readonly ReferenceRuleId[] {
  if (text.trim().length === 0) return ['empty_input'];
  let failed: ReferenceRuleId[] | undefined;
  const fail = (id: ReferenceRuleId): void => {
    failed ??= [];
    failed.push(id);
  };

  if (content.length > referenceMaxInputChars) fail('oversize_input');
  for (const [id, pattern] of PATTERN_RULES) if (pattern.test(text)) fail(id);
  if (hasContradiction(text)) fail('contradictory_instructions');
  if (isNotActionable(features)) fail('no_actionable_request');
  return failed ?? NO_RULES;
}

// Nothing to act on, or vagueness that outweighs the few actionable words present.
function isNotActionable({ actions, question, vague }: TextFeatures): boolean {
  const strength = actions + (question ? 1 : 0);
  return strength === 0 || (vague >= 2 && vague >= 2 * strength);
}
