// The reference Soul server in its own process, for HTTP benchmarks. Prints {"url"} and runs
// until SIGTERM/SIGINT or until stdin closes (the bench died).
import { importPackage } from '../lib/workspace.mjs';

const { startReferenceSoulServer } = await importPackage('@buddy/soul-adapters');
const server = await startReferenceSoulServer({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ url: server.url, pid: process.pid })}\n`);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();
