import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluateContent } from '@buddy/soul-adapters';

/** Faults the misbehaving Soul injects, chosen by the request's sequence number. */
export const FAULT_CYCLE = [
  'http_500',
  'http_503',
  'malformed_json',
  'wrong_shape',
  'reset',
  'stall',
  'trickle',
  'ok',
  'ok',
  'ok',
] as const;

/** Error kind each fault must be classified as (ok: none). */
export const EXPECTED_KIND: Record<(typeof FAULT_CYCLE)[number], string | null> = {
  http_500: 'http_status',
  http_503: 'http_status',
  malformed_json: 'invalid_json',
  wrong_shape: 'invalid_shape',
  reset: 'connection',
  stall: 'timeout',
  trickle: 'timeout',
  ok: null,
};

export interface FaultServer {
  readonly url: string;
  /** Authorization headers seen, to check the key was sent. */
  readonly authHeaders: string[];
  close(): Promise<void>;
}

function readJson(req: IncomingMessage): Promise<{ request_id: string; content: string }> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function answer(content: string) {
  const v = evaluateContent(content);
  return JSON.stringify({
    confidence: v.confidence,
    pre_validation: v.preValidation,
    approval_path: v.approvalPath,
    reasons: [...v.reasons],
  });
}

/** A local Soul that misbehaves deterministically: fault = FAULT_CYCLE[seq % 10]. */
export async function startFaultServer(): Promise<FaultServer> {
  const timers = new Set<NodeJS.Timeout>();
  const authHeaders: string[] = [];
  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/v1/health') return res.end('{"status":"ok"}');
    if (req.headers.authorization) authHeaders.push(req.headers.authorization);
    const body = await readJson(req);
    const seq = Number(body.request_id.split('-').at(-1));
    const fault = FAULT_CYCLE[seq % FAULT_CYCLE.length];
    const json = { 'content-type': 'application/json' };
    switch (fault) {
      case 'http_500':
      case 'http_503':
        res.writeHead(fault === 'http_500' ? 500 : 503, json).end('{"error":"down"}');
        return;
      case 'malformed_json':
        res.writeHead(200, json).end('{"confidence": 0.9, "pre_val');
        return;
      case 'wrong_shape':
        res.writeHead(200, json).end('{"confidence":"high","pre_validation":"passed"}');
        return;
      case 'reset':
        res.writeHead(200, { ...json, 'content-length': '500' });
        res.write('{"confidence":');
        later(() => res.socket?.destroy(), 5);
        return;
      case 'stall':
        later(() => res.writeHead(200, json).end(answer(body.content)), 3000);
        return;
      case 'trickle': {
        res.writeHead(200, json);
        const text = answer(body.content);
        let i = 0;
        const drip = () => {
          if (res.destroyed) return;
          if (i >= text.length) return void res.end();
          res.write(text[i++]);
          later(drip, 100);
        };
        drip();
        return;
      }
      default:
        res.writeHead(200, json).end(answer(body.content));
    }
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authHeaders,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
