// Memory: the simulator's full path in closed loop in this process for --requests; RSS after a
// full GC at every --every requests (so at 1M and at 10M). Progress on stderr. Run with
// --expose-gc. Stops early, with what it has, past --budget-seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { startSimulation } from '../lib/simulation.mjs';

const { requests, every, concurrency, seed, budgetSeconds } = readWorkerArgs();
if (typeof global.gc !== 'function') throw new Error('memory worker: run with --expose-gc');

const dir = mkdtempSync(join(tmpdir(), 'buddy-bench-memory-'));
const samples = [];
const startMs = performance.now();
let nextSampleAt = every;
let stoppedEarly = false;

const reportPrefix = /^\{"type":"report","report":\{"total_requests":(\d+),/;

function sample(total) {
  global.gc();
  const usage = process.memoryUsage();
  const seconds = (performance.now() - startMs) / 1000;
  samples.push({ requests: total, rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, seconds });
  // A partial result after every sample: if the process dies (out of memory), the bench
  // still has every sample taken so far.
  printResult({ requests, samples, stoppedEarly: false, partial: true, seconds });
  const mb = (usage.rss / 2 ** 20).toFixed(1);
  process.stderr.write(`memory: ${total} requests, rss ${mb} MiB, ${seconds.toFixed(0)} s\n`);
}

// One extra report interval past the last sample, so the last sample is a regular report.
const argv = [
  ['--concurrency', concurrency],
  ['--max-requests', requests + 500],
  ['--seed', seed],
  ['--file', join(dir, 'metrics.json')],
]
  .flat()
  .map(String);
const simulation = startSimulation([...argv, '--json', '--no-color'], {
  onStdout(text) {
    const total = Number(reportPrefix.exec(text)?.[1] ?? Number.NaN);
    if (!(total >= nextSampleAt)) return;
    nextSampleAt += every;
    sample(total);
    if ((performance.now() - startMs) / 1000 > budgetSeconds && total < requests) {
      stoppedEarly = true;
      simulation.stop();
    }
    if (total >= requests) simulation.stop();
  },
});
try {
  await simulation.done;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
printResult({ requests, samples, stoppedEarly, partial: false, seconds: (performance.now() - startMs) / 1000 });
