/** Stable error codes thrown by the packages; apps map them to exit statuses and messages. */
export type BuddyErrorCode =
  | 'CONFIG_INVALID'
  | 'TARGET_UNAVAILABLE'
  | 'METRICS_FILE_INVALID'
  | 'METRICS_FILE_MISSING';

/** Base error with a stable `code` and the original `cause`. */
export class BuddyError extends Error {
  readonly code: BuddyErrorCode;
  constructor(code: BuddyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BuddyError';
    this.code = code;
  }
}

/** A bad option, flag, category or config file value. */
export class ConfigError extends BuddyError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', message, options);
    this.name = 'ConfigError';
  }
}
