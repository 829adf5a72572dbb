import { parseArgs } from 'node:util';
import { parseTimeBound, type TimeBound } from '@buddy/analysis';
import { DEFAULT_METRICS_FILE, sanitizeForTerminal } from '@buddy/report-format';
import { UsageError } from './usage-error.js';

/** The analyses the visualizer can print, in the order `--all` prints them. */
export const MODES = ['summary', 'trends', 'categories', 'errors'] as const;
export type Mode = (typeof MODES)[number];

/** What the command line asks for. */
export interface VisualizerFlags {
  modes: Mode[];
  files: string[];
  format: 'text' | 'json' | 'markdown';
  since: TimeBound | null;
  until: TimeBound | null;
  /** Output width in characters; null to use the terminal's. */
  width: number | null;
  help: boolean;
}

const MIN_WIDTH = 40;
const MAX_WIDTH = 400;

const OPTIONS = {
  summary: { type: 'boolean' },
  trends: { type: 'boolean' },
  categories: { type: 'boolean' },
  errors: { type: 'boolean' },
  all: { type: 'boolean' },
  file: { type: 'string', short: 'f', multiple: true },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
  since: { type: 'string' },
  until: { type: 'string' },
  width: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses the visualizer's flags; throws UsageError naming the flag and what was expected. */
export function parseFlags(argv: readonly string[]): VisualizerFlags {
  const values = parseStrict(argv);
  if (values.json === true && values.markdown === true) {
    throw new UsageError('--json and --markdown: expected at most one of them, received both');
  }
  return {
    modes: modesOf(values),
    files: values.file ?? [DEFAULT_METRICS_FILE],
    format: values.json === true ? 'json' : values.markdown === true ? 'markdown' : 'text',
    since: timeFlag('--since', values.since),
    until: timeFlag('--until', values.until),
    width: widthFlag(values.width),
    help: values.help === true,
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false })
      .values;
  } catch (error) {
    throw new UsageError(describeParseError(error), { cause: error });
  }
}

/** Node's parseArgs messages are multi-line and generic; say which flag and what was expected. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // Messages quote the flag as '--width <value>' or '-f, --file <value>'; keep the long name.
  const flag = /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? '';
  const shown = sanitizeForTerminal(flag, 60);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `${shown}: unknown flag; expected one of ${Object.keys(OPTIONS)
      .map((name) => `--${name}`)
      .join(', ')}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = sanitizeForTerminal(/'([^']*)'/.exec(message)?.[1] ?? '', 60);
    return `${argument}: unexpected argument; files are given with --file <path>`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('argument missing')) {
    return `${shown}: expected a value after the flag, received none`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return `${shown}: expected no value (it is a switch), received one`;
  }
  return sanitizeForTerminal(message.split('\n')[0] ?? message, 200);
}

function modesOf(values: Partial<Record<Mode | 'all', boolean | undefined>>): Mode[] {
  if (values.all === true) return [...MODES];
  const chosen = MODES.filter((mode) => values[mode] === true);
  return chosen.length === 0 ? ['summary'] : chosen;
}

function timeFlag(flag: string, text: string | undefined): TimeBound | null {
  if (text === undefined) return null;
  const bound = parseTimeBound(text);
  if (bound === null) {
    throw new UsageError(
      `${flag}: expected an ISO time (2026-01-01T10:00:00Z) or a duration such as 30m, 2h, 1d; ` +
        `received "${sanitizeForTerminal(text, 60)}"`,
    );
  }
  return bound;
}

function widthFlag(text: string | undefined): number | null {
  if (text === undefined) return null;
  const width = Number(text);
  if (!/^\d+$/.test(text.trim()) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new UsageError(
      `--width: expected an integer from ${MIN_WIDTH} to ${MAX_WIDTH}, ` +
        `received "${sanitizeForTerminal(text, 60)}"`,
    );
  }
  return width;
}
