import { parseMetricsFile } from '@buddy/report-format';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCategories } from './categories.js';
import { analyzeErrors } from './errors.js';
import { type MergedRuns, mergeRuns } from './merge-runs.js';
import { renderCategories } from './render-categories.js';
import { renderErrors } from './render-errors.js';
import { renderSummary } from './render-summary.js';
import { renderTrends } from './render-trends.js';
import { summarize } from './summarize.js';
import type { BuiltRun } from './testing/build-run.js';
import {
  dayRun,
  emptyRun,
  errorRun,
  HOSTILE,
  hostileRun,
  mediumRun,
  smallRun,
} from './testing/fixtures.js';
import { buildLegacyText } from './testing/write-run.js';
import { analyzeTrends } from './trends.js';

const mergeOne = (run: BuiltRun): MergedRuns =>
  mergeRuns([{ source: 'm.json', file: run.file, history: run.history }]);

/** Every mode, text and Markdown. */
function renderEverything(merged: MergedRuns): string[] {
  return (['text', 'markdown'] as const).flatMap((format) => [
    renderSummary(summarize(merged), { format }),
    renderTrends(analyzeTrends(merged.timeline), { format, width: 60, chartHeight: 4 }),
    renderCategories(analyzeCategories(merged), { format }),
    renderErrors(analyzeErrors(merged), { format }),
  ]);
}

describe('small run', () => {
  const merged = mergeOne(smallRun());

  it('summarises totals, times, routing and blocking', () => {
    const summary = summarize(merged);
    expect(summary.requests.total).toBe(100);
    expect(summary.requests.success_rate).toBe(100);
    expect(summary.reports).toBe(4);
    expect(summary.adversarial.block_rate).toBe(100);
    expect(summary.adversarial.interval_95!.high).toBe(100);
    expect(summary.health?.label).toBe('excellent');
    expect(renderSummary(summary)).toMatchInlineSnapshot(`
      "════════════════════════════════════════════════════════════════════════════════
      BUDDY TRAFFIC SUMMARY
      ════════════════════════════════════════════════════════════════════════════════
        Run            run-small (m.json, 4 reports, with history)
        Latest report  2026-01-01T00:02:00.000Z
        Elapsed        2m 00s

      Requests
        Total requests  100
        Success rate    100.0%
        Failure rate    0.0%
        Throughput      0.8 req/s
        Late / dropped  0 / 0

      Execution time
        Average            0.103 ms
        Min / max          0.051 ms / 0.911 ms
        p50 / p95 / p99    0.095 ms / 0.143 ms / 0.147 ms
        Latency p50 / p99  0.118 ms / 0.187 ms (from intended send)

      Confidence
        Verdicts        100
        Mean / std dev  0.563 / 0.299
        Min / max       0.000 / 0.971

      Pre-validation
        Passed / failed  77 / 23
        Catch rate       23.0%
        Rule fired                  Count  Share
        --------------------------  -----  -----
        sql_injection                   9  39.1%
        contradictory_instructions      8  34.8%
        harmful_intent                  6  26.1%
        jailbreak                       6  26.1%

      Approval routing
        Approved       62 (62.0%)
        Clarification  15 (15.0%)
        Rejected       23

      Adversarial blocking
        Attempts / blocked  15 / 15
        Block rate          100.0% (95% CI 79.6–100.0%)

      Errors
        Errors  0 (0.00%)

      Load
        Current level     1 (50–200 ms)
        Reports at level  level 1 100%

      Health
        Score              100.0 (excellent)
        Speed / stability  fast / degraded
        Alert (period)     [medium] pre-validation catch rate 23% is below 25%
      "
    `);
  });

  it('lists the categories', () => {
    const categories = analyzeCategories(merged);
    expect(categories.rows.reduce((s, r) => s + r.count, 0)).toBe(100);
    expect(categories.fell).toEqual([]);
    expect(renderCategories(categories)).toMatchInlineSnapshot(`
      "════════════════════════════════════════════════════════════════════════════════
      BUDDY TRAFFIC BY CATEGORY
      ════════════════════════════════════════════════════════════════════════════════
        Category                Count  Success  p50 ms  p95 ms   Conf  A/C/R %  Errors
        ----------------------  -----  -------  ------  ------  -----  -------  ------
        simple                     28   100.0%   0.093   0.143  0.768  100/0/0       0
        multi_step                 19   100.0%   0.105   0.908  0.722  100/0/0       0
        edge_cases                 12   100.0%   0.088   0.146  0.224  25/0/75       0
        high_confidence            12   100.0%   0.088   0.131  0.906  100/0/0       0
        conflicting_gates           8   100.0%   0.100   0.121  0.118  0/0/100       0
        low_confidence              8   100.0%   0.074   0.145  0.336  0/100/0       0
        clarification_triggers      7   100.0%   0.085   0.143  0.479  0/100/0       0
        adversarial                 6   100.0%   0.091   0.115  0.094  0/0/100       0
        A/C/R: approved / clarification / rejected.
        No category lost success between the first and last quarter of the run.
      "
    `);
  });

  it('renders Markdown for a CI job summary', () => {
    expect(renderSummary(summarize(merged), { format: 'markdown' })).toMatchInlineSnapshot(`
      "## BUDDY TRAFFIC SUMMARY

      - **Run:** run-small (m.json, 4 reports, with history)
      - **Latest report:** 2026-01-01T00:02:00.000Z
      - **Elapsed:** 2m 00s

      ### Requests

      - **Total requests:** 100
      - **Success rate:** 100.0%
      - **Failure rate:** 0.0%
      - **Throughput:** 0.8 req/s
      - **Late / dropped:** 0 / 0

      ### Execution time

      - **Average:** 0.103 ms
      - **Min / max:** 0.051 ms / 0.911 ms
      - **p50 / p95 / p99:** 0.095 ms / 0.143 ms / 0.147 ms
      - **Latency p50 / p99:** 0.118 ms / 0.187 ms (from intended send)

      ### Confidence

      - **Verdicts:** 100
      - **Mean / std dev:** 0.563 / 0.299
      - **Min / max:** 0.000 / 0.971

      ### Pre-validation

      - **Passed / failed:** 77 / 23
      - **Catch rate:** 23.0%

      | Rule fired | Count | Share |
      | --- | ---: | ---: |
      | sql\\_injection | 9 | 39.1% |
      | contradictory\\_instructions | 8 | 34.8% |
      | harmful\\_intent | 6 | 26.1% |
      | jailbreak | 6 | 26.1% |

      ### Approval routing

      - **Approved:** 62 (62.0%)
      - **Clarification:** 15 (15.0%)
      - **Rejected:** 23

      ### Adversarial blocking

      - **Attempts / blocked:** 15 / 15
      - **Block rate:** 100.0% (95% CI 79.6–100.0%)

      ### Errors

      - **Errors:** 0 (0.00%)

      ### Load

      - **Current level:** 1 (50–200 ms)
      - **Reports at level:** level 1 100%

      ### Health

      - **Score:** 100.0 (excellent)
      - **Speed / stability:** fast / degraded
      - **Alert (period):** \\[medium\\] pre-validation catch rate 23% is below 25%
      "
    `);
  });
});

describe('medium run', () => {
  const merged = mergeOne(mediumRun());

  it('states the load level climb in words and in the summary', () => {
    const trends = analyzeTrends(merged.timeline);
    const load = trends.series.find((s) => s.metric === 'load_level')!;
    expect(load.description).toBe('rose by 2 (level 1 → level 3)');
    expect(trends.drift.drifted).toBe(false);
    const summary = summarize(merged);
    expect(summary.load.level).toBe(3);
    expect(summary.load.by_level.map((l) => l.reports)).toEqual([20, 20, 20]);
    expect(renderTrends(trends, { width: 70, chartHeight: 5 })).toMatchInlineSnapshot(`
      "══════════════════════════════════════════════════════════════════════
      BUDDY TRAFFIC TRENDS
      ══════════════════════════════════════════════════════════════════════
        Reports  60
        From     2026-01-01T00:00:30.000Z
        To       2026-01-01T00:30:00.000Z

        Success rate: steady at 100.0%
              |
              |
        100.0 |*************************************************************
              |
              |
              +-------------------------------------------------------------
               2026-01-01 00:00                             2026-01-01 00:30

        Average execution: steady at 0.110 ms
        0.128 ms |                                                       *
                 |             *   ****       *  *   * * *               |**
        0.112 ms |  **  *  *   |***    |  *** |* || * * ||*  * * ** * * *
                 |**  | ||* ** |       ***   *  * * |   || * |* *  * * *
        0.096 ms |    ** *    *                    *    *   *
                 +----------------------------------------------------------
                  2026-01-01 00:00                          2026-01-01 00:30

        p95 execution: steady at 0.145 ms
        0.149 ms |   *  *                     *                          *
                 |  * ** |*******   ***  *** * ***  ** ***  ***** *  **** **
        0.143 ms |  |    *       * *   **   *     | | *   **     * **
                 |**              *               * |
        0.137 ms |                                 *
                 +----------------------------------------------------------
                  2026-01-01 00:00                          2026-01-01 00:30

        Confidence mean: steady at 0.577
        0.651 |*
              | |  ** *   *           *   *   *          *          *      *
        0.579 | |**  ||* * |***** **** *** *** ***   *  * ****  **** ******
              | ||   *  *  *     *                *** **      **
        0.507 | *
              +-------------------------------------------------------------
               2026-01-01 00:00                             2026-01-01 00:30

        Confidence std dev: steady at 0.290
        0.323 |
              |         *  *** * * *              ***          *  *       *
        0.293 | **   * * **   * ||* **  ******  **   **** ***** |* |* * ** |
              |*  | * *         *     **      **         *      *  * * *   *
        0.263 |   **
              +-------------------------------------------------------------
               2026-01-01 00:00                             2026-01-01 00:30

        Error rate: steady at 0.0%
            |
            |
        0.0 |***************************************************************
            |
            |
            +---------------------------------------------------------------
             2026-01-01 00:00                               2026-01-01 00:30

        Load level: rose by 2 (level 1 → level 3)
        3 |                                            *********************
          |                                           *
        2 |                      *********************
          |                     *
        1 |*********************
          +-----------------------------------------------------------------
           2026-01-01 00:00                                 2026-01-01 00:30

      Confidence drift
        no confidence drift between the first and last quarter (mean -0.006,
        std dev -0.001)
      "
    `);
  });
});

describe('24-hour run', () => {
  let merged: MergedRuns;
  beforeAll(() => {
    merged = mergeOne(dayRun());
  });

  it('analyses the whole history: slower execution and confidence drift in the last part', () => {
    const trends = analyzeTrends(merged.timeline);
    expect(trends.reports).toBe(3000);
    const average = trends.series.find((s) => s.metric === 'execution_avg_ms')!;
    expect(average.direction).toBe('up');
    expect(average.last! / average.first!).toBeCloseTo(3, 0);
    expect(average.description).toMatch(/^rose \d+% \(0\.\d+ ms → 0\.\d+ ms\)$/);
    expect(trends.drift.drifted).toBe(true);
    expect(trends.drift.mean_shift!).toBeLessThan(-0.05);
    const summary = summarize(merged);
    expect(summary.requests.total).toBe(60_000);
    expect(summary.period.elapsed_seconds).toBe(86_400);
    expect(summary.execution_time.exact).toBe(true);
  });

  it('cuts the last two hours from the windows', () => {
    const until = new Date(merged.timeline.at(-1)!.timestamp);
    const since = new Date(until.getTime() - 2 * 3_600_000);
    const ranged = mergeRuns(
      [{ source: 'm.json', file: dayRunFile(merged), history: merged.timeline }],
      { since, until },
    );
    expect(ranged.timeline).toHaveLength(251);
    expect(ranged.total.total_requests).toBe(251 * 20);
  });
});

function dayRunFile(merged: MergedRuns) {
  return { ...emptyRun().file, run_id: 'run-day', reports: merged.timeline.slice(-100) };
}

describe('run with errors', () => {
  const merged = mergeOne(errorRun());

  it('groups errors by kind and message with first/last seen and categories', () => {
    const errors = analyzeErrors(merged);
    expect(errors.groups.map((g) => g.kind)).toEqual(['timeout', 'connection']);
    expect(errors.total).toBe(errors.groups.reduce((s, g) => s + g.count, 0));
    for (const group of errors.groups) {
      expect(group.categories.map((c) => c.category).sort()).toEqual(['edge_cases', 'simple']);
      expect(Date.parse(group.first_seen)).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1, 0, 15));
    }
    expect(renderErrors(errors)).toMatchInlineSnapshot(`
      "════════════════════════════════════════════════════════════════════════════════
      BUDDY TRAFFIC ERRORS
      ════════════════════════════════════════════════════════════════════════════════
        Errors   52 (2.60% of requests)
        By kind  timeout 39, connection 13

      By kind and message
        - 39× timeout: no answer within 5000 ms
          first 2026-01-01 00:15, last 2026-01-01 00:19
          categories: simple 26, edge_cases 13
        - 13× connection: ECONNREFUSED 127.0.0.1:9
          first 2026-01-01 00:15, last 2026-01-01 00:19
          categories: edge_cases 9, simple 4
      "
    `);
  });

  it('names the categories whose success fell, and rising error rate', () => {
    const categories = analyzeCategories(merged);
    expect(categories.fell.map((f) => f.category).sort()).toEqual(['edge_cases', 'simple']);
    const trends = analyzeTrends(merged.timeline);
    expect(trends.series.find((s) => s.metric === 'error_rate')!.direction).toBe('up');
    const summary = summarize(merged);
    expect(summary.latest_alerts.map((a) => a.code)).toEqual(['success_rate_low']);
    expect(summary.errors.by_kind.map((k) => k.kind)).toEqual(['timeout', 'connection']);
  });
});

describe('file in the original layout', () => {
  const file = parseMetricsFile(buildLegacyText(6));
  const merged = mergeRuns([{ source: 'legacy.json', file, history: [] }]);

  it('summarises the recorded numbers and charts cumulative values', () => {
    const summary = summarize(merged);
    expect(summary.requests.total).toBe(3072);
    expect(summary.execution_time.p95).toBe(0.15);
    expect(summary.execution_time.exact).toBe(true);
    expect(summary.confidence.std_dev).toBe(0.292);
    expect(summary.load.level).toBe(2);
    const trends = analyzeTrends(merged.timeline);
    expect(trends.basis).toBe('cumulative');
    expect(renderSummary(summary)).toMatchInlineSnapshot(`
      "════════════════════════════════════════════════════════════════════════════════
      BUDDY TRAFFIC SUMMARY
      ════════════════════════════════════════════════════════════════════════════════
        Run            legacy (legacy.json, 6 reports)
        Latest report  2026-02-05T10:30:00.000Z
        Elapsed        30m 00s

      Requests
        Total requests  3,072
        Success rate    100.0%
        Failure rate    0.0%
        Throughput      1.7 req/s
        Late / dropped  0 / 0

      Execution time
        Average            0.100 ms
        Min / max          0.090 ms / 1.00 ms
        p50 / p95 / p99    0.100 ms / 0.150 ms / 0.180 ms
        Latency p50 / p99  0.100 ms / 0.180 ms (from intended send)

      Confidence
        Verdicts        3,072
        Mean / std dev  0.422 / 0.292
        Min / max       0.050 / 0.980

      Pre-validation
        Passed / failed  1,997 / 1,075
        Catch rate       35.0%

      Approval routing
        Approved       1,536 (50.0%)
        Clarification  461 (n/a)
        Rejected       0

      Adversarial blocking
        Attempts / blocked  154 / 154
        Block rate          100.0% (95% CI 97.6–100.0%)

      Errors
        Errors  0 (0.00%)

      Load
        Current level     2 (35–135 ms)
        Reports at level  level 1 50%, level 2 50%

      Health
        Score              100.0 (excellent)
        Speed / stability  fast / stable
        Alerts (period)    none
      "
    `);
  });
});

describe('run without reports', () => {
  const merged = mergeOne(emptyRun());

  it('says there is no report yet in every mode', () => {
    const summary = summarize(merged);
    expect(summary.empty).toBe(true);
    expect(summary.health).toBeNull();
    expect(renderSummary(summary)).toContain('No report yet');
    expect(renderTrends(analyzeTrends(merged.timeline))).toContain('No report to chart.');
    expect(renderCategories(analyzeCategories(merged))).toContain('No category data.');
    expect(renderErrors(analyzeErrors(merged))).toContain('No errors.');
  });
});

describe('hostile contents', () => {
  const merged = mergeOne(hostileRun());

  it('never reach the output raw, in text or Markdown', () => {
    const outputs = renderEverything(merged).join('\n');
    expect(outputs).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(outputs).toContain('\\x1b[2J');
    expect(analyzeErrors(merged).groups[0]?.kind).toBe(HOSTILE);
  });
});
