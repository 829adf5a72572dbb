import { BuddyError } from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';
import { MetricsFileError } from './metrics-file-error.js';
import { buildReport } from './report-fixture.js';
import { parseLiveStatus, parseMetricsFile } from './schema.js';
import type { LiveStatus, MetricsFile } from './types.js';

function buildFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const file: MetricsFile = {
    schema_version: 2,
    run_id: 'run-1',
    started_at: '2026-02-05T10:10:30.000Z',
    updated_at: '2026-02-05T10:15:30.000Z',
    config: { seed: 7 },
    reports: [buildReport(0), buildReport(1)],
    requests: [],
    history_file: 'buddy_traffic_metrics.history.jsonl',
  };
  return { ...file, ...overrides };
}

function errorOf(fn: () => unknown): MetricsFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricsFileError) return error;
    throw error;
  }
  throw new Error('expected a MetricsFileError');
}

describe('parseMetricsFile', () => {
  it('accepts a valid v2 file and keeps unknown extra fields', () => {
    const text = JSON.stringify(buildFile({ future_field: 1 }));
    const file = parseMetricsFile(text, 'm.json');
    expect(file.reports).toHaveLength(2);
    expect(file.reports[1]?.execution_time.p95).toBe(0.15);
    expect((file as unknown as Record<string, unknown>).future_field).toBe(1);
  });

  it('says the file is empty', () => {
    const error = errorOf(() => parseMetricsFile('  \n', 'm.json'));
    expect(error).toBeInstanceOf(BuddyError);
    expect(error.code).toBe('METRICS_FILE_INVALID');
    expect(error.message).toMatch(/^m\.json: the file is empty/);
  });

  it('names line and column of a JSON syntax error without quoting raw text', () => {
    const text = '{\n  "schema_version": 2,\n  "run_id": \x1b[31m}';
    const error = errorOf(() => parseMetricsFile(text, 'm.json'));
    expect(error.message).toMatch(/not valid JSON at line 3, column 13 \(offset 37\)/);
    expect(error.message).not.toContain('\x1b');
    expect(error.message).not.toContain('is not valid JSON');
    expect(errorOf(() => parseMetricsFile('{"a":1', 'm.json')).message).toMatch(/line 1/);
  });

  it('names the unknown schema version and the known ones', () => {
    const error = errorOf(() => parseMetricsFile(JSON.stringify({ schema_version: 3 }), 'm.json'));
    expect(error.message).toBe(
      'm.json: unsupported schema_version number 3 (known: 2, and the original layout without it)',
    );
  });

  it('rejects a JSON value that is not an object, or an object of neither layout', () => {
    expect(errorOf(() => parseMetricsFile('[1]')).message).toMatch(/expected a JSON object/);
    expect(errorOf(() => parseMetricsFile('{"x":1}')).message).toMatch(/found neither/);
  });

  it('names the path of a bad field with expected and received', () => {
    const file = buildFile();
    const reports = file.reports as Record<string, unknown>[];
    const bad = { ...reports[1], execution_time: { ...buildReport(1).execution_time, p95: 'x' } };
    const text = JSON.stringify({ ...file, reports: [reports[0], bad] });
    const error = errorOf(() => parseMetricsFile(text, 'm.json'));
    expect(error.message).toBe(
      'm.json: not a valid metrics file: reports[1].execution_time.p95: ' +
        'expected number, received string',
    );
  });

  it('lists a few problems and counts the rest', () => {
    const text = JSON.stringify(buildFile({ run_id: 1, started_at: 2, updated_at: 3, config: 4 }));
    const error = errorOf(() => parseMetricsFile(text));
    expect(error.message).toMatch(/run_id: expected string, received number; started_at/);
    expect(error.message).toMatch(/\(and 1 more problem\)$/);
  });

  it('sanitises and bounds odd keys in paths', () => {
    const file = buildFile();
    const report = buildReport(0);
    const odd = `\x1b]0;${'k'.repeat(500)}`;
    const categories = { ...report.categories, [odd]: { total_requests: -1 } };
    const text = JSON.stringify({ ...file, reports: [{ ...report, categories }] });
    const error = errorOf(() => parseMetricsFile(text));
    expect(error.message).not.toContain('\x1b');
    expect(error.message.length).toBeLessThan(600);
    expect(error.message).toContain('reports[0].categories["\\\\x1b]0;kkk');
  });
});

describe('parseLiveStatus', () => {
  const live: LiveStatus = {
    schema_version: 2,
    run_id: 'run-1',
    updated_at: '2026-02-05T10:15:30.000Z',
    total_requests: 10,
    success_rate: null,
    error_count: 0,
    achieved_rate: 8.5,
    in_flight: 2,
    load_level: 1,
    request_interval: { min: 50, max: 200 },
    elapsed_seconds: 1.2,
    active_soul: 'reference',
    state: 'running',
  };

  it('round-trips a live status', () => {
    expect(parseLiveStatus(JSON.stringify(live))).toEqual(live);
  });

  it('names a bad state', () => {
    const text = JSON.stringify({ ...live, state: 'paused' });
    expect(() => parseLiveStatus(text, 'l.json')).toThrow(
      /^l\.json: not a valid live status: state/,
    );
  });
});
