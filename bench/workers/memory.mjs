// Memory: the simulator's full path in closed loop in this process for --requests; RSS after a
// full GC at every --every requests (so at 1M and at 10M). Progress on stderr. Run with
// --expose-gc. Past --budget-seconds or --rss-cap-mib it prints what it has and exits at once
// (draining a backlog of queued writes could take minutes).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { startSimulation } from '../lib/simulation.mjs';

const args = readWorkerArgs();
const { requests, every, concurrency, seed, budgetSeconds, rssCapMib, reportInterval } = args;
if (typeof global.gc !== 'function') throw new Error('memory worker: run with --expose-gc');

const dir = mkdtempSync(join(tmpdir(), 'buddy-bench-memory-'));
const samples = [];
const startMs = performance.now();
let nextSampleAt = every;

const elapsedSeconds = () => (performance.now() - startMs) / 1000;
const reportPrefix = /^\{"type":"report","report":\{"total_requests":(\d+),/;

function sample(total) {
  global.gc();
  const usage = process.memoryUsage();
  const seconds = elapsedSeconds();
  samples.push({ requests: total, rssBytes: usage.rss, heapUsedBytes: usage.heapUsed, seconds });
  // A partial result after every sample: if the process dies (out of memory), the bench
  // still has every sample taken so far.
  printResult({ requests, samples, stopped: 'died', seconds });
  const mb = (usage.rss / 2 ** 20).toFixed(1);
  process.stderr.write(`memory: ${total} requests, rss ${mb} MiB, ${seconds.toFixed(0)} s\n`);
}

function abandon(reason) {
  printResult({ requests, samples, stopped: reason, seconds: elapsedSeconds() });
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

function onReport(total) {
  if (total < nextSampleAt) return;
  nextSampleAt += every;
  sample(total);
  if (total >= requests) simulation.stop();
  else if (elapsedSeconds() > budgetSeconds) abandon('time budget');
  else if (process.memoryUsage().rss > rssCapMib * 2 ** 20) abandon('RSS cap');
}

// Periodic reports without a sample still check the caps (memory can grow between samples).
function onOtherReport() {
  if (elapsedSeconds() > budgetSeconds) abandon('time budget');
  if (process.memoryUsage().rss > rssCapMib * 2 ** 20) abandon('RSS cap');
}

// One extra report interval past the last sample, so the last sample is a regular report.
const argv = [
  ['--concurrency', concurrency],
  ['--max-requests', requests + 500],
  ['--seed', seed],
  ['--file', join(dir, 'metrics.json')],
  reportInterval === undefined ? [] : ['--report-interval', reportInterval],
]
  .flat()
  .map(String);
let reportsSeen = 0;
const simulation = startSimulation([...argv, '--json', '--no-color'], {
  onStdout(text) {
    const match = reportPrefix.exec(text);
    if (match === null) return;
    const total = Number(match[1]);
    if (total >= nextSampleAt) onReport(total);
    else if (++reportsSeen % 200 === 0) onOtherReport();
  },
});
await simulation.done;
rmSync(dir, { recursive: true, force: true });
printResult({ requests, samples, stopped: 'completed', seconds: elapsedSeconds() });
