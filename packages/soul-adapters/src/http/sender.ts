import type { Clock, TimerHandle } from '@buddy/traffic-core';
import type { Dispatcher } from 'undici';
import { SoulRequestError } from './soul-request-error.js';
import { toTransportError } from './transport-error.js';

/** Where requests go and how long each exchange may take. */
export interface SenderOptions {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  /** Deadline of the whole exchange: queueing, connect, headers and every byte of the body. */
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly clock: Clock;
}

/** One request of a sender. */
export interface SendOptions {
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body?: string;
  /** Aborts the exchange (kind `aborted`). */
  readonly signal?: AbortSignal;
}

/** Sends HTTP requests and returns 2xx bodies as text. */
export interface Sender {
  /**
   * Sends one request. Rejects with a SoulRequestError of kind `timeout` past the deadline,
   * `aborted` when the signal fires, `http_status` on a non-2xx answer (read to its end so
   * the connection is reused), `invalid_shape` over `maxResponseBytes`, `connection` when the
   * socket fails.
   */
  send(options: SendOptions): Promise<string>;
}

const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * One exchange in flight; it is its own undici dispatch handler. Settles exactly once: by the
 * answer, an error, its deadline or its signal, whichever comes first.
 */
class Exchange implements Dispatcher.DispatchHandler {
  settled = false;
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private size = 0;
  private chunks: Buffer[] = [];

  constructor(
    readonly deadlineMs: number,
    readonly signal: AbortSignal | undefined,
    private readonly maxBytes: number,
    private readonly resolve: (text: string) => void,
    private readonly reject: (error: SoulRequestError) => void,
    private readonly onSettled: () => void,
  ) {}

  /** Ends the exchange with `error` and tears down its connection work, if any started. */
  fail(error: SoulRequestError): void {
    if (this.settled) return;
    this.finish();
    this.reject(error);
    this.controller?.abort(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    // Timed out or aborted while queued for a connection: do not send it at all.
    if (this.settled) controller.abort(new SoulRequestError('aborted', 'request abandoned'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, status: number): void {
    this.status = status;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.fail(new SoulRequestError('invalid_shape', `response body over ${this.maxBytes} bytes`));
    } else if (is2xx(this.status)) {
      this.chunks.push(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.settled) return;
    const { chunks } = this;
    this.finish();
    if (!is2xx(this.status)) {
      this.reject(new SoulRequestError('http_status', `HTTP ${this.status} from the Soul`));
      return;
    }
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, this.size);
    this.resolve(body.toString('utf8'));
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.settled) return;
    this.finish();
    this.reject(toTransportError(error));
  }

  private finish(): void {
    this.settled = true;
    this.chunks = [];
    this.onSettled();
  }
}

/**
 * Creates a sender over an undici dispatcher. Every exchange shares one deadline: exchanges
 * therefore expire in the order they started, so ONE timer armed at the oldest deadline
 * enforces all of them, and each caller signal gets ONE abort listener however many requests
 * share it. The per-request cost is one handler object and one promise.
 */
export function createSender(options: SenderOptions): Sender {
  const { dispatcher, origin, timeoutMs, maxResponseBytes, clock } = options;
  // Oldest first; settled exchanges leave from the front (and by compaction from the middle).
  let pending: Exchange[] = [];
  let head = 0;
  let timer: TimerHandle | undefined;
  const watched = new WeakSet<AbortSignal>();

  const advance = () => {
    while (head < pending.length && (pending[head] as Exchange).settled) head++;
    if (head === pending.length) {
      // Nothing in flight: no timer may keep the process (or a closed target) alive.
      pending = [];
      head = 0;
      if (timer !== undefined) clock.clearTimer(timer);
      timer = undefined;
    } else if (head > 1024 && head * 2 > pending.length) {
      pending = pending.slice(head);
      head = 0;
    }
  };

  const sweep = () => {
    timer = undefined;
    const now = clock.now();
    for (let oldest = pending[head]; oldest !== undefined; oldest = pending[head]) {
      if (!oldest.settled && oldest.deadlineMs > now) break;
      oldest.fail(new SoulRequestError('timeout', `no complete answer within ${timeoutMs} ms`));
      advance();
    }
    arm();
  };

  const arm = () => {
    const oldest = pending[head];
    if (timer === undefined && oldest !== undefined) {
      timer = clock.setTimer(sweep, oldest.deadlineMs - clock.now());
    }
  };

  const abortAll = (signal: AbortSignal) => {
    for (const exchange of pending.slice(head)) {
      if (exchange.signal === signal) {
        exchange.fail(new SoulRequestError('aborted', 'request aborted'));
      }
    }
  };

  const watch = (signal: AbortSignal) => {
    if (watched.has(signal)) return;
    watched.add(signal);
    signal.addEventListener('abort', () => abortAll(signal), { once: true });
  };

  return {
    send(request) {
      const { signal } = request;
      if (signal?.aborted) {
        return Promise.reject(new SoulRequestError('aborted', 'request aborted'));
      }
      if (signal !== undefined) watch(signal);
      return new Promise<string>((resolve, reject) => {
        const exchange = new Exchange(
          clock.now() + timeoutMs,
          signal,
          maxResponseBytes,
          resolve,
          reject,
          advance,
        );
        pending.push(exchange);
        arm();
        const dispatchOptions: Dispatcher.DispatchOptions = {
          origin,
          path: request.path,
          method: request.method,
          headers: request.headers,
          body: request.body ?? null,
          // Backstops only: the shared deadline is what bounds the whole exchange.
          headersTimeout: timeoutMs + 1000,
          bodyTimeout: timeoutMs + 1000,
        };
        try {
          dispatcher.dispatch(dispatchOptions, exchange);
        } catch (error) {
          // undici reports through the handler; another dispatcher may throw instead.
          exchange.onResponseError(undefined, error as Error);
        }
      });
    },
  };
}
