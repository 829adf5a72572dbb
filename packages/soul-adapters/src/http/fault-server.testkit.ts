import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Ways the misbehaving server can answer; the first word of the request's content names one. */
export const faults = [
  'ok',
  'stall',
  'status_500',
  'status_503',
  'reset_mid_body',
  'closed_mid_body',
  'malformed_json',
  'wrong_shape',
  'trickle',
] as const;
export type Fault = (typeof faults)[number];

const validAnswer = JSON.stringify({
  confidence: 0.9,
  pre_validation: 'passed',
  approval_path: 'approved',
  reasons: ['ok'],
});

/** A local server that misbehaves as each request's content asks; for tests only. */
export interface FaultServer {
  readonly url: string;
  /** Resolves when the server has received the next request (to abort without sleeping). */
  nextRequest(): Promise<IncomingMessage>;
  /** Authorization headers seen, to prove the key was sent. */
  readonly authorizations: string[];
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

function partialBody(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
  res.write('{"confidence": 0.9, "pre_val');
}

function trickle(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  res.write(' ');
  // A byte every 20 ms: never idle long enough for an idle timeout, never complete.
  const timer = setInterval(() => res.write(' '), 20);
  res.on('close', () => clearInterval(timer));
}

function answer(fault: Fault, res: ServerResponse): void {
  const socket = res.socket as Socket;
  if (fault === 'ok') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(validAnswer);
  } else if (fault === 'status_500' || fault === 'status_503') {
    res.writeHead(fault === 'status_500' ? 500 : 503).end('{"error":"down"}');
  } else if (fault === 'reset_mid_body') {
    partialBody(res);
    setImmediate(() => socket.resetAndDestroy());
  } else if (fault === 'closed_mid_body') {
    partialBody(res);
    setImmediate(() => socket.destroy());
  } else if (fault === 'malformed_json') {
    res.writeHead(200).end('{"confidence": 0.9, "pre_validation": ');
  } else if (fault === 'wrong_shape') {
    res.writeHead(200).end('{"confidence": "high", "reasons": []}');
  } else if (fault === 'trickle') {
    trickle(res);
  }
  // 'stall': never answer.
}

/** Starts the misbehaving server on 127.0.0.1, an ephemeral port. */
export async function startFaultServer(): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  const authorizations: string[] = [];
  let accepted = 0;
  let waiters: ((req: IncomingMessage) => void)[] = [];
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { content: string };
      const notify = waiters;
      waiters = [];
      for (const resolve of notify) resolve(req);
      answer(body.content.split(' ')[0] as Fault, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    connections: () => accepted,
    nextRequest: () => new Promise((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening: bind an ephemeral port, then release it. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
