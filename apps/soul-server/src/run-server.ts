import { startReferenceSoulServer } from '@buddy/soul-adapters';
import type { ServerFlags } from './parse-flags.js';

/** Where the CLI writes and how it learns that it should stop. */
export interface ServerIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  /** Registers the stop handler (SIGINT/SIGTERM); returns an unregister function. */
  onStop(handler: () => void): () => void;
}

/** Starts the server, prints its URL on stdout, and resolves once it has stopped. */
export async function runServer(flags: ServerFlags, io: ServerIo): Promise<void> {
  // Listen for the stop signal first: a signal that comes early must not kill the process.
  const stopped = new Promise<void>((resolve) => {
    const unregister = io.onStop(() => {
      unregister();
      resolve();
    });
  });
  const server = await startReferenceSoulServer({
    host: flags.host,
    port: flags.port,
    errorRate: flags.errorRate,
    seed: flags.seed,
    ...(flags.latency ? { latency: flags.latency } : {}),
    ...(flags.apiKey ? { apiKey: flags.apiKey } : {}),
  });
  io.stdout.write(`${server.url}\n`);
  io.stderr.write(describeServer(flags, server.url));
  await stopped;
  await server.close();
}

function describeServer(flags: ServerFlags, url: string): string {
  const extras = [
    flags.latency
      ? `latency median ${flags.latency.medianMs} ms, p99 ${flags.latency.p99Ms} ms`
      : '',
    flags.errorRate > 0 ? `error rate ${flags.errorRate}` : '',
    flags.apiKey ? 'bearer key required' : '',
  ].filter((text) => text !== '');
  const details = extras.length > 0 ? ` (${extras.join(', ')})` : '';
  return `buddy-soul-server: serving ${url}/v1/evaluate${details}; Ctrl+C to stop\n`;
}
