/**
 * Child process for the torn-write test: writes reports in a tight loop until killed, printing
 * each completed report index on stdout. With a chunk count, it SIGKILLs itself after writing
 * that many chunks in total: a deterministic kill in the middle of a write.
 * Environment: WRITER_METRICS_PATH (required), WRITER_KILL_AFTER_CHUNKS (0 or absent: never).
 */
import { open } from 'node:fs/promises';
import { buildReport } from './report-fixture.js';
import { createMetricsStore } from './store.js';
import type { StoreFs } from './store-fs.js';
import type { RequestEntry } from './types.js';

const entry = (index: number): RequestEntry => ({
  request: {
    id: `r-${index}`,
    content: 'z'.repeat(1500),
    category: 'simple',
    content_length: 1500,
  },
  timestamp: '2026-02-05T10:15:30.000Z',
  intended_at: '2026-02-05T10:15:30.000Z',
  success: true,
  confidence: 0.5,
  pre_validation: 'passed',
  approval_path: 'approved',
  execution_time: 0.1,
  latency: 0.1,
  error: null,
  error_kind: null,
  mismatch: null,
  served_by: 'reference',
  response: null,
});

const CHUNK_CHARS = 16_384;
const killAfterChunks = Number(process.env.WRITER_KILL_AFTER_CHUNKS ?? 0);
let chunksWritten = 0;

/** Writes in small chunks, yielding between them, so most kills land in the middle of a write. */
const slowFs: Partial<StoreFs> = {
  async writeFileSynced(path, data) {
    const handle = await open(path, 'wx');
    try {
      for (let at = 0; at < data.length; at += CHUNK_CHARS) {
        await handle.write(data.slice(at, at + CHUNK_CHARS));
        chunksWritten++;
        if (chunksWritten === killAfterChunks) process.kill(process.pid, 'SIGKILL');
        await new Promise((resolve) => setImmediate(resolve));
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

async function main(path: string): Promise<void> {
  const store = createMetricsStore({ path, runId: `run-${process.pid}`, fs: slowFs });
  const requests = Array.from({ length: 100 }, (_, i) => entry(i));
  for (let index = 0; ; index++) {
    await store.writeReport(buildReport(index), requests);
    process.stdout.write(`${index}\n`);
  }
}

void main(process.env.WRITER_METRICS_PATH ?? 'metrics.json');
