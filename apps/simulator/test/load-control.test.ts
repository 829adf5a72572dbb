import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMetricsFile } from '@buddy/report-format';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'buddy-load-')), 'm.json');
const reports = (file: string) => parseMetricsFile(readFileSync(file, 'utf8'), file).reports;

describe('adaptive load and --fail-on, end to end', () => {
  it('falls a level per slow report under 8 ms injected latency, alerts, and fails on high', async () => {
    const file = tempFile();
    const result = await runCli('simulator', [
      ...['--start-level', '3', '--latency-median-ms', '8', '--interval-min', '5'],
      ...['--interval-max', '10', '--report-interval', '40', '--max-requests', '160'],
      ...['--seed', '3', '--fail-on', 'high', '--file', file],
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/--fail-on high: alerts fired during the run: .*execution_time/);
    expect(result.stderr).toMatch(/load level 3 → 2: interval now/);
    const all = reports(file);
    expect(all.map((r) => r.load_level).slice(0, 3)).toEqual([3, 2, 1]);
    expect(all[1]?.load_changes[0]).toMatchObject({ from: 3, to: 2 });
    const codes = all.flatMap((r) =>
      r.alerts.filter((a) => a.priority === 'high').map((a) => a.code),
    );
    expect(codes).toContain('execution_time_high');

    const dashboard = await runCli('dashboard', ['--once', '--file', file]);
    expect(dashboard.stdout).toMatch(/execution/i);
    expect(dashboard.stdout).toMatch(/HIGH/);
  });

  it('climbs to level 3 after three fast reports per level, with no alert', async () => {
    const file = tempFile();
    const result = await runCli('simulator', [
      ...['--interval-min', '1', '--interval-max', '2', '--report-interval', '200'],
      ...['--max-requests', '1600', '--seed', '11', '--fail-on', 'medium', '--file', file],
    ]);
    expect(result.stderr).not.toMatch(/fail-on/);
    expect(result.code).toBe(0);
    const levels = reports(file).map((r) => r.load_level);
    expect(levels.slice(0, 7)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(reports(file).every((r) => r.alerts.length === 0)).toBe(true);
  });

  it('takes alert thresholds from flags over the config file', async () => {
    const file = tempFile();
    const config = join(mkdtempSync(join(tmpdir(), 'buddy-cfg-')), 'c.json');
    writeFileSync(config, JSON.stringify({ alerts: { avgExecutionMsAbove: 1000 } }));
    const result = await runCli('simulator', [
      ...['--config', config, '--alert', 'avgExecutionMsAbove=0.000001', '--max-requests', '50'],
      ...['--interval-min', '0', '--interval-max', '0', '--fail-on', 'high', '--file', file],
    ]);
    expect(result.code).toBe(3);
    const alert = reports(file)[0]?.alerts.find((a) => a.code === 'execution_time_high');
    expect(alert?.threshold).toBe(0.000001);
  });
});
