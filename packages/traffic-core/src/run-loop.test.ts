import { describe, expect, it } from 'vitest';
import { createConstantArrival } from './arrival.js';
import { createManualClock, type ManualClock } from './clock.js';
import { createRun, type DroppedSend } from './run-loop.js';
import type { Outcome, ServedVerdict, Target, TrafficRequest } from './types.js';

const approved: ServedVerdict = {
  confidence: 0.9,
  preValidation: 'passed',
  approvalPath: 'approved',
  reasons: [],
  rules: [],
};

function makeRequests() {
  let seq = 0;
  return {
    next(): TrafficRequest {
      const n = seq++;
      return {
        id: `r-${n}`,
        seq: n,
        category: 'simple',
        content: `req ${n}`,
        expectation: { approvalPaths: ['approved'] },
        attack: false,
      };
    },
  };
}

/** A target answering after `delayMs(seq)` on the manual clock; may throw. */
function makeTarget(
  clock: ManualClock,
  delayMs: (seq: number) => number,
  fail = (_: number) => false,
) {
  let calls = 0;
  const target: Target = {
    name: 'test',
    evaluate(request, { signal }) {
      calls++;
      const seq = Number(request.id.slice(2));
      return new Promise((resolve, reject) => {
        const done = () => (fail(seq) ? reject(new Error('boom')) : resolve(approved));
        const d = delayMs(seq);
        if (d === 0) return done();
        const h = clock.setTimer(done, d);
        signal.addEventListener('abort', () => {
          clock.clearTimer(h);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
  };
  return { target, calls: () => calls };
}

function collect(run: ReturnType<typeof createRun>) {
  const outcomes: Outcome[] = [];
  const dropped: DroppedSend[] = [];
  run.events.on('outcome', (o) => outcomes.push(o));
  run.events.on('dropped', (d) => dropped.push(d));
  return { outcomes, dropped };
}

describe('createRun (open loop)', () => {
  it('sends on an absolute schedule and measures from the intended time', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(clock, () => 3);
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 100 }),
      maxRequests: 5,
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(100);
    const summary = await done;
    expect(summary).toMatchObject({ issued: 5, completed: 5, dropped: 0 });
    expect(outcomes.map((o) => o.intendedAtMs)).toEqual([0, 10, 20, 30, 40]);
    expect(outcomes.every((o) => o.executionMs === 3 && o.latencyMs === 3)).toBe(true);
    expect(outcomes.every((o) => o.success)).toBe(true);
  });

  it('bounds in-flight work: waits in a bounded backlog, then drops, and counts lateness', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(clock, () => 100);
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 100 }),
      maxRequests: 10,
      maxInFlight: 2,
      maxBacklog: 1,
    });
    const { outcomes, dropped } = collect(run);
    const done = run.start();
    await clock.advance(1000);
    const summary = await done;
    expect(summary.issued).toBe(10);
    expect(outcomes.length + dropped.length).toBe(10);
    expect(dropped.length).toBeGreaterThan(0);
    expect(dropped.every((d) => d.reason === 'backlog_full')).toBe(true);
    // The third request waited for a slot: its latency includes the wait.
    const third = outcomes.find((o) => o.request.seq === 2)!;
    expect(third.lateByMs).toBe(80);
    expect(third.latencyMs).toBe(180);
  });

  it('isolates errors: a throwing target never stops the run', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(
      clock,
      () => 1,
      (seq) => seq % 3 === 0,
    );
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 1000 }),
      maxRequests: 9,
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(50);
    await done;
    expect(outcomes).toHaveLength(9);
    const failed = outcomes.filter((o) => !o.success);
    expect(failed.map((o) => o.request.seq)).toEqual([0, 3, 6]);
    expect(failed.every((o) => o.error?.kind === 'exception')).toBe(true);
  });

  it('stops on request: drains in-flight work, aborts it past the deadline', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(clock, (seq) => (seq === 0 ? 60_000 : 5));
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 10 }),
      drainTimeoutMs: 2000,
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(250);
    run.stop();
    expect(run.state()).toBe('draining');
    await clock.advance(2000);
    const summary = await done;
    expect(summary.issued).toBe(3);
    expect(outcomes).toHaveLength(3);
    expect(outcomes.find((o) => o.request.seq === 0)?.error?.kind).toBe('exception');
    expect(run.state()).toBe('stopped');
  });

  it('marks warm-up requests and keeps them out of maxRequests', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(clock, () => 0);
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 1000 }),
      maxRequests: 4,
      warmup: { requests: 2 },
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(20);
    await done;
    expect(outcomes.map((o) => o.warmup)).toEqual([true, true, false, false, false, false]);
  });
});

describe('createRun (closed loop)', () => {
  it('keeps a fixed concurrency and stops after maxRequests', async () => {
    const clock = createManualClock();
    let inFlightMax = 0;
    let inFlight = 0;
    const target: Target = {
      name: 'count',
      async evaluate() {
        inFlight++;
        inFlightMax = Math.max(inFlightMax, inFlight);
        await Promise.resolve();
        inFlight--;
        return approved;
      },
    };
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: { mode: 'closed', concurrency: 3 },
      maxRequests: 200,
    });
    const { outcomes } = collect(run);
    const summary = await run.start();
    expect(summary.completed).toBe(200);
    expect(outcomes).toHaveLength(200);
    expect(inFlightMax).toBe(3);
  });
});
