/**
 * Zod schemas of the report (mirroring `@buddy/metrics` report-types). Objects are loose so a
 * field added later by the writer survives a read by an older reader.
 */
import type { Report, StatsBlock } from '@buddy/metrics';
import { z } from 'zod';

/** An ISO date-time string that `Date.parse` understands. */
export const isoTimeSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO date-time');

const rateSchema = z.number().nullable();
const countSchema = z.number().int().nonnegative();
const countMapSchema = z.record(z.string(), z.number());

const timeSummarySchema = z.looseObject({
  average: z.number(),
  min: z.number(),
  max: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
});

const confidenceSummarySchema = z.looseObject({
  count: countSchema,
  mean: z.number(),
  std_dev: z.number(),
  min: z.number(),
  max: z.number(),
});

const preValidationSchema = z.looseObject({
  passed: countSchema,
  failed: countSchema,
  pass_rate: rateSchema,
  catch_rate: rateSchema,
  rules: countMapSchema,
});

const approvalSchema = z.looseObject({
  approved: countSchema,
  clarification: countSchema,
  rejected: countSchema,
  approval_rate: rateSchema,
  clarification_rate: rateSchema,
});

const adversarialSchema = z.looseObject({
  attempts: countSchema,
  blocked: countSchema,
  block_rate: rateSchema,
});

const errorGroupSchema = z.looseObject({
  kind: z.string(),
  message: z.string(),
  count: countSchema,
  first_seen: z.string(),
  last_seen: z.string(),
  categories: countMapSchema,
});

/** Compact histogram encoding; `count` 0 with empty buckets when stripped. */
export const encodedHistogramSchema = z.looseObject({
  v: z.literal(1),
  sub_buckets: z.number().int().positive(),
  lowest: z.number().positive(),
  count: countSchema,
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  buckets: z.array(z.number()),
});

const statsShape = {
  total_requests: countSchema,
  successful_requests: countSchema,
  failed_requests: countSchema,
  success_rate: rateSchema,
  failure_rate: rateSchema,
  error_count: countSchema,
  error_rate: rateSchema,
  errors_by_kind: countMapSchema,
  top_errors: z.array(errorGroupSchema),
  execution_time: timeSummarySchema,
  latency: timeSummarySchema,
  confidence: confidenceSummarySchema,
  pre_validation: preValidationSchema,
  approval_path: approvalSchema,
  adversarial: adversarialSchema,
  histograms: z.looseObject({
    execution_time: encodedHistogramSchema,
    latency: encodedHistogramSchema,
  }),
};

/** Statistics of one set of requests (cumulative, a window, or one category). */
export const statsBlockSchema = z.looseObject(statsShape);

const scheduleSchema = z.looseObject({
  achieved_rate: z.number(),
  target_rate: z.number().nullable(),
  late: countSchema,
  dropped: countSchema,
  lateness: z.looseObject({ p50: z.number(), p99: z.number(), max: z.number() }),
});

const alertSchema = z.looseObject({
  priority: z.enum(['high', 'medium']),
  code: z.string(),
  message: z.string(),
  value: z.number(),
  threshold: z.number(),
});

const healthSchema = z.looseObject({
  score: z.number(),
  label: z.enum(['excellent', 'good', 'fair', 'poor']),
  speed: z.enum(['fast', 'normal', 'slow', 'critical']),
  stability: z.enum(['stable', 'degraded', 'unstable']),
});

const soulSchema = z.looseObject({
  active: z.string(),
  served: countMapSchema,
  fallbacks: countSchema,
  switches: z.array(z.looseObject({ at: z.string(), from: z.string(), to: z.string() })),
});

/** One report: cumulative statistics at top level plus window, schedule, load, soul, health. */
export const reportSchema = z.looseObject({
  ...statsShape,
  timestamp: isoTimeSchema,
  run_id: z.string(),
  report_index: countSchema,
  final: z.boolean(),
  elapsed_seconds: z.number().nonnegative(),
  categories: z.record(z.string(), statsBlockSchema),
  window: z.looseObject({
    ...statsShape,
    categories: z.record(z.string(), statsBlockSchema),
    duration_seconds: z.number().nonnegative(),
  }),
  schedule: z.looseObject({ cumulative: scheduleSchema, window: scheduleSchema }),
  load_level: z.number().int(),
  request_interval: z.looseObject({ min: z.number(), max: z.number() }),
  arrival: z.string(),
  load_changes: z.array(
    z.looseObject({ at: z.string(), from: z.number(), to: z.number(), reason: z.string() }),
  ),
  soul: soulSchema,
  warmup_requests: countSchema,
  alerts: z.array(alertSchema),
  health: healthSchema,
});

// Compile-time guard: the schemas' output must stay assignable to the metrics types.
type Assignable<T, _U extends T> = true;
export type _StatsBlockMatches = Assignable<StatsBlock, z.output<typeof statsBlockSchema>>;
export type _ReportMatches = Assignable<Report, z.output<typeof reportSchema>>;
