import { describe, expect, it } from 'vitest';
import { renderReportJson, renderStableJson } from './format-json.js';
import { renderReportMarkdown } from './format-markdown.js';
import { renderReportBlock } from './format-text.js';
import { buildReport } from './report-fixture.js';

const RULE = '═'.repeat(60);

const GOLDEN_BLOCK = [
  RULE,
  'BUDDY TRAFFIC METRICS - 2026-02-05T10:15:30.000Z',
  RULE,
  'Elapsed: 300.5s | Total Requests: 512',
  'Success Rate: 98.0% | Failure Rate: 2.0%',
  'Execution: avg 0.10ms | min 0.05ms | max 1.00ms',
  '           p50 0.09ms | p95 0.15ms | p99 0.18ms',
  'Latency (from intended send): p50 0.10ms | p99 1.20ms',
  'Confidence: mean 0.422 | std 0.292',
  'Pre-validation Catch: 35.0% | Approval: 50.0% | Clarification: 20.0%',
  'Adversarial Block Rate: n/a',
  'Errors: 5 (1.0%) | timeout 5',
  'Window (300s): 512 requests | Success 98.0% | avg 0.10ms',
  'Achieved Rate: 1.70 req/s (target 8.00) | Late: 3 | Dropped: 0',
  'Categories:',
  '  simple                        128  ok  98.4%  avg 0.10ms  conf 0.42',
  '  adversarial                    26  ok 100.0%  avg 0.10ms  conf 0.42  block 100.0%',
  'Alerts: none',
  'Health: 99.7 (excellent) | Speed: fast | Stability: stable',
  'Load Level: 1 | Request Interval: 50-200ms | Arrival: uniform',
  'Soul: reference (served: reference 512)',
  RULE,
].join('\n');

const HOSTILE = 'x\x1b[2J\x1b]0;pwn\x07\u202e\u0000|`*';
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028]/;

function buildHostileReport() {
  const report = buildReport(0, {
    arrival: HOSTILE,
    alerts: [{ priority: 'high', code: HOSTILE, message: HOSTILE, value: 1, threshold: 0 }],
    soul: { active: HOSTILE, served: { [HOSTILE]: 3 }, fallbacks: 2, switches: [] },
    errors_by_kind: { [HOSTILE]: 9 },
  });
  report.categories[HOSTILE] = buildReport(0).window;
  return report;
}

describe('renderReportBlock', () => {
  it('renders the golden block', () => {
    expect(renderReportBlock(buildReport(0))).toBe(GOLDEN_BLOCK);
  });

  it('marks the final report, sizes the rules and colours only its own labels', () => {
    const report = buildReport(0, {
      final: true,
      alerts: [
        { priority: 'high', code: 'a', message: 'Success rate low', value: 1, threshold: 2 },
      ],
    });
    const plain = renderReportBlock(report, { width: 44 });
    expect(plain.split('\n')[0]).toBe('═'.repeat(44));
    expect(plain).toContain('BUDDY TRAFFIC METRICS - 2026-02-05T10:15:30.000Z (final)');
    expect(plain).toContain('Alerts: 1\n  [HIGH] Success rate low');
    expect(plain).not.toContain('\x1b');

    const colored = renderReportBlock(report, { color: true });
    expect(colored).toContain('\x1b[31m[HIGH]\x1b[0m');
    expect(colored).toContain('(\x1b[32mexcellent\x1b[0m)');
  });

  it('neutralises hostile strings from the data', () => {
    const out = renderReportBlock(buildHostileReport());
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('x\\x1b[2J\\x1b]0;pwn\\x07\\u202e\\x00');
    expect(out).toContain('| fallbacks 2');
  });
});

describe('renderReportMarkdown', () => {
  it('renders a metrics table, categories and alerts', () => {
    const md = renderReportMarkdown(buildReport(0)).split('\n');
    expect(md[0]).toBe('## Buddy traffic metrics — 2026-02-05T10:15:30.000Z');
    expect(md).toContain('| Success / failure rate | 98.0% / 2.0% |');
    expect(md).toContain('| Execution p50 / p95 / p99 | 0.09ms / 0.15ms / 0.18ms |');
    expect(md).toContain('| Adversarial block rate | n/a |');
    expect(md).toContain('| adversarial | 26 | 100.0% | 0.10ms | 0.15ms | 0.42 | 100.0% |');
    expect(md.slice(-3)).toEqual(['', 'None.', '']);
  });

  it('escapes Markdown and neutralises terminal characters in data', () => {
    const out = renderReportMarkdown(buildHostileReport());
    expect(out).not.toMatch(UNSAFE);
    const row = out.split('\n').find((line) => line.startsWith('| x'));
    expect(row).toBe(
      '| x\\\\x1b\\[2J\\\\x1b\\]0;pwn\\\\x07\\\\u202e\\\\x00\\|\\`\\* | 512 | 98.0% | 0.10ms | ' +
        '0.15ms | 0.42 | n/a |',
    );
  });
});

describe('renderReportJson', () => {
  it('is stable: sorted keys at every level, same bytes for equal reports', () => {
    const report = buildReport(1);
    const reordered = Object.fromEntries(Object.entries(report).reverse()) as typeof report;
    const json = renderReportJson(report);
    expect(renderReportJson(reordered)).toBe(json);
    expect(JSON.parse(json)).toEqual(report);
    expect(json.indexOf('"adversarial"')).toBeLessThan(json.indexOf('"alerts"'));
    expect(renderStableJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: null })).toBe(
      '{\n  "a": null,\n  "b": {\n    "c": [\n      {\n        "e": 2,\n        "f": 1\n' +
        '      }\n    ],\n    "d": 1\n  }\n}',
    );
  });

  it('escapes characters a terminal would act on, keeping the parsed value', () => {
    const report = buildHostileReport();
    const json = renderReportJson(report);
    expect(json).not.toMatch(UNSAFE);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)).toEqual(report);
  });
});
