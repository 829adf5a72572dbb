import { Command, CommanderError, Option } from 'commander';

/** The dashboard's options after parsing and validation. */
export interface DashboardOptions {
  /** Metrics file path. */
  file: string;
  /** Redraw period, seconds. */
  intervalSeconds: number;
  /** Print one frame to stdout and exit. */
  once: boolean;
  /** False when `--no-color` was given (NO_COLOR and non-TTY are judged later). */
  color: boolean;
}

/** A bad command line; the message is one line naming the flag. Exit status 2. */
export class UsageError extends Error {
  readonly code = 'USAGE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `--help` or `--version` was printed; exit 0 without running. */
export class HelpShown extends Error {
  readonly code = 'HELP_SHOWN' as const;
}

const MAX_INTERVAL_SECONDS = 86_400;

/** Parses `argv` (without node and script); throws UsageError or HelpShown. */
export function parseFlags(argv: string[], writeOut: (text: string) => void): DashboardOptions {
  const program = buildProgram(writeOut);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    throw toUsageError(error);
  }
  const flags = program.opts<{ file: string; interval: number; once?: boolean; color: boolean }>();
  return {
    file: flags.file,
    intervalSeconds: flags.interval,
    once: flags.once === true,
    color: flags.color,
  };
}

function buildProgram(writeOut: (text: string) => void): Command {
  return new Command('buddy-dashboard')
    .description('Live terminal view of the Buddy traffic metrics file (q or Ctrl+C quits).')
    .addOption(
      new Option('--file <path>', 'metrics file to watch').default('buddy_traffic_metrics.json'),
    )
    .addOption(
      new Option('--interval <seconds>', 'redraw period in seconds (also redraws on change)')
        .default(10)
        .argParser(parseIntervalSeconds),
    )
    .option('--once', 'print one frame to stdout and exit')
    .option('--no-color', 'no colours (NO_COLOR and non-TTY output also turn them off)')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeOut, writeErr: () => {} })
    .allowExcessArguments(false);
}

function parseIntervalSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `--interval: expected a number of seconds > 0, received ${JSON.stringify(value)}`,
    );
  }
  if (seconds > MAX_INTERVAL_SECONDS) {
    throw new UsageError(
      `--interval: expected at most ${MAX_INTERVAL_SECONDS} seconds, received ${value}`,
    );
  }
  return seconds;
}

function toUsageError(error: unknown): Error {
  if (error instanceof UsageError) return error;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') {
      return new HelpShown('help shown');
    }
    const message = error.message.replace(/^error: /, '').split('\n')[0] ?? error.message;
    return new UsageError(`${message} (see buddy-dashboard --help)`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
