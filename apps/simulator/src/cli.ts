import { sanitizeForTerminal } from '@buddy/report-format';
import { BuddyError, createSystemClock } from '@buddy/traffic-core';
import { parseFlags } from './parse-flags.js';
import { runSimulation } from './simulation.js';
import { UsageError } from './usage-error.js';

/** Exit statuses: 0 ok, 1 runtime failure, 2 bad usage, 3 --fail-on alert fired. */
async function main(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, process.env, Date.now() % 0xffffffff);
  if (parsed.kind === 'exit') return 0;
  let stops = 0;
  const { exitCode } = await runSimulation(parsed.options, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    clock: createSystemClock(),
    onStop(handler) {
      const onSignal = () => {
        stops++;
        if (stops > 1) {
          process.stderr.write('\nbuddy-simulator: second stop signal, exiting without draining\n');
          process.exit(130);
        }
        handler();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      return () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      };
    },
    onToggleSoul(handler) {
      if (process.platform === 'win32') return () => {};
      process.on('SIGUSR2', handler);
      return () => process.off('SIGUSR2', handler);
    },
  });
  return exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage =
      error instanceof UsageError ||
      (error instanceof BuddyError && error.code === 'CONFIG_INVALID');
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`buddy-simulator: ${sanitizeForTerminal(message, 500)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
