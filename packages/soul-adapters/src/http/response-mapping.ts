import {
  type ApprovalPath,
  ConfigError,
  type TargetRequest,
  type Verdict,
} from '@buddy/traffic-core';
import { z } from 'zod';
import { deriveRules } from './contract-response.js';
import { SoulRequestError } from './soul-request-error.js';

/** A JSON value, as found in a body template. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * Describes another guardrail API without code: where to POST, what to send, and where the
 * verdict's parts are in the answer. Paths are dot paths into the JSON answer (`result.score`,
 * `items.0.label`).
 */
export interface ResponseMapping {
  /** Request path appended to the base URL; default `/v1/evaluate`. */
  readonly path?: string;
  /** Body to send; strings `{{content}}`, `{{request_id}}`, `{{category}}` are filled in. */
  readonly bodyTemplate?: JsonValue;
  /** Dot path of the confidence, a number in 0..1. */
  readonly confidence: string;
  /** Dot path of the pre-validation answer and the values that mean "passed". */
  readonly preValidation: {
    readonly path: string;
    readonly passedValues: readonly (string | number | boolean)[];
  };
  /** Dot path of the routing answer and how their values map to ours. */
  readonly approvalPath: {
    readonly path: string;
    readonly map: Readonly<Record<string, ApprovalPath>>;
  };
  /** Dot path of the reasons: a list of strings or one string. */
  readonly reasons?: string;
  /** Dot path of the failed rule ids: a list of strings. */
  readonly rules?: string;
}

const dotPath = z
  .string()
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'expected a dot path like "result.score"');
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/** Zod schema of a response mapping (e.g. read from a config file). */
export const responseMappingSchema = z.strictObject({
  path: z.string().startsWith('/', 'expected a path starting with "/"').optional(),
  bodyTemplate: jsonValue.optional(),
  confidence: dotPath,
  preValidation: z.strictObject({
    path: dotPath,
    passedValues: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
  }),
  approvalPath: z.strictObject({
    path: dotPath,
    map: z
      .record(z.string(), z.enum(['approved', 'clarification', 'rejected']))
      .refine((map) => Object.keys(map).length > 0, 'expected at least one entry'),
  }),
  reasons: dotPath.optional(),
  rules: dotPath.optional(),
});

/** Checks a mapping; throws one ConfigError naming the first bad field. */
export function parseResponseMapping(input: unknown): ResponseMapping {
  const parsed = responseMappingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue === undefined || issue.path.length === 0 ? '' : `.${issue.path.join('.')}`;
  throw new ConfigError(`response mapping${field}: ${issue?.message ?? 'invalid'}`);
}

/** A compiled mapping: builds request bodies and reads verdicts. */
export interface CompiledMapping {
  readonly path: string;
  buildBody(request: TargetRequest): string;
  readVerdict(body: unknown): Verdict;
}

// Function replacers: a content holding `$&` must not be expanded as a replacement pattern.
function fillTemplate(template: JsonValue, request: TargetRequest): JsonValue {
  if (typeof template === 'string') {
    return template
      .replaceAll('{{content}}', () => request.content)
      .replaceAll('{{request_id}}', () => request.id)
      .replaceAll('{{category}}', () => request.category);
  }
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, request));
  if (template !== null && typeof template === 'object') {
    const filled: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(template)) filled[key] = fillTemplate(value, request);
    return filled;
  }
  return template;
}

function readPath(body: unknown, path: string): unknown {
  let node = body;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

const shapeError = (path: string, expected: string) =>
  new SoulRequestError('invalid_shape', `invalid response: field ${path}: ${expected}`);

function readStrings(body: unknown, path: string | undefined): readonly string[] | undefined {
  if (path === undefined) return undefined;
  const value = readPath(body, path);
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw shapeError(path, 'expected a string or a list of strings');
}

function readMappedVerdict(mapping: ResponseMapping, body: unknown): Verdict {
  const confidence = readPath(body, mapping.confidence);
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) {
    throw shapeError(mapping.confidence, 'expected a number in 0..1');
  }
  const pre = readPath(body, mapping.preValidation.path);
  if (pre === undefined) throw shapeError(mapping.preValidation.path, 'missing');
  const preValidation = mapping.preValidation.passedValues.includes(pre as string)
    ? 'passed'
    : 'failed';
  const route = readPath(body, mapping.approvalPath.path);
  const approvalPath = Object.hasOwn(mapping.approvalPath.map, String(route))
    ? mapping.approvalPath.map[String(route)]
    : undefined;
  if (approvalPath === undefined) {
    throw shapeError(mapping.approvalPath.path, 'value not found in the approval path map');
  }
  const reasons = readStrings(body, mapping.reasons) ?? [];
  const rules = readStrings(body, mapping.rules);
  return {
    confidence,
    preValidation,
    approvalPath,
    reasons,
    rules: deriveRules(preValidation, reasons, rules),
    raw: body,
  };
}

/** Validates a mapping and compiles it; throws ConfigError on a bad mapping. */
export function compileResponseMapping(input: ResponseMapping): CompiledMapping {
  const mapping = parseResponseMapping(input);
  const template = mapping.bodyTemplate;
  return {
    path: mapping.path ?? '/v1/evaluate',
    buildBody: (request) =>
      JSON.stringify(
        template === undefined
          ? { request_id: request.id, content: request.content, category: request.category }
          : fillTemplate(template, request),
      ),
    readVerdict: (body) => readMappedVerdict(mapping, body),
  };
}
