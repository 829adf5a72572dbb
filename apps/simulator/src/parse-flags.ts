import { Command, CommanderError, Option } from 'commander';
import type { SimulatorOptions } from './options.js';
import {
  parseAlertThreshold,
  parseFraction,
  parseLevel,
  parseNonNegative,
  parseNonNegativeInt,
  parsePositive,
  parsePositiveInt,
  parseSeed,
  parseWarmup,
} from './parse-number.js';
import { UsageError } from './usage-error.js';

function buildProgram(): Command {
  return new Command('buddy-simulator')
    .description('Send synthetic traffic through the Buddy validation pipeline and measure it.')
    .option('--max-requests <n>', 'stop after N measured requests', parsePositiveInt)
    .option('--interval-min <ms>', 'shortest gap between sends', parseNonNegative, 50)
    .option('--interval-max <ms>', 'longest gap between sends', parseNonNegative, 200)
    .addOption(
      new Option('--arrival <mode>', 'arrival schedule')
        .choices(['uniform', 'constant', 'poisson'])
        .default('uniform'),
    )
    .option('--rate <perSec>', 'requests per second (constant or poisson)', parsePositive)
    .option(
      '--concurrency <n>',
      'closed loop: N workers, as fast as the target allows',
      parsePositiveInt,
    )
    .option('--report-interval <n>', 'report every N requests', parsePositiveInt, 500)
    .option('--report-every-seconds <s>', 'or every S seconds, whichever first', parsePositive, 300)
    .option('--seed <n>', 'seed of the request sequence (default: from the clock)', parseSeed)
    .option('--file <path>', 'metrics file', 'buddy_traffic_metrics.json')
    .option('--no-history', 'do not append reports to the history companion file')
    .option('--max-in-flight <n>', 'most requests awaiting an answer', parsePositiveInt, 256)
    .option(
      '--warmup <n|Ns>',
      'requests or seconds sent first and kept out of statistics',
      parseWarmup,
    )
    .option('--quiet', 'print only the final report and alerts', false)
    .option('--json', 'NDJSON events on stdout instead of text', false)
    .option('--no-color', 'no colour (also NO_COLOR)')
    .option('--slow-ms <ms>', 'print a line for requests slower than this', parsePositive, 50)
    .option(
      '--drain-timeout <s>',
      'seconds to wait for in-flight requests on stop',
      parsePositive,
      5,
    )
    .addOption(
      new Option('--load-policy <name>', 'load control policy')
        .choices(['levels', 'target-latency'])
        .default('levels'),
    )
    .option('--load-level <n>', 'pin the load level (1-3)', parseLevel)
    .option('--start-level <n>', 'adaptive load: level to start at (1-3)', parseLevel)
    .option('--no-adapt', 'turn adaptive load levels off')
    .option('--target-p95-ms <ms>', 'target p95 for --load-policy target-latency', parsePositive)
    .addOption(
      new Option('--fail-on <priority>', 'exit 3 if an alert of this priority fired').choices([
        'high',
        'medium',
      ]),
    )
    .option(
      '--alert <name=value>',
      'alert threshold, repeatable (e.g. avgExecutionMsAbove=8)',
      parseAlertThreshold,
      {},
    )
    .option('--config <file>', 'JSON config: category weights, alert thresholds, content sizes')
    .option('--use-real-soul', 'evaluate with the real Soul API over HTTP', false)
    .option('--soul-url <url>', 'base URL of the real Soul API (or SOUL_API_URL)')
    .option('--soul-timeout <ms>', 'per-request timeout of the real Soul', parsePositive, 5000)
    .option(
      '--fallback-to-reference',
      'answer from the reference pipeline when the real Soul fails',
      false,
    )
    .option(
      '--control-port <port>',
      'serve the runtime switch on 127.0.0.1:PORT',
      parseNonNegativeInt,
    )
    .option(
      '--latency-median-ms <ms>',
      'reference pipeline: injected latency median',
      parsePositive,
    )
    .option('--latency-p99-ms <ms>', 'reference pipeline: injected latency p99', parsePositive)
    .option('--error-rate <p>', 'reference pipeline: injected error rate 0..1', parseFraction, 0)
    .helpOption('-h, --help', 'show this help')
    .version('0.1.0', '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: (s) => process.stdout.write(s) });
}

type Raw = Record<string, unknown>;

function toOptions(raw: Raw, env: NodeJS.ProcessEnv, nowSeed: number): SimulatorOptions {
  const intervalMinMs = raw.intervalMin as number;
  const intervalMaxMs = raw.intervalMax as number;
  if (intervalMinMs > intervalMaxMs) {
    throw new UsageError(
      `--interval-min: expected at most --interval-max (${intervalMaxMs}), received ${intervalMinMs}`,
    );
  }
  const arrival = raw.arrival as SimulatorOptions['arrival'];
  if (arrival !== 'uniform' && raw.rate === undefined) {
    throw new UsageError(`--arrival ${arrival}: expected --rate <perSec> as well`);
  }
  if (raw.rate !== undefined && raw.concurrency !== undefined) {
    throw new UsageError('--concurrency: expected either --rate or --concurrency, received both');
  }
  const p50 = raw.latencyMedianMs as number | undefined;
  const p99 = raw.latencyP99Ms as number | undefined;
  if (p50 !== undefined && p99 !== undefined && p99 < p50) {
    throw new UsageError(
      `--latency-p99-ms: expected at least the median (${p50}), received ${p99}`,
    );
  }
  if (raw.loadPolicy === 'target-latency' && raw.targetP95Ms === undefined) {
    throw new UsageError('--load-policy target-latency: expected --target-p95-ms <ms> as well');
  }
  if (raw.loadLevel !== undefined && raw.startLevel !== undefined) {
    throw new UsageError('--start-level: expected either --load-level (pinned) or --start-level');
  }
  const useRealSoul = (raw.useRealSoul as boolean) || env.SOUL_REAL_ENABLED === 'true';
  return {
    maxRequests: raw.maxRequests as number | undefined,
    intervalMinMs,
    intervalMaxMs,
    arrival: raw.rate !== undefined && arrival === 'uniform' ? 'constant' : arrival,
    ratePerSec: raw.rate as number | undefined,
    concurrency: raw.concurrency as number | undefined,
    reportInterval: raw.reportInterval as number,
    reportEverySeconds: raw.reportEverySeconds as number,
    seed: (raw.seed as number | undefined) ?? nowSeed,
    file: raw.file as string,
    history: raw.history as boolean,
    maxInFlight: raw.maxInFlight as number,
    warmup: raw.warmup as SimulatorOptions['warmup'],
    quiet: raw.quiet as boolean,
    json: raw.json as boolean,
    color: (raw.color as boolean) && env.NO_COLOR === undefined,
    progress: true,
    slowMs: raw.slowMs as number,
    drainTimeoutSeconds: raw.drainTimeout as number,
    loadPolicy: raw.loadPolicy as SimulatorOptions['loadPolicy'],
    loadLevel: raw.loadLevel as number | undefined,
    startLevel: raw.startLevel as number | undefined,
    adapt: raw.adapt as boolean,
    targetP95Ms: raw.targetP95Ms as number | undefined,
    failOn: raw.failOn as SimulatorOptions['failOn'],
    configFile: raw.config as string | undefined,
    alertThresholds: raw.alert as Record<string, number>,
    useRealSoul,
    soulUrl: (raw.soulUrl as string | undefined) ?? env.SOUL_API_URL,
    soulTimeoutMs: raw.soulTimeout as number,
    fallbackToReference: raw.fallbackToReference as boolean,
    controlPort: raw.controlPort as number | undefined,
    latencyMedianMs: p50,
    latencyP99Ms: p99 ?? (p50 !== undefined ? p50 * 3 : undefined),
    errorRate: raw.errorRate as number,
  };
}

/** Outcome of parsing: options to run with, or text to print and exit 0 (help, version). */
export type ParsedFlags = { kind: 'run'; options: SimulatorOptions } | { kind: 'exit' };

/** Parses argv (without node and script). Throws UsageError with one line for bad input. */
export function parseFlags(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  nowSeed: number,
): ParsedFlags {
  const program = buildProgram();
  try {
    program.parse(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return { kind: 'exit' };
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
  if (program.args.length > 0) {
    throw new UsageError(`unexpected argument '${program.args[0]?.slice(0, 40)}'`);
  }
  return { kind: 'run', options: toOptions(program.opts(), env, nowSeed) };
}
