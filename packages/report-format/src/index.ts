export {
  DEFAULT_METRICS_FILE,
  MAX_STORED_CONTENT_CHARS,
  METRICS_SCHEMA_VERSION,
  type LiveState,
  type LiveStatus,
  type MetricsFile,
  type RequestEntry,
} from './types.js';
export { MetricsFileError, type MetricsFileErrorCode } from './metrics-file-error.js';
export {
  encodedHistogramSchema,
  reportSchema,
  statsBlockSchema,
} from './report-schema.js';
export { liveStatusSchema, metricsFileSchema, requestEntrySchema } from './file-schema.js';
export { parseLiveStatus, parseMetricsFile } from './schema.js';
export { convertLegacyMetrics, isLegacyMetrics } from './legacy.js';
export {
  createMetricsStore,
  historyPathFor,
  livePathFor,
  type MetricsStore,
  type MetricsStoreOptions,
  type StoreFs,
} from './store.js';
export { readLiveStatus, readMetricsFile } from './read-files.js';
export { readHistory, type HistoryRead, type ReadHistoryOptions } from './history.js';
export { toRequestEntry } from './request-entry.js';
export { sanitizeForTerminal } from './sanitize.js';
export { renderReportBlock, type RenderReportOptions } from './format-text.js';
export { renderReportMarkdown } from './format-markdown.js';
export { renderReportJson } from './format-json.js';
