import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  type Clock,
  ConfigError,
  createRandom,
  createSystemClock,
  type Target,
  type Verdict,
} from '@buddy/traffic-core';
import { createLogNormalSampler, type LatencyDistribution } from '../reference/log-normal.js';
import { createReferencePipeline } from '../reference/reference-pipeline.js';
import { waitOnClock } from '../reference/wait-on-clock.js';
import { parseEvaluateRequest } from './evaluate-request.js';
import { closeServer, listen, readBody, rejectAndClose, sendJson } from './http-io.js';

/** Options of the reference Soul server. */
export interface ReferenceSoulServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** What answers; default the built-in reference pipeline. */
  readonly target?: Target;
  /** Injected latency per evaluation: log-normal by median and p99, ms. */
  readonly latency?: LatencyDistribution;
  /** Share of evaluations answered with an injected HTTP 500, in 0..1. */
  readonly errorRate?: number;
  /** When set, `POST /v1/evaluate` requires `Authorization: Bearer <apiKey>`. */
  readonly apiKey?: string;
  /** Largest accepted request body, bytes; larger gets 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Seed of injected latency and errors. Default 1. */
  readonly seed?: number;
  readonly clock?: Clock;
}

/** A running reference Soul server. */
export interface ReferenceSoulServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

interface ServerContext {
  readonly target: Target;
  readonly maxBodyBytes: number;
  readonly expectedAuth: Buffer | undefined;
  /** Injected delay of the next evaluation, ms (0 without latency). */
  readonly sampleDelayMs: () => number;
  readonly injectError: () => boolean;
  readonly clock: Clock;
}

// The server never cancels an evaluation it has started.
const neverAborted = new AbortController().signal;

function toContractBody(verdict: Verdict) {
  return {
    confidence: verdict.confidence,
    pre_validation: verdict.preValidation,
    approval_path: verdict.approvalPath,
    reasons: verdict.reasons,
    rules: verdict.rules,
  };
}

function isAuthorized(context: ServerContext, header: string | undefined): boolean {
  const expected = context.expectedAuth;
  if (expected === undefined) return true;
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function evaluate(context: ServerContext, req: IncomingMessage, res: ServerResponse) {
  if (!isAuthorized(context, req.headers.authorization)) {
    return rejectAndClose(res, 401, 'expected Authorization: Bearer <key>');
  }
  const body = await readBody(req, context.maxBodyBytes);
  if (body === undefined) {
    return rejectAndClose(res, 413, `request body over ${context.maxBodyBytes} bytes`);
  }
  const parsed = parseEvaluateRequest(body);
  if (!parsed.ok) return sendJson(res, 400, { error: parsed.error });
  const delayMs = context.sampleDelayMs();
  if (delayMs > 0) await waitOnClock(context.clock, delayMs, neverAborted);
  if (context.injectError()) return sendJson(res, 500, { error: 'injected error' });
  const verdict = await context.target.evaluate(parsed.request, { signal: neverAborted });
  sendJson(res, 200, toContractBody(verdict));
}

function route(context: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/v1/evaluate') {
    if (req.method !== 'POST') methodNotAllowed(res, 'POST');
    else evaluate(context, req, res).catch(() => answerInternalError(res));
  } else if (req.url === '/v1/health') {
    if (req.method !== 'GET' && req.method !== 'HEAD') methodNotAllowed(res, 'GET');
    else sendJson(res, 200, { status: 'ok' });
  } else {
    sendJson(res, 404, { error: 'not found; the contract serves /v1/evaluate and /v1/health' });
  }
}

function answerInternalError(res: ServerResponse): void {
  if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
  else res.destroy();
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  res.setHeader('allow', allowed);
  sendJson(res, 405, { error: `expected ${allowed}` });
}

function validateLatency({ medianMs, p99Ms }: LatencyDistribution): void {
  if (!(Number.isFinite(medianMs) && medianMs > 0)) {
    throw new ConfigError(`latency.medianMs: expected a number of ms > 0, received ${medianMs}`);
  }
  if (!(Number.isFinite(p99Ms) && p99Ms >= medianMs)) {
    throw new ConfigError(
      `latency.p99Ms: expected a number of ms >= ${medianMs}, received ${p99Ms}`,
    );
  }
}

function createContext(options: ReferenceSoulServerOptions): ServerContext {
  const errorRate = options.errorRate ?? 0;
  if (!(errorRate >= 0 && errorRate <= 1)) {
    throw new ConfigError(`errorRate: expected a number in 0..1, received ${errorRate}`);
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new ConfigError(`maxBodyBytes: expected a whole number >= 1, received ${maxBodyBytes}`);
  }
  if (options.latency !== undefined) validateLatency(options.latency);
  const random = createRandom(options.seed ?? 1);
  const target = options.target ?? createReferencePipeline();
  const sample = options.latency && createLogNormalSampler(options.latency, random.fork('delay'));
  const errors = random.fork('errors');
  return {
    target,
    maxBodyBytes,
    expectedAuth: options.apiKey ? Buffer.from(`Bearer ${options.apiKey}`) : undefined,
    sampleDelayMs: sample ?? (() => 0),
    injectError: errorRate > 0 ? () => errors.chance(errorRate) : () => false,
    clock: options.clock ?? createSystemClock(),
  };
}

/**
 * Starts a Soul API contract v1 server (node:http, keep-alive) over the reference pipeline or
 * another target, with optional injected latency and HTTP 500 errors.
 */
export async function startReferenceSoulServer(
  options: ReferenceSoulServerOptions = {},
): Promise<ReferenceSoulServer> {
  const context = createContext(options);
  const server = createServer((req, res) => route(context, req, res));
  // Longer than common client idle timeouts, so the client closes idle sockets first.
  server.keepAliveTimeout = 30_000;
  const { url, port } = await listen(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return { url, port, close: () => closeServer(server) };
}
