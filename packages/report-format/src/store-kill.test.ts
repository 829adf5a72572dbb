import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHistory } from './history.js';
import { parseMetricsFile } from './schema.js';
import { historyPathFor } from './store.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const writerScript = join(here, 'store-writer.fixture.ts');
const ITERATIONS = 20;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'report-format-kill-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function startWriter(path: string, killAfterChunks: number): ChildProcess {
  const args = ['--conditions=@buddy/source', '--import', 'tsx', writerScript];
  const env = {
    ...process.env,
    WRITER_METRICS_PATH: path,
    WRITER_KILL_AFTER_CHUNKS: String(killAfterChunks),
  };
  return spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function waitForExit(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolvePromise) =>
    child.once('exit', (_code, signal) => resolvePromise(signal)),
  );
}

/** Resolves once the child reported `count` completed writes; rejects if it exits first. */
function waitForWrites(child: ChildProcess, count: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let seen = 0;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString().split('\n').filter(Boolean).length;
      if (seen >= count) resolvePromise();
    });
    child.on('exit', (code) => reject(new Error(`writer exited (${code}): ${stderr}`)));
  });
}

function killAndWait(child: ChildProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });
}

describe('metrics file under SIGKILL', () => {
  it('always parses, whenever the writer dies', async () => {
    const path = join(dir, 'buddy_traffic_metrics.json');
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      if (iteration % 2 === 1) {
        // Deterministic: the writer kills itself mid-write after a varied number of chunks
        // (sometimes inside its first write, over the previous run's file).
        const child = startWriter(path, 3 + iteration * 13);
        expect(await waitForExit(child)).toBe('SIGKILL');
      } else {
        // Real: killed from outside after 1..~25 completed writes, inside a later one.
        const child = startWriter(path, 0);
        await waitForWrites(child, 1 + ((iteration * 7) % 25));
        await killAndWait(child);
      }

      const file = parseMetricsFile(await readFile(path, 'utf8'), path);
      expect(file.reports.length).toBeGreaterThan(0);
      expect(file.run_id).toMatch(/^run-\d+$/);
    }

    const history = await readHistory(historyPathFor(path));
    expect(history.reports.length).toBeGreaterThanOrEqual(ITERATIONS);
    // A kill can tear at most the line being appended in each run.
    expect(history.skippedLines).toBeLessThanOrEqual(ITERATIONS);
    // Each new writer removes the temp files of dead ones: only the last kill's may remain.
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers.length).toBeLessThanOrEqual(1);
  }, 180_000);
});
