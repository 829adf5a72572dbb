import { describe, expect, it } from 'vitest';
import { metricsFileSchema } from './file-schema.js';
import { convertLegacyMetrics, isLegacyMetrics } from './legacy.js';
import { parseMetricsFile } from './schema.js';

/** A file as the original Python tool wrote it. */
function buildLegacyFile(): Record<string, unknown> {
  return {
    reports: [
      {
        timestamp: '2026-02-05T10:15:30.123456',
        total_requests: 512,
        success_rate: 100.0,
        failure_rate: 0.0,
        error_rate: 0.0,
        execution_time: { average: 0.1, min: 0.09, max: 1.0, p50: 0.1, p95: 0.15, p99: 0.18 },
        confidence: { mean: 0.422, std_dev: 0.292, min: 0.05, max: 0.95 },
        pre_validation: { pass_rate: 65.2 },
        approval_path: { approval_rate: 48.0 },
        adversarial: { block_rate: 100.0 },
        load_level: 1,
        request_interval: '50-200ms',
      },
      {
        timestamp: '2026-02-05T10:20:30',
        total_requests: 1024,
        success_rate: 99.0,
        error_rate: 1.0,
        execution_time: { average: 0.12 },
        load_level: 2,
        request_interval: { min: 35, max: 135 },
      },
    ],
    requests: [
      {
        request: { content: 'what time is it?', category: 'simple' },
        success: true,
        execution_time: 0.1,
        confidence: 0.8,
        error: null,
        timestamp: '2026-02-05T10:20:29',
      },
      {
        request: { content: 'x'.repeat(5000), category: 'edge_cases' },
        success: false,
        error: 'boom',
      },
    ],
    config: { interval_min: 50, api_key: 'sk-secret', nested: { a: 1 } },
  };
}

describe('legacy layout', () => {
  it('is detected by a reports array without schema_version', () => {
    expect(isLegacyMetrics(buildLegacyFile())).toBe(true);
    expect(isLegacyMetrics({ schema_version: 2, reports: [] })).toBe(false);
    expect(isLegacyMetrics({ reports: 'no' })).toBe(false);
  });

  it('converts to a valid v2 file, keeping every original field', () => {
    const file = parseMetricsFile(JSON.stringify(buildLegacyFile()), 'old.json');
    expect(metricsFileSchema.safeParse(file).success).toBe(true);
    expect(file.config).toEqual({ interval_min: 50, legacy: true });
    expect(file.history_file).toBeNull();

    const [first, second] = file.reports;
    expect(first?.timestamp).toBe('2026-02-05T10:15:30.123Z');
    expect(first?.execution_time).toEqual({
      average: 0.1,
      min: 0.09,
      max: 1,
      p50: 0.1,
      p95: 0.15,
      p99: 0.18,
    });
    expect(first?.confidence.std_dev).toBe(0.292);
    expect(first?.pre_validation.pass_rate).toBe(65.2);
    expect(first?.pre_validation.catch_rate).toBeCloseTo(34.8);
    expect(first?.approval_path.approval_rate).toBe(48);
    expect(first?.adversarial.block_rate).toBe(100);
    expect(first?.request_interval).toEqual({ min: 50, max: 200 });
    expect(first?.histograms.execution_time.count).toBe(0);
    expect(first?.health.label).toBe('excellent');

    expect(second?.error_count).toBe(10);
    expect(second?.failure_rate).toBe(1);
    expect(second?.adversarial.block_rate).toBeNull();
    expect(second?.request_interval).toEqual({ min: 35, max: 135 });
    expect(file.started_at).toBe('2026-02-05T10:15:30.123Z');
    expect(file.updated_at).toBe('2026-02-05T10:20:30.000Z');
  });

  it('converts request entries and bounds long content', () => {
    const file = convertLegacyMetrics(buildLegacyFile());
    const [first, second] = file.requests;
    expect(first?.request).toEqual({
      id: 'legacy-0',
      content: 'what time is it?',
      category: 'simple',
      content_length: 16,
    });
    expect(first?.confidence).toBe(0.8);
    expect(first?.pre_validation).toBeNull();
    expect(second?.request.content).toHaveLength(2000);
    expect(second?.request.content_length).toBe(5000);
    expect(second?.error).toBe('boom');
    expect(second?.error_kind).toBe('exception');
  });

  it('never crashes on odd values', () => {
    const odd: unknown[] = [
      { reports: [] },
      { reports: [null, 1, 'x', [], { total_requests: 'NaN', execution_time: 5 }] },
      { reports: [{ request_interval: 'fast', timestamp: 'yesterday', alerts: ['slow', 3] }] },
      { reports: [{ categories: { simple: { total_requests: 3 } } }], requests: [null, 'x', {}] },
    ];
    for (const data of odd) {
      const file = convertLegacyMetrics(data);
      const result = metricsFileSchema.safeParse(file);
      expect(result.success, JSON.stringify(result.error?.issues[0])).toBe(true);
    }
  });
});
