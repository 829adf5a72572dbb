import type { Alert } from '@buddy/metrics';
import { sanitizeForTerminal } from '@buddy/report-format';
import type { Outcome } from '@buddy/traffic-core';
import type { SimulatorOptions } from './options.js';

const paint = (color: boolean, code: string, text: string) =>
  color ? `\u001b[${code}m${text}\u001b[0m` : text;

/** The start banner. */
export function renderBanner(
  options: SimulatorOptions,
  targetName: string,
  arrival: string,
): string {
  const limit =
    options.maxRequests === undefined ? 'until Ctrl+C' : `${options.maxRequests} requests`;
  return [
    '🚀 Starting Buddy Traffic Simulator',
    '📊 Generating synthetic traffic...',
    `   target: ${targetName} | arrival: ${arrival} | ${limit}`,
    `   seed: ${options.seed} | report every ${options.reportInterval} requests or ` +
      `${options.reportEverySeconds}s | file: ${sanitizeForTerminal(options.file, 200)}`,
    '',
  ].join('\n');
}

/** One line for a request slower than the threshold; the content is neutralised and cut. */
export function renderSlowLine(outcome: Outcome, color: boolean): string {
  const content = sanitizeForTerminal(outcome.request.content, 60);
  return paint(
    color,
    '33',
    `🐢 slow request ${outcome.request.id} [${outcome.request.category}] ` +
      `${outcome.latencyMs.toFixed(1)}ms (execution ${outcome.executionMs.toFixed(1)}ms): ${content}`,
  );
}

/** One line per alert raised in a report. */
export function renderAlertLine(alert: Alert, color: boolean): string {
  const icon = alert.priority === 'high' ? '⚠️ ' : 'ℹ️ ';
  const text = `${icon} ${alert.priority.toUpperCase()} ${alert.code}: ${sanitizeForTerminal(alert.message, 200)}`;
  return paint(color, alert.priority === 'high' ? '31' : '33', text);
}

/** A load-level change. */
export function renderLoadChange(change: {
  from: number;
  to: number;
  minMs: number;
  maxMs: number;
  reason: string;
}): string {
  const arrow = change.to > change.from ? '⬆' : '⬇';
  return (
    `${arrow} load level ${change.from} → ${change.to}: interval now ` +
    `${Math.round(change.minMs)}-${Math.round(change.maxMs)}ms (${change.reason})`
  );
}

/** A progress bar for bounded runs: `[#####.....] 50% 2500/5000 812 req/s`. */
export function renderProgress(
  done: number,
  total: number,
  ratePerSec: number,
  width = 30,
): string {
  const fraction = Math.min(1, total > 0 ? done / total : 1);
  const filled = Math.round(fraction * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  return `[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} ${ratePerSec.toFixed(0)} req/s`;
}
