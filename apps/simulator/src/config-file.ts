import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UsageError } from './usage-error.js';

const expectationSchema = z
  .object({
    preValidation: z.enum(['passed', 'failed']).optional(),
    approvalPaths: z
      .array(z.enum(['approved', 'clarification', 'rejected']))
      .min(1)
      .optional(),
    minConfidence: z.number().min(0).max(1).optional(),
    belowConfidence: z.number().min(0).max(1).optional(),
    blocked: z.boolean().optional(),
  })
  .strict();

const categorySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'expected a lower-case id like "billing"'),
    weight: z.number().min(0),
    description: z.string().max(200).default('user category'),
    templates: z.array(z.string().min(1).max(10_000)).min(1),
    slots: z.record(z.string(), z.array(z.string()).min(1)).default({}),
    expectation: expectationSchema.default({}),
    attack: z.boolean().default(false),
  })
  .strict();

const configSchema = z
  .object({
    weights: z.record(z.string(), z.number().min(0)).optional(),
    categories: z.array(categorySchema).optional(),
    alerts: z.record(z.string(), z.number()).optional(),
    content: z
      .object({
        longInputMinChars: z.number().int().min(1).optional(),
        longInputMaxChars: z.number().int().min(1).max(10_000_000).optional(),
        maxNestingDepth: z.number().int().min(1).max(10_000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The simulator's JSON config file. */
export type SimulatorConfig = z.infer<typeof configSchema>;
export type UserCategoryConfig = z.infer<typeof categorySchema>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${path}: ${issue.message}`;
}

/** Parses config text; throws a UsageError naming the file and every bad field. */
export function parseConfig(text: string, source: string): SimulatorConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${source}: not valid JSON (${(error as Error).message})`);
  }
  const result = configSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map(describeIssue).join('; ');
    throw new UsageError(`--config ${source}: ${issues}`);
  }
  const content = result.data.content;
  if (
    content?.longInputMinChars !== undefined &&
    content.longInputMaxChars !== undefined &&
    content.longInputMinChars > content.longInputMaxChars
  ) {
    throw new UsageError(
      `--config ${source}: content.longInputMinChars: expected at most longInputMaxChars`,
    );
  }
  return result.data;
}

/** Reads and parses the config file. */
export async function loadConfig(path: string): Promise<SimulatorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--config ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseConfig(text, path);
}
