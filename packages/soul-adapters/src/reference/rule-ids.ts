/** Stable ids of the reference pipeline's pre-validation rules, in reporting order. */
export const referenceRuleIds = [
  'empty_input',
  'oversize_input',
  'control_characters',
  'sql_injection',
  'script_injection',
  'path_traversal',
  'harmful_intent',
  'jailbreak',
  'contradictory_instructions',
  'no_actionable_request',
] as const;

/** Id of one reference pre-validation rule. */
export type ReferenceRuleId = (typeof referenceRuleIds)[number];

/** Human-readable reason reported when a rule fails. */
export const referenceRuleReasons: Readonly<Record<ReferenceRuleId, string>> = {
  empty_input: 'empty input: there is nothing to evaluate',
  oversize_input: 'oversize input: longer than the accepted maximum',
  control_characters: 'control characters or NUL bytes in the input',
  sql_injection: 'looks like SQL injection',
  script_injection: 'looks like script or markup injection',
  path_traversal: 'looks like a path traversal attempt',
  harmful_intent: 'asks for help with harmful activity (malware, fraud, theft, weapons, ...)',
  jailbreak: 'tries to make the assistant drop its instructions (jailbreak)',
  contradictory_instructions: 'contains contradictory instructions',
  no_actionable_request: 'no actionable request: too vague to act on',
};

/** Longest input the reference pipeline accepts, in characters (UTF-16 code units). */
export const referenceMaxInputChars = 20_000;
