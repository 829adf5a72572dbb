import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Writes a JSON answer with an exact content-length (keeps the connection reusable). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Answers an error and closes the connection: its unread request body is not worth reading. */
export function rejectAndClose(response: ServerResponse, status: number, message: string): void {
  response.shouldKeepAlive = false;
  sendJson(response, status, { error: message });
}

/**
 * Reads a request body up to `maxBytes`; resolves undefined when it is larger (the caller
 * answers 413). Rejects when the client goes away mid-body.
 */
export function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(request.headers['content-length']);
  if (declared > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    request.on('error', reject);
    // A client that goes away mid-body may only close; without this the promise would hang.
    request.on('close', () => {
      if (!request.complete) reject(new Error('client closed the connection mid-body'));
    });
  });
}

/** Listens on `host:port` (0 = a free port); resolves with the URL and the bound port. */
export async function listen(
  server: Server,
  host: string,
  port: number,
): Promise<{ url: string; port: number }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${bound}`, port: bound };
}

/** Stops accepting and ends idle keep-alive connections, so close() resolves promptly. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
