import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMetricsFile } from '@buddy/report-format';
import { describe, expect, it } from 'vitest';
import { collect, runCli, startCli } from './run-cli.js';

const SHARES: Record<string, number> = {
  simple: 25,
  multi_step: 15,
  low_confidence: 10,
  high_confidence: 15,
  conflicting_gates: 8,
  clarification_triggers: 10,
  edge_cases: 12,
  adversarial: 5,
};

const tempDir = () => mkdtempSync(join(tmpdir(), 'buddy-sim-'));
const readFile = (path: string) => parseMetricsFile(readFileSync(path, 'utf8'), path);

describe('buddy-simulator end to end', () => {
  it('runs 5000 seeded requests on the reference pipeline and lands on the healthy numbers', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.json');
    const args = ['--max-requests', '5000', '--interval-min', '0', '--interval-max', '0'];
    const result = await runCli('simulator', [...args, '--seed', '7', '--file', file]);
    expect(result.stderr).toContain('stopped: 5000 requests answered');
    expect(result.code).toBe(0);

    const metrics = readFile(file);
    const last = metrics.reports.at(-1)!;
    expect(last.final).toBe(true);
    expect(last.total_requests).toBe(5000);
    expect(last.success_rate).toBe(100);
    expect(last.adversarial.block_rate).toBe(100);
    expect(last.pre_validation.catch_rate).toBeGreaterThanOrEqual(30);
    expect(last.pre_validation.catch_rate).toBeLessThanOrEqual(40);
    expect(last.confidence.std_dev).toBeGreaterThanOrEqual(0.25);
    expect(last.confidence.std_dev).toBeLessThanOrEqual(0.33);
    for (const [id, share] of Object.entries(SHARES)) {
      const got = ((last.categories[id]?.total_requests ?? 0) / 5000) * 100;
      expect(Math.abs(got - share), id).toBeLessThanOrEqual(2);
    }
    // Original layout's names are present.
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    expect(raw.reports[0]).toHaveProperty('execution_time.p99');
    expect(raw.reports[0]).toHaveProperty('approval_path.approval_rate');
    expect(raw.requests[0]).toHaveProperty('request.content');
    expect(raw.requests[0]).toHaveProperty('execution_time');

    // Same seed, same request sequence.
    const again = join(dir, 'again.json');
    expect((await runCli('simulator', [...args, '--seed', '7', '--file', again])).code).toBe(0);
    const seq = (path: string) =>
      readFile(path).requests.map((r) => `${r.request.category}:${r.request.content}`);
    expect(seq(again)).toEqual(seq(file));
    const other = join(dir, 'other.json');
    expect((await runCli('simulator', [...args, '--seed', '8', '--file', other])).code).toBe(0);
    expect(seq(other)).not.toEqual(seq(file));
  });

  it('drains and writes a final report on SIGTERM', async () => {
    const dir = tempDir();
    const file = join(dir, 'm.json');
    const child = startCli('simulator', [
      '--interval-min',
      '1',
      '--interval-max',
      '3',
      '--file',
      file,
    ]);
    const done = collect(child);
    const live = join(dir, 'm.live.json');
    const deadline = Date.now() + 20_000;
    while (!existsSync(live) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(live)).toBe(true);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    const last = readFile(file).reports.at(-1)!;
    expect(last.final).toBe(true);
    expect(last.total_requests).toBeGreaterThan(0);
  });

  it('keeps warm-up requests out of the statistics and records the arrival mode', async () => {
    const dir = tempDir();
    const poisson = join(dir, 'p.json');
    const result = await runCli('simulator', [
      ...['--arrival', 'poisson', '--rate', '500', '--warmup', '50', '--max-requests', '200'],
      ...['--seed', '4', '--file', poisson],
    ]);
    expect(result.code).toBe(0);
    const last = readFile(poisson).reports.at(-1)!;
    expect(last.total_requests).toBe(200);
    expect(last.warmup_requests).toBe(50);
    expect(last.arrival).toBe('poisson');
    expect(last.schedule.cumulative.target_rate).toBeCloseTo(500, 6);

    const closed = join(dir, 'c.json');
    const run = await runCli('simulator', [
      ...['--concurrency', '4', '--max-requests', '300', '--seed', '4', '--file', closed],
    ]);
    expect(run.code).toBe(0);
    expect(readFile(closed).reports.at(-1)).toMatchObject({
      arrival: 'closed',
      total_requests: 300,
    });
  });

  it.each([
    [['--max-requests', '-5'], '--max-requests'],
    [['--max-requests', 'ten'], '--max-requests'],
    [['--interval-min', 'abc'], '--interval-min'],
    [['--interval-min', '300', '--interval-max', '100'], '--interval-min'],
    [['--report-interval', '0'], '--report-interval'],
    [['--seed', '1.5'], '--seed'],
    [['--error-rate', '2'], '--error-rate'],
    [['--frobnicate'], '--frobnicate'],
    [['--arrival', 'poisson'], '--rate'],
    [['--alert', 'nope=3'], '--alert'],
    [['--alert', 'successRateBelow'], '--alert'],
    [['--config', '/nonexistent/buddy.json'], '--config'],
  ])('rejects %j with exit 2 and one line naming %s', async (args, flag) => {
    const result = await runCli('simulator', args);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(flag);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('never prints request contents raw: escape sequences are neutralised', async () => {
    const dir = tempDir();
    const config = join(dir, 'hostile.json');
    writeFileSync(
      config,
      JSON.stringify({
        weights: Object.fromEntries(Object.keys(SHARES).map((id) => [id, 0])),
        categories: [
          {
            id: 'hostile',
            weight: 1,
            templates: ['please list my files \u001b[2J\u001b]0;pwned\u0007 now {a|b}\u0000'],
          },
        ],
      }),
    );
    const result = await runCli('simulator', [
      ...['--config', config, '--max-requests', '20', '--interval-min', '0'],
      ...['--interval-max', '0', '--slow-ms', '0.000001', '--file', join(dir, 'm.json')],
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('slow request');
    const all = result.stdout + result.stderr;
    expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
