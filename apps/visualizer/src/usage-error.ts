/** A bad command line: the app prints the message and exits 2. */
export class UsageError extends Error {
  readonly code = 'USAGE_INVALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
