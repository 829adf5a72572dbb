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

  it('on schedule yields between due sends; behind schedule sends what is due in one batch', async () => {
    const clock = createManualClock();
    // Answers on a microtask, as an in-process async target would.
    const sendsPerTurn: number[] = [0];
    const target: Target = {
      name: 'micro',
      evaluate: async () => {
        sendsPerTurn[sendsPerTurn.length - 1]! += 1;
        return approved;
      },
    };
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 10_000 }), // a send every 0.1 ms
      maxRequests: 60,
      yieldToEventLoop: () => {
        sendsPerTurn.push(0);
        return new Promise((resolve) => setImmediate(resolve));
      },
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(0);
    sendsPerTurn.splice(0, sendsPerTurn.length, 0);
    // 0.5 ms late: not behind enough to batch, one send per turn, each answer timed first.
    clock.set(0.55);
    await clock.runNext();
    await clock.advance(0);
    expect(outcomes).toHaveLength(6);
    expect(outcomes.every((o) => o.executionMs === 0)).toBe(true);
    expect(Math.max(...sendsPerTurn)).toBe(1);
    // A 20 ms pause of the event loop: the 54 sends left, all long due, go out in one turn.
    sendsPerTurn.splice(0, sendsPerTurn.length, 0);
    clock.set(20.55);
    await clock.runNext();
    await clock.advance(0);
    expect(outcomes).toHaveLength(60);
    expect(sendsPerTurn[0]).toBe(54);
    expect(await done).toMatchObject({ issued: 60, completed: 60, dropped: 0 });
  });

  it('a catch-up batch gives other work a turn after 2 ms of sending', async () => {
    const clock = createManualClock();
    const sendsPerTurn: number[] = [0];
    const target: Target = {
      name: 'slow-to-send',
      evaluate: async () => {
        sendsPerTurn[sendsPerTurn.length - 1]! += 1;
        clock.set(clock.now() + 0.5); // each send takes 0.5 ms of the event loop
        return approved;
      },
    };
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 10_000 }),
      maxRequests: 40,
      yieldToEventLoop: () => {
        sendsPerTurn.push(0);
        return new Promise((resolve) => setImmediate(resolve));
      },
    });
    const done = run.start();
    await clock.advance(0);
    clock.set(50);
    while ((await clock.runNext()) || run.state() !== 'stopped') await clock.advance(1);
    expect(await done).toMatchObject({ issued: 40, completed: 40 });
    expect(Math.max(...sendsPerTurn)).toBe(4);
  });

  it('a throwing classifier is reported and its request still completes', async () => {
    const clock = createManualClock();
    const { target } = makeTarget(
      clock,
      (seq) => (seq === 1 ? 0 : 1),
      () => true,
    );
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 1000 }),
      maxRequests: 4,
      classifyError: () => {
        throw new Error('classifier bug');
      },
    });
    const { outcomes } = collect(run);
    const internal: unknown[] = [];
    run.events.on('internalError', (error) => internal.push(error));
    const done = run.start();
    await clock.advance(20);
    const summary = await done;
    expect(summary).toMatchObject({ completed: 4, abandoned: 0 });
    expect(outcomes.map((o) => o.error?.kind)).toEqual(Array(4).fill('exception'));
    expect(internal).toHaveLength(4);
    expect(run.inFlight()).toBe(0);
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

/** A target that answers synchronously, taking `workMs` on the manual clock; may throw. */
function makeSyncTarget(clock: ManualClock, workMs: number, fail = (_: number) => false) {
  const target: Target = {
    name: 'sync',
    evaluate(request) {
      clock.set(clock.now() + workMs);
      if (fail(Number(request.id.slice(2)))) throw new Error('boom');
      return approved;
    },
  };
  return target;
}

describe('createRun (synchronous target)', () => {
  it('closed loop: records each answer before start() returns, timed and counted', async () => {
    const clock = createManualClock();
    const target = makeSyncTarget(clock, 2, (seq) => seq === 4);
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: { mode: 'closed', concurrency: 3 },
      maxRequests: 10,
    });
    const { outcomes } = collect(run);
    const done = run.start();
    // No microtask hop: the answers given at once are already reported.
    expect(outcomes).toHaveLength(10);
    const summary = await done;
    expect(summary).toMatchObject({ issued: 10, completed: 10, dropped: 0, abandoned: 0 });
    expect(outcomes.map((o) => o.request.seq)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(outcomes.every((o) => o.executionMs === 2 && o.lateByMs === 0)).toBe(true);
    expect(outcomes.map((o) => o.startedAtMs)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const failed = outcomes.filter((o) => !o.success);
    expect(failed.map((o) => [o.request.seq, o.error?.kind])).toEqual([[4, 'exception']]);
    expect(outcomes.every((o) => o.servedBy === 'sync' && o.fellBack === false)).toBe(true);
  });

  it('closed loop: yields every 64 answers and still reaches maxRequests', async () => {
    const clock = createManualClock();
    let yields = 0;
    const run = createRun({
      target: makeSyncTarget(clock, 0),
      requests: makeRequests(),
      clock,
      arrival: { mode: 'closed', concurrency: 2 },
      maxRequests: 300,
      yieldToEventLoop: () => {
        yields++;
        return Promise.resolve();
      },
    });
    const { outcomes } = collect(run);
    const summary = await run.start();
    expect(summary.completed).toBe(300);
    expect(outcomes).toHaveLength(300);
    expect(yields).toBeGreaterThanOrEqual(4);
  });

  it('closed loop: a stop from an outcome listener drains at once', async () => {
    const clock = createManualClock();
    const run = createRun({
      target: makeSyncTarget(clock, 1),
      requests: makeRequests(),
      clock,
      arrival: { mode: 'closed', concurrency: 4 },
    });
    const { outcomes } = collect(run);
    const states: string[] = [];
    run.events.on('state', ({ state }) => states.push(state));
    run.events.on('outcome', (o) => {
      if (o.request.seq === 49) run.stop();
    });
    const summary = await run.start();
    expect(outcomes).toHaveLength(50);
    expect(summary).toMatchObject({ issued: 50, completed: 50, abandoned: 0 });
    expect(states).toEqual(['running', 'draining', 'stopped']);
    expect(clock.pending()).toBe(0);
  });

  it('open loop: sends on the schedule, times each answer, classifies a throw', async () => {
    const clock = createManualClock();
    const target = makeSyncTarget(clock, 3, (seq) => seq === 2);
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 100 }),
      maxRequests: 5,
      classifyError: (error) => ({ kind: 'connection', message: String(error) }),
    });
    const { outcomes, dropped } = collect(run);
    const done = run.start();
    expect(outcomes).toHaveLength(1);
    await clock.advance(100);
    const summary = await done;
    expect(summary).toMatchObject({ issued: 5, completed: 5, dropped: 0 });
    expect(dropped).toHaveLength(0);
    expect(outcomes.map((o) => o.intendedAtMs)).toEqual([0, 10, 20, 30, 40]);
    expect(outcomes.every((o) => o.executionMs === 3 && o.latencyMs === 3)).toBe(true);
    expect(outcomes.map((o) => o.error?.kind)).toEqual([
      undefined,
      undefined,
      'connection',
      undefined,
      undefined,
    ]);
  });

  it('open loop: serves a backlog at once when its sends are answered synchronously', async () => {
    const clock = createManualClock();
    // Request 0 is slow and asynchronous; the rest answer at once.
    const slow = makeTarget(clock, () => 100).target;
    const quick = makeSyncTarget(clock, 0);
    const target: Target = {
      name: 'mixed',
      evaluate: (request, options) =>
        (request.id === 'r-0' ? slow : quick).evaluate(request, options),
    };
    const run = createRun({
      target,
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 100 }),
      maxRequests: 12,
      maxInFlight: 1,
      maxBacklog: 3,
    });
    const { outcomes, dropped } = collect(run);
    const done = run.start();
    await clock.advance(200);
    const summary = await done;
    expect(summary).toMatchObject({ issued: 12, completed: 6, dropped: 6, abandoned: 0 });
    expect(dropped.map((d) => d.request.seq)).toEqual([4, 5, 6, 7, 8, 9]);
    // The three waiting sends go out together when request 0 answers at 100 ms.
    expect(outcomes.map((o) => [o.request.seq, o.startedAtMs])).toEqual([
      [0, 0],
      [1, 100],
      [2, 100],
      [3, 100],
      [10, 100],
      [11, 110],
    ]);
    expect(run.inFlight()).toBe(0);
  });

  it('open loop: stops on request and finishes without waiting for a drain deadline', async () => {
    const clock = createManualClock();
    const run = createRun({
      target: makeSyncTarget(clock, 1),
      requests: makeRequests(),
      clock,
      arrival: createConstantArrival({ ratePerSec: 10 }),
      drainTimeoutMs: 2000,
    });
    const { outcomes } = collect(run);
    const done = run.start();
    await clock.advance(250);
    run.stop();
    const summary = await done;
    expect(run.state()).toBe('stopped');
    expect(summary).toMatchObject({ issued: 3, completed: 3, abandoned: 0 });
    expect(outcomes).toHaveLength(3);
    expect(clock.pending()).toBe(0);
  });
});
