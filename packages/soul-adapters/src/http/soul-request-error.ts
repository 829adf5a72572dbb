import { BuddyError, type ErrorKind } from '@buddy/traffic-core';

/**
 * A classified failure to get a verdict from a Soul over HTTP. The message is short and never
 * holds the request content or the API key.
 */
export class SoulRequestError extends BuddyError {
  /** How the request failed; counted by kind in the reports. */
  readonly kind: ErrorKind;

  constructor(kind: ErrorKind, message: string, options?: { cause?: unknown }) {
    super('TARGET_UNAVAILABLE', message, options);
    this.name = 'SoulRequestError';
    this.kind = kind;
  }
}
