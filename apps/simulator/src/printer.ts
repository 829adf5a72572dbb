import type { LoadChange } from '@buddy/load-control';
import type { Alert, Report } from '@buddy/metrics';
import { renderReportBlock, sanitizeForTerminal } from '@buddy/report-format';
import type { Outcome, RunSummary } from '@buddy/traffic-core';
import type { SimulatorOptions } from './options.js';
import {
  renderAlertLine,
  renderBanner,
  renderLoadChange,
  renderProgress,
  renderSlowLine,
} from './render-lines.js';
import type { SimulationIo } from './simulation.js';

/** Everything the simulation shows; text, NDJSON or quiet, decided once here. */
export interface Printer {
  banner(targetName: string, arrival: string, controlUrl: string | undefined): void;
  report(report: Report): void;
  outcome(outcome: Outcome): void;
  loadChange(change: LoadChange): void;
  progress(completed: number, elapsedSeconds: number): void;
  info(message: string): void;
  warn(message: string): void;
  finish(summary: RunSummary, finalReport: Report): void;
  failedOn(priority: string, alerts: Alert[]): void;
}

/** Slow-request lines printed per report window at most; the rest are counted. */
const MAX_SLOW_LINES_PER_WINDOW = 10;

export function createPrinter(options: SimulatorOptions, io: SimulationIo): Printer {
  const json = (event: Record<string, unknown>) => io.stdout.write(`${JSON.stringify(event)}\n`);
  const showProgress =
    !options.json &&
    !options.quiet &&
    options.maxRequests !== undefined &&
    io.stderr.isTTY === true;
  const color = options.color && io.stderr.isTTY === true;
  let progressShown = false;
  let slowLines = 0;
  let slowSuppressed = 0;

  const err = (text: string) => {
    if (progressShown) io.stderr.write('\r\u001b[K');
    progressShown = false;
    io.stderr.write(`${text}\n`);
  };
  const out = (text: string) => {
    if (progressShown) io.stderr.write('\r\u001b[K');
    progressShown = false;
    io.stdout.write(`${text}\n`);
  };
  const text = !options.json;
  const verbose = text && !options.quiet;

  return {
    banner(targetName, arrival, controlUrl) {
      if (options.json)
        json({
          type: 'start',
          seed: options.seed,
          target: targetName,
          control: controlUrl ?? null,
        });
      if (verbose) err(renderBanner(options, targetName, arrival));
      if (verbose && controlUrl)
        err(`   control: ${controlUrl}/soul (GET; POST {"active":"real"})`);
    },
    report(report) {
      if (options.json) {
        json({ type: 'report', report });
        for (const alert of report.alerts)
          json({ type: 'alert', report_index: report.report_index, ...alert });
        return;
      }
      if (slowSuppressed > 0 && verbose) err(`🐢 ... and ${slowSuppressed} more slow requests`);
      slowLines = 0;
      slowSuppressed = 0;
      if (options.quiet && !report.final) return;
      out(
        renderReportBlock(report, {
          color: options.color && io.stdout.write !== undefined && color,
        }),
      );
      for (const alert of report.alerts) err(renderAlertLine(alert, color));
    },
    outcome(outcome) {
      if (outcome.latencyMs <= options.slowMs) return;
      if (options.json) {
        json({
          type: 'slow',
          id: outcome.request.id,
          category: outcome.request.category,
          latency_ms: outcome.latencyMs,
          execution_ms: outcome.executionMs,
        });
        return;
      }
      if (!verbose) return;
      if (slowLines >= MAX_SLOW_LINES_PER_WINDOW) {
        slowSuppressed++;
        return;
      }
      slowLines++;
      err(renderSlowLine(outcome, color));
    },
    loadChange(change) {
      if (options.json) json({ type: 'load_change', ...change });
      else if (verbose) err(renderLoadChange({ ...change, ...change.interval }));
    },
    progress(completed, elapsedSeconds) {
      if (!showProgress) return;
      const rate = elapsedSeconds > 0 ? completed / elapsedSeconds : 0;
      io.stderr.write(`\r${renderProgress(completed, options.maxRequests as number, rate)}`);
      progressShown = true;
    },
    info(message) {
      if (options.json) json({ type: 'info', message });
      else if (verbose) err(sanitizeForTerminal(message, 500));
    },
    warn(message) {
      err(`warning: ${sanitizeForTerminal(message, 500)}`);
    },
    finish(summary, finalReport) {
      const { achieved_rate: rate, late, dropped } = finalReport.schedule.cumulative;
      if (options.json) {
        json({ type: 'stop', summary, achieved_rate: rate, late, dropped });
        return;
      }
      if (!verbose) return;
      err(
        `✅ stopped: ${summary.completed} requests answered, ${summary.dropped} dropped, ` +
          `${late} late, achieved ${rate.toFixed(1)} req/s over ` +
          `${finalReport.elapsed_seconds.toFixed(1)}s; metrics in ${sanitizeForTerminal(options.file, 200)}`,
      );
    },
    failedOn(priority, alerts) {
      const codes = alerts.map((a) => `${a.priority}:${a.code}`).join(', ');
      if (options.json) json({ type: 'fail_on', priority, alerts: alerts.map((a) => a.code) });
      else err(`❌ --fail-on ${priority}: alerts fired during the run: ${codes}`);
    },
  };
}
