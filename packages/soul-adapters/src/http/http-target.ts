import {
  type Clock,
  ConfigError,
  createSystemClock,
  type EvaluateOptions,
  type ServedVerdict,
  type Target,
  type TargetRequest,
} from '@buddy/traffic-core';
import { type Dispatcher, Pool } from 'undici';
import { readContractResponse } from './contract-response.js';
import {
  type CompiledMapping,
  compileResponseMapping,
  type ResponseMapping,
} from './response-mapping.js';
import { createSender } from './sender.js';
import { SoulRequestError } from './soul-request-error.js';
import { parseSoulUrl } from './soul-url.js';

/** Options of the HTTP Soul client. */
export interface HttpSoulTargetOptions {
  /** Base URL of the Soul, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <key>`; never appears in messages. */
  readonly apiKey?: string;
  /** Deadline of each request (connect, headers and whole body), ms. Default 5000. */
  readonly timeoutMs?: number;
  /** Keep-alive connections to the Soul; more requests wait in the pool. Default 64. */
  readonly maxConnections?: number;
  /** Reach another guardrail API without code. Default: Soul contract v1. */
  readonly mapping?: ResponseMapping;
  /** Use this undici dispatcher instead of an own pool (not closed by `close()`). */
  readonly dispatcher?: Dispatcher;
  /** Largest accepted response body, bytes. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Target name reported with outcomes. Default `real`. */
  readonly name?: string;
  readonly clock?: Clock;
}

/** A Soul over HTTP: it always answers through a promise. */
export interface HttpSoulTarget extends Target {
  evaluate(request: TargetRequest, options: EvaluateOptions): Promise<ServedVerdict>;
}

function checkPositive(field: string, value: number, integer: boolean): void {
  const ok = Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  if (!ok) {
    const expected = integer ? 'a whole number >= 1' : 'a number > 0';
    throw new ConfigError(`${field}: expected ${expected}, received ${value}`);
  }
}

function buildHeaders(apiKey: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
  };
  if (apiKey !== undefined && apiKey !== '') headers['authorization'] = `Bearer ${apiKey}`;
  return headers;
}

const contractMapping: CompiledMapping = {
  path: '/v1/evaluate',
  buildBody: (request) =>
    JSON.stringify({
      request_id: request.id,
      content: request.content,
      category: request.category,
    }),
  readVerdict: readContractResponse,
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SoulRequestError('invalid_json', 'response is not valid JSON');
  }
}

/**
 * Creates a target that asks a Soul over HTTP (contract v1, or a response mapping), over a
 * keep-alive undici pool. Every failure throws a SoulRequestError with its kind.
 */
export function createHttpSoulTarget(options: HttpSoulTargetOptions): HttpSoulTarget {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxConnections = options.maxConnections ?? 64;
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  checkPositive('timeoutMs', timeoutMs, false);
  checkPositive('maxConnections', maxConnections, true);
  checkPositive('maxResponseBytes', maxResponseBytes, true);
  const { origin, basePath } = parseSoulUrl(options.url);
  const mapping = options.mapping ? compileResponseMapping(options.mapping) : contractMapping;
  const ownPool = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ?? new Pool(origin, { connections: maxConnections, pipelining: 1 });
  const headers = buildHeaders(options.apiKey);
  const sender = createSender({
    dispatcher,
    origin,
    timeoutMs,
    maxResponseBytes,
    clock: options.clock ?? createSystemClock(),
  });
  const path = basePath + mapping.path;

  return {
    name: options.name ?? 'real',
    async evaluate(request, { signal }) {
      const body = mapping.buildBody(request);
      const text = await sender.send({ path, method: 'POST', headers, body, signal });
      return mapping.readVerdict(parseJson(text));
    },
    async close() {
      if (ownPool) await dispatcher.close();
    },
  };
}
