export {
  type Aggregator,
  type AggregatorFootprint,
  type CumulativeSnapshot,
  createAggregator,
} from './aggregator.js';
export type { AggregatorOptions } from './aggregator-options.js';
export {
  type AlertThresholds,
  defaultAlertThresholds,
  validateAlertThresholds,
} from './alert-thresholds.js';
export { type AlertRule, evaluateAlerts } from './alerts.js';
export { computeHealth, labelHealth, rateSpeed, rateStability, scoreHealth } from './health.js';
export {
  createHistogram,
  type Histogram,
  type HistogramOptions,
} from './histogram.js';
export { decodeHistogram, mergeEncoded } from './histogram-codec.js';
export {
  createReportCadence,
  type ReportCadence,
  type ReportCadenceOptions,
} from './report-cadence.js';
export type { ReportContext } from './report-context.js';
export type * from './report-types.js';
export {
  createRequestLog,
  DEFAULT_REQUEST_LOG_CAPACITY,
  type RequestLog,
} from './request-log.js';
export { sanitizeMessage } from './sanitize-message.js';
export type { RunTotals } from './stats-accumulator.js';
export { summarizeHistogram } from './summarize-histogram.js';
