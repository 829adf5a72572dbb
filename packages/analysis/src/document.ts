/** Emphasis of a piece of output; the text writer maps it to a colour when colour is on. */
export type Tone = 'good' | 'warn' | 'bad' | 'dim' | 'plain';

/** A column of a table block. */
export interface Column {
  label: string;
  align: 'left' | 'right';
}

/**
 * A format-neutral piece of a rendered analysis. Strings in blocks may come from metrics files
 * (hostile); the writers sanitise every one of them.
 */
export type Block =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'fields'; rows: { label: string; value: string; tone?: Tone }[] }
  | { type: 'table'; columns: Column[]; rows: string[][] }
  | { type: 'chart'; title: string; lines: string[] }
  | { type: 'text'; text: string; tone?: Tone }
  | { type: 'list'; items: { text: string; details?: string[]; tone?: Tone }[] };

/** Output format and layout of the `render…()` functions. */
export interface RenderOptions {
  /** `text` for terminals (default), `markdown` for CI job summaries. */
  format?: 'text' | 'markdown';
  /** Line width in characters for text output and charts (default 80). */
  width?: number;
  /** ANSI colour in text output (default false). */
  color?: boolean;
  /** Rows of each trend chart (default 8). */
  chartHeight?: number;
}

/** Default output width, characters. */
export const DEFAULT_WIDTH = 80;

/** Width clamped to something charts and tables can use. */
export function widthOf(options: RenderOptions): number {
  return Math.max(40, Math.min(400, Math.floor(options.width ?? DEFAULT_WIDTH)));
}
