/** Realistic reports for the store benchmark: the seeded mix through the reference pipeline. */
import { createSeededGenerator } from './requests.mjs';
import { importPackage } from './workspace.mjs';

const core = await importPackage('@buddy/traffic-core');
const { evaluateContent } = await importPackage('@buddy/soul-adapters');
const { createAggregator } = await importPackage('@buddy/metrics');
const { toRequestEntry } = await importPackage('@buddy/report-format');

const REQUESTS_PER_REPORT = 500;

/** The outcome of one request answered by the reference pipeline at `atMs`. */
function makeOutcome(request, atMs) {
  const verdict = evaluateContent(request.content);
  const mismatch = core.judgeVerdict(request.expectation, verdict);
  const executionMs = 0.05 + (request.seq % 7) * 0.01;
  return {
    request,
    intendedAtMs: atMs,
    startedAtMs: atMs,
    endedAtMs: atMs + executionMs,
    startedWallMs: Date.UTC(2026, 0, 1) + atMs,
    executionMs,
    latencyMs: executionMs,
    lateByMs: 0,
    success: mismatch === undefined,
    servedBy: 'reference',
    warmup: false,
    verdict,
    ...(mismatch === undefined ? {} : { mismatch }),
  };
}

/** `count` consecutive reports of 500 requests each, as the simulator would write them. */
export function buildReports(seed, count) {
  const generator = createSeededGenerator(seed);
  const aggregator = createAggregator();
  const reports = [];
  let atMs = 0;
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < REQUESTS_PER_REPORT; i++) {
      atMs += 0.1;
      aggregator.record(makeOutcome(generator.next(), atMs));
    }
    reports.push(
      aggregator.buildReport({
        nowMs: atMs,
        wallMs: Date.UTC(2026, 0, 1) + atMs,
        runId: `bench-${seed}`,
        loadLevel: 1,
        requestInterval: { min: 0, max: 0 },
        arrival: 'closed',
        soul: {
          active: 'reference',
          served: { reference: (r + 1) * 500 },
          fallbacks: 0,
          switches: [],
        },
        targetRatePerSec: null,
      }),
    );
  }
  return reports;
}

/** The 100 most recent request entries the simulator writes with each report. */
export function recentEntries(seed) {
  const generator = createSeededGenerator(seed + 1);
  return Array.from({ length: 100 }, (_, i) => toRequestEntry(makeOutcome(generator.next(), i)));
}
