import { BuddyError } from '@buddy/traffic-core';

/** Codes of metrics file errors: unreadable/invalid content, or no file at all. */
export type MetricsFileErrorCode = 'METRICS_FILE_INVALID' | 'METRICS_FILE_MISSING';

/** A metrics, history or live file that is missing or cannot be understood. */
export class MetricsFileError extends BuddyError {
  constructor(code: MetricsFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'MetricsFileError';
  }
}
