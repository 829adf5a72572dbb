import type { Sample } from './block-builder.js';
import { type BuiltRun, buildRun, DEFAULT_START_MS } from './build-run.js';

/** Escape sequences, a C1 CSI, a bidi override and NUL: what hostile data looks like. */
export const HOSTILE = 'x\u001b[2J\u001b]0;owned\u0007\u009b31m\u202egnp.exe\u0000y';

/** 4 reports of 25 healthy requests. */
export function smallRun(): BuiltRun {
  return buildRun({ runId: 'run-small', reports: 4, requestsPerReport: 25, seed: 11 });
}

/** 60 reports of 100 requests; load climbs from level 1 to 3. */
export function mediumRun(runId = 'run-medium', seed = 22): BuiltRun {
  return buildRun({
    runId,
    seed,
    reports: 60,
    requestsPerReport: 100,
    loadLevel: (r) => (r < 20 ? 1 : r < 40 ? 2 : 3),
  });
}

/** A 24-hour run: 3000 reports every 28.8 s; execution slows and confidence drifts late on. */
export function dayRun(): BuiltRun {
  return buildRun({
    runId: 'run-day',
    seed: 33,
    reports: 3000,
    requestsPerReport: 20,
    reportEverySec: 28.8,
    tweak: (sample, { report }) =>
      report < 2250
        ? sample
        : {
            ...sample,
            executionMs: sample.executionMs * 3,
            confidence: sample.confidence === null ? null : sample.confidence * 0.8,
          },
  });
}

/** 40 reports; from report 30 on, a tenth of `simple` and `edge_cases` requests time out. */
export function errorRun(): BuiltRun {
  return buildRun({
    runId: 'run-errors',
    seed: 44,
    reports: 40,
    requestsPerReport: 50,
    tweak: (sample, { report, random }) =>
      report >= 30 && ['simple', 'edge_cases'].includes(sample.category) && random() < 0.3
        ? toError(sample, random() < 0.7 ? 'timeout' : 'connection')
        : sample,
    alerts: (r) =>
      r >= 30
        ? [
            {
              priority: 'high',
              code: 'success_rate_low',
              message: 'success low',
              value: 80,
              threshold: 90,
            },
          ]
        : [],
  });
}

function toError(sample: Sample, kind: 'timeout' | 'connection'): Sample {
  const message = kind === 'timeout' ? 'no answer within 5000 ms' : 'ECONNREFUSED 127.0.0.1:9';
  return {
    ...sample,
    success: false,
    executionMs: kind === 'timeout' ? 5000 : 1,
    latencyMs: kind === 'timeout' ? 5000 : 1,
    confidence: null,
    preValidation: null,
    approvalPath: null,
    rules: [],
    blocked: false,
    error: { kind, message },
  };
}

/** A run that has started but not reported yet. */
export function emptyRun(): BuiltRun {
  return buildRun({ runId: 'run-empty', reports: 0, requestsPerReport: 0 });
}

/** Hostile strings in category ids, rule ids, error messages, run id and request content. */
export function hostileRun(): BuiltRun {
  return buildRun({
    runId: `run-${HOSTILE}`,
    seed: 55,
    reports: 6,
    requestsPerReport: 30,
    content: HOSTILE,
    tweak: (sample, { index }) =>
      index % 10 === 0
        ? {
            ...toError(sample, 'timeout'),
            category: HOSTILE,
            error: { kind: HOSTILE, message: HOSTILE },
          }
        : index % 10 === 1
          ? { ...sample, rules: [HOSTILE], preValidation: 'failed', approvalPath: 'rejected' }
          : sample,
  });
}

/** The histogram used as the oracle for percentiles in tests. */
export { createHistogram } from '@buddy/metrics';
export { DEFAULT_START_MS };
