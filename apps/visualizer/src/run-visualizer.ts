import { loadRuns } from '@buddy/analysis';
import { MetricsFileError, sanitizeForTerminal } from '@buddy/report-format';
import { analyzeRuns } from './analyze-runs.js';
import { parseFlags } from './parse-flags.js';
import { renderDocument } from './render-document.js';
import { UsageError } from './usage-error.js';

/** What the visualizer needs from its process; injected so tests can run it in-process. */
export interface VisualizerIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** True when stdout is a terminal. */
  isTty: boolean;
  /** Terminal width, when known. */
  columns: number | undefined;
  /** Epoch ms now; relative bounds fall back to it when the files hold no report. */
  nowMs: number;
}

const NAME = 'buddy-visualizer';

export const USAGE = `Usage: ${NAME} [--summary|--trends|--categories|--errors|--all] [options]

  --summary              totals, rates, times, confidence, routing, blocking, health (default)
  --trends               charts over the whole history, with the change in words
  --categories           one row per category; names categories whose success fell
  --errors               errors grouped by kind and message
  --all                  all of the above
  -f, --file <path>      metrics file, repeatable: runs are merged (buddy_traffic_metrics.json)
  --json                 one JSON document for programs
  --markdown             Markdown (e.g. for a CI job summary)
  --since <time>         ISO time, or a duration before the newest report (30m, 2h, 1d)
  --until <time>         same forms as --since
  --width <n>            output width in characters (default: terminal width or 80)
  -h, --help             this help
`;

/** Runs the visualizer; returns the exit status (0 ok, 1 unreadable data, 2 bad usage). */
export async function runVisualizer(argv: readonly string[], io: VisualizerIo): Promise<number> {
  try {
    const flags = parseFlags(argv);
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    const inputs = await loadRuns(flags.files);
    const document = analyzeRuns(inputs, flags, io.nowMs);
    for (const warning of document.warnings) io.stderr(`${NAME}: warning: ${clean(warning)}\n`);
    io.stdout(
      renderDocument(document, flags.format, {
        width: flags.width ?? io.columns ?? 80,
        color: flags.format === 'text' && io.isTty && !io.env.NO_COLOR,
      }),
    );
    return 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: VisualizerIo): number {
  if (error instanceof UsageError) {
    io.stderr(`${NAME}: ${clean(error.message)}\n`);
    return 2;
  }
  if (error instanceof MetricsFileError) {
    io.stderr(`${NAME}: ${clean(error.message)}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${NAME}: could not analyse the metrics: ${clean(message)}\n`);
  return 1;
}

function clean(text: string): string {
  return sanitizeForTerminal(text, 500);
}
