import { parseFlags } from './parse-flags.js';
import { runServer } from './run-server.js';
import { UsageError } from './usage-error.js';

/** Exit statuses: 0 stopped cleanly, 1 could not serve, 2 bad usage. */
async function main(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, process.env);
  if (parsed.kind === 'exit') {
    process.stdout.write(parsed.output);
    return 0;
  }
  await runServer(parsed.flags, {
    stdout: process.stdout,
    stderr: process.stderr,
    onStop(handler) {
      process.on('SIGINT', handler);
      process.on('SIGTERM', handler);
      return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
      };
    },
  });
  return 0;
}

const listenFailures: Readonly<Record<string, string>> = {
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
  EACCES: 'permission denied',
};

function describeFailure(error: unknown): string {
  const { code, address, port } = error as { code?: string; address?: string; port?: number };
  const reason = code === undefined ? undefined : listenFailures[code];
  if (reason !== undefined) return `cannot listen on ${address ?? '?'}:${port ?? '?'}: ${reason}`;
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 200);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`buddy-soul-server: error: ${describeFailure(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
