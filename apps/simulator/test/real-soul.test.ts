import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMetricsFile } from '@buddy/report-format';
import { startReferenceSoulServer } from '@buddy/soul-adapters';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPECTED_KIND, FAULT_CYCLE, startFaultServer } from './fault-soul-server.js';
import { collect, runCli, startCli } from './run-cli.js';

const KEY = 'sk-TEST-SECRET-123';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const tempDir = () => mkdtempSync(join(tmpdir(), 'buddy-real-'));
const readReports = (file: string) => parseMetricsFile(readFileSync(file, 'utf8'), file).reports;
const readAll = (dir: string) =>
  readdirSync(dir)
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

describe('buddy-simulator against a real Soul over HTTP', () => {
  it('gives the same verdicts over HTTP as in process, and never leaks the API key', async () => {
    const server = await startReferenceSoulServer({ apiKey: KEY });
    cleanups.push(() => server.close());
    const dir = tempDir();
    const common = ['--max-requests', '400', '--interval-min', '0', '--interval-max', '0'];
    const http = await runCli(
      'simulator',
      [
        ...common,
        '--seed',
        '5',
        '--use-real-soul',
        '--soul-url',
        server.url,
        '--file',
        join(dir, 'http.json'),
      ],
      { env: { SOUL_API_KEY: KEY } },
    );
    expect(http.code).toBe(0);
    const local = await runCli('simulator', [
      ...common,
      '--seed',
      '5',
      '--file',
      join(dir, 'local.json'),
    ]);
    expect(local.code).toBe(0);

    const viaHttp = parseMetricsFile(readFileSync(join(dir, 'http.json'), 'utf8'));
    const inProcess = parseMetricsFile(readFileSync(join(dir, 'local.json'), 'utf8'));
    const verdicts = (f: typeof viaHttp) =>
      f.requests.map((r) => [r.request.content, r.success, r.confidence, r.approval_path]);
    expect(verdicts(viaHttp)).toEqual(verdicts(inProcess));
    const last = viaHttp.reports.at(-1)!;
    expect(last.soul.served.real).toBe(400);
    expect(last.soul.served.reference ?? 0).toBe(0);
    expect(last.success_rate).toBe(100);
    expect(last.pre_validation.passed).toBe(inProcess.reports.at(-1)!.pre_validation.passed);

    const everything = http.stdout + http.stderr + readAll(dir);
    expect(everything).not.toContain(KEY);
  });

  it('survives every fault: the counts add up and errors by kind match what was injected', async () => {
    const server = await startFaultServer();
    cleanups.push(() => server.close());
    const dir = tempDir();
    const file = join(dir, 'm.json');
    const total = 200;
    const result = await runCli(
      'simulator',
      [
        ...['--use-real-soul', '--soul-url', server.url, '--soul-timeout', '300'],
        ...['--max-requests', String(total), '--interval-min', '1', '--interval-max', '2'],
        ...['--report-interval', '50', '--seed', '9', '--file', file],
      ],
      { env: { SOUL_API_KEY: KEY } },
    );
    expect(result.code).toBe(0);
    const last = readReports(file).at(-1)!;
    expect(last.total_requests).toBe(total);
    expect(last.successful_requests + last.failed_requests).toBe(total);
    const expected: Record<string, number> = {};
    for (let seq = 0; seq < total; seq++) {
      const kind = EXPECTED_KIND[FAULT_CYCLE[seq % FAULT_CYCLE.length]!];
      if (kind !== null) expected[kind] = (expected[kind] ?? 0) + 1;
    }
    expect(last.errors_by_kind).toEqual(expected);
    expect(last.error_count).toBe(140);
    expect(last.successful_requests).toBe(60);
    expect(server.authHeaders.length).toBeGreaterThan(0);

    const dashboard = await runCli('dashboard', ['--once', '--file', file]);
    for (const kind of Object.keys(expected)) expect(dashboard.stdout).toContain(kind);
    const everything = result.stdout + result.stderr + dashboard.stdout + readAll(dir);
    expect(everything).not.toContain(KEY);
  });

  it('falls back to the reference pipeline only when asked, counting every fallback', async () => {
    const server = await startFaultServer();
    cleanups.push(() => server.close());
    const file = join(tempDir(), 'm.json');
    const result = await runCli('simulator', [
      ...['--use-real-soul', '--soul-url', server.url, '--soul-timeout', '300'],
      ...['--fallback-to-reference', '--max-requests', '100', '--interval-min', '1'],
      ...['--interval-max', '2', '--seed', '9', '--file', file],
    ]);
    expect(result.code).toBe(0);
    const last = readReports(file).at(-1)!;
    expect(last.soul.fallbacks).toBe(70);
    expect(last.success_rate).toBe(100);
    expect(last.soul.served).toEqual({ real: 30, reference: 70 });
  });

  it('refuses to start without a URL or with a failing health check, in one clear line', async () => {
    const noUrl = await runCli('simulator', ['--use-real-soul', '--max-requests', '1'], {
      env: { SOUL_API_URL: '' },
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr.trim()).toMatch(/^buddy-simulator: --use-real-soul: expected --soul-url/);

    const closed = await startFaultServer();
    const deadUrl = closed.url;
    await closed.close();
    const dead = await runCli(
      'simulator',
      ['--use-real-soul', '--soul-url', deadUrl, '--max-requests', '1'],
      {
        env: { SOUL_REAL_ENABLED: 'true' },
      },
    );
    expect(dead.code).toBe(1);
    expect(dead.stderr.trim().split('\n')).toHaveLength(1);
    expect(dead.stderr).toMatch(/health check failed.*connection refused/i);
  });

  it('switches between the reference pipeline and the real Soul mid-run, both ways', async () => {
    const server = await startReferenceSoulServer();
    cleanups.push(() => server.close());
    const file = join(tempDir(), 'm.json');
    const child = startCli('simulator', [
      ...['--soul-url', server.url, '--control-port', '0', '--interval-min', '2'],
      ...['--interval-max', '4', '--report-interval', '100000', '--file', file],
    ]);
    const done = collect(child);
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d;
    });
    const waitFor = async (what: () => boolean, label: string) => {
      const deadline = Date.now() + 20_000;
      while (!what()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor(() => /control: (http:\/\/127\.0\.0\.1:\d+)/.test(stderr), 'control URL');
    const control = /control: (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1];
    const soul = async () =>
      (await fetch(`${control}/soul`)).json() as Promise<{ served: Record<string, number> }>;
    const post = (active: string) =>
      fetch(`${control}/soul`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ active }),
      });
    await waitFor(() => true, 'start');
    const servedAtLeast = async (name: string, n: number) => {
      const deadline = Date.now() + 20_000;
      while (((await soul()).served[name] ?? 0) < n) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${name} >= ${n}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await servedAtLeast('reference', 20);
    expect((await post('real')).status).toBe(200);
    await servedAtLeast('real', 20);
    expect((await post('reference')).status).toBe(200);
    const before = (await soul()).served.reference ?? 0;
    await servedAtLeast('reference', before + 20);
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    const last = readReports(file).at(-1)!;
    expect(last.soul.switches.map((s) => `${s.from}->${s.to}`)).toEqual([
      'reference->real',
      'real->reference',
    ]);
    expect(last.soul.served.real).toBeGreaterThanOrEqual(20);
    expect(last.soul.served.reference).toBeGreaterThanOrEqual(40);
    expect((last.soul.served.real ?? 0) + (last.soul.served.reference ?? 0)).toBe(
      last.total_requests,
    );
    expect(last.success_rate).toBe(100);
  });
});
