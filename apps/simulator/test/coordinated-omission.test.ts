import { createAggregator, type Report } from '@buddy/metrics';
import {
  createConstantArrival,
  createManualClock,
  createRun,
  type ServedVerdict,
  type Target,
  type TrafficRequest,
} from '@buddy/traffic-core';
import { describe, expect, it } from 'vitest';

const verdict: ServedVerdict = {
  confidence: 0.9,
  preValidation: 'passed',
  approvalPath: 'approved',
  reasons: [],
  rules: [],
};

// A target that answers in 1 ms, except that it stalls from 7 s to 8 s of every 10 s:
// everything sent during a stall is answered when the stall ends.
function stallingTarget(clock: ReturnType<typeof createManualClock>): Target {
  return {
    name: 'stalling',
    evaluate() {
      const now = clock.now();
      const phase = now % 10_000;
      const delay = phase >= 7000 && phase < 8000 ? 8000 - phase : 1;
      return new Promise((resolve) => clock.setTimer(() => resolve(verdict), delay));
    },
  };
}

function* requests(): Generator<TrafficRequest, never> {
  for (let seq = 0; ; seq++) {
    yield {
      id: `r-${seq}`,
      seq,
      category: 'simple',
      content: 'what time is it?',
      expectation: {},
      attack: false,
    };
  }
}

describe('coordinated omission', () => {
  it('shows a 1 s stall every 10 s in the p99 of its window and counts the late sends', async () => {
    const clock = createManualClock();
    const aggregator = createAggregator({ lateThresholdMs: 10 });
    const gen = requests();
    const run = createRun({
      target: stallingTarget(clock),
      requests: { next: () => gen.next().value },
      clock,
      arrival: createConstantArrival({ ratePerSec: 100 }),
      maxRequests: 2000,
      maxInFlight: 50,
      maxBacklog: 100,
    });
    const reports: Report[] = [];
    let completed = 0;
    const soul = { active: 'stalling', served: {}, fallbacks: 0, switches: [] };
    run.events.on('outcome', (outcome) => {
      aggregator.record(outcome);
      if (++completed % 500 === 0) {
        reports.push(
          aggregator.buildReport({
            nowMs: clock.now(),
            wallMs: clock.wallNow(),
            runId: 'co',
            loadLevel: 1,
            requestInterval: { min: 10, max: 10 },
            arrival: 'constant',
            soul,
          }),
        );
      }
    });
    run.events.on('dropped', (d) => aggregator.recordDropped(d));
    const done = run.start();
    await clock.advance(25_000);
    await done;

    expect(reports).toHaveLength(4);
    const [calm1, stall1, calm2, stall2] = reports.map((r) => r.window) as Report['window'][];
    // Calm windows: every answer within a few ms, nothing late.
    for (const calm of [calm1, calm2]) {
      expect(calm?.latency.p99).toBeLessThan(5);
      expect(calm?.total_requests).toBe(500);
    }
    for (const stall of [stall1, stall2]) {
      // 100 sends fall in the stall: 50 in flight wait up to 1 s, 50 wait in the backlog.
      expect(stall?.latency.p99).toBeGreaterThan(900);
      expect(stall?.latency.max).toBeGreaterThan(990);
    }
    const schedule = reports.map((r) => r.schedule.window);
    expect(schedule[0]?.late).toBe(0);
    // The backlog starts at 8 s: sends intended at 7.50..7.99 s are 500..10 ms late, and
    // 10 ms is not past the 10 ms threshold, so 49 count as late.
    expect(schedule[1]?.late).toBe(49);
    expect(schedule[1]?.dropped).toBe(0);
    expect(schedule[1]?.lateness.max).toBeGreaterThan(490);
    // Execution time alone hides the backlog's wait: it is why latency counts from intent.
    expect(stall1?.execution_time.average).toBeLessThan(stall1?.latency.average ?? 0);
  });
});
