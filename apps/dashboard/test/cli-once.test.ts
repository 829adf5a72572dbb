import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDashboardCli } from './cli-process.js';
import { buildMetricsFile, buildReport, buildStats } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'buddy-dashboard-once-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

// Raw ESC, BEL, NUL, C1 CSI or a bidi override: what a hostile request could smuggle.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('buddy-dashboard --once', () => {
  it('prints the waiting frame and exits 0 when there is no file yet', async () => {
    const result = await runDashboardCli(['--once', '--file', join(dir, 'absent.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('WAITING FOR DATA');
    expect(result.stdout).toContain('absent.json');
    expect(result.stderr).toBe('');
  });

  it('prints the metrics and the high alert of the last report', async () => {
    const report = buildReport({
      timestamp: new Date().toISOString(),
      alerts: [
        {
          priority: 'high',
          code: 'execution_time_high',
          message: 'Average execution 8.20 ms > 5 ms',
          value: 8.2,
          threshold: 5,
        },
      ],
    });
    const file = write('good.json', JSON.stringify(buildMetricsFile([report])));
    const result = await runDashboardCli(['--once', '--file', file], { COLUMNS: '90' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Total Requests\.+ +512/);
    expect(result.stdout).toContain('HIGH   Average execution 8.20 ms > 5 ms');
    expect(result.stdout).not.toContain('\u001b');
    const widest = Math.max(...result.stdout.split('\n').map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(90);
  });

  it('says the file is corrupt and exits 1', async () => {
    const file = write('corrupt.json', '{"schema_version": 2, "reports": [');
    const result = await runDashboardCli(['--once', '--file', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The metrics file is corrupt or unreadable');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^buddy-dashboard: /);
  });

  it('never prints raw control characters from the file', async () => {
    const evil = 'x\u001b[2J\u001b]0;pwned\u0007\u0000\u009b31m\u202eevil';
    const report = buildReport({
      alerts: [{ priority: 'high', code: evil, message: evil, value: 1, threshold: 0 }],
      categories: { [evil]: buildStats(3) },
    });
    const file = write('hostile.json', JSON.stringify(buildMetricsFile([report], evil)));
    const result = await runDashboardCli(['--once', '--file', file]);
    expect(result.stdout).toContain('HIGH');
    expect(result.stdout).not.toMatch(UNSAFE);
    expect(result.stderr).not.toMatch(UNSAFE);
  });
});

describe('buddy-dashboard bad flags', () => {
  it.each([
    [['--interval', '0'], '--interval: expected a number of seconds > 0, received "0"'],
    [['--interval', 'soon'], '--interval: expected a number of seconds > 0, received "soon"'],
    [['--interval', '-5'], '--interval: expected a number of seconds > 0, received "-5"'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('%j exits 2 with one line naming the flag', async (args, message) => {
    const result = await runDashboardCli([...args, '--once']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help prints the flags and exits 0', async () => {
    const result = await runDashboardCli(['--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--file', '--interval', '--once', '--no-color']) {
      expect(result.stdout).toContain(flag);
    }
  });
});
