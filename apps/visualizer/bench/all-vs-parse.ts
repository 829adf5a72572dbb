/**
 * Times `--all` on a generated 24-hour run (3000 reports plus history) next to parsing alone,
 * in the same process, interleaved, reporting medians.
 *
 *   node --expose-gc --conditions=@buddy/source --import tsx \
 *     apps/visualizer/bench/all-vs-parse.ts [rounds]
 *
 * With --expose-gc a collection runs before every timing, so one variant's garbage is not
 * billed to the next.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRuns } from '@buddy/analysis';
import { dayRun, writeRun } from '@buddy/analysis/testing';
import { analyzeRuns } from '../src/analyze-runs.js';
import { parseFlags } from '../src/parse-flags.js';
import { renderDocument } from '../src/render-document.js';
import { runVisualizer } from '../src/run-visualizer.js';

const ALL_FLAGS = parseFlags(['--all']);

const rounds = Number(process.argv[2] ?? 5);
const dir = await mkdtemp(join(tmpdir(), 'buddy-bench-'));

try {
  const path = await writeRun(dir, 'day.json', dayRun());
  const historyPath = join(dir, 'day.history.jsonl');
  const bytes = (await readFile(path)).length + (await readFile(historyPath)).length;
  const loaded = await loadRuns([path]);

  const variants: Record<string, () => Promise<unknown>> = {
    'JSON.parse only (no validation)': async () => {
      JSON.parse(await readFile(path, 'utf8'));
      for (const line of (await readFile(historyPath, 'utf8')).split('\n')) {
        if (line !== '') JSON.parse(line);
      }
    },
    'parse (loadRuns: read + validate file and history)': () => loadRuns([path]),
    '--all (parse + merge + analyse + render text)': () => runAll(path),
    'analyse + render only (runs loaded beforehand)': async () => {
      renderDocument(analyzeRuns(loaded, ALL_FLAGS, Date.now()), 'text', { width: 100 });
    },
  };
  const times: Record<string, number[]> = Object.fromEntries(
    Object.keys(variants).map((name) => [name, []]),
  );
  // Interleave the variants so machine load hits all of them alike.
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      (globalThis as { gc?: () => void }).gc?.();
      const startMs = performance.now();
      await run();
      times[name]!.push(performance.now() - startMs);
    }
  }
  console.log(`24-hour run: 3000 reports, ${(bytes / 1e6).toFixed(1)} MB; ${rounds} rounds`);
  for (const [name, list] of Object.entries(times)) {
    console.log(`${name.padEnd(52)} median ${median(list).toFixed(0).padStart(6)} ms`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function runAll(path: string): Promise<void> {
  let output = '';
  const code = await runVisualizer(['--file', path, '--all', '--width', '100'], {
    stdout: (text) => {
      output += text;
    },
    stderr: () => {},
    env: { NO_COLOR: '1' },
    isTty: false,
    columns: 100,
    nowMs: Date.now(),
  });
  if (code !== 0 || output.length === 0) throw new Error(`--all failed with ${code}`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
