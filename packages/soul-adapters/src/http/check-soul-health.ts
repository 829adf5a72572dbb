import { type Clock, createSystemClock } from '@buddy/traffic-core';
import { Client, type Dispatcher } from 'undici';
import { createSender } from './sender.js';
import { SoulRequestError } from './soul-request-error.js';
import { parseSoulUrl } from './soul-url.js';
import { toTransportError } from './transport-error.js';

/** Options of the health check. */
export interface SoulHealthOptions {
  /** Deadline of the check, ms. Default 2000. */
  readonly timeoutMs?: number;
  /** Sent as a bearer key when set; never appears in messages. */
  readonly apiKey?: string;
  readonly dispatcher?: Dispatcher;
  readonly clock?: Clock;
}

function isHealthy(text: string): boolean {
  try {
    const body: unknown = JSON.parse(text);
    return (
      typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok'
    );
  } catch {
    return false;
  }
}

/**
 * Asks `GET {url}/v1/health` for `{"status":"ok"}`. Throws a SoulRequestError whose message
 * names the endpoint and what went wrong, for a clear error before a run starts.
 */
export async function checkSoulHealth(url: string, options: SoulHealthOptions = {}): Promise<void> {
  const { origin, basePath } = parseSoulUrl(url);
  const endpoint = `${origin}${basePath}/v1/health`;
  const dispatcher = options.dispatcher ?? new Client(origin);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey) headers['authorization'] = `Bearer ${options.apiKey}`;
  try {
    const sender = createSender({
      dispatcher,
      origin,
      timeoutMs: options.timeoutMs ?? 2000,
      maxResponseBytes: 64 * 1024,
      clock: options.clock ?? createSystemClock(),
    });
    const text = await sender.send({ path: `${basePath}/v1/health`, method: 'GET', headers });
    if (!isHealthy(text)) {
      throw new SoulRequestError('invalid_shape', 'expected {"status":"ok"}');
    }
  } catch (error) {
    const cause = toTransportError(error);
    throw new SoulRequestError(
      cause.kind,
      `Soul health check failed (GET ${endpoint}): ${cause.message}`,
      {
        cause,
      },
    );
  } finally {
    if (options.dispatcher === undefined) await dispatcher.close();
  }
}
