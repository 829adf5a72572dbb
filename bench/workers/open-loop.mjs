// Our open-loop HTTP client: createRun with a constant arrival at --rate against --url.
// Warm-up seconds are sent but left out; prints achieved rate, send lateness and drops.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { printResult, readWorkerArgs } from '../lib/cli-args.mjs';
import { createSeededGenerator } from '../lib/requests.mjs';
import { summarizeMs } from '../lib/stats.mjs';
import { importPackage } from '../lib/workspace.mjs';

const core = await importPackage('@buddy/traffic-core');
const soul = await importPackage('@buddy/soul-adapters');
const { url, rate, seconds, warmup, seed } = readWorkerArgs();
const maxInFlight = 256;
const measuredCount = Math.round(rate * seconds);

const clock = core.createSystemClock();
const target = soul.createHttpSoulTarget({ url, maxConnections: maxInFlight, clock });
const run = core.createRun({
  target,
  requests: createSeededGenerator(seed),
  clock,
  arrival: core.createConstantArrival({ ratePerSec: rate }),
  maxRequests: measuredCount,
  maxInFlight,
  warmup: { durationMs: warmup * 1000 },
  classifyError: soul.classifyError,
});

const lateByMs = [];
const latencyMs = [];
let errors = 0;
let dropped = 0;
let firstIntendedMs = Number.POSITIVE_INFINITY;
let lastStartedMs = Number.NEGATIVE_INFINITY;
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
let cpuAtMeasureStart;

run.events.on('outcome', (outcome) => {
  if (outcome.warmup) return;
  if (cpuAtMeasureStart === undefined) {
    cpuAtMeasureStart = process.cpuUsage();
    loopDelay.enable();
  }
  lateByMs.push(outcome.lateByMs);
  latencyMs.push(outcome.latencyMs);
  if (outcome.error !== undefined) errors++;
  firstIntendedMs = Math.min(firstIntendedMs, outcome.intendedAtMs);
  lastStartedMs = Math.max(lastStartedMs, outcome.startedAtMs);
});
// Drops during the warm-up are left out like its sends.
let runStartMs = 0;
run.events.on('dropped', (send) => {
  if (send.intendedAtMs - runStartMs >= warmup * 1000) dropped++;
});

runStartMs = clock.now();
const summary = await run.start();
loopDelay.disable();
const cpu = process.cpuUsage(cpuAtMeasureStart);
await target.close?.();

// Achieved: sends started over the span from the first measured intended time to the last
// actual start; exactly the target rate when every send starts on time and none is dropped.
const spanSeconds = (lastStartedMs - firstIntendedMs) / 1000;
const achievedPerSec = lateByMs.length > 1 ? (lateByMs.length - 1) / spanSeconds : 0;
printResult({
  rate,
  intended: measuredCount,
  sent: lateByMs.length,
  errors,
  dropped,
  warmupSent: summary.warmup,
  achievedPerSec,
  lateByMs: summarizeMs(lateByMs),
  latencyMs: summarizeMs(latencyMs),
  eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
  cpuShare: (cpu.user + cpu.system) / 1000 / (spanSeconds * 1000),
});
