// In-process full path: the simulator's own composition (generation, reference pipeline,
// aggregator, request ring, store writes at the default report interval), closed loop.
// --profile <path> writes a CPU profile of the timed stretch only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { startProfiling } from '../lib/profiler.mjs';
import { startSimulation } from '../lib/simulation.mjs';

const { requests, concurrency, seed, reportInterval, profile } = readWorkerArgs();
const dir = mkdtempSync(join(tmpdir(), 'buddy-bench-full-'));
try {
  const argv = [
    ['--concurrency', concurrency],
    ['--max-requests', requests],
    ['--seed', seed],
    ['--file', join(dir, 'metrics.json')],
    reportInterval === undefined ? [] : ['--report-interval', reportInterval],
  ]
    .flat()
    .map(String);
  const profiling = await startProfiling(profile);
  const startMs = performance.now();
  const { done } = startSimulation([...argv, '--quiet', '--no-color']);
  const { finalReport } = await done;
  const seconds = (performance.now() - startMs) / 1000;
  await profiling.stop();
  printResult({
    requests,
    seconds,
    ratePerSec: requests / seconds,
    // Until the final report; the rest is waiting for queued store writes to finish.
    runSeconds: finalReport.elapsed_seconds,
    runRatePerSec: requests / finalReport.elapsed_seconds,
    totalRequests: finalReport.total_requests,
    successRate: finalReport.success_rate,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
