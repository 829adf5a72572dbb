import type { ArrivalSchedule } from './arrival.js';
import type { Clock, TimerHandle } from './clock.js';
import { createEmitter, type Emitter } from './emitter.js';
import { ConfigError } from './errors.js';
import { judgeVerdict } from './expectation.js';
import { isPromise } from './maybe-promise.js';
import type {
  MaybePromise,
  Outcome,
  OutcomeError,
  ServedVerdict,
  Target,
  TrafficRequest,
} from './types.js';

/** Closed-loop mode: a fixed number of workers, each sending as soon as its last answer came. */
export interface ClosedLoop {
  readonly mode: 'closed';
  readonly concurrency: number;
}

/** A send that never started. */
export interface DroppedSend {
  readonly request: TrafficRequest;
  readonly intendedAtMs: number;
  readonly reason: 'backlog_full' | 'stopped';
}

export type RunState = 'running' | 'draining' | 'stopped';

/** Events of a run, in the order they happen for any one request. */
export type RunEvents = {
  outcome: Outcome;
  dropped: DroppedSend;
  state: { state: RunState; atMs: number };
  /** A listener or the loop itself threw; the run goes on. */
  internalError: unknown;
};

export interface RunOptions {
  readonly target: Target;
  /** Source of the request sequence (e.g. a RequestGenerator). */
  readonly requests: { next(): TrafficRequest };
  readonly clock: Clock;
  readonly arrival: ArrivalSchedule | ClosedLoop;
  /** Stop after this many measured (non-warm-up) requests; unbounded when absent. */
  readonly maxRequests?: number;
  /** Most requests awaiting an answer at once (open-loop). Default 256. */
  readonly maxInFlight?: number;
  /** Most due sends waiting for an in-flight slot before sends are dropped. Default maxInFlight. */
  readonly maxBacklog?: number;
  /** Requests (count) or a leading period (ms) sent but excluded from statistics. */
  readonly warmup?: { readonly requests?: number; readonly durationMs?: number };
  /** How long stopping waits for in-flight requests before aborting them. Default 5000 ms. */
  readonly drainTimeoutMs?: number;
  /** Maps a thrown error to a classified error. Default: kind `exception`. */
  readonly classifyError?: (error: unknown) => OutcomeError;
  /** Lets other work run during closed-loop bursts. Default: setImmediate. */
  readonly yieldToEventLoop?: () => Promise<void>;
}

/** Totals of a finished run. */
export interface RunSummary {
  readonly issued: number;
  readonly completed: number;
  readonly dropped: number;
  readonly warmup: number;
  /** In-flight requests that ignored the abort after the drain deadline and were left behind. */
  readonly abandoned: number;
  readonly startedAtMs: number;
  readonly stoppedAtMs: number;
}

/** A running traffic loop. */
export interface RunHandle {
  readonly events: Emitter<RunEvents>;
  /** Starts sending; resolves when the run has stopped and drained. */
  start(): Promise<RunSummary>;
  /** Stops issuing, drains in-flight requests (with the drain deadline). */
  stop(): void;
  inFlight(): number;
  state(): RunState;
}

/** One request on its way: when the schedule intended it and whether it is warm-up. */
interface Send {
  readonly request: TrafficRequest;
  readonly intendedAtMs: number;
  readonly warmup: boolean;
}

const defaultClassify = (error: unknown): OutcomeError => ({
  kind: 'exception',
  message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
});

/** Lateness from which due sends go out in one batch rather than one per event-loop turn. */
const CATCH_UP_AFTER_MS = 1;
/** Longest batch of catch-up sends before other work (answers, timers) gets a turn. */
const CATCH_UP_BATCH_MS = 2;

const defaultYield = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function validateRunOptions(options: RunOptions): void {
  const positiveInt = (name: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
      throw new ConfigError(`${name}: expected a whole number >= 1, received ${value}`);
    }
  };
  positiveInt('maxRequests', options.maxRequests);
  positiveInt('maxInFlight', options.maxInFlight);
  if (options.arrival.mode === 'closed') positiveInt('concurrency', options.arrival.concurrency);
  if (options.maxBacklog !== undefined && !(options.maxBacklog >= 0)) {
    throw new ConfigError(`maxBacklog: expected a number >= 0, received ${options.maxBacklog}`);
  }
}

/**
 * Creates the run loop. Open-loop arrivals keep an absolute schedule: each request has an
 * intended send time, latency counts from it, and a stalled target shows in the percentiles.
 * Nothing queues without bound: past `maxInFlight` and `maxBacklog` a send is dropped.
 */
export function createRun(options: RunOptions): RunHandle {
  validateRunOptions(options);
  const { target, requests, clock } = options;
  const maxInFlight = options.maxInFlight ?? 256;
  const maxBacklog = options.maxBacklog ?? maxInFlight;
  const classifyError = options.classifyError ?? defaultClassify;
  const yieldToEventLoop = options.yieldToEventLoop ?? defaultYield;
  const warmupRequests = options.warmup?.requests ?? 0;
  const warmupDurationMs = options.warmup?.durationMs ?? 0;
  const events = createEmitter<RunEvents>((error) => events.emit('internalError', error));
  const abort = new AbortController();
  const evaluateOptions = { signal: abort.signal };
  const backlog: Send[] = [];

  let state: RunState = 'running';
  let inFlight = 0;
  let issued = 0;
  let measuredIssued = 0;
  let completed = 0;
  let dropped = 0;
  let warmupCount = 0;
  let startedAtMs = 0;
  let nextIntendedMs = 0;
  let timer: TimerHandle | undefined;
  let drainTimer: TimerHandle | undefined;
  let finish: (summary: RunSummary) => void = () => {};

  const setState = (next: RunState) => {
    state = next;
    events.emit('state', { state: next, atMs: clock.now() });
  };

  const moreToIssue = () =>
    state === 'running' &&
    (options.maxRequests === undefined || measuredIssued < options.maxRequests);

  const isWarmup = (intendedAtMs: number) =>
    issued < warmupRequests || intendedAtMs - startedAtMs < warmupDurationMs;

  const nextSend = (intendedAtMs: number): Send => {
    const warmup = isWarmup(intendedAtMs);
    issued++;
    if (warmup) warmupCount++;
    else measuredIssued++;
    return { request: requests.next(), intendedAtMs, warmup };
  };

  const reportInternalError = (error: unknown) => events.emit('internalError', error);

  // A classifier that throws must not leave its request counted in flight forever.
  const classify = (thrown: unknown): OutcomeError => {
    try {
      return classifyError(thrown);
    } catch (error) {
      reportInternalError(error);
      return defaultClassify(thrown);
    }
  };

  /** Times one answered send and reports it. */
  const recordOutcome = (
    send: Send,
    startedAtMs: number,
    startedWallMs: number,
    verdict: ServedVerdict | undefined,
    error: OutcomeError | undefined,
  ) => {
    const endedAtMs = clock.now();
    inFlight--;
    completed++;
    const { request, intendedAtMs } = send;
    const mismatch = verdict === undefined ? undefined : judgeVerdict(request.expectation, verdict);
    // One object shape for every outcome (absent fields are undefined): this is the hot path.
    const outcome: Outcome = {
      request,
      intendedAtMs,
      startedAtMs,
      endedAtMs,
      startedWallMs,
      executionMs: endedAtMs - startedAtMs,
      latencyMs: endedAtMs - intendedAtMs,
      lateByMs: startedAtMs - intendedAtMs,
      success: verdict !== undefined && mismatch === undefined,
      mismatch,
      verdict,
      error,
      servedBy: verdict?.servedBy ?? target.name,
      fellBack: verdict?.fellBack === true,
      warmup: send.warmup,
    };
    // An abandoned request that answers after the run ended is not reported.
    if (state !== 'stopped') events.emit('outcome', outcome);
  };

  const recordWhenSettled = async (
    send: Send,
    startedAtMs: number,
    startedWallMs: number,
    answer: Promise<ServedVerdict>,
  ) => {
    let verdict: ServedVerdict | undefined;
    let error: OutcomeError | undefined;
    try {
      verdict = await answer;
    } catch (thrown) {
      error = classify(thrown);
    }
    recordOutcome(send, startedAtMs, startedWallMs, verdict, error);
  };

  /**
   * Sends one request. An answer (or throw) given at once is recorded before this returns
   * undefined; a promised one is recorded when the returned promise resolves.
   */
  const execute = (send: Send): Promise<void> | undefined => {
    inFlight++;
    const startedAtMs = clock.now();
    const startedWallMs = clock.wallNow();
    const { id, content, category } = send.request;
    let answer: MaybePromise<ServedVerdict>;
    try {
      answer = target.evaluate({ id, content, category }, evaluateOptions);
    } catch (thrown) {
      recordOutcome(send, startedAtMs, startedWallMs, undefined, classify(thrown));
      return undefined;
    }
    if (isPromise(answer)) return recordWhenSettled(send, startedAtMs, startedWallMs, answer);
    recordOutcome(send, startedAtMs, startedWallMs, answer, undefined);
    return undefined;
  };

  /** Starts a send in a free slot; false when it was answered at once (the slot is free again). */
  const launch = (send: Send): boolean => {
    let pending: Promise<void> | undefined;
    try {
      pending = execute(send);
    } catch (error) {
      reportInternalError(error);
    }
    if (pending === undefined) return false;
    pending.catch(reportInternalError).finally(onSlotFreed);
    return true;
  };

  const onSlotFreed = () => {
    // A waiting send answered at once leaves the slot free for the next one.
    let waiting = backlog.shift();
    while (waiting !== undefined && !launch(waiting)) waiting = backlog.shift();
    if (waiting === undefined && (state !== 'running' || !moreToIssue())) maybeFinish();
  };

  const drop = (request: TrafficRequest, intendedAtMs: number, reason: DroppedSend['reason']) => {
    dropped++;
    events.emit('dropped', { request, intendedAtMs, reason });
  };

  /** Issues the next scheduled send; true when it started (not backlogged or dropped). */
  const issueNext = (): boolean => {
    const send = nextSend(nextIntendedMs);
    nextIntendedMs += (options.arrival as ArrivalSchedule).nextGapMs();
    if (inFlight < maxInFlight) {
      launch(send);
      return true;
    }
    if (backlog.length < maxBacklog) backlog.push(send);
    else drop(send.request, send.intendedAtMs, 'backlog_full');
    return false;
  };

  const isDue = () => moreToIssue() && nextIntendedMs <= clock.now();

  const issueDue = () => {
    timer = undefined;
    const batchStartMs = clock.now();
    while (isDue()) {
      if (!issueNext() || !isDue()) continue;
      // On schedule, yield after each started send: a target answering on a later microtask
      // then has its answer timed before the next send runs. Behind schedule (after a pause of
      // the event loop), send what is due in one batch, bounded in time, instead of one send
      // per loop turn: that would stretch a pause of a few ms into a long lateness tail.
      const now = clock.now();
      const behind = now - nextIntendedMs >= CATCH_UP_AFTER_MS;
      if (!behind || now - batchStartMs >= CATCH_UP_BATCH_MS) {
        yieldToEventLoop().then(issueDue, reportInternalError);
        return;
      }
    }
    if (moreToIssue()) timer = clock.setTimer(issueDue, nextIntendedMs - clock.now());
    else if (state === 'running') beginDrain(false);
  };

  const runWorker = async () => {
    let sinceYield = 0;
    while (moreToIssue()) {
      const pending = execute(nextSend(clock.now()));
      if (pending !== undefined) await pending;
      if (++sinceYield >= 64) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
  };

  const startClosedLoop = (concurrency: number) => {
    const workers = Array.from({ length: concurrency }, () =>
      runWorker().catch(reportInternalError),
    );
    Promise.all(workers).then(() => {
      if (state === 'running') beginDrain(false);
      else maybeFinish();
    });
  };

  const finishNow = () => {
    if (drainTimer !== undefined) clock.clearTimer(drainTimer);
    setState('stopped');
    finish({
      issued,
      completed,
      dropped,
      warmup: warmupCount,
      abandoned: inFlight,
      startedAtMs,
      stoppedAtMs: clock.now(),
    });
  };

  const maybeFinish = () => {
    if (state === 'stopped' || inFlight > 0 || backlog.length > 0) return;
    if (state === 'running' && moreToIssue()) return;
    finishNow();
  };

  // Past the deadline, in-flight requests are aborted; one that ignores its signal for a
  // further second is abandoned so that stopping always ends.
  const onDrainDeadline = () => {
    abort.abort();
    drainTimer = clock.setTimer(() => {
      drainTimer = undefined;
      if (state !== 'stopped') finishNow();
    }, 1000);
  };

  // A stop drops the sends still waiting for a slot; a run that issued everything serves them.
  const beginDrain = (dropBacklog: boolean) => {
    if (state !== 'running') return;
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
    setState('draining');
    if (dropBacklog) {
      for (const waiting of backlog.splice(0))
        drop(waiting.request, waiting.intendedAtMs, 'stopped');
    }
    drainTimer = clock.setTimer(onDrainDeadline, options.drainTimeoutMs ?? 5000);
    maybeFinish();
  };

  return {
    events,
    inFlight: () => inFlight,
    state: () => state,
    stop: () => beginDrain(true),
    start() {
      const done = new Promise<RunSummary>((resolve) => {
        finish = resolve;
      });
      startedAtMs = clock.now();
      nextIntendedMs = startedAtMs;
      setState('running');
      if (options.arrival.mode === 'closed') startClosedLoop(options.arrival.concurrency);
      else issueDue();
      return done;
    },
  };
}
