import type { Verdict } from '@buddy/traffic-core';
import { z } from 'zod';
import { SoulRequestError } from './soul-request-error.js';

/** Answer of `POST /v1/evaluate` in Soul API contract v1; `rules` is an optional extension. */
export const contractResponseSchema = z.object({
  confidence: z.number().min(0).max(1),
  pre_validation: z.enum(['passed', 'failed']),
  approval_path: z.enum(['approved', 'clarification', 'rejected']),
  reasons: z.array(z.string()),
  rules: z.array(z.string()).optional(),
});

/** A response body in contract v1 form. */
export type ContractResponse = z.infer<typeof contractResponseSchema>;

const ruleIdPattern = /^[a-z][a-z0-9_.:-]{0,63}$/;

/**
 * Rule ids of a failed pre-validation: the `rules` field when the Soul sent one, else the
 * reasons that look like ids (a Soul that sends prose reasons gets no rule counts).
 */
export function deriveRules(
  preValidation: Verdict['preValidation'],
  reasons: readonly string[],
  rules: readonly string[] | undefined,
): readonly string[] {
  if (rules !== undefined) return rules;
  if (preValidation === 'passed') return [];
  return reasons.filter((reason) => ruleIdPattern.test(reason));
}

/** Names the first offending field of a zod failure without echoing the received value. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid response';
  const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
  return `invalid response: field ${field}: ${issue.message}`;
}

/** Validates a contract v1 body and turns it into a verdict. Throws kind `invalid_shape`. */
export function readContractResponse(body: unknown): Verdict {
  const parsed = contractResponseSchema.safeParse(body);
  if (!parsed.success) throw new SoulRequestError('invalid_shape', describeIssue(parsed.error));
  const { confidence, pre_validation, approval_path, reasons, rules } = parsed.data;
  return {
    confidence,
    preValidation: pre_validation,
    approvalPath: approval_path,
    reasons,
    rules: deriveRules(pre_validation, reasons, rules),
    raw: body,
  };
}
