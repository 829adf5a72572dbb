import type { MaybePromise } from './types.js';

/** True when `value` is a promise (any thenable) rather than an answer given at once. */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
