import { describe, expect, it } from 'vitest';
import { type FrameOptions, renderFrame } from '../src/render-frame.js';
import { displayWidth } from '../src/text-width.js';
import {
  buildLive,
  buildMetricsFile,
  buildReport,
  buildState,
  buildStats,
  isoAgo,
  NOW_MS,
} from './fixtures.js';

const plain: FrameOptions = {
  width: 80,
  height: Number.POSITIVE_INFINITY,
  color: false,
  nowMs: NOW_MS,
};
const withReport = (report = buildReport()) => buildState({ metrics: buildMetricsFile([report]) });

// Anything a terminal would interpret: C0/C1 controls (except the frame's own newlines),
// DEL and bidi overrides/isolates.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('renderFrame with a healthy report', () => {
  const frame = renderFrame(withReport(), plain);

  it('draws the header with the redraw time and the age of the data', () => {
    expect(frame).toContain('BUDDY TRAFFIC MONITORING DASHBOARD');
    expect(frame).toContain('Updated: 2026-02-05 10:20:45 UTC');
    expect(frame).toContain('Data age: 5s (report #2)');
    expect(frame).not.toContain('STALE');
    expect(frame.split('\n')[0]).toMatch(/^╔═+╗$/);
  });

  it('shows the key metrics of the last report', () => {
    expect(frame).toMatch(/│ Total Requests\.+ +512 │/);
    expect(frame).toMatch(/Success Rate\.+ +100\.0%/);
    expect(frame).toMatch(/Avg Execution\.+ +0\.10ms/);
    expect(frame).toMatch(/P95 \/ P99 Execution\.+ +0\.15ms \/ 0\.18ms/);
    expect(frame).toMatch(/Confidence Mean \/ Std\.+ +0\.422 \/ 0\.292/);
    expect(frame).toMatch(/Pre-validation Catch\.+ +35\.5%/);
    expect(frame).toMatch(/Adversarial Block\.+ +100\.0%/);
    expect(frame).toMatch(/Request Rate\.+ +8\.4 req\/s/);
  });

  it('says there are no alerts and shows health, load bar and interval', () => {
    expect(frame).toContain('┌─ ALERTS (0) ─');
    expect(frame).toContain('No alerts in the last report window');
    expect(frame).toMatch(/Health Score\.+ +100\.0 \(excellent\)/);
    expect(frame).toMatch(/Speed\.+ +fast/);
    expect(frame).toMatch(/Stability\.+ +stable/);
    expect(frame).toMatch(/Load Level\.+ +\[██████░░░\] 2\/3/);
    expect(frame).toMatch(/Request Interval\.+ +35–135ms/);
  });

  it('lists each category with count, success, p95 and mean confidence', () => {
    expect(frame).toMatch(/simple +128 +100\.0% +0\.12ms +0\.42/);
    expect(frame).toMatch(/adversarial +26 +100\.0% +0\.15ms +0\.10/);
  });
});

describe('renderFrame alerts and data states', () => {
  it('lists a high alert before a medium one, tagged with its priority', () => {
    const report = buildReport({
      alerts: [
        {
          priority: 'medium',
          code: 'error_rate_high',
          message: 'Error rate 7.0% > 5%',
          value: 7,
          threshold: 5,
        },
        {
          priority: 'high',
          code: 'execution_time_high',
          message: 'Average execution 8.10 ms > 5 ms',
          value: 8.1,
          threshold: 5,
        },
      ],
      health: { score: 80, label: 'fair', speed: 'critical', stability: 'degraded' },
    });
    const frame = renderFrame(withReport(report), plain);
    expect(frame).toContain('ALERTS (2)');
    const high = frame.indexOf('HIGH   Average execution 8.10 ms > 5 ms');
    const medium = frame.indexOf('MEDIUM Error rate 7.0% > 5%');
    expect(high).toBeGreaterThan(0);
    expect(medium).toBeGreaterThan(high);
    expect(frame).toMatch(/Speed\.+ +critical/);
  });

  it('shows "no data" for a block rate without adversarial attempts', () => {
    const report = buildReport({ adversarial: { attempts: 0, blocked: 0, block_rate: null } });
    expect(renderFrame(withReport(report), plain)).toMatch(/Adversarial Block\.+ +no data/);
  });

  it('waits politely when there is no file and no live status', () => {
    const state = buildState({ problem: { kind: 'missing', message: 'no such file' } });
    const frame = renderFrame(state, plain);
    expect(frame).toContain('WAITING FOR DATA');
    expect(frame).toContain('Waiting for the metrics file: buddy_traffic_metrics.json');
    expect(frame).toContain('Data age: no data yet');
    expect(frame).not.toContain('PROBLEM');
    expect(frame).not.toContain('KEY METRICS');
  });

  it('shows live progress while waiting for the first report', () => {
    const state = buildState({
      problem: { kind: 'missing', message: 'no such file' },
      live: buildLive(),
    });
    const frame = renderFrame(state, plain);
    expect(frame).toContain('WAITING FOR THE FIRST REPORT');
    expect(frame).toMatch(/Requests So Far\.+ +123/);
    expect(frame).toMatch(/Request Rate\.+ +12\.3 req\/s/);
    expect(frame).toMatch(/Load Level\.+ +\[███░░░░░░\] 1\/3/);
    expect(frame).toContain('Data age: 1s');
  });

  it('prefers the live rate and level of the same run once reports exist', () => {
    const state = buildState({
      metrics: buildMetricsFile([buildReport()]),
      live: buildLive({
        achieved_rate: 31.5,
        load_level: 3,
        request_interval: { min: 20, max: 100 },
      }),
    });
    const frame = renderFrame(state, plain);
    expect(frame).toMatch(/Request Rate\.+ +31\.5 req\/s/);
    expect(frame).toMatch(/Load Level\.+ +\[█████████\] 3\/3/);
    expect(frame).toContain('Data age: 1s (report #2)');
  });

  it('ignores a live status from another run', () => {
    const state = buildState({
      metrics: buildMetricsFile([buildReport()]),
      live: buildLive({ run_id: 'other-run', achieved_rate: 31.5 }),
    });
    expect(renderFrame(state, plain)).toMatch(/Request Rate\.+ +8\.4 req\/s/);
  });

  it('says the file is corrupt and keeps the last good data', () => {
    const state = buildState({
      metrics: buildMetricsFile([buildReport()]),
      problem: { kind: 'invalid', message: 'not JSON (line 1)' },
    });
    const frame = renderFrame(state, plain);
    expect(frame).toContain('┌─ PROBLEM ─');
    expect(frame).toContain('The metrics file is corrupt or unreadable:');
    expect(frame).toContain('not JSON (line 1)');
    expect(frame).toContain('Still watching; showing the last good data below.');
    expect(frame).toContain('KEY METRICS');
  });

  it('says the file is corrupt when there never was good data', () => {
    const state = buildState({ problem: { kind: 'invalid', message: 'empty file' } });
    const frame = renderFrame(state, plain);
    expect(frame).toContain('The metrics file is corrupt or unreadable: empty file');
    expect(frame).toContain('Waiting for the first report.');
  });

  it('flags stale data after three intervals (at least a minute)', () => {
    const fresh = buildReport({ timestamp: isoAgo(60) });
    expect(renderFrame(withReport(fresh), plain)).not.toContain('STALE');
    const old = buildReport({ timestamp: isoAgo(61) });
    const state = buildState({
      metrics: { ...buildMetricsFile([old]), updated_at: old.timestamp },
    });
    const frame = renderFrame(state, plain);
    expect(frame).toContain('Data age: 1m 01s');
    expect(frame).toContain('STALE: no new data for over 1m 00s');
    const slow = { ...state, intervalSeconds: 30 };
    expect(renderFrame(slow, plain)).not.toContain('STALE');
  });

  it('does not call a finished run stale', () => {
    const last = buildReport({ timestamp: isoAgo(3600), final: true });
    const frame = renderFrame(withReport(last), plain);
    expect(frame).not.toContain('STALE');
    expect(frame).toContain('Run finished');
  });
});

describe('renderFrame fits the terminal', () => {
  const busy = buildState({
    metrics: buildMetricsFile([
      buildReport({
        alerts: [
          {
            priority: 'high',
            code: 'x',
            message: 'A very long alert message '.repeat(8),
            value: 1,
            threshold: 0,
          },
        ],
        categories: {
          'a-category-with-a-very-long-name-indeed': buildStats(10),
          名前の長いカテゴリ名前の長いカテゴリ: buildStats(5),
        },
      }),
    ]),
    problem: { kind: 'invalid', message: 'x'.repeat(400) },
  });

  it.each([120, 80, 60, 40, 30, 12])('never exceeds %i columns', (width) => {
    const frame = renderFrame(busy, { ...plain, width });
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('keeps the boxes intact at 40 columns', () => {
    const lines = renderFrame(busy, { ...plain, width: 40 }).split('\n');
    const boxed = lines.filter((l) => l.startsWith('│'));
    expect(boxed.every((l) => displayWidth(l) === 40)).toBe(true);
    expect(lines.join('\n')).toMatch(/Total Requests\.+ +512/);
  });

  it('cuts a tall frame to the height with a note', () => {
    const lines = renderFrame(busy, { ...plain, height: 20 }).split('\n');
    expect(lines).toHaveLength(20);
    expect(lines[19]).toMatch(/^… \d+ more lines: enlarge the terminal$/);
  });
});

describe('renderFrame neutralises hostile contents', () => {
  const evil = 'x\u001b[2J\u001b]0;pwned\u0007\u0000\r\b\u009b31m\u202egnp.exe';
  const hostile = buildState({
    metrics: {
      ...buildMetricsFile([
        buildReport({
          run_id: evil,
          alerts: [{ priority: 'high', code: evil, message: evil, value: 1, threshold: 0 }],
          categories: { [evil]: buildStats(3) },
          soul: { active: evil, served: {}, fallbacks: 0, switches: [] },
          health: {
            score: 50,
            label: evil as never,
            speed: evil as never,
            stability: evil as never,
          },
        }),
      ]),
      run_id: evil,
    },
    problem: { kind: 'invalid', message: evil },
    filePath: `metrics${evil}.json`,
  });

  it.each([false, true])('prints no raw control character (color %s)', (color) => {
    const frame = renderFrame(hostile, { ...plain, color, footer: 'q quits' });
    // Our own colour codes are the only escapes allowed.
    const withoutOwnColour = frame.replace(/\u001b\[[0-9;]*m/g, '');
    expect(withoutOwnColour).not.toMatch(UNSAFE);
    expect(frame).toContain('\\x1b');
  });

  it('keeps waiting and live frames safe too', () => {
    const live = buildLive({ state: evil as never, active_soul: evil, run_id: evil });
    const frame = renderFrame(buildState({ live, filePath: evil }), plain);
    expect(frame).not.toMatch(UNSAFE);
  });
});

describe('renderFrame colour', () => {
  it('colours a high alert red only when asked', () => {
    const report = buildReport({
      alerts: [{ priority: 'high', code: 'x', message: 'bad', value: 1, threshold: 0 }],
    });
    expect(renderFrame(withReport(report), { ...plain, color: true })).toContain(
      '\u001b[1;31mHIGH',
    );
    expect(renderFrame(withReport(report), plain)).not.toContain('\u001b');
  });
});
