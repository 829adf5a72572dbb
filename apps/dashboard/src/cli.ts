import { HelpShown, parseFlags, UsageError } from './parse-flags.js';
import { type DashboardIo, runOnce, startLive } from './run-dashboard.js';
import type { TerminalScreen } from './terminal.js';

const io: DashboardIo = {
  stdout: process.stdout,
  stdin: process.stdin,
  stderr: process.stderr,
  env: process.env,
  nowMs: () => Date.now(),
};

let activeScreen: TerminalScreen | undefined;

// Whatever ends the process, the terminal comes back first; then the error is readable.
function crash(error: unknown): never {
  activeScreen?.restore();
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`buddy-dashboard: unexpected error: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<number> {
  const options = parseFlags(process.argv.slice(2), (text) => process.stdout.write(text));
  if (options.once) return runOnce(options, io);

  const live = startLive(options, io);
  activeScreen = live.screen;
  process.on('SIGINT', () => live.stop(130));
  process.on('SIGTERM', () => live.stop(143));
  process.on('SIGHUP', () => live.stop(129));
  process.on('exit', () => live.screen.restore());
  return live.done;
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof HelpShown) process.exit(0);
    if (error instanceof UsageError) {
      process.stderr.write(`buddy-dashboard: ${error.message}\n`);
      process.exit(2);
    }
    crash(error);
  },
);
