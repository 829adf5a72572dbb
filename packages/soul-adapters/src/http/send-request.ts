import type { Clock } from '@buddy/traffic-core';
import type { Dispatcher } from 'undici';
import type { AbortFanout } from './abort-fanout.js';
import { SoulRequestError } from './soul-request-error.js';
import { toTransportError } from './transport-error.js';

/** One HTTP exchange with a whole-request deadline. */
export interface SendRequestOptions {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Deadline of the whole exchange: connect, headers and every byte of the body. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly fanout?: AbortFanout;
}

type ResponseBody = Dispatcher.ResponseData['body'];

async function readText(body: ResponseBody, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new SoulRequestError('invalid_shape', `response body over ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  const only = chunks.length === 1 ? chunks[0] : undefined;
  return (only ?? Buffer.concat(chunks, size)).toString('utf8');
}

async function exchange(options: SendRequestOptions, signal: AbortSignal): Promise<string> {
  const response = await options.dispatcher.request({
    origin: options.origin,
    path: options.path,
    method: options.method,
    headers: options.headers,
    body: options.body ?? null,
    signal,
    // Backstops only: the deadline timer below is what bounds the whole exchange.
    headersTimeout: options.timeoutMs + 1000,
    bodyTimeout: options.timeoutMs + 1000,
  });
  const status = response.statusCode;
  if (status < 200 || status >= 300) {
    // Drain so the keep-alive connection can be reused; a failure here changes nothing.
    await response.body.dump().catch(() => undefined);
    throw new SoulRequestError('http_status', `HTTP ${status} from the Soul`);
  }
  return readText(response.body, options.maxResponseBytes);
}

/**
 * Sends one request and returns the 2xx body as text. Throws a SoulRequestError of kind
 * `timeout` past the deadline, `aborted` when the caller's signal fires, `http_status` on a
 * non-2xx answer and `connection` when the socket fails.
 */
export async function sendRequest(options: SendRequestOptions): Promise<string> {
  const { clock, signal, timeoutMs } = options;
  if (signal?.aborted) throw new SoulRequestError('aborted', 'request aborted');
  const deadline = new AbortController();
  let timedOut = false;
  const timer = clock.setTimer(() => {
    timedOut = true;
    deadline.abort(new SoulRequestError('timeout', `no complete answer within ${timeoutMs} ms`));
  }, timeoutMs);
  const unlink = signal === undefined ? undefined : options.fanout?.link(signal, deadline);
  const onAbort = () => deadline.abort(new SoulRequestError('aborted', 'request aborted'));
  if (signal !== undefined && unlink === undefined) signal.addEventListener('abort', onAbort);
  try {
    return await exchange(options, deadline.signal);
  } catch (error) {
    if (timedOut)
      throw new SoulRequestError('timeout', `no complete answer within ${timeoutMs} ms`);
    if (signal?.aborted) throw new SoulRequestError('aborted', 'request aborted');
    throw toTransportError(error);
  } finally {
    clock.clearTimer(timer);
    unlink?.();
    signal?.removeEventListener('abort', onAbort);
  }
}
