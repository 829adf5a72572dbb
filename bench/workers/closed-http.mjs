// Our HTTP client in closed loop: N workers through createHttpSoulTarget (N keep-alive
// connections), cycling the seeded requests; warm-up seconds first, then the measured ones.
// --profile <path> writes a CPU profile of the run.
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { startProfiling } from '../lib/profiler.mjs';
import { cycleRequests, generateRequests } from '../lib/requests.mjs';
import { processCpuMicros } from '../lib/stats.mjs';
import { importPackage } from '../lib/workspace.mjs';

const core = await importPackage('@buddy/traffic-core');
const soul = await importPackage('@buddy/soul-adapters');
const { url, connections, seconds, warmup, seed, count, profile } = readWorkerArgs();

const clock = core.createSystemClock();
const target = soul.createHttpSoulTarget({ url, maxConnections: connections, clock });
const run = core.createRun({
  target,
  requests: cycleRequests(generateRequests(seed, count)),
  clock,
  arrival: { mode: 'closed', concurrency: connections },
  warmup: { durationMs: warmup * 1000 },
  classifyError: soul.classifyError,
});

let measureFromMs;
let stopAtMs = Number.POSITIVE_INFINITY;
let completed = 0;
let errors = 0;
run.events.on('outcome', (outcome) => {
  if (outcome.warmup || outcome.endedAtMs > stopAtMs) return;
  measureFromMs ??= outcome.intendedAtMs;
  completed++;
  if (outcome.error !== undefined) errors++;
});
clock.setTimer(
  () => {
    stopAtMs = clock.now();
    run.stop();
  },
  (warmup + seconds) * 1000,
);

const profiling = await startProfiling(profile);
await run.start();
await profiling.stop();
await target.close?.();
const measuredSeconds = (stopAtMs - measureFromMs) / 1000;
printResult({
  connections,
  completed,
  errors,
  measuredSeconds,
  ratePerSec: completed / measuredSeconds,
  // CPU of the whole process (start-up and warm-up included), µs.
  cpuMicros: processCpuMicros(),
});
