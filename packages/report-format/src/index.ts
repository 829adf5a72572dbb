export { liveStatusSchema, metricsFileSchema, requestEntrySchema } from './file-schema.js';
export { renderReportJson, renderStableJson } from './format-json.js';
export { renderReportMarkdown } from './format-markdown.js';
export { type RenderReportOptions, renderReportBlock } from './format-text.js';
export { type HistoryRead, type ReadHistoryOptions, readHistory } from './history.js';
export { convertLegacyMetrics, isLegacyMetrics } from './legacy.js';
export { MetricsFileError, type MetricsFileErrorCode } from './metrics-file-error.js';
export { readLiveStatus, readMetricsFile } from './read-files.js';
export {
  encodedHistogramSchema,
  reportSchema,
  statsBlockSchema,
} from './report-schema.js';
export { toRequestEntry } from './request-entry.js';
export { sanitizeForTerminal } from './sanitize.js';
export { parseLiveStatus, parseMetricsFile } from './schema.js';
export {
  createMetricsStore,
  historyPathFor,
  livePathFor,
  type MetricsStore,
  type MetricsStoreOptions,
  type StoreFs,
} from './store.js';
export {
  DEFAULT_METRICS_FILE,
  type LiveState,
  type LiveStatus,
  MAX_STORED_CONTENT_CHARS,
  METRICS_SCHEMA_VERSION,
  type MetricsFile,
  type RequestEntry,
} from './types.js';
