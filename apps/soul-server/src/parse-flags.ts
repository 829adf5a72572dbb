import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { UsageError } from './usage-error.js';

/** What the server is started with. */
export interface ServerFlags {
  readonly host: string;
  readonly port: number;
  readonly latency?: { readonly medianMs: number; readonly p99Ms: number };
  readonly errorRate: number;
  readonly seed: number;
  /** Bearer key required on `/v1/evaluate`, read from SOUL_API_KEY (never from argv). */
  readonly apiKey?: string;
}

/** Either flags to run with, or a finished `--help`/`--version`. */
export type ParsedFlags =
  | { readonly kind: 'run'; readonly flags: ServerFlags }
  | { readonly kind: 'exit'; readonly output: string };

const parseNumber = (expected: string, ok: (n: number) => boolean) => (raw: string) => {
  const value = Number(raw);
  if (raw.trim() === '' || !ok(value)) {
    throw new InvalidArgumentError(`expected ${expected}, received "${raw.slice(0, 40)}"`);
  }
  return value;
};

const wholeNumber = (n: number) => Number.isInteger(n) && n >= 0;

function buildCommand(): Command {
  return new Command('buddy-soul-server')
    .description('Reference Soul API (contract v1) over the built-in pipeline')
    .version('0.1.0')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addOption(
      new Option('--port <n>', 'port to listen on (0 picks a free one)')
        .default(8787)
        .argParser(parseNumber('a port in 0..65535', (n) => wholeNumber(n) && n <= 65535)),
    )
    .addOption(
      new Option('--latency-median-ms <ms>', 'injected latency, median (log-normal)').argParser(
        parseNumber('a number of ms > 0', (n) => Number.isFinite(n) && n > 0),
      ),
    )
    .addOption(
      new Option('--latency-p99-ms <ms>', 'injected latency, 99th percentile').argParser(
        parseNumber('a number of ms > 0', (n) => Number.isFinite(n) && n > 0),
      ),
    )
    .addOption(
      new Option('--error-rate <share>', 'share of requests answered with HTTP 500')
        .default(0)
        .argParser(parseNumber('a number in 0..1', (n) => n >= 0 && n <= 1)),
    )
    .addOption(
      new Option('--seed <n>', 'seed of injected latency and errors')
        .default(1)
        .argParser(parseNumber('a whole number >= 0', wholeNumber)),
    )
    .option('--require-api-key', 'require the bearer key in SOUL_API_KEY on /v1/evaluate')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
}

function toLatency(median: number | undefined, p99: number | undefined) {
  if (median === undefined && p99 === undefined) return undefined;
  if (median === undefined) {
    throw new UsageError('--latency-p99-ms: expected --latency-median-ms as well');
  }
  const p99Ms = p99 ?? median;
  if (p99Ms < median) {
    throw new UsageError(`--latency-p99-ms: expected a value >= ${median}, received ${p99Ms}`);
  }
  return { medianMs: median, p99Ms };
}

function toApiKey(required: boolean, env: Readonly<Record<string, string | undefined>>) {
  if (!required) return undefined;
  const key = env['SOUL_API_KEY'];
  if (key === undefined || key === '') {
    throw new UsageError('--require-api-key: expected SOUL_API_KEY to be set and not empty');
  }
  return key;
}

// Commander says "option '--port <n>' argument 'abc' is invalid. expected ..."; keep it short.
function describeCommanderError(error: CommanderError): string {
  const text = error.message.replace(/^error: /, '');
  const invalid = /^option '(--[a-z0-9-]+)[^']*' argument '.*' is invalid\. (.*)$/s.exec(text);
  return invalid ? `${invalid[1]}: ${invalid[2]}` : text;
}

/** Parses the command line; throws UsageError with one clear line on bad input. */
export function parseFlags(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ParsedFlags {
  const command = buildCommand();
  let output = '';
  command.configureOutput({ writeOut: (text) => (output += text), writeErr: () => {} });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { kind: 'exit', output };
    throw new UsageError(describeCommanderError(error));
  }
  const options = command.opts();
  const latency = toLatency(options['latencyMedianMs'], options['latencyP99Ms']);
  const apiKey = toApiKey(options['requireApiKey'] === true, env);
  return {
    kind: 'run',
    flags: {
      host: options['host'],
      port: options['port'],
      errorRate: options['errorRate'],
      seed: options['seed'],
      ...(latency ? { latency } : {}),
      ...(apiKey ? { apiKey } : {}),
    },
  };
}
