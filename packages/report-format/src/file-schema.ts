/** Zod schemas of the metrics file, its request entries and the live status file. */
import { z } from 'zod';
import { isoTimeSchema, reportSchema } from './report-schema.js';
import type { LiveStatus, MetricsFile, RequestEntry } from './types.js';

/** One stored request (content possibly truncated; `content_length` is the true length). */
export const requestEntrySchema = z.looseObject({
  request: z.looseObject({
    id: z.string(),
    content: z.string(),
    category: z.string(),
    variant: z.string().optional(),
    content_length: z.number().int().nonnegative(),
  }),
  timestamp: isoTimeSchema,
  intended_at: isoTimeSchema,
  success: z.boolean(),
  confidence: z.number().nullable(),
  pre_validation: z.enum(['passed', 'failed']).nullable(),
  approval_path: z.enum(['approved', 'clarification', 'rejected']).nullable(),
  execution_time: z.number(),
  latency: z.number(),
  error: z.string().nullable(),
  error_kind: z.string().nullable(),
  mismatch: z.string().nullable(),
  served_by: z.string(),
  response: z.unknown(),
});

/** The metrics file, schema version 2. */
export const metricsFileSchema = z.looseObject({
  schema_version: z.literal(2),
  run_id: z.string(),
  started_at: isoTimeSchema,
  updated_at: isoTimeSchema,
  config: z.record(z.string(), z.unknown()),
  reports: z.array(reportSchema),
  requests: z.array(requestEntrySchema),
  history_file: z.string().nullable(),
});

/** The live status file written between reports. */
export const liveStatusSchema = z.looseObject({
  schema_version: z.literal(2),
  run_id: z.string(),
  updated_at: isoTimeSchema,
  total_requests: z.number().int().nonnegative(),
  success_rate: z.number().nullable(),
  error_count: z.number().int().nonnegative(),
  achieved_rate: z.number(),
  in_flight: z.number().int().nonnegative(),
  load_level: z.number().int(),
  request_interval: z.looseObject({ min: z.number(), max: z.number() }),
  elapsed_seconds: z.number().nonnegative(),
  active_soul: z.string(),
  state: z.enum(['running', 'draining', 'stopped']),
});

type Assignable<T, _U extends T> = true;
export type _EntryMatches = Assignable<RequestEntry, z.output<typeof requestEntrySchema>>;
export type _FileMatches = Assignable<MetricsFile, z.output<typeof metricsFileSchema>>;
export type _LiveMatches = Assignable<LiveStatus, z.output<typeof liveStatusSchema>>;
