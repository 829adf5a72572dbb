import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { ConfigError } from '@buddy/traffic-core';
import { closeServer, listen, readBody, rejectAndClose, sendJson } from '../server/http-io.js';
import { isLoopbackHost, requireLoopbackHost } from '../server/loopback.js';
import type { SwitchableTarget } from './switchable-target.js';

/** Options of the control endpoint. */
export interface ControlServerOptions {
  readonly switchable: SwitchableTarget;
  /** Must be a loopback address. Default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

/** A running control endpoint. */
export interface ControlServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`; the endpoint is `${url}/soul`. */
  readonly url: string;
  close(): Promise<void>;
}

const maxControlBodyBytes = 4096;

function hostnameOf(hostHeader: string | undefined): string {
  if (hostHeader === undefined) return '';
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0] ?? '';
}

function describe(switchable: SwitchableTarget) {
  const { active, served, fallbacks, switches, names } = switchable;
  return { active, targets: names, served, fallbacks, switches };
}

async function handleSwitch(
  switchable: SwitchableTarget,
  req: IncomingMessage,
  res: ServerResponse,
) {
  // A JSON content type forces a CORS preflight, so a web page cannot switch the Soul.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return rejectAndClose(res, 415, 'expected content-type application/json');
  }
  const body = await readBody(req, maxControlBodyBytes);
  if (body === undefined) return rejectAndClose(res, 413, 'body too large');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, { error: 'expected a JSON body like {"active":"real"}' });
  }
  const name = (parsed as { active?: unknown } | null)?.active;
  if (typeof name !== 'string') {
    return sendJson(res, 400, { error: 'field active: expected a string' });
  }
  try {
    switchable.switchTo(name);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return sendJson(res, 400, {
      error: `field active: expected one of ${switchable.names.join(', ')}`,
    });
  }
  sendJson(res, 200, describe(switchable));
}

function route(switchable: SwitchableTarget, req: IncomingMessage, res: ServerResponse) {
  // Refuse names other than loopback: a rebound DNS name must not reach this endpoint.
  if (!isLoopbackHost(hostnameOf(req.headers.host))) {
    return rejectAndClose(res, 403, 'expected a loopback Host header');
  }
  if (req.url !== '/soul') return sendJson(res, 404, { error: 'not found; try /soul' });
  if (req.method === 'GET') return sendJson(res, 200, describe(switchable));
  if (req.method === 'POST') {
    return handleSwitch(switchable, req, res).catch(() => {
      if (!res.headersSent) rejectAndClose(res, 500, 'internal error');
      else res.destroy();
    });
  }
  res.setHeader('allow', 'GET, POST');
  sendJson(res, 405, { error: 'expected GET or POST' });
}

/**
 * Starts the local control endpoint of a switchable target: `GET /soul` shows the active
 * Soul and counts, `POST /soul {"active":"real"}` switches. Loopback only.
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const host = options.host ?? '127.0.0.1';
  requireLoopbackHost('host', host);
  const server = createServer((req, res) => route(options.switchable, req, res));
  const { url } = await listen(server, host, options.port ?? 0);
  return { url, close: () => closeServer(server) };
}
