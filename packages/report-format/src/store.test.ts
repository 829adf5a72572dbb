import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHistory } from './history.js';
import { readLiveStatus, readMetricsFile } from './read-files.js';
import { buildReport } from './report-fixture.js';
import { createMetricsStore, historyPathFor, livePathFor } from './store.js';
import { nodeStoreFs, type StoreFs } from './store-fs.js';
import type { LiveStatus, RequestEntry } from './types.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-format-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function buildEntry(index: number, content = `request ${index}`): RequestEntry {
  return {
    request: { id: `r-${index}`, content, category: 'simple', content_length: content.length },
    timestamp: '2026-02-05T10:15:30.000Z',
    intended_at: '2026-02-05T10:15:29.990Z',
    success: true,
    confidence: 0.8,
    pre_validation: 'passed',
    approval_path: 'approved',
    execution_time: 0.1,
    latency: 10.1,
    error: null,
    error_kind: null,
    mismatch: null,
    served_by: 'reference',
    response: null,
  };
}

function buildLive(total: number): LiveStatus {
  return {
    schema_version: 2,
    run_id: 'run-1',
    updated_at: '2026-02-05T10:15:30.000Z',
    total_requests: total,
    success_rate: 100,
    error_count: 0,
    achieved_rate: 8,
    in_flight: 1,
    load_level: 1,
    request_interval: { min: 50, max: 200 },
    elapsed_seconds: 3,
    active_soul: 'reference',
    state: 'running',
  };
}

async function countLines(path: string): Promise<number> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '').length;
}

describe('createMetricsStore', () => {
  it('derives companion paths from the metrics path', () => {
    expect(historyPathFor('/a/m.json')).toBe('/a/m.history.jsonl');
    expect(livePathFor('/a/m.json')).toBe('/a/m.live.json');
    expect(livePathFor('/a/metrics')).toBe('/a/metrics.live.json');
  });

  it('writes a readable file whose last report alone keeps cumulative histograms', async () => {
    const path = join(dir, 'm.json');
    const store = createMetricsStore({ path, runId: 'run-1', config: { seed: 3 } });
    await store.writeReport(buildReport(0), [buildEntry(0)]);
    await store.writeReport(buildReport(1), [buildEntry(0), buildEntry(1)]);
    await store.close();

    const file = await readMetricsFile(path);
    expect(file.run_id).toBe('run-1');
    expect(file.config).toEqual({ seed: 3 });
    expect(file.history_file).toBe('m.history.jsonl');
    expect(file.started_at).toBe('2026-02-05T10:10:29.500Z');
    expect(file.updated_at).toBe(buildReport(1).timestamp);
    expect(file.reports.map((r) => r.histograms.execution_time.count)).toEqual([0, 1024]);
    expect(file.reports[0]?.categories.simple?.histograms.latency.count).toBe(0);
    expect(file.reports[0]?.window.histograms.latency.count).toBe(512);
    expect(file.requests.map((r) => r.request.id)).toEqual(['r-0', 'r-1']);
  });

  it('stays bounded over 1000 reports while the history grows one line per report', async () => {
    const path = join(dir, 'm.json');
    // Durability is not under test here: skip fsync so 1000 writes stay quick on a busy disk.
    const fs: Partial<StoreFs> = {
      writeFileSynced: (p, data) => writeFile(p, data, { flag: 'wx' }),
    };
    const options = { path, runId: 'run-1', maxReports: 20, maxRequests: 5, fs };
    const store = createMetricsStore(options);
    const requests = Array.from({ length: 50 }, (_, i) => buildEntry(i, 'y'.repeat(3000)));
    let sizeAt100 = 0;
    for (let i = 0; i < 1000; i++) {
      await store.writeReport(buildReport(i), requests);
      if (i === 99) sizeAt100 = (await stat(path)).size;
    }
    await store.close();

    const sizeAt1000 = (await stat(path)).size;
    expect(sizeAt1000).toBeLessThan(sizeAt100 * 1.05);
    const file = await readMetricsFile(path);
    expect(file.reports).toHaveLength(20);
    expect(file.reports[0]?.report_index).toBe(980);
    expect(file.requests).toHaveLength(5);
    expect(file.requests[0]?.request.content).toHaveLength(2000);
    expect(await countLines(historyPathFor(path))).toBe(1000);
  }, 60_000);

  it('replaces a previous run and appends its history after a torn last line', async () => {
    const path = join(dir, 'm.json');
    const historyPath = historyPathFor(path);
    await writeFile(path, '{"schema_version":2,"run_id":"old"');
    const old = JSON.stringify({ ...buildReport(0), run_id: 'old' });
    await writeFile(historyPath, `${old}\n${old.slice(0, 200)}`);

    const store = createMetricsStore({ path, runId: 'run-2' });
    await store.writeStart('2026-02-05T11:00:00.000Z');
    expect((await readMetricsFile(path)).reports).toEqual([]);
    await store.writeReport({ ...buildReport(0), run_id: 'run-2' }, []);
    await store.writeReport({ ...buildReport(1), run_id: 'run-2' }, []);
    await store.close();

    const file = await readMetricsFile(path);
    expect(file.run_id).toBe('run-2');
    expect(file.started_at).toBe('2026-02-05T11:00:00.000Z');
    const all = await readHistory(historyPath);
    expect(all.skippedLines).toBe(1);
    expect(all.reports.map((r) => r.run_id)).toEqual(['old', 'run-2', 'run-2']);
    const mine = await readHistory(historyPath, { runId: 'run-2', lastReports: 1 });
    expect(mine.reports.map((r) => r.report_index)).toEqual([1]);
  });

  it('serialises concurrent writes: never two file operations at once', async () => {
    let active = 0;
    let maxActive = 0;
    const track =
      <A extends unknown[]>(op: (...args: A) => Promise<void>) =>
      async (...args: A) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setImmediate(resolve));
        await op(...args);
        active--;
      };
    let snapshotWrites = 0;
    const fs: Partial<StoreFs> = {
      writeFileSynced: track((path: string, data: string) => {
        snapshotWrites++;
        return nodeStoreFs.writeFileSynced(path, data);
      }),
      rename: track(nodeStoreFs.rename),
      appendFile: track(nodeStoreFs.appendFile),
    };
    const path = join(dir, 'm.json');
    const store = createMetricsStore({ path, runId: 'run-1', fs });
    const writes = Array.from({ length: 30 }, (_, i) => store.writeReport(buildReport(i), []));
    await Promise.all(writes);
    await store.close();

    expect(maxActive).toBe(1);
    const file = await readMetricsFile(path);
    // The file keeps the newest 10 (the default); the history keeps all 30, in order.
    expect(file.reports.map((r) => r.report_index)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 20),
    );
    const history = await readHistory(historyPathFor(path));
    expect(history.reports.map((r) => r.report_index)).toEqual(
      Array.from({ length: 30 }, (_, i) => i),
    );
    // Reports that arrive during a write are coalesced into the next one.
    expect(snapshotWrites).toBeLessThan(30);
  });

  it('reports a failed rename, cleans its temp file and recovers on the next write', async () => {
    let failNext = true;
    const unlinked: string[] = [];
    const fs: Partial<StoreFs> = {
      async rename(fromPath, toPath) {
        if (failNext) {
          failNext = false;
          throw new Error('EXDEV: simulated');
        }
        await nodeStoreFs.rename(fromPath, toPath);
      },
      async unlink(path) {
        unlinked.push(path);
        await nodeStoreFs.unlink(path);
      },
    };
    const path = join(dir, 'm.json');
    const store = createMetricsStore({ path, runId: 'run-1', historyPath: null, fs });
    await expect(store.writeReport(buildReport(0), [])).rejects.toThrow(/simulated/);
    expect(unlinked).toHaveLength(1);
    await store.writeReport(buildReport(1), []);
    await store.close();

    const file = await readMetricsFile(path);
    expect(file.reports.map((r) => r.report_index)).toEqual([0, 1]);
    expect(file.history_file).toBeNull();
    await expect(store.writeReport(buildReport(2), [])).rejects.toThrow(/closed/);
  });

  it('writes the live status atomically, coalescing statuses that queue up', async () => {
    let replaces = 0;
    const fs: Partial<StoreFs> = {
      async rename(fromPath, toPath) {
        replaces++;
        await nodeStoreFs.rename(fromPath, toPath);
      },
    };
    const path = join(dir, 'm.json');
    const store = createMetricsStore({ path, runId: 'run-1', fs });
    const writes = [1, 2, 3, 4].map((n) => store.writeLive(buildLive(n)));
    await Promise.all(writes);
    await store.close();

    expect(replaces).toBe(1);
    expect((await readLiveStatus(livePathFor(path))).total_requests).toBe(4);
  });

  it('rejects a bad limit with a message naming it', () => {
    expect(() => createMetricsStore({ path: 'x.json', runId: 'r', maxReports: 0 })).toThrow(
      'metrics store maxReports: expected an integer >= 1, received 0',
    );
  });
});

describe('readers', () => {
  it('say clearly when a file is missing', async () => {
    const path = join(dir, 'none.json');
    await expect(readMetricsFile(path)).rejects.toMatchObject({
      code: 'METRICS_FILE_MISSING',
      message: `${path}: no metrics file found (it is written by the simulator once it runs)`,
    });
    await expect(readHistory(path)).rejects.toMatchObject({ code: 'METRICS_FILE_MISSING' });
    await expect(readLiveStatus(path)).rejects.toMatchObject({ code: 'METRICS_FILE_MISSING' });
  });
});
