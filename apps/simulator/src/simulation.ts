import {
  createAggregator,
  createReportCadence,
  createRequestLog,
  type Report,
  validateAlertThresholds,
} from '@buddy/metrics';
import { createMetricsStore, toRequestEntry } from '@buddy/report-format';
import { classifyError, startControlServer } from '@buddy/soul-adapters';
import {
  type Clock,
  createRandom,
  createRequestGenerator,
  createRun,
  type Outcome,
} from '@buddy/traffic-core';
import { buildArrival, buildLoadPolicy } from './build-load.js';
import { buildTarget } from './build-target.js';
import { buildCategories } from './categories-from-config.js';
import { loadConfig, type SimulatorConfig } from './config-file.js';
import { describeConfig } from './describe-config.js';
import type { SimulatorOptions } from './options.js';
import { prewarm } from './prewarm.js';
import { createPrinter, type Printer } from './printer.js';
import { createTicker } from './ticker.js';

/** What the simulation needs from its process: output streams, signals, the clock. */
export interface SimulationIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Subscribes to stop requests (SIGINT/SIGTERM); returns the unsubscribe function. */
  onStop(handler: () => void): () => void;
  /** Subscribes to the runtime switch signal (SIGUSR2 on POSIX). */
  onToggleSoul(handler: () => void): () => void;
  readonly env: NodeJS.ProcessEnv;
  readonly clock: Clock;
}

/** How the run ended. */
export interface SimulationResult {
  readonly exitCode: number;
  readonly finalReport: Report;
}

const TICK_MS = 250;

/** Composes the packages into one run, from start banner to final report. */
export async function runSimulation(
  options: SimulatorOptions,
  io: SimulationIo,
): Promise<SimulationResult> {
  const { clock } = io;
  const config: SimulatorConfig = options.configFile ? await loadConfig(options.configFile) : {};
  const random = createRandom(options.seed);
  const runId = `run-${clock.wallNow().toString(36)}-${options.seed}`;
  const categories = buildCategories(config);
  const generator = createRequestGenerator({
    categories,
    random,
    runId,
    ...(config.content ? { contentOptions: config.content } : {}),
  });
  const policy = buildLoadPolicy(options);
  const arrival = buildArrival(options, policy, random.fork('arrival'));
  const target = await buildTarget(options, io.env, clock, random);
  const thresholds = { ...config.alerts, ...options.alertThresholds };
  const aggregator = createAggregator({
    alertThresholds: validateAlertThresholds(
      thresholds,
      'alert thresholds (--alert, config "alerts")',
    ),
  });
  const log = createRequestLog();
  const cadence = createReportCadence({
    everyRequests: options.reportInterval,
    everySeconds: options.reportEverySeconds,
    startMs: clock.now(),
  });
  const store = createMetricsStore({
    path: options.file,
    runId,
    config: describeConfig(options),
    ...(options.history ? {} : { historyPath: null }),
  });
  const printer: Printer = createPrinter(options, io);
  const control =
    options.controlPort !== undefined
      ? await startControlServer({ switchable: target, port: options.controlPort })
      : undefined;

  const run = createRun({
    target,
    requests: generator,
    clock,
    arrival: arrival.schedule,
    maxInFlight: options.maxInFlight,
    drainTimeoutMs: options.drainTimeoutSeconds * 1000,
    classifyError,
    ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
    ...(options.warmup !== undefined ? { warmup: options.warmup } : {}),
  });

  let loadChanges: Report['load_changes'] = [];
  const alertsSeen = new Map<string, Report['alerts'][number]>();

  const makeReport = (final: boolean): Report => {
    const now = clock.now();
    const interval = policy.interval;
    const report = aggregator.buildReport({
      nowMs: now,
      wallMs: clock.wallNow(),
      runId,
      loadLevel: policy.level,
      requestInterval: { min: interval.minMs, max: interval.maxMs },
      arrival: arrival.name,
      loadChanges,
      soul: {
        active: target.active,
        served: { ...target.served },
        fallbacks: target.fallbacks,
        switches: target.switches.map((s) => ({ at: s.at, from: s.from, to: s.to })),
      },
      targetRatePerSec: arrival.targetRatePerSec(),
      final,
    });
    loadChanges = [];
    cadence.markReported(now);
    for (const alert of report.alerts) alertsSeen.set(alert.code, alert);
    const entries = log.latest(100).map(toRequestEntry);
    // The store serialises and coalesces writes; close() below waits for all of them.
    store
      .writeReport(report, entries)
      .catch((error) => printer.warn(`cannot write ${options.file}: ${(error as Error).message}`));
    printer.report(report);
    if (!final) adaptLoad(report);
    return report;
  };

  const adaptLoad = (report: Report) => {
    const w = report.window;
    const change = policy.onReport({
      averageExecutionMs: w.total_requests > 0 ? w.execution_time.average : null,
      p95ExecutionMs: w.total_requests > 0 ? w.execution_time.p95 : null,
      requests: w.total_requests,
    });
    if (change === undefined) return;
    arrival.apply(change.interval);
    loadChanges.push({
      at: report.timestamp,
      from: change.from,
      to: change.to,
      reason: change.reason,
    });
    printer.loadChange(change);
  };

  let completed = 0;
  const startedAtMs = clock.now();
  const onOutcome = (outcome: Outcome) => {
    aggregator.record(outcome);
    log.push(outcome);
    if (outcome.warmup) return;
    completed++;
    printer.outcome(outcome);
    cadence.recordRequest();
    if (cadence.isDue(clock.now())) scheduleReport();
  };

  // Building a report takes milliseconds; doing it inside one request's answer would delay
  // the answers queued behind it and inflate their execution times. It runs on its own turn.
  let reportTurn: NodeJS.Immediate | undefined;
  const scheduleReport = () => {
    reportTurn ??= setImmediate(() => {
      reportTurn = undefined;
      if (cadence.isDue(clock.now())) makeReport(false);
    });
  };

  run.events.on('outcome', onOutcome);
  run.events.on('dropped', (dropped) => aggregator.recordDropped(dropped));
  run.events.on('internalError', (error) => printer.warn(`internal error: ${String(error)}`));

  const tick = createTicker(clock, TICK_MS, (ticks) => {
    if (cadence.isDue(clock.now())) scheduleReport();
    printer.progress(completed, (clock.now() - startedAtMs) / 1000);
    if (ticks % 4 === 0) writeLive('running');
  });

  const writeLive = (state: 'running' | 'draining' | 'stopped') => {
    const totals = aggregator.totals();
    const interval = policy.interval;
    const elapsedSeconds = (clock.now() - startedAtMs) / 1000;
    store
      .writeLive({
        schema_version: 2,
        run_id: runId,
        updated_at: new Date(clock.wallNow()).toISOString(),
        total_requests: totals.total_requests,
        success_rate: totals.success_rate,
        error_count: totals.error_count,
        achieved_rate: elapsedSeconds > 0 ? completed / elapsedSeconds : 0,
        in_flight: run.inFlight(),
        load_level: policy.level,
        request_interval: { min: interval.minMs, max: interval.maxMs },
        elapsed_seconds: elapsedSeconds,
        active_soul: target.active,
        state,
      })
      .catch(() => {});
  };

  const offStop = io.onStop(() => {
    if (run.state() === 'running') printer.info('stopping: draining in-flight requests...');
    run.stop();
    writeLive('draining');
  });
  const offToggle = io.onToggleSoul(() => {
    const next = target.names.find((n) => n !== target.active);
    if (next === undefined) return printer.warn('no other Soul to switch to');
    target.switchTo(next);
    printer.info(`switched Soul to ${next}`);
  });

  prewarm(categories);
  printer.banner(target.active, arrival.description, control?.url);
  const summary = await run.start();
  tick.stop();
  if (reportTurn !== undefined) clearImmediate(reportTurn);
  offStop();
  offToggle();
  const finalReport = makeReport(true);
  writeLive('stopped');
  await store.close();
  await control?.close();
  await target.close?.();
  printer.finish(summary, finalReport);
  return { exitCode: exitCodeFor(options, alertsSeen, printer), finalReport };
}

function exitCodeFor(
  options: SimulatorOptions,
  alertsSeen: Map<string, Report['alerts'][number]>,
  printer: Printer,
): number {
  if (options.failOn === undefined) return 0;
  const failing = [...alertsSeen.values()].filter(
    (a) => a.priority === 'high' || options.failOn === 'medium',
  );
  if (failing.length === 0) return 0;
  printer.failedOn(options.failOn, failing);
  return 3;
}
